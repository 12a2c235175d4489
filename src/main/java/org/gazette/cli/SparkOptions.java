package org.gazette.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
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

  /** A session named after the command. */
  public SparkSession session(String command) {
    return SparkSessions.create("gazette " + command, master, conf);
  }
}
