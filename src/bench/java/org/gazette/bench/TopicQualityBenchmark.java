package org.gazette.bench;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.gazette.generate.ArticleGenerator;
import org.gazette.generate.CorpusSpec;
import org.gazette.generate.PlantedContent;
import org.gazette.spark.DateRange;
import org.gazette.spark.SparkSessions;
import org.gazette.spark.job.NightlyJob;
import org.gazette.spark.job.TopicStage;
import org.gazette.spark.store.RunCounts;
import org.gazette.text.LanguageProfiles;
import org.gazette.text.Reference;
import org.gazette.text.TextCleaner;
import org.gazette.text.TokenAnalyzer;
import org.gazette.text.Tokens;
import org.gazette.topic.TopicMatching;
import org.gazette.topic.TrackedTopics;
import org.gazette.trend.TrendSettings;

/**
 * Quality of topics and trends on a generated corpus with planted topics and bursts: one nightly
 * run with entities, topics, tracked topics and trends, then (a) how many of the 8 planted topics
 * the learned topics recover per language, and how many articles get the learned topic matched to
 * their planted one, and (b) the recall and precision of {@code term_trends} against the planted
 * bursts.
 *
 * <p>Not a test: it prints figures. Run it with {@code jobs/bench topics}.
 */
public final class TopicQualityBenchmark {

  /** Top terms of a learned topic that are compared with a planted topic's nouns. */
  static final int TOP_TERMS = 10;

  /** Planted noun words among those top terms for a planted topic to count as recovered. */
  static final int MIN_SHARED = 3;

  /** The trend rows per date and language that a reader sees first. */
  static final int TOP_ROWS = 5;

  private final Map<String, String> options;
  private final SparkSession spark;
  private final TokenAnalyzer analyzer =
      new TokenAnalyzer(LanguageProfiles.of(Reference.bundled()));
  private final Tokens tokens = new Tokens();

  private TopicQualityBenchmark(Map<String, String> options) {
    this.options = options;
    this.spark =
        SparkSessions.create(
            "gazette topic quality", options.get("master"), Map.of("spark.ui.enabled", "false"));
  }

  public static void main(String[] args) throws Exception {
    TopicQualityBenchmark bench =
        new TopicQualityBenchmark(
            PipelineBenchmark.parse(
                args,
                "--articles N --days D --seed S --work PATH --master M --nightly true|false"));
    try {
      bench.run();
    } finally {
      bench.spark.stop();
    }
  }

  private void run() throws Exception {
    long articles = Long.parseLong(options.getOrDefault("articles", "30000"));
    int days = Integer.parseInt(options.getOrDefault("days", "60"));
    long seed = Long.parseLong(options.getOrDefault("seed", "1"));
    Path work = Path.of(options.getOrDefault("work", "target/bench-topics"));
    Path corpus = work.resolve("corpus-" + articles + "-" + days + "-" + seed);
    Path out = work.resolve("out");
    CorpusSpec spec = CorpusSpec.of(articles, days, LocalDate.of(2023, 7, 1), seed);
    PipelineBenchmark.generate(spark, spec, corpus);

    PipelineBenchmark.delete(out);
    long t = System.nanoTime();
    RunCounts counts =
        NightlyJob.run(
            spark,
            NightlyJob.Settings.defaults(corpus.toString(), out.toString())
                .with(
                    new TopicStage(
                        TopicStage.Settings.learning(PipelineBenchmark.TOPICS)
                            .withTracked(TrackedTopics.bundled()))),
            DateRange.ALL);
    System.out.printf(
        Locale.ROOT,
        "nightly with entities, topics, tracked topics and trends:"
            + " %,d accepted articles in %.1f s%n",
        counts.accepted(),
        PipelineBenchmark.seconds(t));

    JsonNode truth = new ObjectMapper().readTree(Files.readString(corpus.resolve("_truth.json")));
    PlantedContent planted = new PlantedContent(spec);
    Map<String, Map<Integer, Integer>> matched = topicRecovery(truth, out, planted);
    articleAccuracy(spec, planted, out, matched);
    trends(truth, planted, spec, out);
  }

  // ---------------------------------------------------------------------------------------
  // (a) Topics

  /** A learned topic as the {@code topics} table lists it. */
  record Learned(int id, String label, List<String> terms) {}

  /**
   * Prints the planted topics recovered per language; returns, per language, the learned topic id
   * matched to each planted topic (index into the truth's topics).
   */
  private Map<String, Map<Integer, Integer>> topicRecovery(
      JsonNode truth, Path out, PlantedContent planted) {
    Map<String, List<Learned>> learned = new TreeMap<>();
    for (Row r :
        spark
            .read()
            .parquet(out.resolve("topics").toString())
            .where(col("model_id").startsWith("lda-"))
            .orderBy("language", "topic_id")
            .collectAsList()) {
      List<String> terms = new ArrayList<>();
      for (Row tw : r.<Row>getList(r.fieldIndex("terms"))) {
        terms.add(tw.getString(0));
      }
      learned
          .computeIfAbsent(r.getString(r.fieldIndex("language")), k -> new ArrayList<>())
          .add(
              new Learned(
                  r.getInt(r.fieldIndex("topic_id")), r.getString(r.fieldIndex("label")), terms));
    }
    List<String> names = new ArrayList<>();
    truth.path("topics").forEach(tp -> names.add(tp.path("name").asText()));
    Map<String, Map<Integer, Integer>> matched = new TreeMap<>();
    int recoveredAll = 0;
    int recoveredWithNamesAll = 0;
    int plantedAll = 0;
    System.out.println();
    System.out.printf(
        Locale.ROOT,
        "Topic recovery: a planted topic is recovered when its"
            + " one-to-one matched learned topic has at least %d of its noun words among its top %d"
            + " terms%n%n",
        MIN_SHARED,
        TOP_TERMS);
    System.out.println("| language | planted topic | matched learned topic | shared | label |");
    System.out.println("| --- | --- | ---: | ---: | --- |");
    Map<String, String> perLanguage = new LinkedHashMap<>();
    for (Map.Entry<String, List<Learned>> e : learned.entrySet()) {
      String language = e.getKey();
      List<Learned> topics = e.getValue();
      if (!truth.path("topics").path(0).path("nouns").has(language)) {
        continue; // a language the generator does not write (a misdetected few articles)
      }
      double[][] shared = new double[names.size()][topics.size()];
      double[][] sharedWithNames = new double[names.size()][topics.size()];
      for (int k = 0; k < names.size(); k++) {
        Set<String> words = new HashSet<>();
        for (JsonNode noun : truth.path("topics").path(k).path("nouns").path(language)) {
          Analysed a = analyse(noun.asText(), language);
          if (a != null) {
            words.add(a.form());
            words.addAll(a.words());
          }
        }
        Set<String> withNames = new HashSet<>(words);
        for (String name : planted.entityNames(names.get(k))) {
          Analysed a = analyse(name, language);
          if (a != null) {
            withNames.add(a.form());
            withNames.addAll(a.words());
          }
        }
        for (int j = 0; j < topics.size(); j++) {
          List<String> top = topics.get(j).terms();
          for (String term : top.subList(0, Math.min(TOP_TERMS, top.size()))) {
            shared[k][j] += words.contains(term) ? 1 : 0;
            sharedWithNames[k][j] += withNames.contains(term) ? 1 : 0;
          }
        }
      }
      int[] assignedWithNames = TopicMatching.assign(sharedWithNames);
      int recoveredWithNames = 0;
      for (int k = 0; k < names.size(); k++) {
        int j = assignedWithNames[k];
        recoveredWithNames += j >= 0 && sharedWithNames[k][j] >= MIN_SHARED ? 1 : 0;
      }
      recoveredWithNamesAll += recoveredWithNames;
      int[] assigned = TopicMatching.assign(shared);
      Map<Integer, Integer> byPlanted = new HashMap<>();
      int recovered = 0;
      for (int k = 0; k < names.size(); k++) {
        int j = assigned[k];
        boolean ok = j >= 0 && shared[k][j] >= MIN_SHARED;
        recovered += ok ? 1 : 0;
        if (j >= 0) {
          byPlanted.put(k, topics.get(j).id());
        }
        System.out.printf(
            Locale.ROOT,
            "| %s | %s | %s | %d%s | %s |%n",
            language,
            names.get(k),
            j < 0 ? "-" : Integer.toString(topics.get(j).id()),
            j < 0 ? 0 : (int) shared[k][j],
            ok ? "" : " (not recovered)",
            j < 0 ? "" : topics.get(j).label());
      }
      matched.put(language, byPlanted);
      recoveredAll += recovered;
      plantedAll += names.size();
      perLanguage.put(
          language,
          recovered + "/" + names.size() + " | " + recoveredWithNames + "/" + names.size());
      // The learned topics no planted topic took: what else the model found.
      for (int j = 0; j < topics.size(); j++) {
        boolean taken = false;
        for (int k = 0; k < names.size(); k++) {
          taken |= assigned[k] == j && shared[k][j] >= MIN_SHARED;
        }
        if (!taken) {
          Learned l = topics.get(j);
          System.out.printf(
              Locale.ROOT,
              "|   %s | (none) | %d | | %s — %s |%n",
              language,
              l.id(),
              l.label(),
              String.join(", ", l.terms().subList(0, Math.min(TOP_TERMS, l.terms().size()))));
        }
      }
    }
    System.out.println();
    System.out.println(
        "| language | planted topics recovered (noun words) | (noun words or"
            + " the topic's entity names) |");
    System.out.println("| --- | ---: | ---: |");
    perLanguage.forEach((l, r) -> System.out.printf(Locale.ROOT, "| %s | %s |%n", l, r));
    System.out.printf(
        Locale.ROOT,
        "| all | %d/%d (%.0f%%) | %d/%d (%.0f%%) |%n",
        recoveredAll,
        plantedAll,
        100.0 * recoveredAll / Math.max(1, plantedAll),
        recoveredWithNamesAll,
        plantedAll,
        100.0 * recoveredWithNamesAll / Math.max(1, plantedAll));
    return matched;
  }

  /**
   * Prints the share of original articles whose main learned topic is the one matched to the topic
   * they were generated from, per language, and the same under the best one-to-one matching of the
   * confusion counts (an upper bound for any matching).
   */
  private void articleAccuracy(
      CorpusSpec spec,
      PlantedContent planted,
      Path out,
      Map<String, Map<Integer, Integer>> matched) {
    ArticleGenerator generator = planted.generator();
    List<Row> rows = new ArrayList<>();
    int languageChecked = 0;
    int languageAgrees = 0;
    for (long i = 0; i < spec.articles(); i++) {
      if (generator.kindOf(i) != ArticleGenerator.Kind.ORIGINAL) {
        continue; // copies and rejected rows: not in article_topics, or under another id
      }
      String language = planted.plantedLanguage(i);
      if (i % 97 == 0) { // the repeated draws must still be the generator's
        String given = generator.generate(i).language();
        if (given != null && given.length() == 2) {
          languageChecked++;
          languageAgrees += given.equalsIgnoreCase(language) ? 1 : 0; // "FR" is fr
        }
      }
      rows.add(RowFactory.create(generator.idOf(i), planted.plantedTopic(i)));
    }
    if (languageAgrees < 0.99 * languageChecked) {
      throw new IllegalStateException(
          "PlantedContent is out of step with ArticleGenerator: "
              + "planted language agrees on "
              + languageAgrees
              + " of "
              + languageChecked
              + " articles; update its draws");
    }
    Dataset<Row> truth =
        spark.createDataFrame(
            rows,
            DataTypes.createStructType(
                List.of(
                    DataTypes.createStructField("id", DataTypes.StringType, false),
                    DataTypes.createStructField("planted", DataTypes.IntegerType, false))));
    List<Row> confusion =
        spark
            .read()
            .parquet(out.resolve("article_topics").toString())
            .where(col("model_id").startsWith("lda-"))
            .join(truth, "id")
            .groupBy("language", "planted", "topic_id")
            .agg(count(lit(1)).as("n"))
            .collectAsList();
    Map<String, Map<Integer, Map<Integer, Long>>> byLanguage = new TreeMap<>();
    for (Row r : confusion) {
      byLanguage
          .computeIfAbsent(r.getString(0), k -> new TreeMap<>())
          .computeIfAbsent(r.getInt(1), k -> new TreeMap<>())
          .put(r.getInt(2), r.getLong(3));
    }
    System.out.println();
    System.out.println(
        "Articles whose main learned topic is the one matched to their planted"
            + " topic (original articles with a learned topic):");
    System.out.println();
    System.out.println("| language | articles | matched by top terms | best one-to-one |");
    System.out.println("| --- | ---: | ---: | ---: |");
    long allArticles = 0;
    long allRight = 0;
    long allBest = 0;
    for (Map.Entry<String, Map<Integer, Map<Integer, Long>>> e : byLanguage.entrySet()) {
      Map<Integer, Integer> map = matched.getOrDefault(e.getKey(), Map.of());
      long total = 0;
      long right = 0;
      List<Integer> learnedIds =
          new ArrayList<>(
              new java.util.TreeSet<>(
                  e.getValue().values().stream().flatMap(m -> m.keySet().stream()).toList()));
      double[][] score = new double[PlantedContent.topics().size()][learnedIds.size()];
      for (Map.Entry<Integer, Map<Integer, Long>> p : e.getValue().entrySet()) {
        for (Map.Entry<Integer, Long> l : p.getValue().entrySet()) {
          total += l.getValue();
          if (l.getKey().equals(map.get(p.getKey()))) {
            right += l.getValue();
          }
          score[p.getKey()][learnedIds.indexOf(l.getKey())] = l.getValue();
        }
      }
      long best = 0;
      int[] assigned = TopicMatching.assign(score);
      for (int k = 0; k < assigned.length; k++) {
        best += assigned[k] >= 0 ? (long) score[k][assigned[k]] : 0;
      }
      if (total < 100) {
        continue; // a handful of misdetected articles
      }
      allArticles += total;
      allRight += right;
      allBest += best;
      System.out.printf(
          Locale.ROOT,
          "| %s | %,d | %.1f%% | %.1f%% |%n",
          e.getKey(),
          total,
          100.0 * right / total,
          100.0 * best / total);
    }
    System.out.printf(
        Locale.ROOT,
        "| all | %,d | %.1f%% | %.1f%% |%n",
        allArticles,
        100.0 * allRight / Math.max(1, allArticles),
        100.0 * allBest / Math.max(1, allArticles));
  }

  // ---------------------------------------------------------------------------------------
  // (b) Trends

  /** A planted burst in one language. */
  record Burst(
      LocalDate from,
      LocalDate to,
      int topic,
      boolean entity,
      String term,
      Analysed analysed,
      Set<String> names) {
    boolean covers(LocalDate d) {
      return !d.isBefore(from) && !d.isAfter(to);
    }
  }

  /** A {@code term_trends} row. */
  record Trend(
      LocalDate date,
      String language,
      boolean entity,
      String term,
      String name,
      double score,
      double ratio) {}

  /** How a trend row relates to the bursts active on its date, best first. */
  enum Verdict {
    PLANTED("the planted term"),
    PART("part of it, or a phrase holding it"),
    TOPIC("another term or entity of the bursting topic"),
    OTHER_TOPIC("a term or entity of a topic not bursting that day (its drift)"),
    UNEXPLAINED("none of those");

    final String meaning;

    Verdict(String meaning) {
      this.meaning = meaning;
    }
  }

  private void trends(JsonNode truth, PlantedContent planted, CorpusSpec spec, Path out) {
    List<String> topicNames = PlantedContent.topics();
    List<String> languages = new ArrayList<>();
    truth.path("topics").path(0).path("nouns").fieldNames().forEachRemaining(languages::add);
    LocalDate firstScored = spec.start().plusDays(TrendSettings.DEFAULTS.minHistoryDays());
    LocalDate last = spec.start().plusDays(spec.days() - 1);

    // Per language: bursts, and the words that set each topic apart from the others.
    Map<String, List<Burst>> bursts = new HashMap<>();
    Map<String, List<Set<String>>> topicWords = new HashMap<>();
    List<Set<String>> topicEntities = new ArrayList<>();
    for (String topic : topicNames) {
      Set<String> names = new HashSet<>();
      planted.entityNames(topic).forEach(n -> names.add(fold(n)));
      topicEntities.add(names);
    }
    for (String language : languages) {
      List<Burst> list = new ArrayList<>();
      for (JsonNode b : truth.path("bursts")) {
        Set<String> names = new HashSet<>();
        b.path("term").forEach(n -> names.add(fold(n.asText())));
        String term = b.path("term").path(language).asText();
        list.add(
            new Burst(
                LocalDate.parse(b.path("from").asText()),
                LocalDate.parse(b.path("to").asText()),
                topicNames.indexOf(b.path("topic").asText()),
                b.path("kind").asText().equals("entity"),
                term,
                analyse(term, language),
                names));
      }
      bursts.put(language, list);
      Set<String> general = words(planted.generalText(language), language);
      List<Set<String>> all = new ArrayList<>();
      for (String topic : topicNames) {
        all.add(words(planted.topicText(language, topic), language));
      }
      List<Set<String>> specific = new ArrayList<>();
      for (int k = 0; k < all.size(); k++) {
        Set<String> own = new HashSet<>(all.get(k));
        own.removeAll(general);
        for (int j = 0; j < all.size(); j++) {
          if (j != k) {
            own.removeAll(all.get(j));
          }
        }
        specific.add(own);
      }
      topicWords.put(language, specific);
    }

    List<Trend> rows = new ArrayList<>();
    for (Row r : spark.read().parquet(out.resolve("term_trends").toString()).collectAsList()) {
      Object date = r.getAs("date"); // LocalDate when the session uses the Java 8 time API
      rows.add(
          new Trend(
              date instanceof java.sql.Date d ? d.toLocalDate() : (LocalDate) date,
              r.getAs("language"),
              org.gazette.spark.tables.Trends.ENTITY.equals(r.getAs("kind")),
              r.getAs("term"),
              r.getAs("name"),
              r.<Double>getAs("score"),
              r.<Long>getAs("count") / r.<Double>getAs("baseline")));
    }
    System.out.println();
    System.out.printf(
        Locale.ROOT,
        "Trends: dates from %s (the first %d days have no history"
            + " to compare with) to %s; %d planted bursts, each a topic whose share is multiplied by"
            + " %.0f for 1 to 3 days with one of its nouns or entities featured%n",
        firstScored,
        TrendSettings.DEFAULTS.minHistoryDays(),
        last,
        truth.path("bursts").size(),
        PlantedContent.burstBoost());
    Evaluation all = new Evaluation(rows, bursts, topicWords, topicEntities, firstScored);
    all.printRecall(languages);
    for (int limit : new int[] {TOP_ROWS, Integer.MAX_VALUE}) {
      for (boolean burstDaysOnly : new boolean[] {false, true}) {
        all.printPrecision(limit, burstDaysOnly);
      }
    }
    // What stricter settings would keep: every candidate term of a day is tested, thousands
    // per language, so a score of 3 (p about 0.001 for one term) lets a few through by chance
    // each day; and slow drifts of busy terms score on evidence alone.
    System.out.println();
    System.out.println(
        "If term_trends kept only the rows with score >= s and count / baseline"
            + " >= r (the default is s = 3, no r):");
    System.out.println();
    System.out.println(
        "| s | r | rows | recall | recall in top 5 | precision top 5 (strict /"
            + " topic) | precision all rows (strict / topic) | rows per language a day without"
            + " burst |");
    System.out.println("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
    double[][] floors = {{3, 0}, {4, 0}, {5, 0}, {6, 0}, {8, 0}, {3, 3}, {5, 3}};
    for (double[] floor : floors) {
      Evaluation e =
          new Evaluation(
              rows.stream().filter(t -> t.score() >= floor[0] && t.ratio() >= floor[1]).toList(),
              bursts,
              topicWords,
              topicEntities,
              firstScored);
      double[] recall = e.recall(null);
      double[] top = e.precision(TOP_ROWS, false, null);
      double[] any = e.precision(Integer.MAX_VALUE, false, null);
      System.out.printf(
          Locale.ROOT,
          "| %.0f | %.0f | %,d | %.0f%% | %.0f%% | %.0f%% / %.0f%% |"
              + " %.0f%% / %.0f%% | %.1f |%n",
          floor[0],
          floor[1],
          e.scoredRows(),
          100 * recall[0],
          100 * recall[1],
          100 * top[0],
          100 * top[1],
          100 * any[0],
          100 * any[1],
          e.quietDayRows(last));
    }
  }

  /** Recall and precision of some trend rows against the planted bursts. */
  private static final class Evaluation {
    private final Map<String, List<Trend>> byDay = new TreeMap<>();
    private final Map<String, List<Burst>> bursts;
    private final Map<String, List<Set<String>>> topicWords;
    private final List<Set<String>> topicEntities;
    private final LocalDate firstScored;

    Evaluation(
        List<Trend> rows,
        Map<String, List<Burst>> bursts,
        Map<String, List<Set<String>>> topicWords,
        List<Set<String>> topicEntities,
        LocalDate firstScored) {
      for (Trend t : rows) {
        byDay.computeIfAbsent(t.date() + " " + t.language(), k -> new ArrayList<>()).add(t);
      }
      for (List<Trend> day : byDay.values()) {
        day.sort(Comparator.comparingDouble(Trend::score).reversed().thenComparing(Trend::term));
      }
      this.bursts = bursts;
      this.topicWords = topicWords;
      this.topicEntities = topicEntities;
      this.firstScored = firstScored;
    }

    int scoredRows() {
      int n = 0;
      for (List<Trend> day : byDay.values()) {
        n += day.get(0).date().isBefore(firstScored) ? 0 : day.size();
      }
      return n;
    }

    /** Rows per language and scored date without a burst in that language. */
    double quietDayRows(LocalDate last) {
      int rows = 0;
      int days = 0;
      for (String language : bursts.keySet()) {
        for (LocalDate d = firstScored; !d.isAfter(last); d = d.plusDays(1)) {
          LocalDate day = d;
          if (bursts.get(language).stream().noneMatch(b -> b.covers(day))) {
            days++;
            rows += byDay.getOrDefault(d + " " + language, List.of()).size();
          }
        }
      }
      return (double) rows / Math.max(1, days);
    }

    void printRecall(List<String> languages) {
      System.out.println();
      System.out.println(
          "Recall: a burst day is found when that day's rows in the language"
              + " hold the planted noun (or a phrase holding it), or the planted entity (its entity"
              + " row, or its name as a term)");
      System.out.println();
      System.out.println("| language | kind | burst days | found | in top 5 | rank (median) |");
      System.out.println("| --- | --- | ---: | ---: | ---: | ---: |");
      int[] allDays = new int[2];
      int[] allFound = new int[2];
      int[] allTop = new int[2];
      List<String> misses = new ArrayList<>();
      for (String language : languages) {
        for (int kind = 0; kind < 2; kind++) {
          int[] counts = new int[3];
          List<Integer> ranks = new ArrayList<>();
          recall(language, kind == 1, counts, ranks, misses);
          allDays[kind] += counts[0];
          allFound[kind] += counts[1];
          allTop[kind] += counts[2];
          ranks.sort(null);
          System.out.printf(
              Locale.ROOT,
              "| %s | %s | %d | %d (%.0f%%) | %d (%.0f%%) | %s |%n",
              language,
              kind == 1 ? "entity" : "noun",
              counts[0],
              counts[1],
              100.0 * counts[1] / Math.max(1, counts[0]),
              counts[2],
              100.0 * counts[2] / Math.max(1, counts[0]),
              ranks.isEmpty() ? "-" : ranks.get(ranks.size() / 2).toString());
        }
      }
      for (int kind = 0; kind < 2; kind++) {
        System.out.printf(
            Locale.ROOT,
            "| all | %s | %d | %d (%.0f%%) | %d (%.0f%%) | |%n",
            kind == 1 ? "entity" : "noun",
            allDays[kind],
            allFound[kind],
            100.0 * allFound[kind] / Math.max(1, allDays[kind]),
            allTop[kind],
            100.0 * allTop[kind] / Math.max(1, allDays[kind]));
      }
      int days = allDays[0] + allDays[1];
      int found = allFound[0] + allFound[1];
      int top = allTop[0] + allTop[1];
      System.out.printf(
          Locale.ROOT,
          "| all | both | %d | %d (%.0f%%) | %d (%.0f%%) | |%n",
          days,
          found,
          100.0 * found / Math.max(1, days),
          top,
          100.0 * top / Math.max(1, days));
      if (!misses.isEmpty()) {
        System.out.println();
        System.out.println("Missed burst days:");
        misses.forEach(m -> System.out.println("  " + m));
      }
    }

    /** Shares of burst days found, and found in the top rows, over every language. */
    double[] recall(List<String> misses) {
      int[] counts = new int[3];
      for (String language : bursts.keySet()) {
        for (boolean entity : new boolean[] {false, true}) {
          recall(language, entity, counts, new ArrayList<>(), misses);
        }
      }
      return new double[] {
        (double) counts[1] / Math.max(1, counts[0]), (double) counts[2] / Math.max(1, counts[0])
      };
    }

    /** Adds burst days, days found and days found in the top rows to {@code counts}. */
    private void recall(
        String language, boolean entity, int[] counts, List<Integer> ranks, List<String> misses) {
      for (Burst b : bursts.get(language)) {
        if (b.entity() != entity) {
          continue;
        }
        for (LocalDate d = b.from(); !d.isAfter(b.to()); d = d.plusDays(1)) {
          if (d.isBefore(firstScored)) {
            continue;
          }
          counts[0]++;
          List<Trend> day = byDay.getOrDefault(d + " " + language, List.of());
          int rank = -1;
          for (int i = 0; i < day.size() && rank < 0; i++) {
            if (planted(day.get(i), b)) {
              rank = i + 1;
            }
          }
          if (rank > 0) {
            counts[1]++;
            counts[2] += rank <= TOP_ROWS ? 1 : 0;
            ranks.add(rank);
          } else if (misses != null) {
            misses.add(
                language
                    + " "
                    + d
                    + " "
                    + (b.entity() ? "entity" : "noun")
                    + " '"
                    + b.term()
                    + "' ("
                    + (b.analysed() == null ? "-" : b.analysed().form())
                    + "); the day's top rows: "
                    + day.stream()
                        .limit(TOP_ROWS)
                        .map(t -> t.entity() ? "[" + t.name() + "]" : t.term())
                        .toList());
          }
        }
      }
    }

    /**
     * Shares of the top {@code limit} rows of each scored date and language (of dates with a burst
     * only, if asked) that are the planted term or part of it, and that or the bursting topic's
     * other terms; counts per verdict and examples into the maps when given.
     */
    double[] precision(int limit, boolean burstDaysOnly, Map<Verdict, List<Trend>> judged) {
      int total = 0;
      int strict = 0;
      int topical = 0;
      for (List<Trend> day : byDay.values()) {
        Trend first = day.get(0);
        if (first.date().isBefore(firstScored) || !bursts.containsKey(first.language())) {
          continue;
        }
        List<Burst> active =
            bursts.get(first.language()).stream().filter(b -> b.covers(first.date())).toList();
        if (burstDaysOnly && active.isEmpty()) {
          continue;
        }
        for (Trend t : day.subList(0, Math.min(limit, day.size()))) {
          Verdict v = judge(t, active, topicWords.get(t.language()), topicEntities);
          if (judged != null) {
            judged.computeIfAbsent(v, k -> new ArrayList<>()).add(t);
          }
          total++;
          strict += v == Verdict.PLANTED || v == Verdict.PART ? 1 : 0;
          topical += v == Verdict.PLANTED || v == Verdict.PART || v == Verdict.TOPIC ? 1 : 0;
        }
      }
      return new double[] {
        (double) strict / Math.max(1, total), (double) topical / Math.max(1, total), total
      };
    }

    void printPrecision(int limit, boolean burstDaysOnly) {
      Map<Verdict, List<Trend>> judged = new java.util.EnumMap<>(Verdict.class);
      double[] p = precision(limit, burstDaysOnly, judged);
      System.out.println();
      System.out.printf(
          Locale.ROOT,
          "Precision of %s per date and language, %s: %,d rows;"
              + " planted term or part of it %.0f%%, with the bursting topic's other terms %.0f%%"
              + "%n%n",
          limit == Integer.MAX_VALUE ? "all rows" : "the top " + limit + " rows",
          burstDaysOnly ? "dates with a burst in the language" : "every scored date",
          (int) p[2],
          100 * p[0],
          100 * p[1]);
      System.out.println("| row is | rows | share | count / baseline (median) | examples |");
      System.out.println("| --- | ---: | ---: | ---: | --- |");
      for (Verdict v : Verdict.values()) {
        List<Trend> rows = judged.getOrDefault(v, List.of());
        List<Double> ratios = new ArrayList<>(rows.stream().map(Trend::ratio).sorted().toList());
        List<String> examples = new ArrayList<>();
        for (int i = 0; i < rows.size() && examples.size() < 6; i += Math.max(1, rows.size() / 6)) {
          Trend t = rows.get(i);
          examples.add(
              t.date()
                  + " "
                  + t.language()
                  + " "
                  + (t.entity() ? "[" + t.name() + "]" : "'" + t.term() + "'")
                  + String.format(Locale.ROOT, " ×%.1f", t.ratio()));
        }
        System.out.printf(
            Locale.ROOT,
            "| %s | %,d | %.0f%% | %s | %s |%n",
            v.meaning,
            rows.size(),
            100.0 * rows.size() / Math.max(1, p[2]),
            ratios.isEmpty()
                ? "-"
                : String.format(Locale.ROOT, "%.1f", ratios.get(ratios.size() / 2)),
            String.join("; ", examples));
      }
    }
  }

  /** True when {@code t} is the burst's own term or entity. */
  private static boolean planted(Trend t, Burst b) {
    if (b.entity()) {
      if (t.entity()) {
        return b.names().contains(fold(t.name() == null ? "" : t.name()))
            || b.names().contains(fold(t.term().substring(t.term().indexOf(':') + 1)));
      }
      return b.analysed() != null && t.term().equals(b.analysed().form());
    }
    return !t.entity() && b.analysed() != null && containsPhrase(t.term(), b.analysed().form());
  }

  private static Verdict judge(
      Trend t, List<Burst> active, List<Set<String>> topicWords, List<Set<String>> topicEntities) {
    for (Burst b : active) {
      if (planted(t, b)) {
        return Verdict.PLANTED;
      }
    }
    for (Burst b : active) {
      if (!t.entity() && b.analysed() != null) {
        for (String w : t.term().split(" ")) {
          if (b.analysed().words().contains(unelided(w))) {
            return Verdict.PART;
          }
        }
      }
    }
    Set<Integer> bursting = new HashSet<>();
    active.forEach(b -> bursting.add(b.topic()));
    int topic = topicOf(t, topicWords, topicEntities, bursting);
    if (topic >= 0) {
      return bursting.contains(topic) ? Verdict.TOPIC : Verdict.OTHER_TOPIC;
    }
    return Verdict.UNEXPLAINED;
  }

  /**
   * The topic a row belongs to: an entity of that topic, or a term with a word only that topic's
   * material uses; a bursting topic first. -1 when none.
   */
  private static int topicOf(
      Trend t,
      List<Set<String>> topicWords,
      List<Set<String>> topicEntities,
      Set<Integer> preferred) {
    int found = -1;
    for (int k = 0; k < topicWords.size(); k++) {
      boolean belongs;
      if (t.entity()) {
        belongs =
            topicEntities.get(k).contains(fold(t.name() == null ? "" : t.name()))
                || topicEntities
                    .get(k)
                    .contains(fold(t.term().substring(t.term().indexOf(':') + 1)));
      } else {
        belongs = false;
        for (String w : t.term().split(" ")) {
          belongs |= topicWords.get(k).contains(unelided(w));
        }
      }
      if (belongs) {
        if (preferred.contains(k)) {
          return k;
        }
        found = found < 0 ? k : found;
      }
    }
    return found;
  }

  /** True when phrase {@code term} holds the words of {@code form} in a row. */
  static boolean containsPhrase(String term, String form) {
    return (" " + term + " ").contains(" " + form + " ");
  }

  /** A word without an elided article: "d'achat" is "achat". */
  static String unelided(String word) {
    int apostrophe = word.indexOf('\'');
    return apostrophe < 0 ? word : word.substring(apostrophe + 1);
  }

  /** Lower case, without accents, words separated by one space: to compare names. */
  static String fold(String s) {
    String decomposed = Normalizer.normalize(s, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
    return decomposed.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
  }

  // ---------------------------------------------------------------------------------------
  // Analysis, as the nightly job analyses articles

  /** A noun or name as Gazette's terms show it: the whole phrase and its content words. */
  record Analysed(String form, Set<String> words) {}

  /** The phrase of {@code text} without leading and trailing stop words, and its words. */
  Analysed analyse(String text, String language) {
    analyzer.analyze(TextCleaner.clean(text), language, tokens);
    int first = 0;
    int last = tokens.size() - 1;
    while (first <= last && tokens.isStopWord(first)) {
      first++;
    }
    while (last >= first && tokens.isStopWord(last)) {
      last--;
    }
    if (first > last) {
      return null;
    }
    char[] chars = tokens.chars();
    StringBuilder form = new StringBuilder();
    form.append(chars, tokens.termStart(first), tokens.termLength(first));
    Set<String> words = new LinkedHashSet<>();
    for (int i = first; i <= last; i++) {
      if (i > first) {
        form.append(' ').append(chars, tokens.phraseStart(i), tokens.phraseLength(i));
      }
      if (!tokens.isStopWord(i) && tokens.termLength(i) > 1) {
        words.add(tokens.term(i));
      }
    }
    return new Analysed(form.toString(), words);
  }

  /** The content words of some texts. */
  private Set<String> words(List<String> texts, String language) {
    Set<String> words = new HashSet<>();
    for (String text : texts) {
      analyzer.analyze(TextCleaner.clean(text), language, tokens);
      for (int i = 0; i < tokens.size(); i++) {
        if (!tokens.isStopWord(i) && tokens.termLength(i) > 1) {
          words.add(tokens.term(i));
        }
      }
    }
    return words;
  }
}
