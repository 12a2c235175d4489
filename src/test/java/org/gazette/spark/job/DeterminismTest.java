package org.gazette.spark.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.gazette.generate.ArticleGenerator;
import org.gazette.generate.CorpusSpec;
import org.gazette.generate.CorpusWriter;
import org.gazette.spark.DateRange;
import org.gazette.spark.OutputChecksums;
import org.gazette.spark.SparkTestSession;
import org.gazette.spark.TableRows;
import org.gazette.spark.pass.Annotation;
import org.gazette.spark.store.RunCounts;
import org.gazette.spark.store.Table;
import org.gazette.spark.tables.TopicTraining;
import org.gazette.text.Reference;
import org.gazette.topic.TrackedTopics;
import org.gazette.trend.TrendSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same corpus gives the same rows in every table whether Spark runs one task at a time or two,
 * with few partitions or many: nothing may depend on how the work was split. The one test class
 * that starts two sessions, one after the other, since that is what it compares.
 */
class DeterminismTest {

  static final CorpusSpec SPEC = CorpusSpec.of(1500, 6, LocalDate.of(2023, 7, 1), 11);

  /** Topics of the few hundred articles per language: small and quick. */
  static final TopicTraining.Settings TOPICS =
      TopicTraining.Settings.DEFAULTS
          .withTopics(8)
          .withMinDocs(3)
          .withVocabulary(5000)
          .withIterations(15);

  /** Trends over six days: a short history, so that some rows come out. */
  static final TrendSettings TRENDS =
      TrendSettings.DEFAULTS
          .withMinHistoryDays(2)
          .withMinLikeDays(1)
          .withMinSupport(3)
          .withMinScore(2.0);

  /**
   * The night of these tests: every stage, topics and trends small and quick, with {@code
   * termBuffer} and {@code partitions}.
   */
  static NightlyJob.Settings night(String corpus, String out, int termBuffer, int partitions) {
    Reference reference = Reference.bundled();
    return NightlyJob.Settings.defaults(corpus, out)
        .withInput(NightlyJob.Input.of(corpus).withPartitions(partitions))
        .withAnalysis(NightlyJob.Analysis.defaults(reference).withTermBuffer(termBuffer))
        .with(new TrendStage(TRENDS))
        .with(
            new TopicStage(
                TopicStage.Settings.learning(TOPICS)
                    .withTracked(TrackedTopics.bundled(reference))));
  }

  @TempDir Path temp;

  @Test
  void oneCoreTwoCoresAndPassesGiveIdenticalTables() throws Exception {
    String corpus = temp.resolve("corpus").toString();
    Map<String, List<Row>> one = run("local[1]", corpus, temp.resolve("one").toString(), true, 1);
    OutputChecksums.check("determinism", OutputChecksums.of(one));
    Map<String, List<Row>> two = run("local[2]", corpus, temp.resolve("two").toString(), false, 7);
    for (Table table : NightlyJob.ALL_TABLES) {
      assertThat(two.get(table.tableName()))
          .as(table.tableName())
          .isNotEmpty()
          .isEqualTo(one.get(table.tableName()));
    }

    // The run over every date split into passes of at most 300 of the 1,500 rows (a day or
    // two): copies are found over every date, each pass commits the dates it produced and
    // reads the trends' history from the passes before. The passes share the first run's
    // topic model, stored as topics train leaves it (a run split into passes trains its first
    // model on its first pass).
    Path split = temp.resolve("split");
    copyTree(temp.resolve("one/topic_models"), split.resolve("topic_models"));
    copyTree(temp.resolve("one/topics"), split.resolve("topics"));
    Map<String, List<Row>> passes =
        run(
            "local[2]",
            corpus,
            split.toString(),
            false,
            0,
            NightlyJob.Plan.ONE_PASS.withMaxPassRows(300));
    SparkSession spark = SparkTestSession.start("local[2]");
    try {
      assertThat(spark.read().parquet(split.resolve("runs").toString()).count())
          .as("runs, one per pass")
          .isGreaterThan(3);
    } finally {
      spark.stop();
    }
    for (Table table : NightlyJob.ALL_TABLES) {
      assertThat(passes.get(table.tableName()))
          .as(table.tableName() + ", split into passes")
          .isEqualTo(one.get(table.tableName()));
    }
  }

  private static void copyTree(Path from, Path to) throws java.io.IOException {
    java.nio.file.Files.createDirectories(to.getParent());
    try (java.util.stream.Stream<Path> walk = java.nio.file.Files.walk(from)) {
      for (Path p : walk.toList()) {
        java.nio.file.Files.copy(p, to.resolve(from.relativize(p).toString()));
      }
    }
  }

  @Test
  void everyGeneratedRowIsAccountedFor() {
    String corpus = temp.resolve("corpus").toString();
    SparkSession spark = SparkTestSession.start("local[2]");
    try {
      CorpusWriter.write(spark, SPEC, corpus, true);
      RunCounts counts =
          NightlyJob.run(
              spark,
              NightlyJob.Settings.defaults(corpus, temp.resolve("out").toString())
                  .without(TrendStage.class)
                  .without(TopicStage.class),
              DateRange.ALL);
      long rejected = 0;
      ArticleGenerator generator = new ArticleGenerator(SPEC);
      for (long i = 0; i < SPEC.articles(); i++) {
        if (generator.generate(i).kind().isRejected()) {
          rejected++;
        }
      }
      assertThat(counts.rowsRead()).isEqualTo(SPEC.articles());
      assertThat(counts.accepted() + counts.duplicates() + counts.rejected())
          .isEqualTo(counts.rowsRead());
      assertThat(counts.rejected()).isEqualTo(rejected);
      assertThat(counts.duplicates()).isPositive();
    } finally {
      spark.stop();
    }
  }

  private static Map<String, List<Row>> run(
      String master, String corpus, String out, boolean generate, int partitions) {
    return run(master, corpus, out, generate, partitions, NightlyJob.Plan.ONE_PASS);
  }

  private static Map<String, List<Row>> run(
      String master,
      String corpus,
      String out,
      boolean generate,
      int partitions,
      NightlyJob.Plan plan) {
    SparkSession spark = SparkTestSession.start(master);
    try {
      if (generate) {
        CorpusWriter.write(spark, SPEC, corpus, true);
      }
      // Different partitioning and a tiny term buffer on one side: drains happen at other
      // points, which must not change a single count.
      NightlyJob.run(
          spark,
          night(corpus, out, generate ? Annotation.DEFAULT_FLUSH_AT : 50, partitions)
              .withPlan(plan),
          DateRange.ALL);
      return TableRows.of(spark, out, NightlyJob.ALL_TABLES);
    } finally {
      spark.stop();
    }
  }
}
