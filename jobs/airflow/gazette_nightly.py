"""Gazette's nightly run as an Airflow DAG: one run per day, `nightly --date {{ ds }}`.

Copy this file into the DAGs folder. It needs apache-airflow-providers-apache-spark (a
release with `properties_file`, added in December 2023) and Gazette's jar built where the
worker runs spark-submit (`mvn -B package` gives target/gazette-spark.jar).

The task runs

    spark-submit --master <the connection's master> --properties-file <the properties file>
      --class org.gazette.Gazette <gazette.submit.jar>
      nightly --date {{ ds }} --properties <gazette.submit.properties, else the properties file>

spark-submit reads the file's spark.* keys; Gazette reads its options' defaults from the
file's gazette.nightly.* keys (gazette.nightly.input, gazette.nightly.output, ...). The DAG
itself reads only the launcher keys it needs, gazette.submit.jar and gazette.submit.properties.

Settings, read when the DAG file is parsed:
  GAZETTE_HOME        the project folder on the worker (default /opt/gazette); a relative
                      gazette.submit.jar is relative to it
  GAZETTE_PROPERTIES  the properties file (default GAZETTE_HOME/jobs/gazette.properties). The
                      master and deploy mode are those of the Airflow connection
                      GAZETTE_SPARK_CONN (default spark_default): spark-submit is always given
                      the connection's --master, which wins over spark.master.
  GAZETTE_START_DATE  the first day to process (default 2023-07-01, the sample corpus's first):
                      catchup=True runs every day from there, oldest first, one at a time.

Paths in the file: Gazette reads relative paths (gazette.nightly.input, ...) against the
folder the driver runs in, which for this task is the worker's, not GAZETTE_HOME: write
absolute paths or URIs (s3a://..., hdfs://...) in a file used here. The built-in defaults
(data/sample/articles, out) are relative too: a file for Airflow sets gazette.nightly.input
and gazette.nightly.output. In cluster deploy mode the driver reads the file on the cluster:
see gazette.submit.properties in jobs/gazette.properties.

The timetable is CronDataIntervalTimetable("30 2 * * *", UTC): the run for day D starts at
02:30 UTC on D+1, and its `ds` (the start of its data interval) is D, the day to process. A
plain cron string would not do on Airflow 3, where it means CronTriggerTimetable and `ds` is
the day the run starts.

Without the Spark provider, the same run through jobs/nightly.sh (which also reads the
properties file, runs the job in GAZETTE_HOME, and uses spark-submit when it says
gazette.submit=spark-submit):

    BashOperator(task_id="nightly", bash_command="$GAZETTE_HOME/jobs/nightly.sh {{ ds }}",
                 env={"GAZETTE_HOME": GAZETTE_HOME}, append_env=True)

Exit status 2 (a bad option, a missing input) fails the same way as 1; retries cannot mend
it, but they cost little. Re-running a day replaces that day's partitions only; the trends of
the days after it were scored without it, so clear those runs too when the day changed much.
"""

from __future__ import annotations

import os
import re
from datetime import timedelta

import pendulum

try:  # Airflow 3
    from airflow.sdk import DAG
except ImportError:  # Airflow 2
    from airflow import DAG

try:  # Airflow 3.1 and newer
    from airflow.sdk import CronDataIntervalTimetable
except ImportError:  # Airflow 2, 3.0
    from airflow.timetables.interval import CronDataIntervalTimetable

from airflow.providers.apache.spark.operators.spark_submit import SparkSubmitOperator

GAZETTE_HOME = os.environ.get("GAZETTE_HOME", "/opt/gazette")
PROPERTIES = os.environ.get(
    "GAZETTE_PROPERTIES", os.path.join(GAZETTE_HOME, "jobs", "gazette.properties"))
SPARK_CONN = os.environ.get("GAZETTE_SPARK_CONN", "spark_default")
START_DATE = os.environ.get("GAZETTE_START_DATE", "2023-07-01")

# key=value, key: value or key value; the same patterns as jobs/lib/properties.sh.
KEY_VALUE = re.compile(r"([^=:\s]+)\s*[=:]?\s*(.*)")
URI = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:")


def read_properties(path: str) -> dict[str, str]:
    """The key=value lines of a properties file, as jobs/lib/properties.sh reads them.

    A missing file gives no settings (the defaults below), so that the DAG still parses on a
    scheduler that does not hold the file.
    """
    settings: dict[str, str] = {}
    try:
        with open(path, encoding="utf-8") as lines:
            for number, line in enumerate(lines, 1):
                line = line.strip()
                if not line or line[0] in "#!":
                    continue
                if "\\" in line:
                    raise ValueError(f"{path}, line {number}: backslashes are not read here")
                key, value = KEY_VALUE.match(line).groups()
                settings[key] = value.strip()
    except FileNotFoundError:
        pass
    return settings


def setting(settings: dict[str, str], key: str, default: str) -> str:
    """A key's value; a key set to nothing counts as not set, as in jobs/nightly.sh."""
    return settings.get(key) or default


def absolute(path: str) -> str:
    """A path relative to GAZETTE_HOME made absolute; absolute paths and URIs as they are."""
    if os.path.isabs(path) or URI.match(path):
        return path
    return os.path.join(GAZETTE_HOME, path)


SETTINGS = read_properties(PROPERTIES)
# The options of nightly are the file's gazette.nightly.* keys, which Gazette reads.
NIGHTLY_ARGS = [
    "nightly",
    "--date", "{{ ds }}",
    "--properties", setting(SETTINGS, "gazette.submit.properties", PROPERTIES),
]

with DAG(
    dag_id="gazette_nightly",
    description="Gazette: the daily tables of the day before (UTC)",
    schedule=CronDataIntervalTimetable("30 2 * * *", timezone="UTC"),
    start_date=pendulum.parse(START_DATE, tz="UTC"),
    catchup=True,
    # Gazette locks its output folder and refuses a second run on it; days run one at a time,
    # oldest first, so that each day's trends are scored against the days before it.
    max_active_runs=1,
    dagrun_timeout=timedelta(hours=8),
    default_args={
        "owner": "gazette",
        "retries": 2,
        "retry_delay": timedelta(minutes=15),
        # Per attempt. No `sla`: Airflow 3 removed it (Deadline Alerts replace it from 3.1),
        # and on Airflow 2 it would report every day of a catch-up as missed.
        "execution_timeout": timedelta(hours=6),
    },
    tags=["gazette"],
    doc_md=__doc__,
) as dag:
    SparkSubmitOperator(
        task_id="nightly",
        conn_id=SPARK_CONN,
        application=absolute(setting(SETTINGS, "gazette.submit.jar", "target/gazette-spark.jar")),
        java_class="org.gazette.Gazette",
        properties_file=PROPERTIES,
        application_args=NIGHTLY_ARGS,
        name="gazette-nightly",
    )
