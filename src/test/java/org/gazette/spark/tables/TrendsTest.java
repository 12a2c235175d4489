package org.gazette.spark.tables;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.gazette.spark.DateRange;
import org.gazette.spark.SparkTestSession;
import org.gazette.spark.store.Table;
import org.gazette.trend.TrendScore;
import org.gazette.trend.TrendSettings;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code term_trends} over 35 hand-made days, Wednesday 2024-02-28 to Wednesday 2024-04-03.
 *
 * <p>English has 20 articles on weekdays and 10 on weekends, German 5 every day. Article k of a day
 * (k from 0) holds:
 *
 * <ul>
 *   <li>"weather" when k % 4 == 0 (5 a weekday, 3 a weekend day): steady, never trends;
 *   <li>"flood" in article 1 of every weekday, and on 2024-04-03 (the last day) in articles 0 to
 *       11, k % 5 + 1 times each: the term's burst, 1 → 12 articles;
 *   <li>"match" in articles 0 to 7 of weekend days and in article 2 of weekdays: a weekly pattern
 *       that trends only while fewer than 4 weekend days are in its window;
 *   <li>"launch" in articles 0 to 14 of Friday 2024-03-01, with 2 days of history: no row;
 *   <li>"gale" and "storm" in articles 12 to 16 of 2024-04-03, new: 5 articles, score 2.85, under
 *       the default 3;
 *   <li>entity person:ann when k % 4 == 0 (steady); org:acme in article 3 of every weekday and on
 *       Tuesday 2024-04-02 in articles 3 to 12 (the entity's burst, 1 → 10); on that day loc:paris
 *       is in the even articles 4 to 12 and is named first, so acme comes later in those; 5 copies
 *       of acme articles (duplicates) that count nowhere.
 * </ul>
 *
 * German has "flood" and org:acme in its article 0 every day: the English bursts are not its. On
 * 2024-04-03 "beben" is new in all 5 German articles (score 2.85) and "quake" in 4 (2.26).
 */
class TrendsTest {

  private static final LocalDate FIRST = LocalDate.of(2024, 2, 28);
  private static final LocalDate LAST = LocalDate.of(2024, 4, 3);
  private static final LocalDate ACME_DAY = LocalDate.of(2024, 4, 2);
  private static final LocalDate LAUNCH_DAY = LocalDate.of(2024, 3, 1);
  private static final String ACME = "org:acme";
  private static final String ANN = "person:ann";
  private static final String PARIS = "loc:paris";

  private static SparkSession spark;
  private static final List<Article> ARTICLES = fixture();
  private static Dataset<Row> termFrequencies;
  private static Dataset<Row> corpusStats;
  private static Dataset<Row> articles;
  private static Dataset<Row> articleTerms;
  private static Dataset<Row> entities;
  private static StructType schema;
  private static List<Row> allDates;

  /** The last two days with score 2 and two rows per date, language and kind. */
  private static List<Row> lowered;

  /** An article of the fixture: terms with their occurrences, entities most mentioned first. */
  record Article(
      LocalDate date,
      String language,
      String id,
      String duplicateOf,
      Map<String, Integer> terms,
      List<String> entityIds) {}

  @BeforeAll
  static void start() {
    spark = SparkTestSession.start("local[2]");
    termFrequencies = termFrequencies(ARTICLES);
    corpusStats = corpusStats(ARTICLES);
    articles = articles(ARTICLES);
    articleTerms = articleTerms(ARTICLES);
    entities =
        spark.createDataFrame(
            List.of(
                RowFactory.create(
                    ACME, "Acme Corporation", "ORG", List.of("Acme"), false, FIRST, LAST),
                RowFactory.create(
                    ANN, "Ann Smith", "PER", List.of("Ann Smith"), false, FIRST, LAST)),
            Table.ENTITIES.schema());
    Dataset<Row> trends = run(DateRange.ALL, TrendSettings.DEFAULTS);
    schema = trends.schema();
    allDates = trends.collectAsList();
    lowered =
        run(new DateRange(ACME_DAY, LAST), TrendSettings.DEFAULTS.withMinScore(2.0).withTopN(2))
            .collectAsList();
  }

  @AfterAll
  static void stop() {
    spark.stop();
  }

  private static Dataset<Row> run(DateRange range, TrendSettings settings) {
    return Trends.table(
        Trends.termTrends(termFrequencies, corpusStats, articleTerms, range, settings),
        Trends.entityTrends(articles, corpusStats, range, settings),
        entities);
  }

  @Test
  void aPhraseStandsForTheWordsItHoldsWhenItIsAsWidespread() {
    StructType rows =
        DataTypes.createStructType(
            List.of(
                DataTypes.createStructField("date", DataTypes.DateType, false),
                DataTypes.createStructField("language", DataTypes.StringType, false),
                DataTypes.createStructField("term", DataTypes.StringType, false),
                DataTypes.createStructField("count", DataTypes.LongType, false)));
    java.sql.Date day = java.sql.Date.valueOf("2024-04-02");
    List<Row> scored =
        List.of(
            RowFactory.create(day, "en", "ajay banga", 13L),
            RowFactory.create(day, "en", "ajay", 13L), // held by "ajay banga": left out
            RowFactory.create(day, "en", "banga", 14L), // 13 >= 0.8 × 14: left out
            RowFactory.create(day, "en", "sea", 30L), // "sea level" is in too few: kept
            RowFactory.create(day, "en", "sea level", 9L),
            RowFactory.create(day, "en", "level", 9L), // held by "sea level": left out
            RowFactory.create(day, "en", "ban", 13L), // a word inside another word: kept
            RowFactory.create(day, "de", "ajay", 13L)); // another language: kept
    List<String> kept =
        Trends.withoutParts(spark.createDataFrame(scored, rows))
            .orderBy("language", "term")
            .collectAsList()
            .stream()
            .map(r -> r.getString(1) + ":" + r.getString(2))
            .toList();
    assertThat(kept)
        .containsExactly("de:ajay", "en:ajay banga", "en:ban", "en:sea", "en:sea level");
  }

  @Test
  void theBurstsTrendAndTheWeeklyPatternOnlyBeforeItHasFourWeekends() {
    // date|language|kind|term: the two bursts, and "match" on the first weekend with history,
    // Saturday 2024-03-09 and Sunday 03-10, whose windows hold 2 and 3 weekend days, so that
    // they are compared with all days; from 03-16 on weekends meet weekends and it is quiet.
    assertThat(keys(allDates))
        .containsExactlyInAnyOrder(
            "2024-03-09|en|term|match",
            "2024-03-10|en|term|match",
            "2024-04-02|en|entity|" + ACME,
            "2024-04-03|en|term|flood");
  }

  @Test
  void theTermBurstHasItsCountBaselineScoreAndArticles() {
    Row flood = only(allDates, "2024-04-03|en|term|flood");
    // The 20 weekdays before, "flood" in 1 of 20 articles each: e = 20 · 20 / 400 = 1;
    // 2 (12 ln 12 − 11) = 37.638, sqrt = 6.134962.
    assertThat(flood.<Long>getAs("count")).isEqualTo(12L);
    assertThat(flood.<Double>getAs("baseline")).isCloseTo(1.0, within(1e-9));
    assertThat(flood.<Double>getAs("score")).isCloseTo(6.134962, within(1e-6));
    assertThat(flood.<String>getAs("name")).isNull();
    // Five occurrences in articles 4 and 9, four in 3 and 8: most first, then by id.
    assertThat(flood.getList(flood.fieldIndex("article_ids")))
        .containsExactly("en-2024-04-03-04", "en-2024-04-03-09", "en-2024-04-03-03");
  }

  @Test
  void theEntityBurstCountsOriginalsOnlyAndPrefersArticlesThatNameItFirst() {
    Row acme = only(allDates, "2024-04-02|en|entity|" + ACME);
    // 10 originals; the 5 copies would make 15. e = 20 · 20 / 400 = 1; sqrt(2 (10 ln 10 − 9)).
    assertThat(acme.<Long>getAs("count")).isEqualTo(10L);
    assertThat(acme.<Double>getAs("baseline")).isCloseTo(1.0, within(1e-9));
    assertThat(acme.<Double>getAs("score")).isCloseTo(5.296386, within(1e-6));
    assertThat(acme.<String>getAs("name")).isEqualTo("Acme Corporation");
    // Odd articles name acme first, even ones after loc:paris; the copies (dup-0, …) would
    // come first by id.
    assertThat(acme.getList(acme.fieldIndex("article_ids")))
        .containsExactly("en-2024-04-02-03", "en-2024-04-02-05", "en-2024-04-02-07");
  }

  @Test
  void theWeeklyPatternBeforeFourWeekendsIsComparedWithAllDays() {
    // Saturday 03-09: 8 weekdays with "match" in 1 of 20, 2 weekend days with 8 of 10:
    // e = 10 · (8 + 16) / (160 + 20) = 1.3333; Sunday 03-10: 10 · (8 + 24) / 190 = 1.6842.
    Row saturday = only(allDates, "2024-03-09|en|term|match");
    assertThat(saturday.<Long>getAs("count")).isEqualTo(8L);
    assertThat(saturday.<Double>getAs("baseline")).isCloseTo(1.333333, within(1e-6));
    Row sunday = only(allDates, "2024-03-10|en|term|match");
    assertThat(sunday.<Double>getAs("baseline")).isCloseTo(1.684211, within(1e-6));
  }

  @Test
  void everyScoreIsTheOneTrendScoreGivesForTheSameSeries() {
    // Every row the Spark code keeps, and no other, from TrendScore.baseline over the series.
    Set<String> expected = new TreeSet<>();
    TrendSettings settings = TrendSettings.DEFAULTS;
    Map<String, Map<LocalDate, Long>> volumes = new HashMap<>();
    Map<String, Map<LocalDate, Long>> counts = new TreeMap<>();
    for (Article a : ARTICLES) {
      if (a.duplicateOf() != null) {
        continue;
      }
      volumes.computeIfAbsent(a.language(), k -> new HashMap<>()).merge(a.date(), 1L, Long::sum);
      for (String term : a.terms().keySet()) {
        counts
            .computeIfAbsent(a.language() + "|term|" + term, k -> new HashMap<>())
            .merge(a.date(), 1L, Long::sum);
      }
      for (String entity : a.entityIds()) {
        counts
            .computeIfAbsent(a.language() + "|entity|" + entity, k -> new HashMap<>())
            .merge(a.date(), 1L, Long::sum);
      }
    }
    counts.forEach(
        (key, series) -> {
          Map<LocalDate, Long> n = volumes.get(key.substring(0, key.indexOf('|')));
          series.forEach(
              (day, c) ->
                  TrendScore.baseline(day, n, series, settings)
                      .ifPresent(
                          e -> {
                            double score = TrendScore.score(c, e);
                            if (c >= settings.minSupport()
                                && c > e
                                && score >= settings.minScore()) {
                              expected.add(
                                  day + "|" + key + "|" + c + "|" + round(e) + "|" + round(score));
                            }
                          }));
        });
    Set<String> actual = new TreeSet<>();
    for (Row r : allDates) {
      actual.add(
          key(r)
              + "|"
              + r.getAs("count")
              + "|"
              + round(r.getAs("baseline"))
              + "|"
              + round(r.getAs("score")));
    }
    assertThat(actual).isEqualTo(expected);
  }

  @Test
  void aRunOfTheLastDayWithItsHistoryOnlyGivesTheRowOfTheRunOfAllDates() {
    DateRange last = DateRange.of(LAST);
    DateRange history = Trends.history(last, TrendSettings.DEFAULTS).orElseThrow();
    assertThat(history).isEqualTo(new DateRange(LAST.minusDays(28), LAST.minusDays(1)));
    // What a nightly run of one day has: stored counts of the window, this day's articles.
    String stored = "date >= '" + history.from() + "'";
    String today = "date = '" + LAST + "'";
    List<Row> rows =
        Trends.table(
                Trends.termTrends(
                    termFrequencies.where(stored),
                    corpusStats.where(stored),
                    articleTerms.where(today),
                    last,
                    TrendSettings.DEFAULTS),
                Trends.entityTrends(
                    articles.where(stored),
                    corpusStats.where(stored),
                    last,
                    TrendSettings.DEFAULTS),
                entities)
            .collectAsList();
    assertThat(rows)
        .containsExactlyInAnyOrderElementsOf(
            allDates.stream().filter(r -> r.getAs("date").equals(LAST)).toList());
    assertThat(keys(rows)).containsExactly("2024-04-03|en|term|flood");
  }

  @Test
  void aRangeRunTakesTheHistoryOfItsLaterDaysFromItsOwnRows() {
    // 04-03's window holds 04-02, which this run makes itself: only the window before 04-02
    // is stored.
    DateRange range = new DateRange(ACME_DAY, LAST);
    String stored =
        "date >= '" + Trends.history(range, TrendSettings.DEFAULTS).orElseThrow().from() + "'";
    String own = "date >= '" + ACME_DAY + "'";
    List<Row> rows =
        Trends.table(
                Trends.termTrends(
                    termFrequencies.where(stored),
                    corpusStats.where(stored),
                    articleTerms.where(own),
                    range,
                    TrendSettings.DEFAULTS),
                Trends.entityTrends(
                    articles.where(stored),
                    corpusStats.where(stored),
                    range,
                    TrendSettings.DEFAULTS),
                entities)
            .collectAsList();
    assertThat(rows)
        .containsExactlyInAnyOrderElementsOf(
            allDates.stream().filter(r -> !r.<LocalDate>getAs("date").isBefore(ACME_DAY)).toList());
    assertThat(rows).hasSize(2);
  }

  @Test
  void minimumSupportHoldsWhereTheScoreWouldPass() {
    // Score 2 lets the new terms in: German "beben" in 5 articles (2.85) passes, "quake" in 4
    // (2.26) does not, for want of 5 articles; loc:paris (5, new) passes, without a name.
    assertThat(keys(lowered))
        .doesNotContain("2024-04-03|de|term|quake")
        .contains("2024-04-03|de|term|beben", "2024-04-02|en|entity|" + PARIS);
    assertThat(only(lowered, "2024-04-03|de|term|beben").<Double>getAs("score"))
        .isCloseTo(2.845062, within(1e-6));
    assertThat(only(lowered, "2024-04-02|en|entity|" + PARIS).<String>getAs("name")).isNull();
  }

  @Test
  void topNKeepsTheBestScoresThenTermsInOrder() {
    // Two rows per date, language and kind: flood (6.13) first; gale and storm tie at 2.85,
    // and gale comes first by name. Entities and German are ranked on their own.
    assertThat(keys(lowered))
        .containsExactlyInAnyOrder(
            "2024-04-03|en|term|flood",
            "2024-04-03|en|term|gale",
            "2024-04-02|en|entity|" + ACME,
            "2024-04-02|en|entity|" + PARIS,
            "2024-04-03|de|term|beben");
  }

  @Test
  void noDateHasRowsBeforeSevenDaysOfHistory() {
    // "launch" on Friday 03-01 is in 15 of 20 articles, new, but has 2 days before it.
    TrendSettings anyHistory = TrendSettings.DEFAULTS.withMinHistoryDays(2);
    assertThat(keys(run(DateRange.of(LAUNCH_DAY), anyHistory).collectAsList()))
        .containsExactly("2024-03-01|en|term|launch");
    assertThat(allDates).noneMatch(r -> r.<LocalDate>getAs("date").isBefore(FIRST.plusDays(7)));
  }

  @Test
  void sparkAndTrendScoreAgreeOnWeekends() {
    List<Row> days =
        spark
            .sql("SELECT explode(sequence(DATE'2024-03-04', DATE'2024-03-10'))" + " AS date")
            .select(
                org.apache.spark.sql.functions.col("date"),
                Trends.isWeekend(org.apache.spark.sql.functions.col("date")).as("weekend"))
            .collectAsList();
    assertThat(days)
        .hasSize(7)
        .allSatisfy(
            r ->
                assertThat(r.getBoolean(1))
                    .as(r.get(0).toString())
                    .isEqualTo(TrendScore.isWeekend(r.getAs("date"))));
  }

  @Test
  void theOutputHasTheColumnsOfTheTable() {
    assertThat(schema.fieldNames())
        .containsExactly(
            "date",
            "language",
            "kind",
            "term",
            "name",
            "count",
            "baseline",
            "score",
            "article_ids");
    assertThat(schema.apply("article_ids").dataType())
        .isEqualTo(DataTypes.createArrayType(DataTypes.StringType, true));
  }

  @Test
  void aMissingOrMistypedColumnIsNamed() {
    assertThatThrownBy(
            () ->
                Trends.termTrends(
                    termFrequencies.drop("doc_count"),
                    corpusStats,
                    articleTerms,
                    DateRange.ALL,
                    TrendSettings.DEFAULTS))
        .hasMessageStartingWith("term_frequencies has no column doc_count");
    assertThatThrownBy(
            () ->
                Trends.entityTrends(
                    articles.withColumn("entity_ids", articles.col("id")),
                    corpusStats,
                    DateRange.ALL,
                    TrendSettings.DEFAULTS))
        .hasMessage("articles.entity_ids must be array<string>, found string");
  }

  // ---- the fixture ----

  private static List<Article> fixture() {
    List<Article> all = new ArrayList<>();
    for (LocalDate day = FIRST; !day.isAfter(LAST); day = day.plusDays(1)) {
      boolean weekend = TrendScore.isWeekend(day);
      int n = weekend ? 10 : 20;
      for (int k = 0; k < n; k++) {
        Map<String, Integer> terms = new LinkedHashMap<>();
        if (k % 4 == 0) {
          terms.put("weather", 1);
        }
        if (day.equals(LAST) ? k < 12 : !weekend && k == 1) {
          terms.put("flood", day.equals(LAST) ? k % 5 + 1 : 1);
        }
        if (weekend ? k < 8 : k == 2) {
          terms.put("match", 2);
        }
        if (day.equals(LAUNCH_DAY) && k < 15) {
          terms.put("launch", 1);
        }
        if (day.equals(LAST) && k >= 12 && k <= 16) {
          terms.put("gale", 1);
          terms.put("storm", 1);
        }
        boolean acme = day.equals(ACME_DAY) ? k >= 3 && k <= 12 : !weekend && k == 3;
        List<String> entityIds = new ArrayList<>();
        if (acme && k % 2 == 1) {
          entityIds.add(ACME);
        }
        if (day.equals(ACME_DAY) && k >= 4 && k <= 12 && k % 2 == 0) {
          entityIds.add(PARIS);
        }
        if (k % 4 == 0) {
          entityIds.add(ANN);
        }
        if (acme && k % 2 == 0) {
          entityIds.add(ACME);
        }
        all.add(new Article(day, "en", id("en", day, k), null, terms, entityIds));
      }
      for (int k = 0; k < 5; k++) {
        Map<String, Integer> terms = new LinkedHashMap<>();
        if (k == 0) {
          terms.put("flood", 1);
        }
        if (day.equals(LAST)) {
          terms.put("beben", 1);
          if (k < 4) {
            terms.put("quake", 1);
          }
        }
        all.add(
            new Article(
                day, "de", id("de", day, k), null, terms, k == 0 ? List.of(ACME) : List.of()));
      }
    }
    for (int k = 0; k < 5; k++) {
      all.add(
          new Article(
              ACME_DAY,
              "en",
              "dup-" + k,
              id("en", ACME_DAY, 3),
              Map.of("flood", 1),
              List.of(ACME)));
    }
    return all;
  }

  private static String id(String language, LocalDate day, int k) {
    return String.format(Locale.ROOT, "%s-%s-%02d", language, day, k);
  }

  private static Dataset<Row> termFrequencies(List<Article> all) {
    Map<String, long[]> sums = new TreeMap<>();
    for (Article a : all) {
      if (a.duplicateOf() == null) {
        a.terms()
            .forEach(
                (term, times) -> {
                  long[] s =
                      sums.computeIfAbsent(
                          a.date() + "|" + a.language() + "|" + term, k -> new long[2]);
                  s[0] += times;
                  s[1]++;
                });
      }
    }
    List<Row> rows = new ArrayList<>();
    sums.forEach(
        (key, s) -> {
          String[] k = key.split("\\|");
          rows.add(RowFactory.create(LocalDate.parse(k[0]), k[1], k[2], 1, s[0], s[1]));
        });
    return spark.createDataFrame(rows, Table.TERM_FREQUENCIES.schema());
  }

  /** English articles come from two sources, even and odd ones: volumes sum over sources. */
  private static Dataset<Row> corpusStats(List<Article> all) {
    Map<String, long[]> stats = new TreeMap<>();
    for (Article a : all) {
      int lastDigit = a.id().charAt(a.id().length() - 1) - '0';
      String source =
          a.language().equals("de") ? "spiegel.de" : lastDigit % 2 == 0 ? "even.com" : "odd.com";
      long[] s =
          stats.computeIfAbsent(a.date() + "|" + a.language() + "|" + source, k -> new long[2]);
      s[a.duplicateOf() == null ? 0 : 1]++;
    }
    List<Row> rows = new ArrayList<>();
    stats.forEach(
        (key, s) -> {
          String[] k = key.split("\\|");
          rows.add(
              RowFactory.create(LocalDate.parse(k[0]), k[1], k[2], s[0], s[1], 0L, 100 * s[0], 0L));
        });
    return spark.createDataFrame(rows, Table.CORPUS_STATS.schema());
  }

  private static Dataset<Row> articles(List<Article> all) {
    List<Row> rows = new ArrayList<>();
    for (Article a : all) {
      rows.add(
          RowFactory.create(
              a.date(),
              a.id(),
              Instant.parse(a.date() + "T12:00:00Z"),
              "example.com",
              null,
              a.language(),
              false,
              "title",
              100,
              false,
              a.duplicateOf(),
              1,
              a.entityIds()));
    }
    return spark.createDataFrame(rows, Table.ARTICLES.schema());
  }

  /** The lead's per-article term table: date, id, language, terms, counts (parallel). */
  private static Dataset<Row> articleTerms(List<Article> all) {
    StructType schema =
        DataTypes.createStructType(
            List.of(
                DataTypes.createStructField("date", DataTypes.DateType, false),
                DataTypes.createStructField("id", DataTypes.StringType, false),
                DataTypes.createStructField("language", DataTypes.StringType, false),
                DataTypes.createStructField(
                    "terms", DataTypes.createArrayType(DataTypes.StringType, false), false),
                DataTypes.createStructField(
                    "counts", DataTypes.createArrayType(DataTypes.IntegerType, false), false)));
    List<Row> rows = new ArrayList<>();
    for (Article a : all) {
      if (a.duplicateOf() == null) {
        rows.add(
            RowFactory.create(
                a.date(),
                a.id(),
                a.language(),
                List.copyOf(a.terms().keySet()),
                List.copyOf(a.terms().values())));
      }
    }
    return spark.createDataFrame(rows, schema);
  }

  // ---- reading the output ----

  private static String key(Row r) {
    return r.getAs("date")
        + "|"
        + r.getAs("language")
        + "|"
        + r.getAs("kind")
        + "|"
        + r.getAs("term");
  }

  private static List<String> keys(List<Row> rows) {
    return rows.stream().map(TrendsTest::key).toList();
  }

  private static Row only(List<Row> rows, String key) {
    List<Row> found = rows.stream().filter(r -> key(r).equals(key)).toList();
    assertThat(found).as(key).hasSize(1);
    return found.get(0);
  }

  private static String round(double value) {
    return String.format(Locale.ROOT, "%.9f", value);
  }
}
