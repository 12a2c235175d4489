package org.gazette.bench;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lower;
import static org.apache.spark.sql.functions.posexplode;
import static org.apache.spark.sql.functions.split;
import static org.apache.spark.sql.functions.to_date;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.spark.ml.clustering.LDA;
import org.apache.spark.ml.clustering.LDAModel;
import org.apache.spark.ml.feature.CountVectorizer;
import org.apache.spark.ml.feature.CountVectorizerModel;
import org.apache.spark.ml.feature.RegexTokenizer;
import org.apache.spark.ml.feature.StopWordsRemover;
import org.apache.spark.ml.functions;
import org.apache.spark.ml.stat.Summarizer;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.storage.StorageLevel;
import org.gazette.generate.ArticleGenerator;
import org.gazette.generate.CorpusSpec;
import org.gazette.generate.CorpusWriter;
import org.gazette.spark.DateRange;
import org.gazette.spark.SparkSessions;
import org.gazette.spark.job.EntityStage;
import org.gazette.spark.job.NightlyJob;
import org.gazette.spark.job.TopicStage;
import org.gazette.spark.job.TopicsTrainJob;
import org.gazette.spark.job.TrendStage;
import org.gazette.spark.store.RunCounts;
import org.gazette.spark.tables.TopicTraining;
import org.gazette.topic.TopicModel;
import org.gazette.topic.TrackedTopics;

/**
 * The pipeline benchmark: on one generated corpus, in one JVM, times Gazette's nightly run against
 * the daily term counts users write themselves: (2) Spark SQL (lower, split on non-letters,
 * explode, group by), (3) Spark MLlib (RegexTokenizer, StopWordsRemover, CountVectorizer, daily
 * sums), (4) DuckDB through JDBC, the same query as (2). For topics, (5) Gazette's {@code topics
 * train} and the nightly run with topics and trends against the terms-only run, and (6) the topic
 * timelines users would build with MLlib's LDA.
 *
 * <p>Not a test: it prints figures, as ratios to (2) measured in the same run, since the machine it
 * runs on may be shared. Run it with {@code jobs/bench pipeline}.
 */
public final class PipelineBenchmark {

  private final Map<String, String> options;
  private final Path work;
  private final SparkSession spark;

  private PipelineBenchmark(Map<String, String> options) {
    this.options = options;
    this.work = Path.of(options.getOrDefault("work", "target/bench"));
    this.spark =
        SparkSessions.create(
            "gazette benchmark", options.get("master"), Map.of("spark.ui.enabled", "false"));
  }

  public static void main(String[] args) throws Exception {
    Map<String, String> options = parse(args);
    PipelineBenchmark bench = new PipelineBenchmark(options);
    try {
      bench.run();
    } finally {
      bench.spark.stop();
    }
  }

  private void run() throws Exception {
    long articles = Long.parseLong(options.getOrDefault("articles", "1000000"));
    int days = Integer.parseInt(options.getOrDefault("days", "30"));
    Path corpus =
        Path.of(options.getOrDefault("corpus", work.resolve("corpus-" + articles).toString()));
    List<String> engines =
        engines(options.getOrDefault("engines", "terms,gazette,sql,mllib,duckdb"));
    CorpusSpec spec = CorpusSpec.of(articles, days, LocalDate.of(2023, 7, 1), 1);
    generate(spark, spec, corpus);
    long rows = spark.read().parquet(corpus.toString()).count();
    System.out.printf(
        Locale.ROOT,
        "corpus %s: %,d rows, %.0f MB of Parquet; %d cores; heap %d MB%n",
        corpus,
        rows,
        sizeMb(corpus),
        Runtime.getRuntime().availableProcessors(),
        Runtime.getRuntime().maxMemory() >> 20);

    Map<String, Double> timings = new LinkedHashMap<>();
    for (String engine : engines) {
      Path out = work.resolve("out-" + engine);
      delete(out);
      System.gc();
      resetPeakHeap();
      long t = System.nanoTime();
      String detail =
          switch (engine.strip()) {
            case "gazette" -> gazette(corpus, out, true);
            case "terms" -> gazette(corpus, out, false);
            case "sql" -> sparkSql(corpus, out);
            case "mllib" -> mllib(corpus, out);
            case "duckdb" -> duckDb(corpus, out);
            case "topics-train" -> topicsTrain();
            case "topics-nightly" -> topicsNightly(corpus, out);
            case "mllib-lda" -> mllibLda(corpus, out, rows);
            default -> throw new IllegalArgumentException("unknown engine " + engine);
          };
      double s = seconds(t);
      String key = engine;
      for (int n = 2; timings.containsKey(key); n++) {
        key = engine + " (" + n + ")"; // run again: the machine's load may have changed
      }
      timings.put(key, s);
      System.out.printf(
          Locale.ROOT,
          "%-14s %8.1f s  %,10.0f articles/s  peak heap %,d MB  %s%n",
          engine,
          s,
          rows / s,
          peakHeapMb(),
          detail);
    }
    Double sql = timings.get("sql");
    Double terms = mean(timings, "terms");
    Double full = timings.get("gazette");
    if (terms != null && full != null) {
      long tokens =
          spark
              .read()
              .parquet(work.resolve("out-gazette").resolve("articles").toString())
              .agg(org.apache.spark.sql.functions.sum("token_count"))
              .first()
              .getLong(0);
      int cores = Runtime.getRuntime().availableProcessors();
      double extra = full - terms;
      System.out.printf(
          Locale.ROOT,
          "entities and co-occurrence add %.1f s to the terms-only run"
              + " (%.2f of it); %,d words: %,.0f words/s per core for the whole entity stage%n",
          extra,
          extra / terms,
          tokens,
          extra > 0 ? tokens / (extra * cores) : Double.NaN);
    }
    Double train = timings.get("topics-train");
    Double withTopics = timings.get("topics-nightly");
    Double lda = timings.get("mllib-lda");
    if (terms != null && train != null && withTopics != null) {
      double extra = withTopics - terms;
      double gazetteTopics = train + extra;
      System.out.printf(
          Locale.ROOT,
          "topics: training %.1f s; inference, topic timelines and"
              + " trends add %.1f s to the terms-only nightly (%.1f s%s; %.2f of it); together"
              + " %.1f s%n",
          train,
          extra,
          terms,
          timings.containsKey("terms (2)") ? ", the mean of its runs" : "",
          extra / terms,
          gazetteTopics);
      if (lda != null) {
        System.out.printf(
            Locale.ROOT,
            "MLlib LDA pipeline %.1f s: %.2f times Gazette's"
                + " training plus extra nightly time (goal: at least 2)%n",
            lda,
            lda / gazetteTopics);
      }
    }
    System.out.println();
    System.out.println("| engine | seconds | articles/s | time / Spark SQL |");
    System.out.println("| --- | ---: | ---: | ---: |");
    for (Map.Entry<String, Double> e : timings.entrySet()) {
      System.out.printf(
          Locale.ROOT,
          "| %s | %.1f | %,.0f | %s |%n",
          e.getKey(),
          e.getValue(),
          rows / e.getValue(),
          sql == null ? "" : String.format(Locale.ROOT, "%.2f", e.getValue() / sql));
    }
  }

  /**
   * (1) Gazette's nightly run over every date, with entities and co-occurrence, or ({@code terms})
   * without them, as {@code --no-entities} runs it.
   */
  private String gazette(Path corpus, Path out, boolean entities) {
    NightlyJob.Settings night =
        NightlyJob.Settings.defaults(corpus.toString(), out.toString())
            .without(TrendStage.class)
            .without(TopicStage.class);
    RunCounts counts =
        NightlyJob.run(spark, entities ? night : night.without(EntityStage.class), DateRange.ALL);
    long terms = spark.read().parquet(out.resolve("term_frequencies").toString()).count();
    String detail =
        String.format(Locale.ROOT, "%,d accepted, %,d term rows", counts.accepted(), terms);
    if (entities) {
      long mentions = spark.read().parquet(out.resolve("entity_mentions").toString()).count();
      long pairs = spark.read().parquet(out.resolve("entity_cooccurrence").toString()).count();
      long ids = spark.read().parquet(out.resolve("entities").toString()).count();
      detail +=
          String.format(
              Locale.ROOT, ", %,d entities, %,d mention rows, %,d pair rows", ids, mentions, pairs);
    }
    return detail;
  }

  /** The mean time of {@code engine}'s runs, or null when it did not run. */
  static Double mean(Map<String, Double> timings, String engine) {
    double sum = 0;
    int n = 0;
    for (Map.Entry<String, Double> e : timings.entrySet()) {
      if (e.getKey().equals(engine) || e.getKey().startsWith(engine + " (")) {
        sum += e.getValue();
        n++;
      }
    }
    return n == 0 ? null : sum / n;
  }

  /**
   * The engines to run, in order, an engine listed twice running twice; {@code topics} stands for
   * {@code topics-train} (on the {@code article_terms} of the {@code terms} run, which must come
   * first) then {@code topics-nightly}.
   */
  static List<String> engines(String list) {
    List<String> engines = new ArrayList<>();
    for (String e : list.split(",")) {
      String engine = e.strip();
      if (engine.equals("topics")) {
        if (!engines.contains("terms")) {
          throw new IllegalArgumentException(
              "engine topics trains on the article_terms of the"
                  + " terms run and compares with its time: list terms before topics, was "
                  + list);
        }
        engines.add("topics-train");
        engines.add("topics-nightly");
      } else {
        engines.add(engine);
      }
    }
    return engines;
  }

  /** The CLI's defaults ({@code TopicOptions}): what {@code topics train} runs with. */
  static final TopicTraining.Settings TOPICS = TopicTraining.Settings.DEFAULTS;

  /**
   * (5a) {@code topics train} over every date of the terms-only run's output: one model per
   * language, each on a sample of at most {@code max-articles} of its articles.
   */
  private String topicsTrain() {
    Path terms = work.resolve("out-terms");
    TopicModel model =
        TopicsTrainJob.train(spark, terms.toString(), DateRange.ALL, TOPICS, Optional.empty());
    long articles = spark.read().parquet(terms.resolve("article_terms").toString()).count();
    StringBuilder detail =
        new StringBuilder(
            String.format(
                Locale.ROOT, "%,d articles with terms; model %s:", articles, model.modelId()));
    for (TopicModel.Language l : model.languages().values()) {
      detail.append(
          String.format(
              Locale.ROOT,
              " %s %d topics over %,d terms;",
              l.language(),
              l.topics().size(),
              l.vocabulary().length));
    }
    return detail.toString();
  }

  /**
   * (5b) The nightly run with the model of (5a): inference, {@code topic_timeline}, {@code
   * article_topics}, tracked topics and {@code term_trends}, entities off, so that its time less
   * the terms-only run's is what topics and trends cost a nightly run.
   */
  private String topicsNightly(Path corpus, Path out) throws IOException {
    Path models = work.resolve("out-terms").resolve("topic_models");
    if (!Files.isDirectory(models)) {
      throw new IllegalStateException("no topic model in " + models + ": run topics-train first");
    }
    copy(models, out.resolve("topic_models")); // the model only: every table is written anew
    RunCounts counts =
        NightlyJob.run(
            spark,
            NightlyJob.Settings.defaults(corpus.toString(), out.toString())
                .without(EntityStage.class)
                .with(
                    new TopicStage(
                        TopicStage.Settings.learning(TOPICS).withTracked(TrackedTopics.bundled()))),
            DateRange.ALL);
    Dataset<Row> timeline = spark.read().parquet(out.resolve("topic_timeline").toString());
    return String.format(
        Locale.ROOT,
        "%,d accepted, %,d article_topics rows, %,d topic_timeline"
            + " rows (%,d of tracked topics), %,d term_trends rows",
        counts.accepted(),
        spark.read().parquet(out.resolve("article_topics").toString()).count(),
        timeline.count(),
        timeline.where(col("model_id").equalTo("tracked")).count(),
        spark.read().parquet(out.resolve("term_trends").toString()).count());
  }

  /**
   * (6) The topic timelines users would build with Spark MLlib alone: RegexTokenizer,
   * StopWordsRemover (English), CountVectorizer, online LDA with Gazette's settings, one model over
   * all languages, then each day's mean topic mixture. The count vectors are cached before LDA, as
   * its many passes need.
   */
  private String mllibLda(Path corpus, Path out, long rows) {
    long t = System.nanoTime();
    Dataset<Row> docs =
        spark
            .read()
            .parquet(corpus.toString())
            .select(
                to_date(col("published_at").try_cast("timestamp")).as("date"),
                concat_ws(" ", col("title"), col("body")).as("text"))
            .where(col("date").isNotNull());
    Dataset<Row> tokens =
        new RegexTokenizer()
            .setInputCol("text")
            .setOutputCol("tokens")
            .setPattern("\\P{L}+")
            .setGaps(true)
            .setToLowercase(true)
            .transform(docs);
    Dataset<Row> words =
        new StopWordsRemover().setInputCol("tokens").setOutputCol("words").transform(tokens);
    CountVectorizerModel vectorizer =
        new CountVectorizer()
            .setInputCol("words")
            .setOutputCol("features")
            .setVocabSize(TOPICS.vocabulary())
            .setMinDF(TOPICS.minDocs())
            .fit(words);
    Dataset<Row> features =
        vectorizer
            .transform(words)
            .select("date", "features")
            .persist(StorageLevel.MEMORY_AND_DISK());
    try {
      long documents = features.count();
      double vectorised = seconds(t);
      t = System.nanoTime();
      LDAModel model =
          new LDA()
              .setK(TOPICS.topics())
              .setOptimizer("online")
              .setMaxIter(TOPICS.iterations())
              .setSubsamplingRate(Math.min(1.0, Math.max(0.05, 256.0 / documents)))
              .setSeed(TOPICS.seed())
              .setFeaturesCol("features")
              .fit(features);
      double fitted = seconds(t);
      t = System.nanoTime();
      model
          .transform(features)
          .groupBy("date")
          .agg(Summarizer.mean(col("topicDistribution")).as("mean"))
          .select(
              col("date"),
              posexplode(functions.vector_to_array(col("mean"), "float64"))
                  .as(new String[] {"topic", "share"}))
          .write()
          .mode(SaveMode.Overwrite)
          .parquet(out.toString());
      double timelines = seconds(t);
      return String.format(
          Locale.ROOT,
          "%,d documents, vocabulary %,d; vectors %.1f s, LDA"
              + " fit %.1f s, inference and daily means %.1f s; %,d timeline rows",
          documents,
          vectorizer.vocabulary().length,
          vectorised,
          fitted,
          timelines,
          spark.read().parquet(out.toString()).count());
    } finally {
      features.unpersist();
    }
  }

  private static void copy(Path from, Path to) throws IOException {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path p : (Iterable<Path>) files::iterator) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target);
        }
      }
    }
  }

  /** (2) The daily term count most users write in Spark SQL. */
  private String sparkSql(Path corpus, Path out) {
    Dataset<Row> words =
        spark
            .read()
            .parquet(corpus.toString())
            .select(
                to_date(col("published_at").try_cast("timestamp")).as("date"),
                explode(split(lower(concat_ws(" ", col("title"), col("body"))), "[^\\p{L}]+"))
                    .as("word"))
            .where(col("word").notEqual(""));
    words.groupBy("date", "word").count().write().mode(SaveMode.Overwrite).parquet(out.toString());
    return String.format(Locale.ROOT, "%,d rows", spark.read().parquet(out.toString()).count());
  }

  /** (3) Spark MLlib's feature transformers, then daily totals of the count vectors. */
  private String mllib(Path corpus, Path out) {
    Dataset<Row> docs =
        spark
            .read()
            .parquet(corpus.toString())
            .select(
                to_date(col("published_at").try_cast("timestamp")).as("date"),
                concat_ws(" ", col("title"), col("body")).as("text"));
    Dataset<Row> tokens =
        new RegexTokenizer()
            .setInputCol("text")
            .setOutputCol("tokens")
            .setPattern("[^\\p{L}]+")
            .setGaps(true)
            .setToLowercase(true)
            .transform(docs);
    List<String> stop = new ArrayList<>();
    for (String language : List.of("english", "french", "german", "spanish", "italian")) {
      stop.addAll(Arrays.asList(StopWordsRemover.loadDefaultStopWords(language)));
    }
    Dataset<Row> words =
        new StopWordsRemover()
            .setInputCol("tokens")
            .setOutputCol("words")
            .setStopWords(stop.toArray(String[]::new))
            .transform(tokens);
    CountVectorizerModel model =
        new CountVectorizer()
            .setInputCol("words")
            .setOutputCol("counts")
            .setVocabSize(1 << 18)
            .fit(words);
    Dataset<Row> daily =
        model.transform(words).groupBy("date").agg(Summarizer.sum(col("counts")).as("total"));
    String[] vocabulary = model.vocabulary();
    List<Row> vocabRows = new ArrayList<>(vocabulary.length);
    for (int i = 0; i < vocabulary.length; i++) {
      vocabRows.add(RowFactory.create(i, vocabulary[i]));
    }
    Dataset<Row> vocab =
        spark.createDataFrame(
            vocabRows,
            DataTypes.createStructType(
                List.of(
                    DataTypes.createStructField("index", DataTypes.IntegerType, false),
                    DataTypes.createStructField("term", DataTypes.StringType, false))));
    Dataset<Row> perTerm =
        daily
            .select(
                col("date"),
                posexplode(functions.vector_to_array(col("total"), "float64"))
                    .as(new String[] {"index", "count"}))
            .where(col("count").gt(0))
            .join(org.apache.spark.sql.functions.broadcast(vocab), "index")
            .select("date", "term", "count");
    perTerm.write().mode(SaveMode.Overwrite).parquet(out.toString());
    return String.format(
        Locale.ROOT,
        "vocabulary %,d, %,d rows",
        vocabulary.length,
        spark.read().parquet(out.toString()).count());
  }

  /** (4) The same daily count as (2), in DuckDB through its JDBC driver. */
  private String duckDb(Path corpus, Path out) throws Exception {
    Files.createDirectories(out);
    Path file = out.resolve("counts.parquet");
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
        Statement s = c.createStatement()) {
      s.execute("SET threads = " + Runtime.getRuntime().availableProcessors());
      s.execute(
          "COPY (SELECT date, word, count(*) AS count FROM ("
              + " SELECT CAST(TRY_CAST(published_at AS TIMESTAMPTZ) AS DATE) AS date,"
              + " unnest(regexp_split_to_array(lower(concat_ws(' ', title, body)), '[^\\p{L}]+'))"
              + " AS word FROM read_parquet('"
              + corpus.toAbsolutePath()
              + "/*.parquet'))"
              + " WHERE word <> '' GROUP BY ALL) TO '"
              + file.toAbsolutePath()
              + "' (FORMAT PARQUET)");
    }
    return String.format(Locale.ROOT, "%.0f MB written", sizeMb(out));
  }

  /**
   * Writes the corpus of {@code spec} to {@code corpus} unless it holds it already (written by this
   * version of the generator).
   */
  static void generate(SparkSession spark, CorpusSpec spec, Path corpus) throws IOException {
    Path truth = corpus.resolve("_truth.json");
    boolean current =
        Files.exists(corpus.resolve("_SUCCESS"))
            && Files.exists(truth)
            && Files.readString(truth).equals(new ArticleGenerator(spec).truthJson());
    if (!current) { // none yet, or written by another version of the generator
      long t = System.nanoTime();
      CorpusWriter.write(spark, spec, corpus.toString(), true);
      double s = seconds(t);
      System.out.printf(
          Locale.ROOT,
          "generated %,d articles in %.1f s (%,.0f articles/s)%n",
          spec.articles(),
          s,
          spec.articles() / s);
    }
  }

  private static Map<String, String> parse(String[] args) {
    return parse(
        args,
        "--articles N --days D --corpus PATH --work PATH --master M"
            + " --engines terms,gazette,sql,mllib,duckdb,topics,mllib-lda");
  }

  /** {@code --name value} pairs; {@code usage} lists the options in the error message. */
  static Map<String, String> parse(String[] args, String usage) {
    Map<String, String> options = new LinkedHashMap<>();
    for (int i = 0; i < args.length; i++) {
      if (!args[i].startsWith("--") || i + 1 >= args.length) {
        throw new IllegalArgumentException(
            "expected --name value pairs, found " + args[i] + "; options: " + usage);
      }
      options.put(args[i].substring(2), args[++i]);
    }
    return options;
  }

  static double seconds(long startNanos) {
    return (System.nanoTime() - startNanos) / 1e9;
  }

  private static void resetPeakHeap() {
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      pool.resetPeakUsage();
    }
  }

  private static long peakHeapMb() {
    long peak = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        peak += pool.getPeakUsage().getUsed();
      }
    }
    return peak >> 20;
  }

  static double sizeMb(Path folder) {
    try (Stream<Path> files = Files.walk(folder)) {
      return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum() / 1e6;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static void delete(Path folder) throws IOException {
    if (!Files.exists(folder)) {
      return;
    }
    try (Stream<Path> files = Files.walk(folder)) {
      for (Path p : (Iterable<Path>) files.sorted(Comparator.reverseOrder())::iterator) {
        Files.delete(p);
      }
    }
  }
}
