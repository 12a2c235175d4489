package org.gazette.spark.tables;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.storage.StorageLevel;
import org.gazette.Check;
import org.gazette.spark.Fmt;
import org.gazette.topic.OnlineLda;
import org.gazette.topic.TopicInference;
import org.gazette.topic.TopicLabels;
import org.gazette.topic.TopicMatching;
import org.gazette.topic.TopicModel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Trains a topic model per language with Gazette's own online LDA (variational Bayes, MLlib's
 * updates, see {@link OnlineLda}) on the bags of terms the nightly pass stored in {@code
 * article_terms}, over a vocabulary chosen from {@code term_frequencies}; matches the new topics to
 * the previous model's so that ids and labels carry over.
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
      long seed)
      implements Serializable {

    public Settings {
      Check.option(topics >= 2, "--k", "at least 2", topics);
      Check.option(minDocs >= 1, "--min-docs", "at least 1", minDocs);
      Check.option(
          maxDocShare > 0 && maxDocShare <= 1, "--max-doc-share", "in (0, 1]", maxDocShare);
      Check.option(vocabulary >= topics, "--vocabulary", "at least --k", vocabulary);
      Check.option(minArticles >= 1, "--min-articles", "at least 1", minArticles);
      Check.option(
          maxArticles >= minArticles, "--max-articles", "at least --min-articles", maxArticles);
      Check.option(iterations >= 1, "--iterations", "at least 1", iterations);
      Check.option(
          minSimilarity >= 0 && minSimilarity <= 1, "--min-similarity", "in [0, 1]", minSimilarity);
    }

    /** What {@code topics train} and a first model of {@code nightly} use without options. */
    public static final Settings DEFAULTS =
        new Settings(20, 5, 0.3, 20_000, 100, 200_000, 60, 0.5, 1);

    public Settings withTopics(int k) {
      return new Settings(
          k,
          minDocs,
          maxDocShare,
          vocabulary,
          minArticles,
          maxArticles,
          iterations,
          minSimilarity,
          seed);
    }

    public Settings withMinDocs(int n) {
      return new Settings(
          topics,
          n,
          maxDocShare,
          vocabulary,
          minArticles,
          maxArticles,
          iterations,
          minSimilarity,
          seed);
    }

    public Settings withVocabulary(int n) {
      return new Settings(
          topics,
          minDocs,
          maxDocShare,
          n,
          minArticles,
          maxArticles,
          iterations,
          minSimilarity,
          seed);
    }

    public Settings withMinArticles(int n) {
      return new Settings(
          topics,
          minDocs,
          maxDocShare,
          vocabulary,
          n,
          maxArticles,
          iterations,
          minSimilarity,
          seed);
    }

    public Settings withIterations(int n) {
      return new Settings(
          topics,
          minDocs,
          maxDocShare,
          vocabulary,
          minArticles,
          maxArticles,
          n,
          minSimilarity,
          seed);
    }

    public Settings withSeed(long s) {
      return new Settings(
          topics,
          minDocs,
          maxDocShare,
          vocabulary,
          minArticles,
          maxArticles,
          iterations,
          minSimilarity,
          s);
    }

    public Settings withMaxDocShare(double share) {
      return new Settings(
          topics,
          minDocs,
          share,
          vocabulary,
          minArticles,
          maxArticles,
          iterations,
          minSimilarity,
          seed);
    }

    public Settings withMaxArticles(long n) {
      return new Settings(
          topics,
          minDocs,
          maxDocShare,
          vocabulary,
          minArticles,
          n,
          iterations,
          minSimilarity,
          seed);
    }

    public Settings withMinSimilarity(double similarity) {
      return new Settings(
          topics,
          minDocs,
          maxDocShare,
          vocabulary,
          minArticles,
          maxArticles,
          iterations,
          similarity,
          seed);
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
  }

  private TopicTraining() {}

  /**
   * Trains a model named {@code modelId} on {@code articleTerms} (the {@code article_terms} rows of
   * the training dates) with a vocabulary from {@code termFrequencies} (the same dates); {@code
   * previous} (null when none) lends its ids and labels to matching topics. Returns null when no
   * language has enough articles.
   */
  public static TopicModel train(
      SparkSession spark,
      String modelId,
      String trainedOn,
      Dataset<Row> articleTerms,
      Dataset<Row> termFrequencies,
      Settings settings,
      TopicModel previous) {
    Map<String, Long> articles = new LinkedHashMap<>();
    for (Row r :
        articleTerms
            .groupBy("language")
            .agg(count("*").as("n"))
            .orderBy(col("n").desc(), col("language"))
            .collectAsList()) {
      articles.put(r.getString(0), r.getLong(1));
    }
    Map<String, String[]> vocabularies = vocabularies(termFrequencies, articles, settings);
    int nextId = previous == null ? 1 : previous.maxTopicId() + 1;
    List<TopicModel.Language> languages = new ArrayList<>();
    List<String> eligible = new ArrayList<>();
    for (Map.Entry<String, Long> e : articles.entrySet()) {
      String[] vocabulary = vocabularies.get(e.getKey());
      if (e.getValue() < settings.minArticles()
          || vocabulary == null
          || vocabulary.length < topicsFor(e.getValue(), settings)) {
        LOG.info(
            "no topics for {}: {} articles, {} terms in the vocabulary (need {} and {})",
            e.getKey(),
            Fmt.count(e.getValue()),
            vocabulary == null ? 0 : vocabulary.length,
            settings.minArticles(),
            topicsFor(e.getValue(), settings));
      } else {
        eligible.add(e.getKey());
      }
    }
    Map<String, Fitted> fitted =
        eligible.isEmpty()
            ? Map.of()
            : fit(spark, articleTerms, eligible, vocabularies, articles, settings);
    // Ids are handed out in the order of the languages, most articles first: repeatable.
    for (String language : eligible) {
      TopicModel.Language prior = previous == null ? null : previous.languages().get(language);
      TopicModel.Language model =
          identify(
              language,
              vocabularies.get(language),
              fitted.get(language),
              prior,
              previous == null ? null : previous.modelId(),
              nextId,
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
   * The topics of a language trained on {@code articles} articles: one per {@link
   * #ARTICLES_PER_TOPIC}, at least {@link #MIN_TOPICS}, at most {@code --k}.
   */
  static int topicsFor(long articles, Settings settings) {
    long sampled = Math.min(articles, settings.maxArticles());
    return (int) Math.min(settings.topics(), Math.max(MIN_TOPICS, sampled / ARTICLES_PER_TOPIC));
  }

  /**
   * Per language, the terms found in at least {@code minDocs} articles and in at most {@code
   * maxDocShare} of them, the {@code vocabulary} most widespread, alphabetical.
   */
  static Map<String, String[]> vocabularies(
      Dataset<Row> termFrequencies, Map<String, Long> articles, Settings settings) {
    // Chosen where the counts are: only the chosen terms come to the driver.
    org.apache.spark.sql.Column ceiling = lit(0.0);
    for (Map.Entry<String, Long> e : articles.entrySet()) {
      ceiling =
          when(col("language").equalTo(e.getKey()), lit(settings.maxDocShare() * e.getValue()))
              .otherwise(ceiling);
    }
    Dataset<Row> chosen =
        termFrequencies
            .groupBy("language", "term")
            .agg(sum("doc_count").as("docs"))
            .where(col("docs").geq(settings.minDocs()).and(col("docs").leq(ceiling)))
            .withColumn(
                "rank",
                functions
                    .row_number()
                    .over(
                        org.apache.spark.sql.expressions.Window.partitionBy("language")
                            .orderBy(col("docs").desc(), col("term"))))
            .where(col("rank").leq(settings.vocabulary()))
            .select("language", "term");
    Map<String, List<String>> byLanguage = new HashMap<>();
    for (Row r : chosen.collectAsList()) {
      byLanguage.computeIfAbsent(r.getString(0), k -> new ArrayList<>()).add(r.getString(1));
    }
    Map<String, String[]> vocabularies = new HashMap<>();
    byLanguage.forEach(
        (language, terms) ->
            vocabularies.put(language, terms.stream().sorted().toArray(String[]::new)));
    return vocabularies;
  }

  /** The fitted parameters of one language: lambda (topic-major) and alpha. */
  record Fitted(double[][] lambda, double[] alpha, long documents) {}

  /**
   * Training documents packed in a few primitive arrays, up to {@link #DOCS_PER_BLOCK} of them:
   * document {@code i} is in language {@code languages[i]} and holds the terms {@code
   * terms[offsets[i]] .. terms[offsets[i + 1] - 1]} with their counts. Spark sizes and stores a
   * block exactly, where millions of small objects would be guessed at.
   */
  record DocBlock(int[] languages, int[] offsets, int[] terms, int[] counts)
      implements Serializable {
    int size() {
      return languages.length;
    }
  }

  /** Documents a {@link DocBlock} holds at most. */
  static final int DOCS_PER_BLOCK = 4096;

  /**
   * Fits every language of {@code languages} at once with online LDA: each iteration is one Spark
   * job over the documents of all languages, which samples each language's mini-batch (5% of its
   * articles, at least 256), runs the E-step where the documents are ({@link
   * TopicInference#accumulate}) and sums the statistics; the driver then updates each language's
   * {@link OnlineLda}. MLlib's LDA runs several jobs per language and iteration, and its E-step in
   * Breeze costs several times more per document.
   *
   * <p>Repeatable: the articles are spread over partitions by a hash of their id and sorted within
   * them, each partition draws its mini-batch with a seed made of the run's seed, the iteration and
   * the partition, and the statistics are summed in fixed point, so that the order in which
   * partitions finish cannot change a bit of the result.
   */
  private static Map<String, Fitted> fit(
      SparkSession spark,
      Dataset<Row> articleTerms,
      List<String> languages,
      Map<String, String[]> vocabularies,
      Map<String, Long> articles,
      Settings settings) {
    int n = languages.size();
    Map<String, Integer> languageIndex = new HashMap<>();
    List<Map<String, Integer>> indices = new ArrayList<>();
    long total = 0;
    org.apache.spark.sql.Column keep = null;
    for (int l = 0; l < n; l++) {
      String language = languages.get(l);
      languageIndex.put(language, l);
      Map<String, Integer> index = new HashMap<>();
      String[] vocabulary = vocabularies.get(language);
      for (int i = 0; i < vocabulary.length; i++) {
        index.put(vocabulary[i], i);
      }
      indices.add(index);
      long count = articles.get(language);
      total += Math.min(count, settings.maxArticles());
      double share = Math.min(1.0, (double) settings.maxArticles() / count);
      org.apache.spark.sql.Column chosen =
          col("language").equalTo(language).and(functions.rand(settings.seed()).lt(share));
      keep = keep == null ? chosen : keep.or(chosen);
    }
    org.apache.spark.api.java.JavaSparkContext jsc =
        new org.apache.spark.api.java.JavaSparkContext(spark.sparkContext());
    Broadcast<Map<String, Integer>> shippedLanguages = jsc.broadcast(languageIndex);
    Broadcast<List<Map<String, Integer>>> shippedIndices = jsc.broadcast(indices);
    // The same articles in the same partitions and order whatever the input's partitioning.
    int partitions = (int) Math.min(16, Math.max(2, total / 50_000));
    org.apache.spark.api.java.JavaRDD<DocBlock> docs =
        articleTerms
            .select("id", "language", "terms", "counts")
            .repartition(partitions, col("id"))
            .sortWithinPartitions("id")
            .where(keep)
            .toJavaRDD()
            .mapPartitions(
                rows -> new DocReader(rows, shippedLanguages.value(), shippedIndices.value()))
            .persist(StorageLevel.MEMORY_AND_DISK());
    List<Broadcast<?>> broadcasts = new ArrayList<>(List.of(shippedLanguages, shippedIndices));
    try {
      Map<Integer, Long> counts = new HashMap<>();
      for (long[] perLanguage :
          docs.map(
                  block -> {
                    long[] c = new long[n];
                    for (int language : block.languages()) {
                      c[language]++;
                    }
                    return c;
                  })
              .collect()) {
        for (int l = 0; l < n; l++) {
          if (perLanguage[l] > 0) {
            counts.merge(l, perLanguage[l], Long::sum);
          }
        }
      }
      OnlineLda[] models = new OnlineLda[n];
      double[] fractions = new double[n];
      int[] sizes = new int[n];
      int[] ks = new int[n];
      for (int l = 0; l < n; l++) {
        long documents = counts.getOrDefault(l, 0L);
        sizes[l] = vocabularies.get(languages.get(l)).length;
        ks[l] = topicsFor(articles.get(languages.get(l)), settings);
        // Mini-batches of about 5% of the articles, but never fewer than 256 of them: small
        // corpora would otherwise learn from a handful of articles per step.
        fractions[l] = Math.min(1.0, Math.max(0.05, 256.0 / Math.max(1, documents)));
        models[l] =
            new OnlineLda(
                ks[l], sizes[l], Math.max(1, documents), 64, 0.51, true, settings.seed() + l);
      }
      long began = System.nanoTime();
      for (int iteration = 1; iteration <= settings.iterations(); iteration++) {
        TopicInference[] current = new TopicInference[n];
        for (int l = 0; l < n; l++) {
          current[l] = models[l].inference();
        }
        Broadcast<TopicInference[]> shipped = jsc.broadcast(current);
        long seed = settings.seed() * 1_000_003L + iteration;
        BatchStats batch =
            docs.mapPartitionsWithIndex(
                    (partition, it) -> {
                      BatchStats stats = new BatchStats(ks, sizes);
                      stats.collect(
                          it,
                          shipped.value(),
                          fractions,
                          new java.util.Random(seed * 31 + partition));
                      return java.util.List.of(stats).iterator();
                    },
                    false)
                .treeReduce(BatchStats::merge, 2);
        shipped.destroy();
        for (int l = 0; l < n; l++) {
          models[l].update(batch.sstats(l), batch.logTheta(l), batch.documents[l]);
        }
        if (iteration == 1 || iteration % 10 == 0) {
          LOG.info(
              "online LDA iteration {} of {}: {} articles in the mini-batches, {}",
              iteration,
              settings.iterations(),
              Fmt.count(java.util.Arrays.stream(batch.documents).sum()),
              String.format(Locale.ROOT, "%.1f s so far", (System.nanoTime() - began) / 1e9));
        }
      }
      Map<String, Fitted> fitted = new LinkedHashMap<>();
      for (int l = 0; l < n; l++) {
        fitted.put(
            languages.get(l),
            new Fitted(models[l].lambda(), models[l].alpha(), counts.getOrDefault(l, 0L)));
        LOG.info(
            "trained {} topics for {} on {} articles, {} terms",
            ks[l],
            languages.get(l),
            Fmt.count(counts.getOrDefault(l, 0L)),
            Fmt.count(sizes[l]));
      }
      return fitted;
    } finally {
      docs.unpersist(false);
      broadcasts.forEach(Broadcast::destroy);
    }
  }

  /**
   * Reads article_terms rows as documents over the vocabularies, packed in {@link DocBlock}s; drops
   * empty bags.
   */
  private static final class DocReader implements java.util.Iterator<DocBlock> {
    private final java.util.Iterator<Row> rows;
    private final Map<String, Integer> languages;
    private final List<Map<String, Integer>> indices;

    DocReader(
        java.util.Iterator<Row> rows,
        Map<String, Integer> languages,
        List<Map<String, Integer>> indices) {
      this.rows = rows;
      this.languages = languages;
      this.indices = indices;
    }

    @Override
    public boolean hasNext() {
      return rows.hasNext();
    }

    @Override
    public DocBlock next() {
      int[] docLanguages = new int[DOCS_PER_BLOCK];
      int[] offsets = new int[DOCS_PER_BLOCK + 1];
      int[] terms = new int[1 << 16];
      int[] counts = new int[1 << 16];
      int n = 0;
      int used = 0;
      while (n < DOCS_PER_BLOCK && rows.hasNext()) {
        Row r = rows.next();
        Integer language = languages.get(r.getString(1));
        if (language == null || r.isNullAt(2)) {
          continue;
        }
        Map<String, Integer> index = indices.get(language);
        List<String> bag = r.getList(2);
        List<Integer> bagCounts = r.getList(3);
        if (used + bag.size() > terms.length) {
          int size = Math.max(terms.length * 2, used + bag.size());
          terms = java.util.Arrays.copyOf(terms, size);
          counts = java.util.Arrays.copyOf(counts, size);
        }
        int start = used;
        for (int i = 0; i < bag.size(); i++) {
          Integer id = index.get(bag.get(i));
          if (id != null) {
            terms[used] = id;
            counts[used++] = bagCounts.get(i);
          }
        }
        if (used > start) {
          docLanguages[n] = language;
          offsets[++n] = used;
        }
      }
      return new DocBlock(
          java.util.Arrays.copyOf(docLanguages, n),
          java.util.Arrays.copyOf(offsets, n + 1),
          java.util.Arrays.copyOf(terms, used),
          java.util.Arrays.copyOf(counts, used));
    }
  }

  /**
   * The summed E-step statistics of a mini-batch, per language, in fixed point (2^-32): sums of
   * longs do not depend on the order of the partitions, so training is repeatable.
   */
  static final class BatchStats implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final double SCALE = 0x1p32;

    final long[][] sstats;
    final long[][] logTheta;
    final long[] documents;

    BatchStats(int[] topics, int[] sizes) {
      int n = topics.length;
      sstats = new long[n][];
      logTheta = new long[n][];
      documents = new long[n];
      for (int l = 0; l < n; l++) {
        sstats[l] = new long[topics[l] * sizes[l]];
        logTheta[l] = new long[topics[l]];
      }
    }

    /** Runs the E-step on the documents {@code random} draws, each with its language's odds. */
    void collect(
        java.util.Iterator<DocBlock> blocks,
        TopicInference[] models,
        double[] fractions,
        java.util.Random random) {
      int n = models.length;
      double[][] sums = new double[n][];
      double[][] logs = new double[n][];
      TopicInference.Scratch[] scratches = new TopicInference.Scratch[n];
      for (int l = 0; l < n; l++) {
        sums[l] = new double[sstats[l].length];
        logs[l] = new double[logTheta[l].length];
        scratches[l] = models[l].newScratch();
      }
      int[] terms = new int[256];
      double[] counts = new double[256];
      while (blocks.hasNext()) {
        DocBlock block = blocks.next();
        for (int d = 0; d < block.size(); d++) {
          int l = block.languages()[d];
          if (random.nextDouble() >= fractions[l]) {
            continue;
          }
          int from = block.offsets()[d];
          int length = block.offsets()[d + 1] - from;
          if (length > terms.length) {
            terms = new int[length];
            counts = new double[length];
          }
          System.arraycopy(block.terms(), from, terms, 0, length);
          for (int i = 0; i < length; i++) {
            counts[i] = block.counts()[from + i];
          }
          if (models[l].accumulate(terms, counts, length, scratches[l], sums[l], logs[l])) {
            documents[l]++;
          }
        }
      }
      for (int l = 0; l < n; l++) {
        toFixed(sums[l], sstats[l]);
        toFixed(logs[l], logTheta[l]);
      }
    }

    private static void toFixed(double[] from, long[] to) {
      for (int i = 0; i < from.length; i++) {
        to[i] = Math.round(from[i] * SCALE);
      }
    }

    private static double[] fromFixed(long[] values) {
      double[] out = new double[values.length];
      for (int i = 0; i < values.length; i++) {
        out[i] = values[i] / SCALE;
      }
      return out;
    }

    double[] sstats(int language) {
      return fromFixed(sstats[language]);
    }

    double[] logTheta(int language) {
      return fromFixed(logTheta[language]);
    }

    /** Adds {@code other} into this one; returns this. */
    BatchStats merge(BatchStats other) {
      for (int l = 0; l < documents.length; l++) {
        add(sstats[l], other.sstats[l]);
        add(logTheta[l], other.logTheta[l]);
        documents[l] += other.documents[l];
      }
      return this;
    }

    private static void add(long[] into, long[] values) {
      for (int i = 0; i < into.length; i++) {
        into[i] += values[i];
      }
    }
  }

  /**
   * The topics of a fitted language model with ids, labels and top terms: a topic that matches one
   * of {@code prior}'s takes its id (and the match is recorded); the others take fresh ids from
   * {@code nextId}.
   */
  static TopicModel.Language identify(
      String language,
      String[] vocabulary,
      Fitted fitted,
      TopicModel.Language prior,
      String priorModelId,
      int nextId,
      Settings settings) {
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
      List<TopicMatching.Match> matches = TopicMatching.match(old, fresh, settings.minSimilarity());
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
        topics.add(new TopicModel.Topic(old.id(), old.label(), top, priorModelId, similarity[t]));
      } else {
        topics.add(new TopicModel.Topic(id++, labels.label(), top, null, null));
      }
    }
    return new TopicModel.Language(language, vocabulary, fitted.lambda(), fitted.alpha(), topics);
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
