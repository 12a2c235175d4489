package org.gazette.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import org.gazette.UsageException;
import org.gazette.spark.SparkSessions;
import picocli.CommandLine.Option;

/** Options shared by the commands that run Spark. */
public final class SparkOptions {

  @Option(
      names = "--master",
      description = "Spark master; default: the one spark-submit set, else local[*]")
  String master;

  @Option(
      names = "--conf",
      paramLabel = "KEY=VALUE",
      description = "a Spark setting, e.g. --conf spark.sql.shuffle.partitions=64 (repeatable)")
  Map<String, String> conf = new LinkedHashMap<>();

  /** The forms of a Spark master URL. */
  private static final java.util.regex.Pattern MASTER =
      java.util.regex.Pattern.compile(
          "local(\\[(\\d+|\\*)(,\\d+)?])?|local-cluster\\[.*]|(spark|k8s)://.+|yarn");

  /** Checks the options: a master that Spark would not parse is a usage error. */
  public void check() {
    if (master != null && !MASTER.matcher(master).matches()) {
      throw new UsageException(
          "--master must be local, local[N], local[*], spark://HOST:PORT, yarn or k8s://URL, was "
              + master);
    }
  }

  /** A session named after the command, once the options are checked. */
  public SparkSession session(String command) {
    check();
    return SparkSessions.create("gazette " + command, master, conf);
  }
}
