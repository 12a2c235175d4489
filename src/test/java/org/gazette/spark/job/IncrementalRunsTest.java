package org.gazette.spark.job;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.gazette.spark.DateRange;
import org.gazette.spark.SparkTestSession;
import org.gazette.spark.input.ArticleInput;
import org.gazette.spark.store.OutputLock;
import org.gazette.spark.store.RunCounts;
import org.gazette.spark.store.TableStore;
import org.gazette.spark.tables.TopicTraining;
import org.gazette.text.Reference;
import org.gazette.topic.TopicModel;
import org.gazette.topic.TrackedTopics;
import org.gazette.trend.TrendSettings;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Nightly runs one date after another on three days of the sample corpus: a backfill that resumes,
 * re-runs that give the same rows, a commit that dies half-way and is completed by the next run, a
 * second run refused while one holds the output. The tests run in order: each starts from the
 * output the one before left.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class IncrementalRunsTest {

  private static final Reference REFERENCE = Reference.bundled();
  private static final LocalDate D1 = LocalDate.of(2023, 7, 10);
  private static final LocalDate D2 = D1.plusDays(1);
  private static final LocalDate D3 = D1.plusDays(2);
  private static final String INPUT = "data/sample/articles";

  private static SparkSession spark;
  @TempDir static Path temp;
  private static String output;

  @BeforeAll
  static void start() {
    spark = SparkTestSession.start("local[2]");
    output = temp.resolve("out").toString();
  }

  @AfterAll
  static void stop() {
    spark.stop();
  }

  /** Topic models of a few dozen articles per language, trained in a few seconds. */
  private static final TopicTraining.Settings TOPICS =
      DeterminismTest.TOPICS.withTopics(4).withMinArticles(20).withIterations(10);

  /** The night of these tests: small topic models, tracked topics, trends over a short history. */
  private static NightlyJob.Settings settings() {
    return NightlyJob.Settings.defaults(INPUT, output)
        .with(
            new TrendStage(
                TrendSettings.DEFAULTS
                    .withMinHistoryDays(1)
                    .withMinLikeDays(1)
                    .withMinSupport(2)
                    .withMinScore(2.0)))
        .with(
            new TopicStage(
                TopicStage.Settings.learning(TOPICS)
                    .withTracked(TrackedTopics.bundled(REFERENCE))));
  }

  @Test
  @Order(1)
  void aBackfillRunsInDateOrderAndResumesWhereItStopped() {
    NightlyJob.run(
        spark, settings().withPlan(NightlyJob.Plan.backfill(false, 1)), new DateRange(D1, D2));
    assertThat(runDates()).containsExactly(D1.toString(), D2.toString());
    // The same backfill over a longer range runs only the date it has not done.
    RunCounts counts =
        NightlyJob.run(
            spark, settings().withPlan(NightlyJob.Plan.backfill(false, 7)), new DateRange(D1, D3));
    assertThat(runDates()).containsExactly(D1.toString(), D2.toString(), D3.toString());
    assertThat(counts.rowsRead()).isEqualTo(inputRows(D3));
    assertThat(new TableStore(spark, output, "probe").doneDates()).isEqualTo(Set.of(D1, D2, D3));
    // Nothing left to do: a run with no pass writes nothing and records nothing.
    NightlyJob.run(
        spark, settings().withPlan(NightlyJob.Plan.backfill(false, 7)), new DateRange(D1, D3));
    assertThat(runDates()).hasSize(3);
  }

  @Test
  @Order(2)
  void everyRunAccountsForItsRowsAndWhatItWrote() {
    List<Row> runs = spark.read().parquet(output + "/runs").orderBy("dates").collectAsList();
    assertThat(runs).hasSize(3);
    for (Row run : runs) {
      LocalDate day = LocalDate.parse(run.<String>getAs("dates"));
      assertThat(run.<String>getAs("status")).isEqualTo("succeeded");
      assertThat(run.<Long>getAs("rows_read")).isEqualTo(inputRows(day));
      assertThat(
              run.<Long>getAs("accepted")
                  + run.<Long>getAs("duplicates")
                  + run.<Long>getAs("rejected"))
          .isEqualTo(run.<Long>getAs("rows_read"));
      Map<String, Long> written =
          scala.jdk.javaapi.CollectionConverters.asJava(
              run.<scala.collection.Map<String, Long>>getAs("rows_written"));
      for (String table :
          List.of(
              "articles", "term_frequencies", "entity_mentions", "topic_timeline", "term_trends")) {
        long stored =
            spark
                .read()
                .parquet(output + "/" + table)
                .where(col("date").equalTo(java.sql.Date.valueOf(day)))
                .count();
        assertThat(written).as(table + " on " + day).containsEntry(table, stored);
      }
      assertThat(written.get("articles"))
          .isEqualTo(run.<Long>getAs("accepted") + run.<Long>getAs("duplicates") - idRepeats(day));
    }
  }

  @Test
  @Order(3)
  void reRunningADateLaterReplacesItWithTheSameRowsAndTouchesNoOther() {
    // A newer topic model, trained after the dates were run: running one again must still give
    // it the rows of its first run, inferred with the model its first run used.
    TopicModel newer =
        TopicsTrainJob.train(
            spark,
            output,
            new DateRange(D1, D3),
            TOPICS.withSeed(7),
            Optional.of(TrackedTopics.bundled(REFERENCE)));
    Map<String, List<String>> before = snapshot();
    NightlyJob.run(spark, settings(), DateRange.of(D2));
    Map<String, List<String>> after = snapshot();
    assertThat(after.keySet()).isEqualTo(before.keySet());
    for (String table : before.keySet()) {
      List<String> gone = new ArrayList<>(before.get(table));
      gone.removeAll(after.get(table));
      List<String> come = new ArrayList<>(after.get(table));
      come.removeAll(before.get(table));
      assertThat(gone).as("rows of %s gone", table).isEmpty();
      assertThat(come).as("rows of %s new", table).isEmpty();
    }
    assertThat(runDates()).hasSize(5); // three nights, the training, the night again
    assertThat(before.get("topic_timeline"))
        .as("the newer model is not used for dates its first runs gave another")
        .noneMatch(row -> row.contains(newer.modelId()));
  }

  @Test
  @Order(4)
  void aCommitThatStopsHalfWayIsCompletedByTheNextRun() throws IOException {
    Map<String, List<String>> before = snapshot();
    TableStore.failAfterMoves = 5;
    try {
      assertThatThrownBy(() -> NightlyJob.run(spark, settings(), DateRange.of(D3)))
          .hasMessageContaining("cannot commit the run's tables")
          .hasRootCauseMessage("fault injected after 5 moves of the commit");
    } finally {
      TableStore.failAfterMoves = -1;
    }
    // Five partitions moved, the journal and the rest of the staged run left behind.
    try (Stream<Path> journals =
        Files.find(
            temp.resolve("out/_staging"),
            2,
            (p, a) -> p.getFileName().toString().equals(TableStore.JOURNAL))) {
      assertThat(journals.count()).isEqualTo(1);
    }
    assertThat(lastRun().<String>getAs("status")).isEqualTo("failed");
    assertThat(temp.resolve("out/_lock")).doesNotExist();

    // The next run, of another date, first completes the commit that stopped.
    NightlyJob.run(spark, settings(), DateRange.of(D1));
    assertThat(snapshot()).isEqualTo(before);
    assertThat(temp.resolve("out/_staging")).doesNotExist();
  }

  @Test
  @Order(5)
  void aSecondRunOnTheSameOutputRefuses() throws IOException {
    TableStore store = new TableStore(spark, output, "probe");
    Map<String, List<String>> before = snapshot();
    try (OutputLock held =
        OutputLock.acquire(store.fileSystem(), store.root(), "holder", "nightly 2023-07-10")) {
      assertThatThrownBy(() -> NightlyJob.run(spark, settings(), DateRange.of(D2)))
          .isInstanceOf(OutputLock.Held.class)
          .hasMessageContaining("run holder (nightly 2023-07-10)");
    }
    assertThat(snapshot()).isEqualTo(before);
  }

  @Test
  @Order(6)
  void aNightReadsOnlyTheInputFilesOfItsDates() throws IOException {
    // The sample re-written in Hive's layout, one folder per day.
    Path byDay = temp.resolve("by-day");
    ArticleInput.read(spark, INPUT, Map.of())
        .select(
            col("id"),
            col("published_at_raw").as("published_at"),
            col("source"),
            col("url"),
            col("language"),
            col("title"),
            col("body"),
            col("date"))
        .write()
        .partitionBy("date")
        .parquet(byDay.toString());
    Dataset<Row> night = ArticleInput.read(spark, byDay.toString(), Map.of(), DateRange.of(D2));
    // The files actually scanned (Dataset.inputFiles lists the relation's, before pruning).
    Set<String> folders = new java.util.TreeSet<>();
    for (Row r :
        night.select(org.apache.spark.sql.functions.input_file_name()).distinct().collectAsList()) {
      folders.add(r.getString(0).replaceAll(".*/(date=[^/]+)/.*", "$1"));
    }
    assertThat(folders).containsExactly("date=" + D1, "date=" + D2, "date=" + D3);
    assertThat(night.where(col("date").equalTo(java.sql.Date.valueOf(D2))).count())
        .isEqualTo(inputRows(D2));
  }

  /** Every row of every table, as text, sorted: daily tables and the entities. */
  private static Map<String, List<String>> snapshot() {
    Map<String, List<String>> tables = new TreeMap<>();
    try (Stream<Path> folders = Files.list(temp.resolve("out"))) {
      for (Path folder : folders.sorted().toList()) {
        String name = folder.getFileName().toString();
        if (name.startsWith("_") || name.equals("runs") || name.equals("topic_models")) {
          continue;
        }
        List<String> rows = new ArrayList<>();
        for (Row r : spark.read().parquet(folder.toString()).collectAsList()) {
          rows.add(r.toString());
        }
        rows.sort(null);
        tables.put(name, rows);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return tables;
  }

  private static List<String> runDates() {
    return spark
        .read()
        .parquet(output + "/runs")
        .where(col("status").equalTo("succeeded"))
        .orderBy("started_at")
        .collectAsList()
        .stream()
        .map(r -> r.<String>getAs("dates"))
        .toList();
  }

  private static Row lastRun() {
    return spark.read().parquet(output + "/runs").orderBy(col("started_at").desc()).first();
  }

  private static long inputRows(LocalDate day) {
    return ArticleInput.read(spark, INPUT, Map.of())
        .where(col("date").equalTo(java.sql.Date.valueOf(day)))
        .count();
  }

  private static long idRepeats(LocalDate day) {
    Row r =
        spark
            .read()
            .parquet(output + "/articles")
            .where(col("date").equalTo(java.sql.Date.valueOf(day)))
            .agg(org.apache.spark.sql.functions.sum("id_repeats"))
            .first();
    return r.isNullAt(0) ? 0 : ((Number) r.get(0)).longValue();
  }
}
