package org.gazette.spark;

import java.util.Map;
import org.apache.spark.sql.SparkSession;

/** The SparkSession of a test class: local mode, two shuffle partitions, no UI. */
public final class SparkTestSession {

  private SparkTestSession() {}

  public static SparkSession start(String master) {
    return SparkSessions.create(
        "gazette test",
        master,
        Map.of(
            "spark.ui.enabled", "false",
            "spark.sql.shuffle.partitions", "2",
            "spark.ui.showConsoleProgress", "false",
            "spark.sql.files.minPartitionNum", "2"));
  }
}
