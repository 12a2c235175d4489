package org.gazette.spark.job;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.gazette.entity.KnownEntities;
import org.gazette.spark.DateRange;
import org.gazette.spark.input.ArticleInput;
import org.gazette.spark.input.InputFailure;
import org.gazette.spark.input.InputFiles;
import org.gazette.spark.pass.Annotated;
import org.gazette.spark.pass.Annotation;
import org.gazette.spark.pass.AnnotationPass;
import org.gazette.spark.pass.Resolution;
import org.gazette.spark.store.OutputLock;
import org.gazette.spark.store.RunLog;
import org.gazette.spark.store.Table;
import org.gazette.spark.store.TableStore;
import org.gazette.spark.store.TopicModelStore;
import org.gazette.spark.tables.DailyTables;
import org.gazette.spark.tables.EntityTables;
import org.gazette.spark.tables.TopicTimeline;
import org.gazette.spark.tables.TopicTraining;
import org.gazette.spark.tables.Trends;
import org.gazette.text.Detectors;
import org.gazette.text.Reference;
import org.gazette.topic.TopicModel;
import org.gazette.topic.TrackedTopics;
import org.gazette.trend.TrendSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The nightly job: annotate the articles of the given dates once, then write every daily table for
 * those dates, replacing those dates' partitions and nothing else.
 */
public final class NightlyJob {

  private static final Logger LOG = LoggerFactory.getLogger(NightlyJob.class);

  /** The tables a run with every option on writes. */
  public static final List<Table> TABLES =
      List.of(
          Table.ARTICLES,
          Table.REJECTED_ARTICLES,
          Table.TERM_FREQUENCIES,
          Table.ARTICLE_TERMS,
          Table.CORPUS_STATS,
          Table.ENTITIES,
          Table.ENTITY_MENTIONS,
          Table.ENTITY_COOCCURRENCE,
          Table.TERM_TRENDS,
          Table.TOPICS,
          Table.TOPIC_TIMELINE,
          Table.ARTICLE_TOPICS);

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
      return new Counts(
          rowsRead + o.rowsRead,
          accepted + o.accepted,
          duplicates + o.duplicates,
          rejected + o.rejected);
    }
  }

  private NightlyJob() {}

  /**
   * How a run over a range of dates proceeds: in date order, {@code chunkDays} dates per pass (each
   * pass committed on its own, so a failed backfill keeps the dates it finished), and, with {@code
   * skipDone}, leaving out the dates the output already has.
   */
  public record Plan(boolean skipDone, int chunkDays, boolean skipCorruptFiles, long maxPassRows) {
    /** Every date of the range in one pass, done or not: what a re-run of a date needs. */
    public static final Plan ONE_PASS = new Plan(false, Integer.MAX_VALUE, false, 0);

    /** A plan that stops at an input file that cannot be read. */
    public Plan(boolean skipDone, int chunkDays) {
      this(skipDone, chunkDays, false, 0);
    }

    /** A plan whose run over every date splits as the local disk needs ({@link PassPlanner}). */
    public Plan(boolean skipDone, int chunkDays, boolean skipCorruptFiles) {
      this(skipDone, chunkDays, skipCorruptFiles, 0);
    }

    /**
     * {@code maxPassRows}: a run over every date takes at most this many input rows per pass (0: as
     * many as the local disk holds, see {@link PassPlanner}).
     */
    public Plan {
      if (chunkDays < 1) {
        throw new org.gazette.UsageException("--chunk-days must be at least 1, was " + chunkDays);
      }
      if (maxPassRows < 0) {
        throw new org.gazette.UsageException(
            "--max-pass-rows must be 0 (one pass, unless the "
                + "local disk needs more) or more, was "
                + maxPassRows);
      }
    }
  }

  /**
   * One pass: its dates, and for a pass of a run over every date that was split ({@code ofAll}),
   * that it commits only the dates it produced, as such a run does, and whether it takes the rows
   * without a date too.
   */
  record Pass(DateRange range, boolean ofAll, boolean withUndated) {
    static Pass of(DateRange range) {
      return new Pass(range, range.isAll(), range.isAll());
    }
  }

  /**
   * Runs the job over every date of {@code options} in one pass; see {@link #run(SparkSession,
   * Options, Plan)}.
   */
  public static Counts run(SparkSession spark, Options options) {
    return run(spark, options, Plan.ONE_PASS);
  }

  /**
   * Runs the job: takes the output's lock (a second run on the same output refuses), completes or
   * clears what a run that died left, then annotates and commits the dates of {@code options} as
   * {@code plan} says, one {@code runs} row per pass. Returns the counts of all passes.
   */
  public static Counts run(SparkSession spark, Options options, Plan plan) {
    String runId = newRunId(Instant.now());
    TableStore probe = new TableStore(spark, options.output(), runId);
    try (OutputLock lock =
        OutputLock.acquire(probe.fileSystem(), probe.root(), runId, "nightly " + options.range())) {
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
        input =
            ArticleInput.open(spark, options.input(), options.mapping(), plan.skipCorruptFiles());
      } catch (Exception e) { // SparkException too, which Spark throws undeclared
        throw failed(spark, probe, runId, opening, passes.get(0), total, e);
      }
      List<Pass> planned = passes.stream().map(Pass::of).toList();
      Dataset<Row> decisions = null;
      List<Dataset<Row>> cached = new ArrayList<>();
      try {
        if (options.range().isAll()) {
          planned = split(spark, options, plan, input, probe, runId);
          if (planned.size() > 1) {
            // Copies are told from originals over every date at once, as in one pass.
            Instant deciding = Instant.now();
            try {
              describe(spark, "find the copies among the articles of all dates");
              Dataset<Row> keys =
                  cache(
                      cached,
                      AnnotationPass.fingerprints(
                          AnnotationPass.judged(input.rows(), DateRange.ALL, true)));
              decisions = cache(cached, Resolution.decisions(keys));
              LOG.info(
                  "found {} articles that share an id or a text with another, over all " + "dates",
                  fmt(decisions.count()));
              keys.unpersist();
            } catch (Exception e) { // SparkException too, which Spark throws undeclared
              throw failed(spark, probe, runId, deciding, DateRange.ALL, total, e);
            }
          }
        }
        for (int i = 0; i < planned.size(); i++) {
          Pass pass = planned.get(i);
          if (planned.size() > 1) {
            LOG.info("pass {} of {}: {}", i + 1, planned.size(), pass.range());
          }
          total =
              total.plus(
                  runPass(
                      spark,
                      withRange(options, pass.range()),
                      pass,
                      input,
                      decisions,
                      i == 0 ? runId : newRunId(Instant.now())));
        }
      } finally {
        cached.forEach(Dataset::unpersist);
      }
      return total;
    }
  }

  /**
   * The passes of a run over every date: one, unless the input holds more rows than a pass may take
   * ({@link PassPlanner}); then passes of consecutive dates, said in one line.
   */
  private static List<Pass> split(
      SparkSession spark,
      Options options,
      Plan plan,
      ArticleInput.Input input,
      TableStore probe,
      String runId) {
    long rows = 0;
    long bytes = 0;
    for (InputFiles.File f : input.files()) {
      rows += f.rows();
      bytes += f.bytes();
    }
    long maxRows = PassPlanner.maxRows(spark, plan.maxPassRows(), rows, bytes);
    if (rows <= maxRows) {
      return List.of(Pass.of(DateRange.ALL));
    }
    Instant began = Instant.now();
    List<DateRange> ranges;
    try {
      describe(spark, "count the input's rows per date");
      ranges = PassPlanner.split(PassPlanner.rowsPerDate(input.rows()), maxRows);
    } catch (Exception e) { // SparkException too, which Spark throws undeclared
      throw failed(spark, probe, runId, began, DateRange.ALL, new Counts(0, 0, 0, 0), e);
    }
    if (ranges.size() <= 1) {
      return List.of(Pass.of(DateRange.ALL));
    }
    LOG.info(
        "the input holds {} rows, more than one pass takes ({}): running {} passes of "
            + "consecutive dates, each committed on its own",
        fmt(rows),
        plan.maxPassRows() > 0
            ? "--max-pass-rows " + fmt(maxRows)
            : fmt(maxRows) + " as the free local disk holds; --max-pass-rows sets another bound",
        ranges.size());
    List<Pass> passes = new ArrayList<>();
    for (int i = 0; i < ranges.size(); i++) {
      passes.add(new Pass(ranges.get(i), true, i == ranges.size() - 1));
    }
    return passes;
  }

  /** The passes of {@code range}: consecutive dates not done, at most {@code chunkDays} each. */
  static List<DateRange> passes(
      DateRange range, Plan plan, java.util.Set<java.time.LocalDate> done) {
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
      boolean breaks =
          skip
              || (first != null
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
      LOG.info(
          "skipping {} dates done already ({} to {}; --force runs them again)",
          skipped.size(),
          skipped.get(0),
          skipped.get(skipped.size() - 1));
    }
    return passes;
  }

  private static Options withRange(Options o, DateRange range) {
    return new Options(
        o.input(),
        o.output(),
        o.mapping(),
        range,
        o.reference(),
        o.detector(),
        o.maxPhraseWords(),
        o.minPhraseDocs(),
        o.flushAt(),
        o.partitions(),
        o.known(),
        o.pairLimit(),
        o.minPairDocs(),
        o.topics(),
        o.tracked(),
        o.trends());
  }

  /** A run id: its start time, then a random part. */
  static String newRunId(Instant started) {
    return started.toString().replace(":", "").replace("-", "")
        + "-"
        + UUID.randomUUID().toString().substring(0, 8);
  }

  /** One pass over the dates of {@code options}; failures are recorded in {@code runs}. */
  private static Counts runPass(
      SparkSession spark,
      Options options,
      Pass pass,
      ArticleInput.Input input,
      Dataset<Row> runDecisions,
      String runId) {
    Instant started = Instant.now();
    Written written = new Written();
    TableStore store = new TableStore(spark, options.output(), runId);
    Counts counts = new Counts(0, 0, 0, 0);
    List<Dataset<Row>> cached = new ArrayList<>();
    try {
      Dataset<Row> conformed = pass.withUndated() ? input.rows() : input.rows(options.range());
      if (options.partitions() > 0) {
        // By a hash of where each row was read, not round robin: the two passes over the
        // input must see the same rows in the same partitions.
        conformed =
            conformed.repartition(options.partitions(), col("input_file"), col("input_row"));
      }
      Annotation.Settings settings =
          new Annotation.Settings(
              options.reference(),
              options.maxPhraseWords(),
              options.flushAt(),
              options.detector(),
              options.known(),
              options.pairLimit());
      Dataset<Row> judged = AnnotationPass.judged(conformed, options.range(), pass.withUndated());
      Dataset<Row> decisions;
      if (runDecisions == null) {
        Dataset<Row> keys = cache(cached, AnnotationPass.fingerprints(judged));
        describe(spark, "find the copies among the articles of " + options.range());
        long began = System.nanoTime();
        long fingerprinted = keys.count();
        LOG.info(
            "took the fingerprints of {} articles of {} in {}",
            fmt(fingerprinted),
            options.range(),
            since(began));
        decisions = Resolution.decisions(keys);
      } else {
        decisions = AnnotationPass.decisionsOf(judged, runDecisions);
      }
      // Cached, not checkpointed: a lost executor's blocks are recomputed from the input.
      describe(spark, "annotate articles of " + options.range());
      long began = System.nanoTime();
      Dataset<Row> annotated =
          cache(cached, AnnotationPass.annotate(spark, judged, decisions, settings));
      Dataset<Row> kept = annotated.where(col("kind").equalTo(Annotated.ARTICLE));
      counts = tally(annotated);
      LOG.info(
          "annotated {} rows for {} in {}: {} accepted, {} duplicates, {} rejected",
          fmt(counts.rowsRead()),
          options.range(),
          since(began),
          fmt(counts.accepted()),
          fmt(counts.duplicates()),
          fmt(counts.rejected()));
      if (counts.rowsRead() == 0) {
        LOG.warn(
            "no input rows for {} in {}: tables left as they were",
            options.range(),
            options.input());
      } else {
        boolean entities = options.known() != null;
        Dataset<Row> previousEntities = entities ? store.current(spark, Table.ENTITIES) : null;
        Map<String, String> merges = Map.of();
        if (entities) {
          describe(spark, "merge near-spellings of entities");
          merges = EntityTables.merges(kept.where(col("duplicate_of").isNull()), previousEntities);
          LOG.info("merged {} near-spellings of entities", fmt(merges.size()));
        }
        Dataset<Row> articles =
            EntityTables.linked(
                kept, merges, options.pairLimit(), relinked -> cache(cached, relinked));
        stage(spark, store, written, Table.ARTICLES, DailyTables.articles(articles));
        stage(
            spark,
            store,
            written,
            Table.REJECTED_ARTICLES,
            DailyTables.rejectedArticles(annotated));
        stage(
            spark,
            store,
            written,
            Table.TERM_FREQUENCIES,
            DailyTables.termFrequencies(annotated, options.minPhraseDocs()));
        stage(spark, store, written, Table.ARTICLE_TERMS, DailyTables.articleTerms(articles));
        stage(
            spark,
            store,
            written,
            Table.CORPUS_STATS,
            DailyTables.corpusStats(articles, annotated));
        if (entities) {
          Dataset<Row> mentions =
              cache(cached, EntityTables.mentions(articles.where(col("duplicate_of").isNull())));
          Dataset<Row> entityTable =
              cache(cached, EntityTables.entities(mentions, previousEntities));
          stage(spark, store, written, Table.ENTITIES, entityTable);
          stage(
              spark,
              store,
              written,
              Table.ENTITY_MENTIONS,
              EntityTables.entityMentions(mentions, entityTable));
          stage(
              spark,
              store,
              written,
              Table.ENTITY_COOCCURRENCE,
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
        store.commit(written.tables, options.range(), pass.ofAll());
        LOG.info("committed the tables of {} in {}", options.range(), since(committing));
      }
      RunLog.record(
          spark, store, runId, "nightly", started, options.range(), counts, written.rows, null);
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
  private static RuntimeException failed(
      SparkSession spark,
      TableStore store,
      String runId,
      Instant started,
      DateRange dates,
      Counts counts,
      Exception e) {
    RuntimeException failure =
        e instanceof RuntimeException r ? r : new IllegalStateException(e.getMessage(), e);
    org.gazette.UsageException explained = InputFailure.explain(e);
    RunLog.recordFailure(
        spark,
        store,
        runId,
        "nightly",
        started,
        dates,
        counts,
        explained != null ? explained : failure);
    return failure;
  }

  /**
   * Persists {@code rows} on the local disk, compressed: a pass keeps its intermediate rows out of
   * the heap, whose use is then bounded by what its tasks hold at once, whatever the size of the
   * pass. (Cached in memory, the rows of a million articles filled Spark's storage memory, and the
   * heap with it, and the run died.) Read again, they come from the page cache.
   */
  private static Dataset<Row> cache(List<Dataset<Row>> cached, Dataset<Row> rows) {
    Dataset<Row> persisted = rows.persist(StorageLevel.DISK_ONLY());
    cached.add(persisted);
    return persisted;
  }

  /** The counts of a pass from its annotated rows: each input row is one of them. */
  private static Counts tally(Dataset<Row> annotated) {
    Column article = col("kind").equalTo(Annotated.ARTICLE);
    Row kinds =
        annotated
            .agg(
                count(when(article, lit(1))).as("articles"),
                count(when(article.and(col("duplicate_of").isNotNull()), lit(1))).as("duplicates"),
                count(when(col("kind").equalTo(Annotated.COLLAPSED), lit(1))).as("collapsed"),
                count(when(col("kind").equalTo(Annotated.REJECTED), lit(1))).as("rejected"),
                count(when(col("kind").equalTo(Annotated.TERMS), lit(1))).as("term_rows"))
            .first();
    long articles = kinds.getLong(0);
    long duplicates = kinds.getLong(1);
    long collapsed = kinds.getLong(2);
    long rejected = kinds.getLong(3);
    LOG.debug("annotation pass: {} rows of partial term counts", fmt(kinds.getLong(4)));
    return new Counts(
        articles + collapsed + rejected, articles - duplicates, duplicates + collapsed, rejected);
  }

  /**
   * Stages {@code term_trends} from the run's staged counts and the stored counts of the window
   * before its first date: history is read, never annotated again.
   */
  private static void trends(
      SparkSession spark,
      TableStore store,
      Written written,
      DateRange range,
      TrendSettings settings,
      boolean entities) {
    java.util.Optional<DateRange> history = Trends.history(range, settings);
    Dataset<Row> termCounts = withHistory(spark, store, Table.TERM_FREQUENCIES, history);
    Dataset<Row> volumes = withHistory(spark, store, Table.CORPUS_STATS, history);
    Dataset<Row> articles =
        withHistory(spark, store, Table.ARTICLES, history)
            .select("date", "id", "language", "entity_ids", "duplicate_of");
    Dataset<Row> termTrends =
        Trends.termTrends(
            termCounts, volumes, store.staged(spark, Table.ARTICLE_TERMS), range, settings);
    Dataset<Row> entityTrends = Trends.entityTrends(articles, volumes, range, settings);
    stage(
        spark,
        store,
        written,
        Table.TERM_TRENDS,
        Trends.table(
            termTrends, entityTrends, entities ? store.staged(spark, Table.ENTITIES) : null));
  }

  /** The run's staged rows of a daily table, with the stored rows of the {@code history}. */
  private static Dataset<Row> withHistory(
      SparkSession spark, TableStore store, Table table, java.util.Optional<DateRange> history) {
    Dataset<Row> rows = store.staged(spark, table);
    Dataset<Row> stored = history.isPresent() ? store.current(spark, table) : null;
    return stored == null ? rows : rows.unionByName(history.get().filter(stored));
  }

  /**
   * Stages {@code topic_timeline} with the newest topic model, training a first one on the run's
   * own articles when there is none, and {@code topics}.
   */
  private static void topics(
      SparkSession spark,
      TableStore store,
      Written written,
      Options options,
      Dataset<Row> originals) {
    TopicModelStore models = new TopicModelStore(spark, store);
    TopicModel model = options.topics() == null ? null : models.newest();
    boolean trained = false;
    if (options.topics() != null && model == null) {
      describe(spark, "train a first topic model");
      long began = System.nanoTime();
      model =
          TopicTraining.train(
              spark,
              TopicModelStore.newModelId(Instant.now()),
              options.range().toString(),
              store.staged(spark, Table.ARTICLE_TERMS),
              store.staged(spark, Table.TERM_FREQUENCIES),
              options.topics(),
              null);
      if (model == null) {
        LOG.warn(
            "no topic model: no language has {} articles with terms in this run; "
                + "topic_timeline holds tracked topics only",
            options.topics().minArticles());
      } else {
        models.save(model);
        trained = true;
        LOG.info("trained topic model {} in {}", model.modelId(), since(began));
      }
    }
    if (model != null) {
      LOG.info("inferring topics with model {}", model.modelId());
    }
    Dataset<Row> parts =
        TopicTimeline.parts(originals, model, options.tracked()).persist(StorageLevel.DISK_ONLY());
    try {
      stage(spark, store, written, Table.TOPIC_TIMELINE, TopicTimeline.timeline(parts, originals));
      stage(spark, store, written, Table.ARTICLE_TOPICS, TopicTimeline.articleTopics(parts));
    } finally {
      parts.unpersist();
    }
    stage(
        spark,
        store,
        written,
        Table.TOPICS,
        TopicsJob.topicsTable(spark, store, trained ? model : null, options.tracked()));
  }

  private static void stage(
      SparkSession spark, TableStore store, Written written, Table table, Dataset<Row> rows) {
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
