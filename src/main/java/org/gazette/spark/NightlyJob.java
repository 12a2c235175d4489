package org.gazette.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.gazette.Version;
import org.gazette.entity.KnownEntities;
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
      Table.TERM_FREQUENCIES, Table.CORPUS_STATS, Table.ENTITIES, Table.ENTITY_MENTIONS,
      Table.ENTITY_COOCCURRENCE);

  /** The tables of a run without entities: the entity tables are left as they were. */
  static final List<Table> TERM_TABLES = List.of(Table.ARTICLES, Table.REJECTED_ARTICLES,
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
      int partitions,
      KnownEntities known, // null: no entities, terms only
      int pairLimit,
      int minPairDocs) {}

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
    List<Dataset<Row>> cached = new ArrayList<>();
    try {
      describe(spark, "read " + options.input());
      Dataset<Row> conformed = ArticleInput.read(spark, options.input(), options.mapping());
      if (options.partitions() > 0) {
        conformed = conformed.repartition(options.partitions());
      }
      Annotation.Settings settings = new Annotation.Settings(options.reference(),
          options.maxPhraseWords(), options.flushAt(), options.detector(), options.known(),
          options.pairLimit());
      Dataset<Row> judged = AnnotationPass.judged(conformed, options.range());
      // Cached, not checkpointed: a lost executor's blocks are recomputed from the input.
      Dataset<Row> annotated = cache(cached, AnnotationPass.annotate(judged, settings));
      Dataset<Row> keys = cache(cached, Resolution.keys(annotated));
      Dataset<Row> resolved = cache(cached, Resolution.resolve(annotated, keys));
      Dataset<Row> kept = Resolution.kept(resolved);

      describe(spark, "annotate articles of " + options.range());
      long began = System.nanoTime();
      counts = tally(annotated, kept);
      LOG.info("annotated {} rows for {} in {}: {} accepted, {} duplicates, {} rejected",
          fmt(counts.rowsRead()), options.range(), since(began), fmt(counts.accepted()),
          fmt(counts.duplicates()), fmt(counts.rejected()));
      if (counts.rowsRead() == 0) {
        LOG.warn("no input rows for {} in {}: tables left as they were", options.range(),
            options.input());
      } else {
        boolean entities = options.known() != null;
        Dataset<Row> previousEntities = entities ? store.current(spark, Table.ENTITIES) : null;
        Map<String, String> merges = Map.of();
        if (entities) {
          describe(spark, "merge near-spellings of entities");
          merges = EntityTables.merges(kept.where(col("duplicate_of").isNull()),
              previousEntities);
          LOG.info("merged {} near-spellings of entities", fmt(merges.size()));
        }
        Dataset<Row> articles = merges.isEmpty() ? kept
            : cache(cached, EntityTables.linked(kept, merges, options.pairLimit()));
        stage(spark, store, Table.ARTICLES, DailyTables.articles(articles));
        stage(spark, store, Table.REJECTED_ARTICLES, DailyTables.rejectedArticles(annotated));
        Dataset<Row> retracted = AnnotationPass.retract(judged, Resolution.excluded(resolved),
            settings);
        stage(spark, store, Table.TERM_FREQUENCIES,
            DailyTables.termFrequencies(annotated, retracted, options.minPhraseDocs()));
        stage(spark, store, Table.CORPUS_STATS, DailyTables.corpusStats(articles, annotated));
        if (entities) {
          Dataset<Row> mentions = cache(cached, EntityTables.mentions(
              articles.where(col("duplicate_of").isNull())));
          Dataset<Row> entityTable = cache(cached, EntityTables.entities(mentions,
              previousEntities));
          stage(spark, store, Table.ENTITIES, entityTable);
          stage(spark, store, Table.ENTITY_MENTIONS,
              EntityTables.entityMentions(mentions, entityTable));
          stage(spark, store, Table.ENTITY_COOCCURRENCE, EntityTables.entityCooccurrence(
              articles.where(col("duplicate_of").isNull()), mentions, options.minPairDocs()));
        }
        long committing = System.nanoTime();
        store.commit(entities ? TABLES : TERM_TABLES, options.range());
        LOG.info("committed the tables of {} in {}", options.range(), since(committing));
      }
      recordRun(spark, store, runId, started, options, counts, null);
      return counts;
    } catch (RuntimeException e) {
      recordFailure(spark, store, runId, started, options, counts, e);
      throw e;
    } finally {
      cached.forEach(Dataset::unpersist);
      store.cleanUp();
      spark.sparkContext().setJobDescription(null);
    }
  }

  private static Dataset<Row> cache(List<Dataset<Row>> cached, Dataset<Row> rows) {
    Dataset<Row> persisted = rows.persist(StorageLevel.MEMORY_AND_DISK());
    cached.add(persisted);
    return persisted;
  }

  private static Counts tally(Dataset<Row> annotated, Dataset<Row> articles) {
    Row kinds = annotated.agg(
        count(when(col("kind").equalTo(Annotated.ARTICLE), lit(1))).as("rows"),
        count(when(col("kind").equalTo(Annotated.REJECTED), lit(1))).as("rejected"),
        count(when(col("kind").equalTo(Annotated.TERMS), lit(1))).as("term_rows"))
        .first();
    Row resolved = articles.agg(
        count(when(col("duplicate_of").isNull(), lit(1))).as("accepted"),
        count(when(col("duplicate_of").isNotNull(), lit(1))).as("duplicates"),
        sum(col("id_repeats")).as("repeats"))
        .first();
    long rejected = kinds.getLong(1);
    long accepted = resolved.getLong(0);
    long duplicates = resolved.getLong(1) + (resolved.isNullAt(2) ? 0 : resolved.getLong(2));
    LOG.debug("annotation pass: {} rows of partial term counts", fmt(kinds.getLong(2)));
    return new Counts(kinds.getLong(0) + rejected, accepted, duplicates, rejected);
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

  private static void stage(SparkSession spark, TableStore store, Table table,
      Dataset<Row> rows) {
    describe(spark, "write " + table.tableName());
    long began = System.nanoTime();
    store.stage(table, rows);
    LOG.info("wrote {} in {}", table.tableName(), since(began));
  }

  private static String since(long nanos) {
    return String.format(java.util.Locale.ROOT, "%.1f s", (System.nanoTime() - nanos) / 1e9);
  }

  private static void describe(SparkSession spark, String what) {
    spark.sparkContext().setJobDescription(what);
  }

  static String fmt(long n) {
    return String.format(java.util.Locale.ROOT, "%,d", n);
  }
}
