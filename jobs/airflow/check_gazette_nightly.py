"""Loads gazette_nightly.py without Airflow, with stand-ins for the few Airflow names it uses,
and checks the DAG and the spark-submit task it builds from a properties file.

    python3 jobs/airflow/check_gazette_nightly.py      # exit status 0: the checks passed
    python3 jobs/airflow/check_gazette_nightly.py --read FILE   # the DAG's reading of FILE

This checks Gazette's side (the arguments, the schedule, the settings read from the
properties file); it cannot check Airflow's. JobsScriptsTest runs it when python3 is there;
PropertiesReadersTest compares `--read` (key=value lines) with the readers of bash and Java.
"""

from __future__ import annotations

import importlib.util
import os
import sys
import tempfile
import types
import unittest
from datetime import timedelta

sys.dont_write_bytecode = True  # leave no __pycache__ beside the DAG

HERE = os.path.dirname(os.path.abspath(__file__))


class Recorded:
    """Stands for DAG, CronDataIntervalTimetable and SparkSubmitOperator: keeps its arguments."""

    made: list[Recorded] = []

    def __init__(self, *args, **kwargs):
        self.args = args
        self.kwargs = kwargs
        Recorded.made.append(self)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False


def stub(name: str, **attributes) -> None:
    module = types.ModuleType(name)
    module.__dict__.update(attributes)
    sys.modules[name] = module


def load_dag(home: str, properties: str):
    dag, timetable, task, _ = load_module(home, properties)
    return dag, timetable, task


def load_module(home: str, properties: str):
    for name in ("airflow", "airflow.providers", "airflow.providers.apache",
                 "airflow.providers.apache.spark", "airflow.providers.apache.spark.operators"):
        stub(name)
    dag_class = type("DAG", (Recorded,), {})
    timetable_class = type("CronDataIntervalTimetable", (Recorded,), {})
    operator_class = type("SparkSubmitOperator", (Recorded,), {})
    stub("airflow.sdk", DAG=dag_class, CronDataIntervalTimetable=timetable_class)
    stub("airflow.providers.apache.spark.operators.spark_submit",
         SparkSubmitOperator=operator_class)
    if "pendulum" not in sys.modules:
        try:
            import pendulum  # noqa: F401
        except ImportError:
            from datetime import datetime, timezone
            stub("pendulum", parse=lambda text, tz: datetime.fromisoformat(text).replace(
                tzinfo=timezone.utc))
    os.environ["GAZETTE_HOME"] = home
    os.environ["GAZETTE_PROPERTIES"] = properties
    Recorded.made = []
    spec = importlib.util.spec_from_file_location(
        "gazette_nightly", os.path.join(HERE, "gazette_nightly.py"))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    dag = next(r for r in Recorded.made if type(r).__name__ == "DAG")
    timetable = next(r for r in Recorded.made if type(r).__name__ == "CronDataIntervalTimetable")
    task = next(r for r in Recorded.made if type(r).__name__ == "SparkSubmitOperator")
    return dag, timetable, task, module


class GazetteNightlyDagTest(unittest.TestCase):

    def test_defaults_follow_the_default_properties_file(self):
        home = os.path.dirname(os.path.dirname(HERE))
        dag, timetable, task = load_dag(home, os.path.join(home, "jobs", "gazette.properties"))
        self.assertEqual(("30 2 * * *",), timetable.args)
        self.assertEqual("UTC", timetable.kwargs["timezone"])
        self.assertIs(True, dag.kwargs["catchup"])
        self.assertEqual(1, dag.kwargs["max_active_runs"])
        self.assertEqual(2, dag.kwargs["default_args"]["retries"])
        self.assertEqual(timedelta(hours=6), dag.kwargs["default_args"]["execution_timeout"])
        self.assertNotIn("sla", dag.kwargs["default_args"])
        self.assertEqual("org.gazette.Gazette", task.kwargs["java_class"])
        self.assertEqual(os.path.join(home, "jobs", "gazette.properties"),
                         task.kwargs["properties_file"])
        self.assertEqual(os.path.join(home, "target", "gazette-spark.jar"),
                         task.kwargs["application"])
        self.assertEqual(["nightly", "--date", "{{ ds }}",
                          "--properties", os.path.join(home, "jobs", "gazette.properties")],
                         task.kwargs["application_args"])

    def test_settings_come_from_the_properties_file(self):
        with tempfile.TemporaryDirectory(prefix="gazette dag ") as folder:
            properties = os.path.join(folder, "prod.properties")
            with open(properties, "w", encoding="utf-8") as out:
                out.write("# production\n"
                          "spark.master=yarn\n"
                          "gazette.nightly.input = s3a://news/articles\n"
                          "gazette.nightly.trend-top: 100\n"
                          "gazette.submit.jar=local:///opt/gazette/gazette-spark.jar\n")
            dag, timetable, task = load_dag("/srv/gazette home", properties)
            self.assertEqual(properties, task.kwargs["properties_file"])
            self.assertEqual("local:///opt/gazette/gazette-spark.jar", task.kwargs["application"])
            # Gazette reads the options' keys from the file itself.
            self.assertEqual(["nightly", "--date", "{{ ds }}", "--properties", properties],
                             task.kwargs["application_args"])

            # Cluster deploy mode: the file as the driver sees it.
            with open(properties, "a", encoding="utf-8") as out:
                out.write("gazette.submit.options=--files " + properties + "\n"
                          "gazette.submit.properties=prod.properties\n")
            dag, timetable, task = load_dag("/srv/gazette home", properties)
            self.assertEqual(properties, task.kwargs["properties_file"])
            self.assertEqual(["nightly", "--date", "{{ ds }}", "--properties", "prod.properties"],
                             task.kwargs["application_args"])

    def test_a_missing_properties_file_gives_the_defaults(self):
        dag, timetable, task = load_dag("/srv/gazette", "/nonexistent/gazette.properties")
        self.assertEqual("/srv/gazette/target/gazette-spark.jar", task.kwargs["application"])
        self.assertEqual(["nightly", "--date", "{{ ds }}",
                          "--properties", "/nonexistent/gazette.properties"],
                         task.kwargs["application_args"])


def print_settings(path: str) -> None:
    """Prints the key=value settings the DAG reads from the file at path, one a line."""
    _, _, _, module = load_module(os.path.dirname(os.path.dirname(HERE)), path)
    for key, value in module.read_properties(path).items():
        print(f"{key}={value}")


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "--read":
        print_settings(sys.argv[2])
    else:
        unittest.main(verbosity=2)
