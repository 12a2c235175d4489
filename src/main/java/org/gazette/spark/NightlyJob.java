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
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.gazette.entity.KnownEntities;
import org.gazette.text.Detectors;
import org.gazette.text.Reference;
import org.gazette.topic.TopicModel;
import org.gazette.topic.TrackedTopics;
import org.gazette.trend.TrendSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The nightly job: annotate the articles of the given dates once, then write every daily
 * table for those dates, replacing those dates' partitions and nothing else.
 */
public final class NightlyJob {

  private static final Logger LOG = LoggerFactory.getLogger(NightlyJob.class);

  /** The tables a run with every option on writes. */
  public static final List<Table> TABLES = List.of(Table.ARTICLES, Table.REJECTED_ARTICLES,
      Table.TERM_FREQUENCIES, Table.ARTICLE_TERMS, Table.CORPUS_STATS, Table.ENTITIES,
      Table.ENTITY_MENTIONS, Table.ENTITY_COOCCURRENCE, Table.TERM_TRENDS, Table.TOPICS,
      Table.TOPIC_TIMELINE, Table.ARTICLE_TOPICS);

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
      int minPairDocs,
      TopicTraining.Settings topics, // null: no topic model, no learned topics' timeline
      TrackedTopics tracked, // null: no tracked topics
      TrendSettings trends) {} // null: no term_trends

  /** Counts of a run, as written to {@code runs}. */
  public record Counts(long rowsRead, long accepted, long duplicates, long rejected) {
    Counts plus(Counts o) {
      return new Counts(rowsRead + o.rowsRead, accepted + o.accepted, duplicates + o.duplicates,
          rejected + o.rejected);
    }
  }

  private NightlyJob() {}

  /**
   * How a run over a range of dates proceeds: in date order, {@code chunkDays} dates per pass
   * (each pass committed on its own, so a failed backfill keeps the dates it finished), and,
   * with {@code skipDone}, leaving out the dates the output already has.
   */
  public record Plan(boolean skipDone, int chunkDays, boolean skipCorruptFiles) {
    /** Every date of the range in one pass, done or not: what a re-run of a date needs. */
    public static final Plan ONE_PASS = new Plan(false, Integer.MAX_VALUE, false);

    /** A plan that stops at an input file that cannot be read. */
    public Plan(boolean skipDone, int chunkDays) {
      this(skipDone, chunkDays, false);
    }

    public Plan {
      if (chunkDays < 1) {
        throw new org.gazette.UsageException("--chunk-days must be at least 1, was " + chunkDays);
      }
    }
  }

  /** Runs the job over every date of {@code options} in one pass; see {@link #run(SparkSession, Options, Plan)}. */
  public static Counts run(SparkSession spark, Options options) {
    return run(spark, options, Plan.ONE_PASS);
  }

  /**
   * Runs the job: takes the output's lock (a second run on the same output refuses), completes
   * or clears what a run that died left, then annotates and commits the dates of {@code
   * options} as {@code plan} says, one {@code runs} row per pass. Returns the counts of all
   * passes.
   */
  public static Counts run(SparkSession spark, Options options, Plan plan) {
    String runId = newRunId(Instant.now());
    TableStore probe = new TableStore(spark, options.output(), runId);
    try (OutputLock lock = OutputLock.acquire(probe.fileSystem(), probe.root(), runId,
        "nightly " + options.range())) {
      probe.recover();
      List<DateRange> passes = passes(options.range(), plan, probe.doneDates());
      Counts total = new Counts(0, 0, 0, 0);
      if (passes.isEmpty()) {
        return total;
      }
      // Listed and checked once, by footers; each pass reads its own dates' rows of it.
      ArticleInput.Input input;
      Instant opening = Instant.now();
      try {
        describe(spark, "read " + options.input());
        input = ArticleInput.open(spark, options.input(), options.mapping(),
            plan.skipCorruptFiles());
      } catch (Exception e) { // SparkException too, which Spark throws undeclared
        throw failed(spark, probe, runId, opening, passes.get(0), total, e);
      }
      for (int i = 0; i < passes.size(); i++) {
        Options pass = withRange(options, passes.get(i));
        if (passes.size() > 1) {
          LOG.info("pass {} of {}: {}", i + 1, passes.size(), pass.range());
        }
        total = total.plus(runPass(spark, pass, input, i == 0 ? runId
            : newRunId(Instant.now())));
      }
      return total;
    }
  }

  /** The passes of {@code range}: consecutive dates not done, at most {@code chunkDays} each. */
  static List<DateRange> passes(DateRange range, Plan plan, java.util.Set<java.time.LocalDate> done) {
    if (range.isAll()) {
      return List.of(range);
    }
    List<DateRange> passes = new ArrayList<>();
    java.time.LocalDate first = null;
    java.time.LocalDate last = null;
    List<java.time.LocalDate> skipped = new ArrayList<>();
    for (java.time.LocalDate day : range.days()) {
      boolean skip = plan.skipDone() && done.contains(day);
      if (skip) {
        skipped.add(day);
      }
      boolean breaks = skip || (first != null
          && java.time.temporal.ChronoUnit.DAYS.between(first, day) >= plan.chunkDays());
      if (breaks && first != null) {
        passes.add(new DateRange(first, last));
        first = null;
      }
      if (!skip) {
        if (first == null) {
          first = day;
        }
        last = day;
      }
    }
    if (first != null) {
      passes.add(new DateRange(first, last));
    }
    if (!skipped.isEmpty()) {
      LOG.info("skipping {} dates done already ({} to {}; --force runs them again)",
          skipped.size(), skipped.get(0), skipped.get(skipped.size() - 1));
    }
    return passes;
  }

  private static Options withRange(Options o, DateRange range) {
    return new Options(o.input(), o.output(), o.mapping(), range, o.reference(), o.detector(),
        o.maxPhraseWords(), o.minPhraseDocs(), o.flushAt(), o.partitions(), o.known(),
        o.pairLimit(), o.minPairDocs(), o.topics(), o.tracked(), o.trends());
  }

  /** A run id: its start time, then a random part. */
  static String newRunId(Instant started) {
    return started.toString().replace(":", "").replace("-", "") + "-"
        + UUID.randomUUID().toString().substring(0, 8);
  }

  /** One pass over the dates of {@code options}; failures are recorded in {@code runs}. */
  private static Counts runPass(SparkSession spark, Options options, ArticleInput.Input input,
      String runId) {
    Instant started = Instant.now();
    Written written = new Written();
    TableStore store = new TableStore(spark, options.output(), runId);
    Counts counts = new Counts(0, 0, 0, 0);
    List<Dataset<Row>> cached = new ArrayList<>();
    try {
      Dataset<Row> conformed = input.rows(options.range());
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
        stage(spark, store, written, Table.ARTICLES, DailyTables.articles(articles));
        stage(spark, store, written, Table.REJECTED_ARTICLES, DailyTables.rejectedArticles(annotated));
        Dataset<Row> retracted = AnnotationPass.retract(judged, Resolution.excluded(resolved),
            settings);
        stage(spark, store, written, Table.TERM_FREQUENCIES,
            DailyTables.termFrequencies(annotated, retracted, options.minPhraseDocs()));
        stage(spark, store, written, Table.ARTICLE_TERMS, DailyTables.articleTerms(articles));
        stage(spark, store, written, Table.CORPUS_STATS,
            DailyTables.corpusStats(articles, annotated));
        if (entities) {
          Dataset<Row> mentions = cache(cached, EntityTables.mentions(
              articles.where(col("duplicate_of").isNull())));
          Dataset<Row> entityTable = cache(cached, EntityTables.entities(mentions,
              previousEntities));
          stage(spark, store, written, Table.ENTITIES, entityTable);
          stage(spark, store, written, Table.ENTITY_MENTIONS,
              EntityTables.entityMentions(mentions, entityTable));
          stage(spark, store, written, Table.ENTITY_COOCCURRENCE,
              EntityTables.entityCooccurrence(
              articles.where(col("duplicate_of").isNull()), mentions, options.minPairDocs()));
        }
        if (options.trends() != null) {
          trends(spark, store, written, options.range(), options.trends(), entities);
        }
        if (options.topics() != null || options.tracked() != null) {
          topics(spark, store, written, options, articles.where(col("duplicate_of").isNull()));
        }
        long committing = System.nanoTime();
        store.commit(written.tables, options.range());
        LOG.info("committed the tables of {} in {}", options.range(), since(committing));
      }
      RunLog.record(spark, store, runId, "nightly", started, options.range(), counts,
          written.rows, null);
      return counts;
    } catch (Exception e) { // SparkException too, which Spark throws undeclared
      throw failed(spark, store, runId, started, options.range(), counts, e);
    } finally {
      cached.forEach(Dataset::unpersist);
      store.cleanUp();
      spark.sparkContext().setJobDescription(null);
    }
  }

  /**
   * Records the failure {@code e} of a pass in {@code runs}, with the one-line explanation of an
   * unreadable input where there is one, and returns it as the exception to throw.
   */
  private static RuntimeException failed(SparkSession spark, TableStore store, String runId,
      Instant started, DateRange dates, Counts counts, Exception e) {
    RuntimeException failure = e instanceof RuntimeException r ? r
        : new IllegalStateException(e.getMessage(), e);
    org.gazette.UsageException explained = InputFailure.explain(e);
    RunLog.recordFailure(spark, store, runId, "nightly", started, dates, counts,
        explained != null ? explained : failure);
    return failure;
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


  /**
   * Stages {@code term_trends} from the run's staged counts and the stored counts of the
   * window before its first date: history is read, never annotated again.
   */
  private static void trends(SparkSession spark, TableStore store, Written written,
      DateRange range, TrendSettings settings, boolean entities) {
    java.util.Optional<DateRange> history = Trends.history(range, settings);
    Dataset<Row> termCounts = withHistory(spark, store, Table.TERM_FREQUENCIES, history);
    Dataset<Row> volumes = withHistory(spark, store, Table.CORPUS_STATS, history);
    Dataset<Row> articles = withHistory(spark, store, Table.ARTICLES, history)
        .select("date", "id", "language", "entity_ids", "duplicate_of");
    Dataset<Row> termTrends = Trends.termTrends(termCounts, volumes,
        store.staged(spark, Table.ARTICLE_TERMS), range, settings);
    Dataset<Row> entityTrends = Trends.entityTrends(articles, volumes, range, settings);
    stage(spark, store, written, Table.TERM_TRENDS, Trends.table(termTrends, entityTrends,
        entities ? store.staged(spark, Table.ENTITIES) : null));
  }

  /** The run's staged rows of a daily table, with the stored rows of the {@code history}. */
  private static Dataset<Row> withHistory(SparkSession spark, TableStore store, Table table,
      java.util.Optional<DateRange> history) {
    Dataset<Row> rows = store.staged(spark, table);
    Dataset<Row> stored = history.isPresent() ? store.current(spark, table) : null;
    return stored == null ? rows : rows.unionByName(history.get().filter(stored));
  }

  /**
   * Stages {@code topic_timeline} with the newest topic model, training a first one on the
   * run's own articles when there is none, and {@code topics}.
   */
  private static void topics(SparkSession spark, TableStore store, Written written,
      Options options, Dataset<Row> originals) {
    TopicModelStore models = new TopicModelStore(spark, store);
    TopicModel model = options.topics() == null ? null : models.newest();
    boolean trained = false;
    if (options.topics() != null && model == null) {
      describe(spark, "train a first topic model");
      long began = System.nanoTime();
      model = TopicTraining.train(spark, TopicModelStore.newModelId(Instant.now()),
          options.range().toString(), store.staged(spark, Table.ARTICLE_TERMS),
          store.staged(spark, Table.TERM_FREQUENCIES), options.topics(), null);
      if (model == null) {
        LOG.warn("no topic model: no language has {} articles with terms in this run; "
            + "topic_timeline holds tracked topics only", options.topics().minArticles());
      } else {
        models.save(model);
        trained = true;
        LOG.info("trained topic model {} in {}", model.modelId(), since(began));
      }
    }
    if (model != null) {
      LOG.info("inferring topics with model {}", model.modelId());
    }
    Dataset<Row> parts = TopicTimeline.parts(originals, model, options.tracked())
        .persist(StorageLevel.MEMORY_AND_DISK());
    try {
      stage(spark, store, written, Table.TOPIC_TIMELINE,
          TopicTimeline.timeline(parts, originals));
      stage(spark, store, written, Table.ARTICLE_TOPICS, TopicTimeline.articleTopics(parts));
    } finally {
      parts.unpersist();
    }
    stage(spark, store, written, Table.TOPICS,
        TopicsJob.topicsTable(spark, store, trained ? model : null, options.tracked()));
  }

  private static void stage(SparkSession spark, TableStore store, Written written,
      Table table, Dataset<Row> rows) {
    describe(spark, "write " + table.tableName());
    long began = System.nanoTime();
    store.stage(table, rows);
    Dataset<Row> staged = store.staged(spark, table);
    long n = staged == null ? 0 : staged.count(); // from the Parquet footers
    written.add(table, n);
    LOG.info("wrote {}: {} rows in {}", table.tableName(), fmt(n), since(began));
  }

  /** The tables a pass staged, with their rows. */
  private static final class Written {
    final List<Table> tables = new ArrayList<>();
    final Map<String, Long> rows = new java.util.LinkedHashMap<>();

    void add(Table table, long n) {
      tables.add(table);
      rows.put(table.tableName(), n);
    }
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
