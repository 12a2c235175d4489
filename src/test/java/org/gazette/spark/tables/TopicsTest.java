package org.gazette.spark.tables;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.gazette.UsageException;
import org.gazette.spark.DateRange;
import org.gazette.spark.SparkTestSession;
import org.gazette.spark.job.TopicsTrainJob;
import org.gazette.spark.store.Table;
import org.gazette.spark.store.TableStore;
import org.gazette.spark.store.TopicModelStore;
import org.gazette.text.Reference;
import org.gazette.topic.TopicLabels;
import org.gazette.topic.TopicModel;
import org.gazette.topic.TrackedTopics;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import scala.collection.immutable.ArraySeq;

/**
 * Topic models end to end on stored article terms with three planted themes: training finds them, a
 * model survives saving and loading, a retrain keeps the ids, and the timeline counts each article
 * under its theme.
 */
class TopicsTest {

  private static final List<List<String>> THEMES =
      List.of(
          List.of("war", "missile", "army", "ceasefire", "troops", "front"),
          List.of("inflation", "bank", "rates", "growth", "prices", "debt"),
          List.of("match", "team", "goal", "coach", "league", "fans"));
  private static final int DAYS = 5;
  private static final int PER_THEME_AND_DAY = 20;
  private static final LocalDate START = LocalDate.of(2023, 8, 1);

  private static SparkSession spark;
  @TempDir static Path temp;
  private static String output;
  private static Dataset<Row> articles;
  private static final Map<String, Integer> THEME_OF = new HashMap<>();
  private static final Map<String, java.util.Set<String>> TERMS_OF = new HashMap<>();

  @BeforeAll
  static void store() {
    spark = SparkTestSession.start("local[2]");
    output = temp.resolve("out").toString();
    SplittableRandom random = new SplittableRandom(7);
    List<Row> bags = new ArrayList<>();
    List<Row> timeline = new ArrayList<>();
    Map<String, long[]> frequencies = new TreeMap<>();
    int n = 0;
    for (int day = 0; day < DAYS; day++) {
      Date date = Date.valueOf(START.plusDays(day));
      for (int theme = 0; theme < THEMES.size(); theme++) {
        for (int i = 0; i < PER_THEME_AND_DAY; i++) {
          Map<String, Integer> bag = new TreeMap<>();
          for (int w = 0; w < 12; w++) {
            bag.merge(THEMES.get(theme).get(random.nextInt(6)), 1, Integer::sum);
          }
          bag.put("today", 1); // in every article: the vocabulary leaves it out
          String id = "a" + n++;
          THEME_OF.put(id, theme);
          TERMS_OF.put(date + "|" + id, bag.keySet());
          String[] terms = bag.keySet().toArray(new String[0]);
          Integer[] counts = bag.values().toArray(new Integer[0]);
          Long[] longCounts = bag.values().stream().map(Integer::longValue).toArray(Long[]::new);
          bags.add(
              RowFactory.create(
                  date,
                  id,
                  "en",
                  ArraySeq.unsafeWrapArray(terms),
                  ArraySeq.unsafeWrapArray(counts)));
          timeline.add(
              RowFactory.create(
                  date,
                  id,
                  "en",
                  ArraySeq.unsafeWrapArray(terms),
                  ArraySeq.unsafeWrapArray(longCounts),
                  ArraySeq.unsafeWrapArray(new String[0])));
          for (Map.Entry<String, Integer> e : bag.entrySet()) {
            long[] f = frequencies.computeIfAbsent(date + "|" + e.getKey(), k -> new long[2]);
            f[0] += e.getValue();
            f[1]++;
          }
        }
      }
    }
    List<Row> termRows = new ArrayList<>();
    frequencies.forEach(
        (key, f) ->
            termRows.add(
                RowFactory.create(
                    Date.valueOf(key.substring(0, 10)), "en", key.substring(11), 1, f[0], f[1])));
    spark
        .createDataFrame(bags, Table.ARTICLE_TERMS.schema())
        .write()
        .mode(SaveMode.Overwrite)
        .partitionBy("date")
        .parquet(output + "/article_terms");
    spark
        .createDataFrame(termRows, Table.TERM_FREQUENCIES.schema())
        .write()
        .mode(SaveMode.Overwrite)
        .partitionBy("date")
        .parquet(output + "/term_frequencies");
    articles =
        spark.createDataFrame(
            timeline,
            org.apache.spark.sql.types.DataTypes.createStructType(
                List.of(
                    org.apache.spark.sql.types.DataTypes.createStructField(
                        "date", org.apache.spark.sql.types.DataTypes.DateType, false),
                    org.apache.spark.sql.types.DataTypes.createStructField(
                        "id", org.apache.spark.sql.types.DataTypes.StringType, false),
                    org.apache.spark.sql.types.DataTypes.createStructField(
                        "language", org.apache.spark.sql.types.DataTypes.StringType, false),
                    org.apache.spark.sql.types.DataTypes.createStructField(
                        "terms",
                        org.apache.spark.sql.types.DataTypes.createArrayType(
                            org.apache.spark.sql.types.DataTypes.StringType),
                        false),
                    org.apache.spark.sql.types.DataTypes.createStructField(
                        "term_counts",
                        org.apache.spark.sql.types.DataTypes.createArrayType(
                            org.apache.spark.sql.types.DataTypes.LongType),
                        false),
                    org.apache.spark.sql.types.DataTypes.createStructField(
                        "entity_ids",
                        org.apache.spark.sql.types.DataTypes.createArrayType(
                            org.apache.spark.sql.types.DataTypes.StringType),
                        false))));
  }

  @AfterAll
  static void stop() {
    spark.stop();
  }

  private static TopicTraining.Settings settings(int k) {
    return TopicTraining.Settings.DEFAULTS
        .withVocabulary(1000)
        .withTopics(k)
        .withMinDocs(2)
        .withMaxDocShare(0.5)
        .withMaxArticles(100_000)
        .withMinArticles(50)
        .withIterations(40)
        .withMinSimilarity(0.5)
        .withSeed(1);
  }

  /** The theme whose six words are a topic's six top terms, or -1. */
  private static int themeOf(TopicModel.Topic topic) {
    HashSet<String> top = new HashSet<>();
    for (TopicLabels.TermWeight tw : topic.terms().subList(0, 6)) {
      top.add(tw.term());
    }
    for (int t = 0; t < THEMES.size(); t++) {
      if (top.equals(new HashSet<>(THEMES.get(t)))) {
        return t;
      }
    }
    return -1;
  }

  @Test
  void trainsFindsTheThemesSavesAndKeepsIdsOnRetrain() {
    DateRange all = new DateRange(START, START.plusDays(DAYS - 1));
    TopicModel first = TopicsTrainJob.train(spark, output, all, settings(3), Optional.empty());
    TopicModel.Language en = first.languages().get("en");
    assertThat(first.languages()).containsOnlyKeys("en");
    assertThat(en.vocabulary()).hasSize(18).doesNotContain("today");
    Map<Integer, Integer> idOfTheme = new HashMap<>();
    for (TopicModel.Topic t : en.topics()) {
      int theme = themeOf(t);
      assertThat(theme).as("topic %s: %s", t.id(), t.terms()).isNotNegative();
      idOfTheme.put(theme, t.id());
      assertThat(t.label().split(" · "))
          .hasSize(3)
          .allSatisfy(term -> assertThat(THEMES.get(theme)).contains(term));
      assertThat(t.matchedModelId()).isNull();
    }
    assertThat(idOfTheme).hasSize(3);
    assertThat(idOfTheme.values()).containsExactlyInAnyOrder(1, 2, 3);

    TopicModel loaded = new TopicModelStore(spark, new TableStore(spark, output, "test")).newest();
    assertThat(loaded.modelId()).isEqualTo(first.modelId());
    assertThat(loaded.languages().get("en").vocabulary()).containsExactly(en.vocabulary());
    assertThat(loaded.languages().get("en").lambda()).isDeepEqualTo(en.lambda());
    assertThat(loaded.languages().get("en").alpha()).containsExactly(en.alpha());
    assertThat(loaded.languages().get("en").topics()).isEqualTo(en.topics());

    // Every article is counted under its theme, and the shares of a day add up to one.
    Dataset<Row> parts = TopicTimeline.parts(articles, loaded, null);
    List<Row> timeline = TopicTimeline.timeline(parts, articles).collectAsList();
    List<Row> articleTopics = TopicTimeline.articleTopics(parts).collectAsList();
    assertThat(articleTopics).hasSize(DAYS * THEMES.size() * PER_THEME_AND_DAY);
    for (Row r : articleTopics) {
      String id = r.getAs("id");
      assertThat((int) r.getAs("topic_id")).as(id).isEqualTo(idOfTheme.get(THEME_OF.get(id)));
      assertThat((double) r.getAs("weight")).as(id).isGreaterThan(0.5);
    }
    assertThat(timeline).hasSize(DAYS * 3);
    for (Row r : timeline) {
      assertThat(r.getString(r.fieldIndex("model_id"))).isEqualTo(first.modelId());
      assertThat(r.getLong(r.fieldIndex("doc_count"))).isEqualTo(PER_THEME_AND_DAY);
      assertThat(r.getDouble(r.fieldIndex("share"))).isCloseTo(1.0 / 3, within(0.02));
    }

    // A retrain with one more topic: the three themes keep their ids, the new topic is new.
    TopicModel second = TopicsTrainJob.train(spark, output, all, settings(4), Optional.empty());
    assertThat(second.modelId()).isGreaterThan(first.modelId());
    int matched = 0;
    for (TopicModel.Topic t : second.languages().get("en").topics()) {
      int theme = themeOf(t);
      if (t.matchedModelId() != null) {
        matched++;
        assertThat(t.matchedModelId()).isEqualTo(first.modelId());
        assertThat(t.similarity()).isGreaterThan(0.5);
        assertThat(t.id()).isEqualTo(idOfTheme.getOrDefault(theme, -1));
      } else {
        assertThat(t.id()).isEqualTo(4);
      }
    }
    assertThat(matched).isEqualTo(3);

    List<Row> topics =
        spark.read().parquet(output + "/topics").orderBy("model_id", "topic_id").collectAsList();
    assertThat(topics).hasSize(7);
    assertThat(topics.stream().map(r -> r.<String>getAs("model_id")).distinct())
        .containsExactly(first.modelId(), second.modelId());
  }

  @Test
  void trackedTopicsCountTheArticlesTheirRulesMatch() {
    TrackedTopics tracked =
        TrackedTopics.parse(
            "test",
            String.join(
                "\n",
                "7 | Conflict | missile OR troops",
                "8 | Prices | inflation AND NOT (missile OR goal)",
                "9 | Nothing | @kim-jong-un"),
            Reference.bundled());
    Dataset<Row> parts = TopicTimeline.parts(articles, null, tracked);
    // Expected, per date and topic: matching articles, and the sum of 1/m over them.
    Map<String, double[]> expected = new TreeMap<>();
    TERMS_OF.forEach(
        (key, terms) -> {
          List<Integer> matched = new ArrayList<>();
          if (terms.contains("missile") || terms.contains("troops")) {
            matched.add(7);
          }
          if (terms.contains("inflation")
              && !terms.contains("missile")
              && !terms.contains("goal")) {
            matched.add(8);
          }
          for (int topic : matched) {
            double[] e =
                expected.computeIfAbsent(key.substring(0, 10) + "|" + topic, k -> new double[2]);
            e[0]++;
            e[1] += 1.0 / matched.size();
          }
        });
    Map<String, double[]> actual = new TreeMap<>();
    for (Row r : TopicTimeline.timeline(parts, articles).collectAsList()) {
      assertThat(r.getString(r.fieldIndex("model_id"))).isEqualTo(TopicTimeline.TRACKED);
      actual.put(
          r.getAs("date").toString() + "|" + r.getAs("topic_id"),
          new double[] {r.getLong(r.fieldIndex("doc_count")), r.getDouble(r.fieldIndex("weight"))});
    }
    assertThat(actual.keySet()).isEqualTo(expected.keySet());
    expected.forEach(
        (key, e) -> {
          assertThat(actual.get(key)[0]).as(key).isEqualTo(e[0]);
          assertThat(actual.get(key)[1]).as(key).isCloseTo(e[1], within(1e-9));
        });
    assertThat(expected.get(START + "|7")[0]).isEqualTo(PER_THEME_AND_DAY); // every war article
    assertThat(TopicTimeline.articleTopics(parts).where("topic_id = 9").count()).isZero();
  }

  @Test
  void trainingWithoutStoredTermsIsAUsageError() {
    assertThatThrownBy(
            () ->
                TopicsTrainJob.train(
                    spark,
                    temp.resolve("empty").toString(),
                    DateRange.ALL,
                    settings(3),
                    Optional.empty()))
        .isInstanceOf(UsageException.class)
        .hasMessageContaining("run `gazette nightly` on the articles first");
  }
}
