package org.gazette.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.gazette.Version;
import org.gazette.text.Detectors;
import org.gazette.text.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The nightly job: annotate the articles of the given dates once, then write every daily
 * table for those dates, replacing those dates' partitions and nothing else.
 */
public final class NightlyJob {

  private static final Logger LOG = LoggerFactory.getLogger(NightlyJob.class);

  /** The daily tables this job writes. */
  public static final List<Table> TABLES = List.of(Table.ARTICLES, Table.REJECTED_ARTICLES,
      Table.TERM_FREQUENCIES, Table.CORPUS_STATS);

  /** What to run on. */
  public record Options(
      String input,
      String output,
      Map<String, String> mapping,
      DateRange range,
      Reference reference,
      Detectors.Shippable detector,
      int maxPhraseWords,
      int minPhraseDocs,
      int flushAt,
      int partitions) {}

  /** Counts of a run, as written to {@code runs}. */
  public record Counts(long rowsRead, long accepted, long duplicates, long rejected) {}

  private NightlyJob() {}

  /** Runs the job; returns the counts of the run. Failures are recorded in {@code runs}. */
  public static Counts run(SparkSession spark, Options options) {
    Instant started = Instant.now();
    String runId = started.toString().replace(":", "").replace("-", "") + "-"
        + UUID.randomUUID().toString().substring(0, 8);
    TableStore store = new TableStore(spark, options.output(), runId);
    Counts counts = new Counts(0, 0, 0, 0);
    Dataset<Row> annotated = null;
    try {
      describe(spark, "read " + options.input());
      Dataset<Row> conformed = ArticleInput.read(spark, options.input(), options.mapping());
      Annotation.Settings settings = new Annotation.Settings(options.reference(),
          options.maxPhraseWords(), options.flushAt(), options.detector());
      int partitions = options.partitions() > 0 ? options.partitions()
          : defaultPartitions(spark, conformed);
      annotated = AnnotationPass.annotate(conformed, options.range(), settings, partitions)
          .persist(StorageLevel.MEMORY_AND_DISK());

      describe(spark, "annotate articles of " + options.range());
      counts = tally(annotated);
      LOG.info("read {} rows for {}: {} accepted, {} duplicates, {} rejected",
          fmt(counts.rowsRead()), options.range(), fmt(counts.accepted()),
          fmt(counts.duplicates()), fmt(counts.rejected()));
      if (counts.rowsRead() == 0) {
        LOG.warn("no input rows for {} in {}: tables left as they were", options.range(),
            options.input());
      } else {
        describe(spark, "write articles");
        store.stage(Table.ARTICLES, DailyTables.articles(annotated));
        describe(spark, "write rejected_articles");
        store.stage(Table.REJECTED_ARTICLES, DailyTables.rejectedArticles(annotated));
        describe(spark, "write term_frequencies");
        store.stage(Table.TERM_FREQUENCIES,
            DailyTables.termFrequencies(annotated, options.minPhraseDocs()));
        describe(spark, "write corpus_stats");
        store.stage(Table.CORPUS_STATS, DailyTables.corpusStats(annotated));
        store.commit(TABLES, options.range());
      }
      recordRun(spark, store, runId, started, options, counts, null);
      return counts;
    } catch (RuntimeException e) {
      recordFailure(spark, store, runId, started, options, counts, e);
      throw e;
    } finally {
      if (annotated != null) {
        annotated.unpersist();
      }
      store.cleanUp();
      spark.sparkContext().setJobDescription(null);
    }
  }

  /**
   * Partitions of the annotation pass: four per input split (about 32 MB of Parquet each at
   * Spark's default split size), and at least one per core.
   */
  static int defaultPartitions(SparkSession spark, Dataset<Row> input) {
    int splits = input.rdd().getNumPartitions();
    return Math.max(spark.sparkContext().defaultParallelism(), 4 * splits);
  }

  private static Counts tally(Dataset<Row> annotated) {
    Row row = annotated.where(col("kind").notEqual(Annotated.TERM)).agg(
        count(when(col("kind").equalTo(Annotated.ARTICLE).and(col("duplicate_of").isNull()),
            lit(1))).as("accepted"),
        count(when(col("duplicate_of").isNotNull(), lit(1))).as("duplicates"),
        sum(col("id_repeats")).as("repeats"),
        count(when(col("kind").equalTo(Annotated.REJECTED), lit(1))).as("rejected"))
        .first();
    long accepted = row.getLong(0);
    long duplicates = row.getLong(1) + (row.isNullAt(2) ? 0 : row.getLong(2));
    long rejected = row.getLong(3);
    return new Counts(accepted + duplicates + rejected, accepted, duplicates, rejected);
  }

  private static void recordFailure(SparkSession spark, TableStore store, String runId,
      Instant started, Options options, Counts counts, RuntimeException e) {
    try {
      recordRun(spark, store, runId, started, options, counts, e);
    } catch (RuntimeException second) {
      e.addSuppressed(second);
    }
  }

  private static void recordRun(SparkSession spark, TableStore store, String runId,
      Instant started, Options options, Counts counts, Throwable failure) {
    Row run = RowFactory.create(runId, "nightly", started, Instant.now(),
        failure == null ? "succeeded" : "failed", options.range().toString(), counts.rowsRead(),
        counts.accepted(), counts.duplicates(), counts.rejected(), Version.get(),
        failure == null ? null : String.valueOf(failure.getMessage()));
    describe(spark, "write runs");
    store.append(Table.RUNS, spark.createDataFrame(List.of(run), Table.RUNS.schema()));
  }

  private static void describe(SparkSession spark, String what) {
    spark.sparkContext().setJobDescription(what);
  }

  static String fmt(long n) {
    return String.format(java.util.Locale.ROOT, "%,d", n);
  }
}
