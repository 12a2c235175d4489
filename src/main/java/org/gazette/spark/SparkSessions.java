package org.gazette.spark;

import java.util.Map;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;

/** Builds Gazette's SparkSession: UTC, Java time types, Parquet that every reader reads. */
public final class SparkSessions {

  private SparkSessions() {}

  private static boolean isLocal(SparkConf conf) {
    return conf.get("spark.master").startsWith("local");
  }

  /**
   * Cores the job will have: those of the local master, else spark.default.parallelism or executors
   * times their cores as configured, else 2 (dynamic allocation: unknown).
   */
  static int defaultParallelism(SparkConf conf) {
    if (conf.contains("spark.default.parallelism")) {
      return conf.getInt("spark.default.parallelism", 2);
    }
    String master = conf.get("spark.master");
    if (isLocal(conf)) {
      java.util.regex.Matcher m =
          java.util.regex.Pattern.compile("local\\[(\\d+|\\*)").matcher(master);
      if (m.find() && !m.group(1).equals("*")) {
        return Integer.parseInt(m.group(1));
      }
      return master.equals("local") ? 1 : Runtime.getRuntime().availableProcessors();
    }
    int executors = conf.getInt("spark.executor.instances", 0);
    int cores = conf.getInt("spark.executor.cores", 1);
    return executors > 0 ? executors * cores : 2;
  }

  /**
   * A session for {@code appName}. The master is the one spark-submit set, else {@code master},
   * else {@code local[*]}; {@code conf} adds or overrides settings.
   */
  public static SparkSession create(String appName, String master, Map<String, String> conf) {
    SparkConf sparkConf = new SparkConf();
    if (master != null) {
      sparkConf.setMaster(master);
    } else if (!sparkConf.contains("spark.master")) {
      sparkConf.setMaster("local[*]");
    }
    sparkConf.setAppName(appName);
    if (isLocal(sparkConf)) {
      // Spark's 200 shuffle partitions suit a cluster; on one machine they cost more in task
      // overhead than they give. On a cluster, spark-submit's setting (or Spark's) stands.
      sparkConf.setIfMissing(
          "spark.sql.shuffle.partitions", Integer.toString(4 * defaultParallelism(sparkConf)));
    }
    sparkConf.setIfMissing("spark.sql.session.timeZone", "UTC");
    sparkConf.set("spark.sql.datetime.java8API.enabled", "true");
    sparkConf.setIfMissing("spark.sql.parquet.outputTimestampType", "TIMESTAMP_MICROS");
    sparkConf.setIfMissing("spark.sql.parquet.compression.codec", "zstd");
    sparkConf.setIfMissing("spark.sql.adaptive.enabled", "true");
    // Annotating costs far more per input byte than Spark's 128 MB splits assume: ask for at
    // least four splits per core so that every core has work until the end.
    sparkConf.setIfMissing(
        "spark.sql.files.minPartitionNum", Integer.toString(4 * defaultParallelism(sparkConf)));
    // Splits of at most 8 MB of Parquet (about 35,000 articles): a cached partition of the
    // annotation pass, articles with their term bags, is then about 120 MB, which a task reads
    // back without running out of heap; Spark's 128 MB splits made 450 MB partitions that
    // failed at one million articles in a 4 GB heap.
    sparkConf.setIfMissing("spark.sql.files.maxPartitionBytes", "8m");
    // The annotation pass is cached on disk once and read a few times: its blocks are
    // compressed whole (lz4), which saves more than compressing column by column.
    sparkConf.setIfMissing("spark.sql.inMemoryColumnarStorage.compressed", "false");
    sparkConf.setIfMissing("spark.rdd.compress", "true");
    // A cached batch is built in memory, each column in one growing buffer, before it goes to
    // disk: 10,000 annotated articles with their term bags made batches of hundreds of MB, 200
    // make one or two MB, which a small heap finds room for. Parquet's vectorized reader holds
    // a batch of input rows per task the same way: 1,024 articles' text rather than 4,096.
    sparkConf.setIfMissing("spark.sql.inMemoryColumnarStorage.batchSize", "200");
    sparkConf.setIfMissing("spark.sql.parquet.columnarReaderBatchSize", "1024");
    // Let adaptive execution merge small shuffle partitions of cached results too.
    sparkConf.setIfMissing("spark.sql.optimizer.canChangeCachedPlanOutputPartitioning", "true");
    // The progress bar is for people watching a terminal, not for logs.
    sparkConf.setIfMissing(
        "spark.ui.showConsoleProgress", Boolean.toString(System.console() != null));
    conf.forEach(sparkConf::set);
    return SparkSession.builder().config(sparkConf).getOrCreate();
  }
}
