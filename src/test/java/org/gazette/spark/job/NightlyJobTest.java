package org.gazette.spark.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gazette.spark.Fixtures.article;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.gazette.spark.DateRange;
import org.gazette.spark.Fixtures;
import org.gazette.spark.SparkTestSession;
import org.gazette.spark.input.Triage;
import org.gazette.spark.store.RunCounts;
import org.gazette.spark.store.Table;
import org.gazette.text.Reference;
import org.gazette.topic.TrackedTopics;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The nightly job end to end on eleven inline rows whose outcome was worked out by hand: one French
 * article and its copy, an English article sent twice under one id, a German article without a
 * language, a French article dated by epoch seconds, and five unusable rows.
 */
class NightlyJobTest {

  private static SparkSession spark;
  private static final Reference REFERENCE = Reference.bundled();

  @TempDir static Path temp;
  private static String output;
  private static RunCounts counts;

  static final List<Row> ROWS =
      List.of(
          article(
              "fr-1",
              "2023-08-01T08:00:00Z",
              "lemonde.fr",
              "fr",
              "Missiles nord-coréens",
              "<p>Kim Jong Un a inspecté le missile balistique.</p>"
                  + "<p>Le missile balistique a volé&nbsp;!</p>"),
          // The same text as fr-1 once cleaned (plain text, a no-break space): a duplicate.
          article(
              "fr-3",
              "2023-08-01T09:30:00+00:00",
              "ouest-france.fr",
              "FR",
              "Missiles nord-coréens",
              "Kim Jong Un a inspecté le missile balistique.\n\nLe missile balistique a volé\u00A0!"),
          article(
              "en-1",
              "2023-08-01T10:00:00Z",
              "reuters.com",
              "en",
              "Putin's letter",
              "Russian President Vladimir Putin wrote to Kim Jong Un. Putin thanked North Korea."),
          // The same id, published later: this version is kept, the other collapsed into it.
          article(
              "en-1",
              "2023-08-01T12:00:00Z",
              "reuters.com",
              "en",
              "Putin's letter (updated)",
              "Putin wrote to Kim Jong Un. Putin thanked North Korea for its support."),
          // 07:00 in Berlin is 05:00 UTC on the 2nd; no language: detected.
          article(
              "de-1",
              "2023-08-02T07:00:00+02:00",
              "spiegel.de",
              null,
              "Sanktionen",
              "Die Regierung in Berlin hat neue Sanktionen gegen Russland beschlossen. Die "
                  + "Sanktionen treffen die Banken und die Energiewirtschaft des Landes."),
          // 1690963200 is 2023-08-02T08:00:00Z.
          article(
              "fr-4",
              "1690963200",
              "lefigaro.fr",
              "fr",
              "Conseil de sécurité",
              "Le Conseil de sécurité des Nations unies se réunit. Le Conseil de sécurité condamne "
                  + "les tirs."),
          article(null, "2023-08-01T11:00:00Z", null, null, "Sans identifiant", "Un texte."),
          article("bad-2", null, null, null, "Sans date", "Un texte."),
          article("bad-3", "hier", null, null, "Date illisible", "Un texte."),
          article("bad-4", "2023-08-01T11:00:00Z", null, null, "", "   "),
          article(
              "bad-5",
              "2023-08-01T11:00:00Z",
              null,
              null,
              null,
              "<p></p><script>track();</script>"));

  @BeforeAll
  static void run() {
    spark = SparkTestSession.start("local[2]");
    String input = Fixtures.write(spark, temp.resolve("input"), ROWS);
    output = temp.resolve("out").toString();
    counts = NightlyJob.run(spark, options(input, output), DateRange.ALL);
  }

  @AfterAll
  static void stop() {
    spark.stop();
  }

  static NightlyJob.Settings options(String input, String output) {
    // A tiny term buffer makes each task drain many times, as a large corpus does.
    return NightlyJob.Settings.defaults(input, output)
        .withAnalysis(NightlyJob.Analysis.defaults(REFERENCE).withTermBuffer(8))
        .with(new ArticleStage(ArticleStage.Settings.DEFAULTS.withMinPhraseDocs(1)))
        .with(new EntityStage(EntityStage.Settings.defaults().withMinPairDocs(1)))
        .with(
            new TopicStage(
                TopicStage.Settings.learning(DeterminismTest.TOPICS)
                    .withTracked(TrackedTopics.bundled(REFERENCE))));
  }

  private static List<Row> table(String name, String orderBy) {
    return spark
        .read()
        .parquet(output + "/" + name)
        .orderBy(
            java.util.Arrays.stream(orderBy.split(","))
                .map(org.apache.spark.sql.functions::col)
                .toArray(org.apache.spark.sql.Column[]::new))
        .collectAsList();
  }

  @Test
  void everyRowIsAccountedFor() {
    assertThat(counts).isEqualTo(new RunCounts(11, 4, 2, 5));
    Row run = spark.read().parquet(output + "/runs").first();
    assertThat(run.<String>getAs("status")).isEqualTo("succeeded");
    assertThat(run.<String>getAs("command")).isEqualTo("nightly");
    assertThat(run.<Long>getAs("rows_read")).isEqualTo(11L);
    assertThat(
            run.<Long>getAs("accepted")
                + run.<Long>getAs("duplicates")
                + run.<Long>getAs("rejected"))
        .isEqualTo(run.<Long>getAs("rows_read"));
  }

  @Test
  void unusableRowsAreRejectedWithTheirReason() {
    Map<String, String> reasons = new TreeMap<>();
    for (Row r : table("rejected_articles", "reason")) {
      reasons.put(String.valueOf(r.<String>getAs("id")), r.getAs("reason"));
    }
    assertThat(reasons)
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                "null", Triage.MISSING_ID,
                "bad-2", Triage.MISSING_DATE,
                "bad-3", Triage.BAD_DATE,
                "bad-4", Triage.NO_TEXT,
                "bad-5", Triage.NO_TEXT_AFTER_CLEANING));
    Row unparsed =
        table("rejected_articles", "reason").stream()
            .filter(r -> "bad-3".equals(r.getAs("id")))
            .findFirst()
            .orElseThrow();
    assertThat(unparsed.<String>getAs("published_at")).isEqualTo("hier");
    assertThat(unparsed.<Object>getAs("date")).isNull();
  }

  @Test
  void articlesMarkDuplicatesAndCollapseRepeatedIds() {
    Map<String, Row> byId = new HashMap<>();
    for (Row r : table("articles", "id")) {
      byId.put(r.getAs("id"), r);
    }
    assertThat(byId).containsOnlyKeys("fr-1", "fr-3", "en-1", "de-1", "fr-4");
    assertThat(byId.get("fr-3").<String>getAs("duplicate_of")).isEqualTo("fr-1");
    assertThat(byId.get("fr-1").<String>getAs("duplicate_of")).isNull();
    assertThat(byId.get("en-1").<Integer>getAs("id_repeats")).isEqualTo(1);
    assertThat(byId.get("en-1").<String>getAs("title")).isEqualTo("Putin's letter (updated)");
    assertThat(byId.get("fr-3").<String>getAs("language")).isEqualTo("fr"); // "FR" normalised
    assertThat(byId.get("de-1").<String>getAs("language")).isEqualTo("de");
    assertThat(byId.get("de-1").<Boolean>getAs("language_detected")).isTrue();
    assertThat(byId.get("fr-1").<Boolean>getAs("language_detected")).isFalse();
    assertThat(byId.get("de-1").<Object>getAs("date")).isEqualTo(LocalDate.of(2023, 8, 2));
    assertThat(byId.get("fr-4").<Object>getAs("date")).isEqualTo(LocalDate.of(2023, 8, 2));
    // Missiles nord-coréens / Kim Jong Un a inspecté le missile balistique. / Le missile
    // balistique a volé: 2 + 8 + 5 words.
    assertThat(byId.get("fr-1").<Integer>getAs("token_count")).isEqualTo(15);
    assertThat(byId.get("fr-3").<Integer>getAs("token_count")).isEqualTo(15);
  }

  @Test
  void termCountsLeaveOutDuplicatesAndCollapsedVersions() {
    Map<String, long[]> fr1 = terms("2023-08-01", "fr");
    // From fr-1 alone: its copy fr-3 is a duplicate.
    assertThat(fr1.get("missile")).containsExactly(2, 1);
    assertThat(fr1.get("balistique")).containsExactly(2, 1);
    assertThat(fr1.get("missile balistique")).containsExactly(2, 1);
    assertThat(fr1.get("nord-coréens")).containsExactly(1, 1);
    assertThat(fr1.get("inspecté le missile")).containsExactly(1, 1);
    assertThat(fr1).doesNotContainKeys("le", "a", "un", "balistique a volé a");

    Map<String, long[]> en = terms("2023-08-01", "en");
    // Only the kept version of en-1: "Putin's letter (updated) / Putin wrote to Kim Jong Un.
    // / Putin thanked North Korea for its support."
    assertThat(en.get("putin")).containsExactly(3, 1);
    assertThat(en.get("north korea")).containsExactly(1, 1);
    assertThat(en.get("kim jong un")).containsExactly(1, 1);
    assertThat(en).doesNotContainKeys("russian", "vladimir", "its", "for");

    Map<String, long[]> fr2 = terms("2023-08-02", "fr");
    // "Conseil de sécurité" in the title and twice in the body.
    assertThat(fr2.get("conseil de sécurité")).containsExactly(3, 1);
    assertThat(fr2.get("nations unies")).containsExactly(1, 1);
    assertThat(fr2.get("sécurité")).containsExactly(3, 1);
    assertThat(fr2.get("tirs")).containsExactly(1, 1);

    Map<String, long[]> de = terms("2023-08-02", "de");
    assertThat(de.get("sanktionen")).containsExactly(3, 1);
    assertThat(de).doesNotContainKeys("die", "und");
  }

  @Test
  void corpusStatsGiveTheDenominators() {
    Map<String, List<Long>> stats = new TreeMap<>();
    for (Row r : table("corpus_stats", "date,language,source")) {
      stats.put(
          r.getAs("date") + " " + r.getAs("language") + " " + r.getAs("source"),
          List.of(
              r.getAs("articles"), r.getAs("duplicates"), r.getAs("rejected"), r.getAs("tokens")));
    }
    assertThat(stats)
        .containsExactlyEntriesOf(
            new TreeMap<>(
                Map.of(
                    // Putin's letter (updated) / Putin wrote to Kim Jong Un. / Putin thanked North
                    // Korea
                    // for its support.: 3 + 6 + 7 words; the repeat of en-1 counts as a duplicate.
                    "2023-08-01 en reuters.com", List.of(1L, 1L, 0L, 16L),
                    "2023-08-01 fr lemonde.fr", List.of(1L, 0L, 0L, 15L),
                    "2023-08-01 fr ouest-france.fr", List.of(0L, 1L, 0L, 0L),
                    "2023-08-01 und null", List.of(0L, 0L, 3L, 0L),
                    // Sanktionen / Die Regierung ... beschlossen. / Die Sanktionen ... Landes.: 1 +
                    // 10 + 10
                    "2023-08-02 de spiegel.de", List.of(1L, 0L, 0L, 21L),
                    // Conseil de sécurité / Le Conseil ... réunit. / Le Conseil ... tirs.: 3 + 9 +
                    // 7
                    "2023-08-02 fr lefigaro.fr", List.of(1L, 0L, 0L, 19L))));
  }

  @Test
  void rerunningADateReplacesThatDateAndNothingElse() throws Exception {
    String out = temp.resolve("rerun").toString();
    String input = temp.resolve("input").toString();
    NightlyJob.run(spark, options(input, out), DateRange.ALL);
    List<Row> firstDayBefore =
        spark
            .read()
            .parquet(out + "/term_frequencies")
            .where("date = '2023-08-01'")
            .orderBy("language", "term")
            .collectAsList();

    // The second day's French article is rewritten; the first day's rows are gone from the
    // input, which a rerun of the second day must not notice.
    List<Row> changed =
        List.of(
            article(
                "fr-4",
                "1690963200",
                "lefigaro.fr",
                "fr",
                "Conseil de sécurité",
                "Le Conseil de sécurité se réunit en urgence."),
            article(
                "de-1",
                "2023-08-02T07:00:00+02:00",
                "spiegel.de",
                "de",
                "Sanktionen",
                "Neue Sanktionen."));
    String secondInput = Fixtures.write(spark, temp.resolve("input-changed"), changed);
    RunCounts rerun =
        NightlyJob.run(spark, options(secondInput, out), DateRange.of(LocalDate.of(2023, 8, 2)));

    assertThat(rerun).isEqualTo(new RunCounts(2, 2, 0, 0));
    assertThat(
            spark
                .read()
                .parquet(out + "/term_frequencies")
                .where("date = '2023-08-01'")
                .orderBy("language", "term")
                .collectAsList())
        .isEqualTo(firstDayBefore);
    List<Row> urgence =
        spark
            .read()
            .parquet(out + "/term_frequencies")
            .where("date = '2023-08-02' and term = 'urgence'")
            .collectAsList();
    assertThat(urgence).hasSize(1);
    assertThat(
            spark
                .read()
                .parquet(out + "/term_frequencies")
                .where("date = '2023-08-02' and term = 'tirs'")
                .count())
        .isZero();
    assertThat(spark.read().parquet(out + "/articles").where("date = '2023-08-01'").count())
        .isEqualTo(3);
    assertThat(spark.read().parquet(out + "/runs").count()).isEqualTo(2);
  }

  @Test
  void anActionAfterTheCommitThatFailsLeavesThePassCommitted() {
    String out = temp.resolve("after-commit").toString();
    String input = temp.resolve("input").toString();
    List<String> ran = new java.util.concurrent.CopyOnWriteArrayList<>();
    Stage actions =
        new Stage() {
          @Override
          public String name() {
            return "actions";
          }

          @Override
          public List<org.gazette.spark.store.Table> tables() {
            return List.of();
          }

          @Override
          public void run(Night night) {
            night
                .pass()
                .afterCommit(
                    () -> {
                      ran.add("export");
                      throw new IllegalStateException("the export was refused");
                    });
            night.pass().afterCommit(() -> ran.add("next"));
          }
        };
    NightlyJob.Settings night = options(input, out).without(TopicStage.class);
    List<Stage> stages = new java.util.ArrayList<>(night.stages());
    stages.add(actions);
    LocalDate day = LocalDate.of(2023, 8, 1);

    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> NightlyJob.run(spark, night.withStages(stages), DateRange.of(day)))
        .hasMessage("the export was refused");

    assertThat(ran).containsExactly("export", "next");
    List<Row> runs = spark.read().parquet(out + "/runs").collectAsList();
    assertThat(runs).hasSize(1);
    assertThat(runs.get(0).<String>getAs("status")).isEqualTo("succeeded");
    assertThat(runs.get(0).<String>getAs("message")).isNull();
    assertThat(runs.get(0).getList(runs.get(0).fieldIndex("committed"))).containsExactly(day);
    assertThat(spark.read().parquet(out + "/articles").where("date = '2023-08-01'").count())
        .isEqualTo(3);
  }

  @Test
  void runningTheSameDateTwiceGivesTheSameRows() {
    String out = temp.resolve("twice").toString();
    String input = temp.resolve("input").toString();
    DateRange day = DateRange.of(LocalDate.of(2023, 8, 1));
    NightlyJob.run(spark, options(input, out), day);
    Map<String, List<Row>> first = new HashMap<>();
    for (Table table : NightlyJob.ALL_TABLES) {
      first.put(table.tableName(), sorted(out, table));
    }
    NightlyJob.run(spark, options(input, out), day);
    for (Table table : NightlyJob.ALL_TABLES) {
      assertThat(sorted(out, table)).as(table.tableName()).isEqualTo(first.get(table.tableName()));
    }
  }

  static List<Row> sorted(String out, Table table) {
    return spark
        .read()
        .parquet(out + "/" + table.tableName())
        .orderBy(
            table.columnNames().stream()
                .map(org.apache.spark.sql.functions::col)
                .toArray(org.apache.spark.sql.Column[]::new))
        .collectAsList();
  }

  /** Term to {count, doc_count} of one date and language. */
  private static Map<String, long[]> terms(String date, String language) {
    Map<String, long[]> terms = new HashMap<>();
    for (Row r :
        spark
            .read()
            .parquet(output + "/term_frequencies")
            .where("date = '" + date + "' and language = '" + language + "'")
            .collectAsList()) {
      terms.put(r.getAs("term"), new long[] {r.<Long>getAs("count"), r.<Long>getAs("doc_count")});
    }
    return terms;
  }
}
