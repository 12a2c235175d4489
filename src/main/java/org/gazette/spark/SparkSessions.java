package org.gazette.spark;

import java.util.Map;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;

/** Builds Gazette's SparkSession: UTC, Java time types, Parquet that every reader reads. */
public final class SparkSessions {

  private SparkSessions() {}

  /**
   * A session for {@code appName}. The master is the one spark-submit set, else {@code
   * master}, else {@code local[*]}; {@code conf} adds or overrides settings.
   */
  public static SparkSession create(String appName, String master, Map<String, String> conf) {
    SparkConf sparkConf = new SparkConf();
    if (master != null) {
      sparkConf.setMaster(master);
    } else if (!sparkConf.contains("spark.master")) {
      sparkConf.setMaster("local[*]");
    }
    sparkConf.setAppName(appName);
    if (sparkConf.get("spark.master").startsWith("local")) {
      // Spark's 200 shuffle partitions suit a cluster; on one machine they cost more in task
      // overhead than they give. On a cluster, spark-submit's setting (or Spark's) stands.
      sparkConf.setIfMissing("spark.sql.shuffle.partitions",
          Integer.toString(4 * Runtime.getRuntime().availableProcessors()));
    }
    sparkConf.setIfMissing("spark.sql.session.timeZone", "UTC");
    sparkConf.set("spark.sql.datetime.java8API.enabled", "true");
    sparkConf.setIfMissing("spark.sql.parquet.outputTimestampType", "TIMESTAMP_MICROS");
    sparkConf.setIfMissing("spark.sql.parquet.compression.codec", "zstd");
    sparkConf.setIfMissing("spark.sql.adaptive.enabled", "true");
    // The annotation pass is cached once and read a few times: compressing it costs more CPU
    // than the memory it saves is worth.
    sparkConf.setIfMissing("spark.sql.inMemoryColumnarStorage.compressed", "false");
    // Let adaptive execution merge small shuffle partitions of cached results too.
    sparkConf.setIfMissing("spark.sql.optimizer.canChangeCachedPlanOutputPartitioning", "true");
    // The progress bar is for people watching a terminal, not for logs.
    sparkConf.setIfMissing("spark.ui.showConsoleProgress",
        Boolean.toString(System.console() != null));
    conf.forEach(sparkConf::set);
    return SparkSession.builder().config(sparkConf).getOrCreate();
  }
}
