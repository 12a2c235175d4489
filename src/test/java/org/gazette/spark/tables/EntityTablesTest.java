package org.gazette.spark.tables;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.gazette.spark.Fixtures.article;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.gazette.spark.DateRange;
import org.gazette.spark.Fixtures;
import org.gazette.spark.SparkTestSession;
import org.gazette.spark.job.ArticleStage;
import org.gazette.spark.job.EntityStage;
import org.gazette.spark.job.NightlyJob;
import org.gazette.spark.job.TopicStage;
import org.gazette.spark.job.TrendStage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The entity tables end to end on six inline English articles whose entities, mentions, pairs and
 * association measures were worked out by hand.
 */
class EntityTablesTest {

  private static final String PUTIN = "vladimir-putin";
  private static final String KIM = "kim-jong-un";
  private static final String PRK = "country:PRK";
  private static final String PYONGYANG = "city:1871859";
  private static final String MOSCOW = "city:524901";

  private static SparkSession spark;
  @TempDir static Path temp;
  private static String output;

  // 2023-08-01: four originals (N = 4) and a copy of a1, which counts nowhere.
  //   a1: Putin ×2 (sentences 0, 1), Kim Jong Un (0), Pyongyang (0), North Korea (1)
  //   a2: Kim Jong Un ×2 ("Kim Jong Un", "Kim": 0, 1), North Korea (1)
  //   a3: Putin (0), Moscow (0)
  //   a4: no names
  // 2023-08-02: a6: Putin, Kim Jong Un, Moscow, all in sentence 0.
  static final List<Row> ROWS =
      List.of(
          article(
              "a1",
              "2023-08-01T08:00:00Z",
              "reuters.com",
              "en",
              null,
              "Vladimir Putin met Kim Jong Un in Pyongyang. Putin praised North Korea."),
          article(
              "a2",
              "2023-08-01T09:00:00Z",
              "apnews.com",
              "en",
              null,
              "Kim Jong Un inspected a missile factory. Kim said North Korea would test more "
                  + "missiles."),
          article(
              "a3",
              "2023-08-01T10:00:00Z",
              "reuters.com",
              "en",
              null,
              "Vladimir Putin spoke in Moscow."),
          article("a4", "2023-08-01T11:00:00Z", "bbc.co.uk", "en", null, "The weather was calm."),
          article(
              "a5",
              "2023-08-01T12:00:00Z",
              "copycat.com",
              "en",
              null,
              "Vladimir Putin met Kim Jong Un in Pyongyang. Putin praised North Korea."),
          article(
              "a6",
              "2023-08-02T08:00:00Z",
              "reuters.com",
              "en",
              null,
              "Vladimir Putin and Kim Jong Un signed a deal in Moscow."));

  @BeforeAll
  static void run() {
    spark = SparkTestSession.start("local[2]");
    String input = Fixtures.write(spark, temp.resolve("input"), ROWS);
    output = temp.resolve("out").toString();
    NightlyJob.run(
        spark,
        NightlyJob.Settings.defaults(input, output)
            .with(new ArticleStage(ArticleStage.Settings.DEFAULTS.withMinPhraseDocs(1)))
            .with(new EntityStage(EntityStage.Settings.defaults().withMinPairDocs(1)))
            .without(TrendStage.class)
            .without(TopicStage.class),
        DateRange.ALL);
  }

  @AfterAll
  static void stop() {
    spark.stop();
  }

  private static Map<String, Row> rows(String table, String date, String... key) {
    Map<String, Row> rows = new HashMap<>();
    for (Row r :
        spark.read().parquet(output + "/" + table).where("date = '" + date + "'").collectAsList()) {
      StringBuilder k = new StringBuilder();
      for (String column : key) {
        k.append(k.length() == 0 ? "" : "|").append(r.<String>getAs(column));
      }
      rows.put(k.toString(), r);
    }
    return rows;
  }

  @Test
  void mentionsCountShortFormsOncePerEntityAndLeaveTheCopyOut() {
    Map<String, Row> m = rows("entity_mentions", "2023-08-01", "entity_id");
    assertThat(m).containsOnlyKeys(PUTIN, KIM, PRK, PYONGYANG, MOSCOW);
    // entity: mentions, doc_count, source_count
    assertThat(counts(m.get(PUTIN))).containsExactly(3L, 2L, 1L);
    assertThat(counts(m.get(KIM))).containsExactly(3L, 2L, 2L);
    assertThat(counts(m.get(PRK))).containsExactly(2L, 2L, 2L);
    assertThat(counts(m.get(PYONGYANG))).containsExactly(1L, 1L, 1L);
    assertThat(counts(m.get(MOSCOW))).containsExactly(1L, 1L, 1L);
    assertThat(m.get(PUTIN).<String>getAs("name")).isEqualTo("Vladimir Putin");
    assertThat(m.get(PRK).<String>getAs("type")).isEqualTo("LOC");
    assertThat(rows("entity_mentions", "2023-08-02", "entity_id"))
        .containsOnlyKeys(PUTIN, KIM, MOSCOW);
  }

  private static Object[] counts(Row r) {
    return new Object[] {r.getAs("mentions"), r.getAs("doc_count"), r.getAs("source_count")};
  }

  @Test
  void pairsCountArticlesAndSentencesWithTheirAssociation() {
    Map<String, Row> p = rows("entity_cooccurrence", "2023-08-01", "entity_a", "entity_b");
    // a1 pairs its four entities (six pairs), a2 its two, a3 its two.
    assertThat(p)
        .containsOnlyKeys(
            KIM + "|" + PUTIN,
            PYONGYANG + "|" + PUTIN,
            PRK + "|" + PUTIN,
            PYONGYANG + "|" + KIM,
            PRK + "|" + KIM,
            PYONGYANG + "|" + PRK,
            MOSCOW + "|" + PUTIN);
    Row kimKorea = p.get(PRK + "|" + KIM);
    assertThat(kimKorea.<Long>getAs("doc_count")).isEqualTo(2L);
    // Together in a1's sentence 1? No: Kim is in sentence 0 there. In a2's sentence 1: yes.
    assertThat(kimKorea.<Long>getAs("sentence_count")).isEqualTo(1L);
    // N = 4, both in 2, each in 2: npmi = ln(0.5 / 0.25) / -ln 0.5 = 1;
    // G² = 2 [2 ln(2·4 / (2·2)) + 0 + 0 + 2 ln(2·4 / (2·2))] = 8 ln 2 = 5.545177.
    assertThat(kimKorea.<Double>getAs("npmi")).isCloseTo(1.0, within(1e-9));
    assertThat(kimKorea.<Double>getAs("llr")).isCloseTo(5.545177, within(1e-6));
    // Kim and Putin: both in 1 of 4, each in 2: independent, npmi = 0 and G² = 0.
    Row kimPutin = p.get(KIM + "|" + PUTIN);
    assertThat(kimPutin.<Long>getAs("doc_count")).isEqualTo(1L);
    assertThat(kimPutin.<Long>getAs("sentence_count")).isEqualTo(1L);
    assertThat(kimPutin.<Double>getAs("npmi")).isCloseTo(0.0, within(1e-9));
    assertThat(kimPutin.<Double>getAs("llr")).isCloseTo(0.0, within(1e-9));
    // Pyongyang and North Korea: both in 1, each in 1 and 2: npmi = ln 2 / ln 4 = 0.5.
    Row places = p.get(PYONGYANG + "|" + PRK);
    assertThat(places.<Long>getAs("sentence_count")).isZero();
    assertThat(places.<Double>getAs("npmi")).isCloseTo(0.5, within(1e-9));
  }

  @Test
  void articlesListTheirEntitiesMostMentionedFirst() {
    // Putin has two mentions in a1, the others one each, in the order of their ids.
    Map<String, Row> a = rows("articles", "2023-08-01", "id");
    assertThat(a.get("a1").getList(a.get("a1").fieldIndex("entity_ids")))
        .containsExactly(PUTIN, PYONGYANG, PRK, KIM);
    assertThat(a.get("a5").<String>getAs("duplicate_of")).isEqualTo("a1");
    assertThat(a.get("a5").getList(a.get("a5").fieldIndex("entity_ids")))
        .containsExactly(PUTIN, PYONGYANG, PRK, KIM);
    assertThat(a.get("a4").getList(a.get("a4").fieldIndex("entity_ids"))).isEmpty();
  }

  @Test
  void entitiesListEveryIdWithItsSpellingsAndDates() {
    Map<String, Row> e = new HashMap<>();
    for (Row r : spark.read().parquet(output + "/entities").collectAsList()) {
      e.put(r.getAs("entity_id"), r);
    }
    assertThat(e).containsOnlyKeys(PUTIN, KIM, PRK, PYONGYANG, MOSCOW);
    assertThat(e.get(KIM).getList(e.get(KIM).fieldIndex("aliases")))
        .containsExactlyInAnyOrder("Kim Jong Un", "Kim");
    assertThat(e.get(KIM).<Boolean>getAs("known")).isTrue();
    assertThat(e.get(MOSCOW).getAs("first_seen").toString()).isEqualTo("2023-08-01");
    assertThat(e.get(MOSCOW).getAs("last_seen").toString()).isEqualTo("2023-08-02");
  }

  @Test
  void corpusStatsCountNoDroppedPairsUnderTheBound() {
    long dropped =
        spark
            .read()
            .parquet(output + "/corpus_stats")
            .agg(org.apache.spark.sql.functions.sum("pairs_dropped"))
            .first()
            .getLong(0);
    assertThat(dropped).isZero();
  }
}
