package org.gazette.spark.job;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.gazette.Check;
import org.gazette.spark.DateRange;
import org.gazette.spark.Fmt;
import org.gazette.spark.input.ArticleInput;
import org.gazette.spark.input.InputFiles;
import org.gazette.spark.pass.Annotated;
import org.gazette.spark.pass.Annotation;
import org.gazette.spark.pass.AnnotationPass;
import org.gazette.spark.pass.Resolution;
import org.gazette.spark.store.RunCounts;
import org.gazette.spark.store.Table;
import org.gazette.spark.tables.EntityTables;
import org.gazette.spark.tables.TopicTraining;
import org.gazette.text.Detectors;
import org.gazette.text.Reference;
import org.gazette.topic.TrackedTopics;
import org.gazette.trend.TrendSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The nightly job: for the dates asked, pass by pass, annotate the articles once, resolve them
 * (copies, and near-spellings of names), then run each stage of the night, which writes its tables;
 * each pass commits its tables at once and replaces those dates' partitions and nothing else.
 */
public final class NightlyJob {

  private static final Logger LOG = LoggerFactory.getLogger(NightlyJob.class);

  /**
   * Where the articles are read.
   *
   * @param path a Parquet file or folder
   * @param mapping contract column to input column
   * @param skipCorruptFiles leave out input files that cannot be read, instead of stopping
   * @param partitions spread the input over this many partitions first; 0: as read
   */
  public record Input(
      String path, Map<String, String> mapping, boolean skipCorruptFiles, int partitions) {
    public Input {
      mapping = Map.copyOf(mapping);
      Check.option(partitions >= 0, "--partitions", "0 (as read) or more", partitions);
    }

    /** {@code path} as it is: contract columns, no file skipped, partitions as read. */
    public static Input of(String path) {
      return new Input(path, Map.of(), false, 0);
    }

    public Input withMapping(Map<String, String> m) {
      return new Input(path, m, skipCorruptFiles, partitions);
    }

    public Input withSkipCorruptFiles(boolean skip) {
      return new Input(path, mapping, skip, partitions);
    }

    public Input withPartitions(int n) {
      return new Input(path, mapping, skipCorruptFiles, n);
    }
  }

  /**
   * How the text is analysed.
   *
   * @param reference stop words, elisions, languages, entities' reference data
   * @param detector the language detector, shipped to the executors
   * @param maxPhraseWords longest phrase counted, 1 to 3 words
   * @param termBuffer distinct terms a task sums before it hands them to Spark
   */
  public record Analysis(
      Reference reference, Detectors.Shippable detector, int maxPhraseWords, int termBuffer) {
    public Analysis {
      Check.option(
          maxPhraseWords >= 1 && maxPhraseWords <= 3,
          "--max-phrase-words",
          "1, 2 or 3",
          maxPhraseWords);
      Check.option(termBuffer >= 1, "--term-buffer", "at least 1", termBuffer);
    }

    /** The reference data's analysis: phrases of 3 words, the default term buffer. */
    public static Analysis defaults(Reference reference) {
      return new Analysis(reference, Detectors.standard(reference), 3, Annotation.DEFAULT_FLUSH_AT);
    }

    public Analysis withMaxPhraseWords(int n) {
      return new Analysis(reference, detector, n, termBuffer);
    }

    public Analysis withTermBuffer(int n) {
      return new Analysis(reference, detector, maxPhraseWords, n);
    }
  }

  /**
   * How a run over a range of dates proceeds: in date order, {@code chunkDays} dates per pass (each
   * pass committed on its own, so a failed backfill keeps the dates it finished), and, with {@code
   * skipDone}, leaving out the dates the output already has; a run over every date takes at most
   * {@code maxPassRows} input rows per pass (0: as many as the local disk holds, see {@link
   * PassPlanner}).
   */
  public record Plan(boolean skipDone, int chunkDays, long maxPassRows) {
    /** Every date of the range in one pass, done or not: what a re-run of a date needs. */
    public static final Plan ONE_PASS = new Plan(false, Integer.MAX_VALUE, 0);

    public Plan {
      Check.option(chunkDays >= 1, "--chunk-days", "at least 1", chunkDays);
      Check.option(
          maxPassRows >= 0,
          "--max-pass-rows",
          "0 (one pass, unless the local disk needs more) or more",
          maxPassRows);
    }

    /** A backfill: {@code chunkDays} dates per pass, the dates done skipped unless forced. */
    public static Plan backfill(boolean force, int chunkDays) {
      return new Plan(!force, chunkDays, 0);
    }

    public Plan withMaxPassRows(long n) {
      return new Plan(skipDone, chunkDays, n);
    }
  }

  /**
   * A night: where its articles come from and its tables go, how text is analysed, how its dates
   * are split into passes, and its stages, in the order they run.
   */
  public record Settings(
      Input input, String output, Analysis analysis, Plan plan, List<Stage> stages) {
    public Settings {
      stages = List.copyOf(stages);
      if (stages.stream().noneMatch(ArticleStage.class::isInstance)) {
        throw new IllegalArgumentException("a night needs its article stage");
      }
    }

    /**
     * Every stage with its defaults and the bundled reference data: what {@code nightly} runs
     * without options.
     */
    public static Settings defaults(String input, String output) {
      Reference reference = Reference.bundled();
      return new Settings(
          Input.of(input),
          output,
          Analysis.defaults(reference),
          Plan.ONE_PASS,
          List.of(
              new ArticleStage(ArticleStage.Settings.DEFAULTS),
              new EntityStage(EntityStage.Settings.defaults()),
              new TrendStage(TrendSettings.DEFAULTS),
              new TopicStage(
                  TopicStage.Settings.learning(TopicTraining.Settings.DEFAULTS)
                      .withTracked(TrackedTopics.bundled(reference)))));
    }

    public Settings withInput(Input i) {
      return new Settings(i, output, analysis, plan, stages);
    }

    public Settings withAnalysis(Analysis a) {
      return new Settings(input, output, a, plan, stages);
    }

    public Settings withPlan(Plan p) {
      return new Settings(input, output, analysis, p, stages);
    }

    public Settings withStages(List<Stage> s) {
      return new Settings(input, output, analysis, plan, s);
    }

    /** The same night without the stages of {@code kind}. */
    public Settings without(Class<? extends Stage> kind) {
      return withStages(stages.stream().filter(s -> !kind.isInstance(s)).toList());
    }

    /** The same night with {@code stage} in place of the stage of its kind. */
    public Settings with(Stage stage) {
      List<Stage> replaced = new ArrayList<>();
      for (Stage s : stages) {
        replaced.add(s.getClass() == stage.getClass() ? stage : s);
      }
      return withStages(replaced);
    }

    /** The tables the night writes, stage by stage. */
    public List<Table> tables() {
      return stages.stream().flatMap(s -> s.tables().stream()).toList();
    }

    /** The entity stage, when the night finds entities. */
    public Optional<EntityStage.Settings> entities() {
      return stages.stream()
          .filter(EntityStage.class::isInstance)
          .map(s -> ((EntityStage) s).settings())
          .findFirst();
    }
  }

  /** The tables a night of every stage writes, stage by stage. */
  public static final List<Table> ALL_TABLES =
      java.util.stream.Stream.of(
              ArticleStage.TABLES, EntityStage.TABLES, TrendStage.TABLES, TopicStage.TABLES)
          .flatMap(List::stream)
          .toList();

  private NightlyJob() {}

  /**
   * Runs the night over {@code range} (every date of the input when it is {@link DateRange#ALL}):
   * takes the output's lock, then annotates and commits the dates pass by pass as the plan says,
   * one {@code runs} row per pass. Returns the counts of all passes.
   */
  public static RunCounts run(SparkSession spark, Settings settings, DateRange range) {
    try (RunFrame frame = RunFrame.open(spark, settings.output(), "nightly", range.toString())) {
      List<DateRange> ranges = passes(range, settings.plan(), frame.doneDates());
      RunCounts total = RunCounts.NONE;
      if (ranges.isEmpty()) {
        return total;
      }
      // Listed and checked once, by footers; each pass reads its own dates' rows of it.
      ArticleInput.Input input;
      Instant opening = Instant.now();
      try {
        input =
            frame.job(
                "read " + settings.input().path(),
                () ->
                    ArticleInput.open(
                        spark,
                        settings.input().path(),
                        settings.input().mapping(),
                        settings.input().skipCorruptFiles()));
      } catch (Exception e) { // SparkException too, which Spark throws undeclared
        throw frame.failed(opening, ranges.get(0), e);
      }
      List<Planned> planned = ranges.stream().map(Planned::of).toList();
      Dataset<Row> decisions = null;
      if (range.isAll()) {
        planned = split(frame, settings, input);
        if (planned.size() > 1) {
          decisions = decisionsOverEveryDate(frame, input);
        }
      }
      LocalDate runLast = planned.get(planned.size() - 1).range().to();
      try {
        for (int i = 0; i < planned.size(); i++) {
          Planned p = planned.get(i);
          if (planned.size() > 1) {
            LOG.info("pass {} of {}: {}", i + 1, planned.size(), p.range());
          }
          total = total.plus(runPass(frame, settings, p, input, decisions, runLast));
        }
      } finally {
        if (decisions != null) {
          decisions.unpersist();
        }
      }
      return total;
    }
  }

  /**
   * A pass as planned: its dates, and, for a pass of a run over every date that was split ({@code
   * ofAll}), that it commits only the dates it produced, as such a run does, and whether it takes
   * the rows without a date too.
   */
  record Planned(DateRange range, boolean ofAll, boolean withUndated) {
    static Planned of(DateRange range) {
      return new Planned(range, range.isAll(), range.isAll());
    }
  }

  /** The passes of {@code range}: consecutive dates not done, at most {@code chunkDays} each. */
  static List<DateRange> passes(DateRange range, Plan plan, Set<LocalDate> done) {
    if (range.isAll()) {
      return List.of(range);
    }
    List<DateRange> passes = new ArrayList<>();
    LocalDate first = null;
    LocalDate last = null;
    List<LocalDate> skipped = new ArrayList<>();
    for (LocalDate day : range.days()) {
      boolean skip = plan.skipDone() && done.contains(day);
      if (skip) {
        skipped.add(day);
      }
      boolean breaks =
          skip || (first != null && ChronoUnit.DAYS.between(first, day) >= plan.chunkDays());
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

  /**
   * The passes of a run over every date: one, unless the input holds more rows than a pass may take
   * ({@link PassPlanner}); then passes of consecutive dates, said in one line.
   */
  private static List<Planned> split(RunFrame frame, Settings settings, ArticleInput.Input input) {
    long rows = 0;
    long bytes = 0;
    for (InputFiles.File f : input.files()) {
      rows += f.rows();
      bytes += f.bytes();
    }
    long maxPassRows = settings.plan().maxPassRows();
    long maxRows = PassPlanner.maxRows(frame.spark(), maxPassRows, rows, bytes);
    if (rows <= maxRows) {
      return List.of(Planned.of(DateRange.ALL));
    }
    Instant began = Instant.now();
    List<DateRange> ranges;
    try {
      ranges =
          frame.job(
              "count the input's rows per date",
              () -> PassPlanner.split(PassPlanner.rowsPerDate(input.rows()), maxRows));
    } catch (Exception e) { // SparkException too, which Spark throws undeclared
      throw frame.failed(began, DateRange.ALL, e);
    }
    if (ranges.size() <= 1) {
      return List.of(Planned.of(DateRange.ALL));
    }
    LOG.info(
        "the input holds {} rows, more than one pass takes ({}): running {} passes of "
            + "consecutive dates, each committed on its own",
        Fmt.count(rows),
        maxPassRows > 0
            ? "--max-pass-rows " + Fmt.count(maxRows)
            : Fmt.count(maxRows)
                + " as the free local disk holds; --max-pass-rows sets another bound",
        ranges.size());
    List<Planned> passes = new ArrayList<>();
    for (int i = 0; i < ranges.size(); i++) {
      passes.add(new Planned(ranges.get(i), true, i == ranges.size() - 1));
    }
    return passes;
  }

  /**
   * The decisions on copies over every date of the input, for the passes of a split run: each pass
   * takes those on its own rows, as one pass would have decided them. Kept on local disk until the
   * run ends.
   */
  private static Dataset<Row> decisionsOverEveryDate(RunFrame frame, ArticleInput.Input input) {
    Instant began = Instant.now();
    try {
      return frame.job(
          "find the copies among the articles of all dates",
          () -> {
            Dataset<Row> keys =
                AnnotationPass.fingerprints(
                        AnnotationPass.judged(input.rows(), DateRange.ALL, true))
                    .persist(org.apache.spark.storage.StorageLevel.DISK_ONLY());
            Dataset<Row> decisions =
                Resolution.decisions(keys)
                    .persist(org.apache.spark.storage.StorageLevel.DISK_ONLY());
            LOG.info(
                "found {} articles that share an id or a text with another, over all dates",
                Fmt.count(decisions.count()));
            keys.unpersist();
            return decisions;
          });
    } catch (Exception e) { // SparkException too, which Spark throws undeclared
      throw frame.failed(began, DateRange.ALL, e);
    }
  }

  /** One pass over the dates of {@code planned}; a failure is recorded in {@code runs}. */
  private static RunCounts runPass(
      RunFrame frame,
      Settings settings,
      Planned planned,
      ArticleInput.Input input,
      Dataset<Row> runDecisions,
      LocalDate runLast) {
    DateRange dates = planned.range();
    try (Pass pass = frame.pass(dates)) {
      try {
        Dataset<Row> annotated = annotate(frame, settings, planned, input, runDecisions, pass);
        if (pass.counts().rowsRead() == 0) {
          LOG.warn(
              "no input rows for {} in {}: tables left as they were",
              dates,
              settings.input().path());
          pass.finishEmpty();
          return pass.counts();
        }
        Night night =
            new Night(frame.spark(), pass, annotated, resolve(settings, pass, annotated), runLast);
        for (Stage stage : settings.stages()) {
          stage.run(night);
        }
        pass.commit(planned.ofAll());
        return pass.counts();
      } catch (Exception e) { // SparkException too, which Spark throws undeclared
        throw pass.fail(e);
      }
    }
  }

  /**
   * The annotation pass over the dates of {@code planned}: copies decided first from the rows'
   * fingerprints (or taken from {@code runDecisions}, decided over every date), then every row
   * annotated where it was read. Sets the pass's counts; returns its annotated rows, kept.
   */
  private static Dataset<Row> annotate(
      RunFrame frame,
      Settings settings,
      Planned planned,
      ArticleInput.Input input,
      Dataset<Row> runDecisions,
      Pass pass) {
    DateRange dates = planned.range();
    Dataset<Row> conformed = planned.withUndated() ? input.rows() : input.rows(dates);
    int partitions = settings.input().partitions();
    if (partitions > 0) {
      // By a hash of where each row was read, not round robin: the two passes over the input
      // must see the same rows in the same partitions.
      conformed = conformed.repartition(partitions, col("input_file"), col("input_row"));
    }
    Optional<EntityStage.Settings> entities = settings.entities();
    Analysis analysis = settings.analysis();
    Annotation.Settings annotation =
        new Annotation.Settings(
            analysis.reference(),
            analysis.maxPhraseWords(),
            analysis.termBuffer(),
            analysis.detector(),
            entities.map(EntityStage.Settings::known).orElse(null),
            entities.map(EntityStage.Settings::pairLimit).orElse(15));
    Dataset<Row> judged = AnnotationPass.judged(conformed, dates, planned.withUndated());
    Dataset<Row> decisions;
    if (runDecisions == null) {
      Dataset<Row> keys = pass.keep(AnnotationPass.fingerprints(judged));
      long began = System.nanoTime();
      long fingerprinted = pass.job("take the fingerprints of the articles", keys::count);
      LOG.info(
          "took the fingerprints of {} articles of {} in {}",
          Fmt.count(fingerprinted),
          dates,
          Fmt.since(began));
      decisions = Resolution.decisions(keys);
    } else {
      decisions = AnnotationPass.decisionsOf(judged, runDecisions);
    }
    long began = System.nanoTime();
    // Kept, not checkpointed: a lost executor's blocks are recomputed from the input.
    Dataset<Row> annotated =
        pass.job(
            "annotate the articles",
            () -> {
              Dataset<Row> rows =
                  pass.keep(AnnotationPass.annotate(frame.spark(), judged, decisions, annotation));
              pass.counts(tally(rows));
              return rows;
            });
    RunCounts counts = pass.counts();
    LOG.info(
        "annotated {} rows for {} in {}: {} accepted, {} duplicates, {} rejected",
        Fmt.count(counts.rowsRead()),
        dates,
        Fmt.since(began),
        Fmt.count(counts.accepted()),
        Fmt.count(counts.duplicates()),
        Fmt.count(counts.rejected()));
    return annotated;
  }

  /**
   * The articles of the pass, one row per id: with entities, the near-spellings of names merged
   * over the pass and the entities stored before (those first seen up to the pass's last date, so
   * that running a date again later merges as its first run did), and the articles that name a
   * merged spelling made again.
   */
  private static Dataset<Row> resolve(Settings settings, Pass pass, Dataset<Row> annotated) {
    Dataset<Row> kept = annotated.where(col("kind").equalTo(Annotated.ARTICLE));
    Optional<EntityStage.Settings> entities = settings.entities();
    if (entities.isEmpty()) {
      return kept;
    }
    Dataset<Row> previous = pass.current(Table.ENTITIES);
    if (previous != null && !pass.dates().isAll()) {
      previous = previous.where(col("first_seen").leq(lit(pass.dates().to())));
    }
    Dataset<Row> stored = previous;
    Map<String, String> merges =
        pass.job(
            "merge near-spellings of entities",
            () -> EntityTables.merges(kept.where(col("duplicate_of").isNull()), stored));
    LOG.info("merged {} near-spellings of entities", Fmt.count(merges.size()));
    return EntityTables.linked(kept, merges, entities.get().pairLimit(), pass::keep);
  }

  /** The counts of a pass from its annotated rows: each input row is one of them. */
  private static RunCounts tally(Dataset<Row> annotated) {
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
    LOG.debug("annotation pass: {} rows of partial term counts", Fmt.count(kinds.getLong(4)));
    return new RunCounts(
        articles + collapsed + rejected, articles - duplicates, duplicates + collapsed, rejected);
  }
}
