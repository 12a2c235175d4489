package org.gazette.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.sum;

import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.ml.clustering.LDA;
import org.apache.spark.ml.clustering.LDAModel;
import org.apache.spark.ml.linalg.Matrix;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.encoders.ExpressionEncoder;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import org.gazette.topic.TopicLabels;
import org.gazette.topic.TopicMatching;
import org.gazette.topic.TopicModel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Trains a topic model per language with Spark MLlib's LDA (online variational Bayes) on the
 * bags of terms the nightly pass stored in {@code article_terms}, over a vocabulary chosen from
 * {@code term_frequencies}; matches the new topics to the previous model's so that ids and
 * labels carry over.
 */
public final class TopicTraining {

  private static final Logger LOG = LoggerFactory.getLogger(TopicTraining.class);

  /** Top terms listed per topic in {@code topics}. */
  static final int TOP_TERMS = 20;

  /** How a model is trained; every field can be set on the command line. */
  public record Settings(
      int topics,
      int minDocs,
      double maxDocShare,
      int vocabulary,
      int minArticles,
      long maxArticles,
      int iterations,
      double minSimilarity,
      long seed) implements Serializable {

    public Settings {
      check(topics >= 2, "--k must be at least 2, was " + topics);
      check(minDocs >= 1, "--min-docs must be at least 1, was " + minDocs);
      check(maxDocShare > 0 && maxDocShare <= 1,
          "--max-doc-share must be in (0, 1], was " + maxDocShare);
      check(vocabulary >= topics, "--vocabulary must be at least --k, was " + vocabulary);
      check(minArticles >= 1, "--min-articles must be at least 1, was " + minArticles);
      check(maxArticles >= minArticles,
          "--max-articles must be at least --min-articles, was " + maxArticles);
      check(iterations >= 1, "--iterations must be at least 1, was " + iterations);
      check(minSimilarity >= 0 && minSimilarity <= 1,
          "--min-similarity must be in [0, 1], was " + minSimilarity);
    }

    /** The settings by name, as stored with the model. */
    public Map<String, String> asMap() {
      Map<String, String> m = new LinkedHashMap<>();
      m.put("k", Integer.toString(topics));
      m.put("min_docs", Integer.toString(minDocs));
      m.put("max_doc_share", Double.toString(maxDocShare));
      m.put("vocabulary", Integer.toString(vocabulary));
      m.put("min_articles", Integer.toString(minArticles));
      m.put("max_articles", Long.toString(maxArticles));
      m.put("iterations", Integer.toString(iterations));
      m.put("min_similarity", Double.toString(minSimilarity));
      m.put("seed", Long.toString(seed));
      m.put("optimizer", "online");
      return m;
    }

    private static void check(boolean ok, String message) {
      if (!ok) {
        throw new IllegalArgumentException(message);
      }
    }
  }

  private TopicTraining() {}

  /**
   * Trains a model named {@code modelId} on {@code articleTerms} (the {@code article_terms}
   * rows of the training dates) with a vocabulary from {@code termFrequencies} (the same
   * dates); {@code previous} (null when none) lends its ids and labels to matching topics.
   * Returns null when no language has enough articles.
   */
  public static TopicModel train(SparkSession spark, String modelId, String trainedOn,
      Dataset<Row> articleTerms, Dataset<Row> termFrequencies, Settings settings,
      TopicModel previous) {
    Map<String, Long> articles = new LinkedHashMap<>();
    for (Row r : articleTerms.groupBy("language").agg(count("*").as("n"))
        .orderBy(col("n").desc(), col("language")).collectAsList()) {
      articles.put(r.getString(0), r.getLong(1));
    }
    Map<String, String[]> vocabularies = vocabularies(termFrequencies, articles, settings);
    int nextId = previous == null ? 1 : previous.maxTopicId() + 1;
    List<TopicModel.Language> languages = new ArrayList<>();
    List<String> eligible = new ArrayList<>();
    for (Map.Entry<String, Long> e : articles.entrySet()) {
      String[] vocabulary = vocabularies.get(e.getKey());
      if (e.getValue() < settings.minArticles() || vocabulary == null
          || vocabulary.length < topicsFor(e.getValue(), settings)) {
        LOG.info("no topics for {}: {} articles, {} terms in the vocabulary (need {} and {})",
            e.getKey(), NightlyJob.fmt(e.getValue()), vocabulary == null ? 0 : vocabulary.length,
            settings.minArticles(), topicsFor(e.getValue(), settings));
      } else {
        eligible.add(e.getKey());
      }
    }
    // Languages train side by side: each of online LDA's many small Spark jobs leaves the
    // cores idle while the driver schedules it, and the others fill them.
    Map<String, Fitted> fitted = new LinkedHashMap<>();
    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors
        .newFixedThreadPool(Math.max(1, Math.min(4, eligible.size())));
    try {
      Map<String, java.util.concurrent.Future<Fitted>> running = new LinkedHashMap<>();
      for (String language : eligible) {
        running.put(language, pool.submit(() -> {
          long began = System.nanoTime();
          Fitted f = fit(spark, articleTerms.where(col("language").equalTo(language)),
              vocabularies.get(language), articles.get(language), settings);
          LOG.info("trained {} topics for {} on {} articles, {} terms, in {}",
              f.lambda().length, language, NightlyJob.fmt(f.documents()),
              NightlyJob.fmt(vocabularies.get(language).length),
              String.format(Locale.ROOT, "%.1f s", (System.nanoTime() - began) / 1e9));
          return f;
        }));
      }
      for (Map.Entry<String, java.util.concurrent.Future<Fitted>> e : running.entrySet()) {
        fitted.put(e.getKey(), e.getValue().get());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while training topic models", e);
    } catch (java.util.concurrent.ExecutionException e) {
      throw e.getCause() instanceof RuntimeException r ? r
          : new IllegalStateException("training a topic model failed", e.getCause());
    } finally {
      pool.shutdownNow();
    }
    // Ids are handed out in the order of the languages, most articles first: repeatable.
    for (String language : eligible) {
      TopicModel.Language prior = previous == null ? null
          : previous.languages().get(language);
      TopicModel.Language model = identify(language, vocabularies.get(language),
          fitted.get(language), prior, previous == null ? null : previous.modelId(), nextId,
          settings);
      for (TopicModel.Topic t : model.topics()) {
        nextId = Math.max(nextId, t.id() + 1);
      }
      languages.add(model);
    }
    if (languages.isEmpty()) {
      return null;
    }
    return new TopicModel(modelId, Instant.now(), trainedOn, settings.asMap(), languages);
  }

  /** Articles a topic needs at least: fewer, and topics split into boilerplate and noise. */
  static final int ARTICLES_PER_TOPIC = 100;

  /** Topics a language gets at least, however few its articles. */
  static final int MIN_TOPICS = 4;

  /**
   * The topics of a language trained on {@code articles} articles: one per
   * {@link #ARTICLES_PER_TOPIC}, at least {@link #MIN_TOPICS}, at most {@code --k}.
   */
  static int topicsFor(long articles, Settings settings) {
    long sampled = Math.min(articles, settings.maxArticles());
    return (int) Math.min(settings.topics(), Math.max(MIN_TOPICS, sampled / ARTICLES_PER_TOPIC));
  }

  /**
   * Per language, the terms found in at least {@code minDocs} articles and in at most
   * {@code maxDocShare} of them, the {@code vocabulary} most widespread, alphabetical.
   */
  static Map<String, String[]> vocabularies(Dataset<Row> termFrequencies,
      Map<String, Long> articles, Settings settings) {
    Map<String, List<Row>> byLanguage = new HashMap<>();
    Dataset<Row> docs = termFrequencies.groupBy("language", "term")
        .agg(sum("doc_count").as("docs"))
        .where(col("docs").geq(settings.minDocs()));
    for (Row r : docs.collectAsList()) {
      byLanguage.computeIfAbsent(r.getString(0), k -> new ArrayList<>()).add(r);
    }
    Map<String, String[]> vocabularies = new HashMap<>();
    for (Map.Entry<String, List<Row>> e : byLanguage.entrySet()) {
      long total = articles.getOrDefault(e.getKey(), 0L);
      double ceiling = settings.maxDocShare() * total;
      String[] terms = e.getValue().stream()
          .filter(r -> r.getLong(2) <= ceiling)
          .sorted(Comparator.<Row>comparingLong(r -> -r.getLong(2))
              .thenComparing(r -> r.getString(1)))
          .limit(settings.vocabulary())
          .map(r -> r.getString(1))
          .sorted()
          .toArray(String[]::new);
      vocabularies.put(e.getKey(), terms);
    }
    return vocabularies;
  }

  /** The fitted parameters of one language: lambda (topic-major) and alpha. */
  record Fitted(double[][] lambda, double[] alpha, long documents) {}

  private static final StructType FEATURES = DataTypes.createStructType(List.of(
      DataTypes.createStructField("features", SQLDataTypes.VectorType(), false)));

  private static Fitted fit(SparkSession spark, Dataset<Row> articleTerms, String[] vocabulary,
      long articles, Settings settings) {
    int k = topicsFor(articles, settings);
    Map<String, Integer> index = new HashMap<>(vocabulary.length * 2);
    for (int i = 0; i < vocabulary.length; i++) {
      index.put(vocabulary[i], i);
    }
    Broadcast<Map<String, Integer>> shipped = new org.apache.spark.api.java.JavaSparkContext(
        spark.sparkContext()).broadcast(index);
    // The same articles in the same order whatever the input's partitioning: online LDA's
    // mini-batches are drawn per partition, so this is what makes training repeatable.
    int partitions = (int) Math.min(64, Math.max(2, articles / 20_000));
    Dataset<Row> ordered = articleTerms.repartition(partitions, col("id"))
        .sortWithinPartitions("id");
    Dataset<Row> sample = articles > settings.maxArticles()
        ? ordered.sample(false, (double) settings.maxArticles() / articles, settings.seed())
        : ordered;
    int size = vocabulary.length;
    Dataset<Row> docs = sample.select("terms", "counts")
        .mapPartitions((MapPartitionsFunction<Row, Row>) rows -> new Vectorizer(rows,
            shipped.value(), size), ExpressionEncoder.apply(FEATURES))
        .persist(StorageLevel.MEMORY_AND_DISK());
    try {
      long documents = docs.count();
      // Mini-batches of about 5% of the articles, but never fewer than 256 of them: small
      // corpora would otherwise learn from a handful of articles per step.
      double batch = Math.min(1.0, Math.max(0.05, 256.0 / Math.max(1, documents)));
      LDA lda = new LDA()
          .setK(k)
          .setOptimizer("online")
          .setMaxIter(settings.iterations())
          .setSubsamplingRate(batch)
          .setLearningOffset(64)
          .setLearningDecay(0.51)
          .setOptimizeDocConcentration(true)
          .setSeed(settings.seed())
          .setFeaturesCol("features");
      LDAModel model = lda.fit(docs);
      Matrix topics = model.topicsMatrix(); // vocabulary × k: lambda of the online optimiser
      double[][] lambda = new double[k][size];
      for (int t = 0; t < k; t++) {
        for (int w = 0; w < size; w++) {
          lambda[t][w] = topics.apply(w, t);
        }
      }
      double[] alpha = model.getEffectiveDocConcentration();
      return new Fitted(lambda, alpha, documents);
    } finally {
      docs.unpersist();
      shipped.destroy();
    }
  }

  /** Turns bags of terms into sparse count vectors over a vocabulary; empty bags are dropped. */
  private static final class Vectorizer implements java.util.Iterator<Row> {
    private final java.util.Iterator<Row> rows;
    private final Map<String, Integer> index;
    private final int size;
    private Row next;

    Vectorizer(java.util.Iterator<Row> rows, Map<String, Integer> index, int size) {
      this.rows = rows;
      this.index = index;
      this.size = size;
    }

    @Override
    public boolean hasNext() {
      while (next == null && rows.hasNext()) {
        Row r = rows.next();
        List<String> terms = r.getList(0);
        List<Integer> counts = r.getList(1);
        java.util.TreeMap<Integer, Double> vector = new java.util.TreeMap<>();
        for (int i = 0; i < terms.size(); i++) {
          Integer at = index.get(terms.get(i));
          if (at != null) {
            vector.merge(at, counts.get(i).doubleValue(), Double::sum);
          }
        }
        if (!vector.isEmpty()) {
          int[] indices = new int[vector.size()];
          double[] values = new double[vector.size()];
          int n = 0;
          for (Map.Entry<Integer, Double> e : vector.entrySet()) {
            indices[n] = e.getKey();
            values[n++] = e.getValue();
          }
          next = RowFactory.create(Vectors.sparse(size, indices, values));
        }
      }
      return next != null;
    }

    @Override
    public Row next() {
      if (!hasNext()) {
        throw new java.util.NoSuchElementException();
      }
      Row r = next;
      next = null;
      return r;
    }
  }

  /**
   * The topics of a fitted language model with ids, labels and top terms: a topic that
   * matches one of {@code prior}'s takes its id (and the match is recorded); the others take
   * fresh ids from {@code nextId}.
   */
  static TopicModel.Language identify(String language, String[] vocabulary, Fitted fitted,
      TopicModel.Language prior, String priorModelId, int nextId, Settings settings) {
    int k = fitted.lambda().length;
    double[][] distributions = new double[k][];
    double[] overall = new double[vocabulary.length];
    for (int t = 0; t < k; t++) {
      distributions[t] = normalised(fitted.lambda()[t]);
      for (int w = 0; w < vocabulary.length; w++) {
        overall[w] += distributions[t][w] / k;
      }
    }
    List<Map<String, Double>> fresh = new ArrayList<>();
    for (double[] d : distributions) {
      fresh.add(asMap(vocabulary, d));
    }
    int[] matchedTo = new int[k];
    double[] similarity = new double[k];
    java.util.Arrays.fill(matchedTo, -1);
    if (prior != null) {
      List<Map<String, Double>> old = new ArrayList<>();
      for (double[] row : prior.lambda()) {
        old.add(asMap(prior.vocabulary(), normalised(row)));
      }
      List<TopicMatching.Match> matches = TopicMatching.match(old, fresh,
          settings.minSimilarity());
      for (int t = 0; t < k; t++) {
        matchedTo[t] = matches.get(t).previous();
        similarity[t] = matches.get(t).similarity();
      }
    }
    List<TopicModel.Topic> topics = new ArrayList<>();
    int id = nextId;
    for (int t = 0; t < k; t++) {
      TopicLabels labels = new TopicLabels(vocabulary, distributions[t], overall);
      List<TopicLabels.TermWeight> top = labels.topTerms(TOP_TERMS);
      if (matchedTo[t] >= 0) {
        TopicModel.Topic old = prior.topics().get(matchedTo[t]);
        topics.add(new TopicModel.Topic(old.id(), old.label(), top, priorModelId,
            similarity[t]));
      } else {
        topics.add(new TopicModel.Topic(id++, labels.label(), top, null, null));
      }
    }
    return new TopicModel.Language(language, vocabulary, fitted.lambda(), fitted.alpha(),
        topics);
  }

  private static double[] normalised(double[] row) {
    double total = 0;
    for (double v : row) {
      total += v;
    }
    double[] p = new double[row.length];
    for (int i = 0; i < row.length; i++) {
      p[i] = total > 0 ? row[i] / total : 0;
    }
    return p;
  }

  /** The probable terms of a distribution: enough of them for a similarity to be exact enough. */
  private static Map<String, Double> asMap(String[] vocabulary, double[] distribution) {
    Map<String, Double> m = new HashMap<>(vocabulary.length * 2);
    for (int i = 0; i < vocabulary.length; i++) {
      m.put(vocabulary[i], distribution[i]);
    }
    return m;
  }
}
