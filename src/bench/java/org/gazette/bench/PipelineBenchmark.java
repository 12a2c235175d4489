package org.gazette.bench;

import org.gazette.entity.KnownEntities;

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
import java.util.stream.Stream;
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
import org.gazette.generate.ArticleGenerator;
import org.gazette.generate.CorpusSpec;
import org.gazette.generate.CorpusWriter;
import org.gazette.spark.DateRange;
import org.gazette.spark.NightlyJob;
import org.gazette.spark.SparkSessions;
import org.gazette.text.Detectors;
import org.gazette.text.Reference;

/**
 * The pipeline benchmark: on one generated corpus, in one JVM, times Gazette's nightly run
 * against the daily term counts users write themselves: (2) Spark SQL (lower, split on
 * non-letters, explode, group by), (3) Spark MLlib (RegexTokenizer, StopWordsRemover,
 * CountVectorizer, daily sums), (4) DuckDB through JDBC, the same query as (2).
 *
 * <p>Not a test: it prints figures, as ratios to (2) measured in the same run, since the
 * machine it runs on may be shared. Run it with {@code jobs/bench pipeline}.
 */
public final class PipelineBenchmark {

  private final Map<String, String> options;
  private final Path work;
  private final SparkSession spark;

  private PipelineBenchmark(Map<String, String> options) {
    this.options = options;
    this.work = Path.of(options.getOrDefault("work", "target/bench"));
    this.spark = SparkSessions.create("gazette benchmark", options.get("master"),
        Map.of("spark.ui.enabled", "false"));
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
    Path corpus = Path.of(options.getOrDefault("corpus",
        work.resolve("corpus-" + articles).toString()));
    List<String> engines = Arrays.asList(
        options.getOrDefault("engines", "terms,gazette,sql,mllib,duckdb").split(","));
    CorpusSpec spec = CorpusSpec.of(articles, days, LocalDate.of(2023, 7, 1), 1);
    Path truth = corpus.resolve("_truth.json");
    boolean current = Files.exists(corpus.resolve("_SUCCESS")) && Files.exists(truth)
        && Files.readString(truth).equals(new ArticleGenerator(spec).truthJson());
    if (!current) { // none yet, or written by another version of the generator
      long t = System.nanoTime();
      CorpusWriter.write(spark, spec, corpus.toString(), true);
      double s = seconds(t);
      System.out.printf(Locale.ROOT, "generated %,d articles in %.1f s (%,.0f articles/s)%n",
          articles, s, articles / s);
    }
    long rows = spark.read().parquet(corpus.toString()).count();
    System.out.printf(Locale.ROOT, "corpus %s: %,d rows, %.0f MB of Parquet; %d cores; heap %d MB%n",
        corpus, rows, sizeMb(corpus), Runtime.getRuntime().availableProcessors(),
        Runtime.getRuntime().maxMemory() >> 20);

    Map<String, Double> timings = new LinkedHashMap<>();
    for (String engine : engines) {
      Path out = work.resolve("out-" + engine);
      delete(out);
      System.gc();
      resetPeakHeap();
      long t = System.nanoTime();
      String detail = switch (engine.strip()) {
        case "gazette" -> gazette(corpus, out, true);
        case "terms" -> gazette(corpus, out, false);
        case "sql" -> sparkSql(corpus, out);
        case "mllib" -> mllib(corpus, out);
        case "duckdb" -> duckDb(corpus, out);
        default -> throw new IllegalArgumentException("unknown engine " + engine);
      };
      double s = seconds(t);
      timings.put(engine, s);
      System.out.printf(Locale.ROOT, "%-8s %8.1f s  %,10.0f articles/s  peak heap %,d MB  %s%n",
          engine, s, rows / s, peakHeapMb(), detail);
    }
    Double sql = timings.get("sql");
    Double terms = timings.get("terms");
    Double full = timings.get("gazette");
    if (terms != null && full != null) {
      long tokens = spark.read().parquet(work.resolve("out-gazette").resolve("articles")
          .toString()).agg(org.apache.spark.sql.functions.sum("token_count")).first().getLong(0);
      int cores = Runtime.getRuntime().availableProcessors();
      double extra = full - terms;
      System.out.printf(Locale.ROOT, "entities and co-occurrence add %.1f s to the terms-only run"
          + " (%.2f of it); %,d words: %,.0f words/s per core for the whole entity stage%n",
          extra, extra / terms, tokens, extra > 0 ? tokens / (extra * cores) : Double.NaN);
    }
    System.out.println();
    System.out.println("| engine | seconds | articles/s | time / Spark SQL |");
    System.out.println("| --- | ---: | ---: | ---: |");
    for (Map.Entry<String, Double> e : timings.entrySet()) {
      System.out.printf(Locale.ROOT, "| %s | %.1f | %,.0f | %s |%n", e.getKey(), e.getValue(),
          rows / e.getValue(), sql == null ? "" : String.format(Locale.ROOT, "%.2f",
              e.getValue() / sql));
    }
  }

  /**
   * (1) Gazette's nightly run over every date, with entities and co-occurrence, or
   * ({@code terms}) without them, as {@code --no-entities} runs it.
   */
  private String gazette(Path corpus, Path out, boolean entities) {
    Reference reference = Reference.bundled();
    NightlyJob.Counts counts = NightlyJob.run(spark, new NightlyJob.Options(corpus.toString(),
        out.toString(), Map.of(), DateRange.ALL, reference, Detectors.standard(reference), 3, 2,
        2_000_000, 0, entities ? KnownEntities.bundled() : null, 15, 2, null, null, null));
    long terms = spark.read().parquet(out.resolve("term_frequencies").toString()).count();
    String detail = String.format(Locale.ROOT, "%,d accepted, %,d term rows", counts.accepted(),
        terms);
    if (entities) {
      long mentions = spark.read().parquet(out.resolve("entity_mentions").toString()).count();
      long pairs = spark.read().parquet(out.resolve("entity_cooccurrence").toString()).count();
      long ids = spark.read().parquet(out.resolve("entities").toString()).count();
      detail += String.format(Locale.ROOT, ", %,d entities, %,d mention rows, %,d pair rows",
          ids, mentions, pairs);
    }
    return detail;
  }

  /** (2) The daily term count most users write in Spark SQL. */
  private String sparkSql(Path corpus, Path out) {
    Dataset<Row> words = spark.read().parquet(corpus.toString())
        .select(to_date(col("published_at").try_cast("timestamp")).as("date"),
            explode(split(lower(concat_ws(" ", col("title"), col("body"))), "[^\\p{L}]+"))
                .as("word"))
        .where(col("word").notEqual(""));
    words.groupBy("date", "word").count().write().mode(SaveMode.Overwrite)
        .parquet(out.toString());
    return String.format(Locale.ROOT, "%,d rows", spark.read().parquet(out.toString()).count());
  }

  /** (3) Spark MLlib's feature transformers, then daily totals of the count vectors. */
  private String mllib(Path corpus, Path out) {
    Dataset<Row> docs = spark.read().parquet(corpus.toString())
        .select(to_date(col("published_at").try_cast("timestamp")).as("date"),
            concat_ws(" ", col("title"), col("body")).as("text"));
    Dataset<Row> tokens = new RegexTokenizer().setInputCol("text").setOutputCol("tokens")
        .setPattern("[^\\p{L}]+").setGaps(true).setToLowercase(true).transform(docs);
    List<String> stop = new ArrayList<>();
    for (String language : List.of("english", "french", "german", "spanish", "italian")) {
      stop.addAll(Arrays.asList(StopWordsRemover.loadDefaultStopWords(language)));
    }
    Dataset<Row> words = new StopWordsRemover().setInputCol("tokens").setOutputCol("words")
        .setStopWords(stop.toArray(String[]::new)).transform(tokens);
    CountVectorizerModel model = new CountVectorizer().setInputCol("words")
        .setOutputCol("counts").setVocabSize(1 << 18).fit(words);
    Dataset<Row> daily = model.transform(words).groupBy("date")
        .agg(Summarizer.sum(col("counts")).as("total"));
    String[] vocabulary = model.vocabulary();
    List<Row> vocabRows = new ArrayList<>(vocabulary.length);
    for (int i = 0; i < vocabulary.length; i++) {
      vocabRows.add(RowFactory.create(i, vocabulary[i]));
    }
    Dataset<Row> vocab = spark.createDataFrame(vocabRows, DataTypes.createStructType(List.of(
        DataTypes.createStructField("index", DataTypes.IntegerType, false),
        DataTypes.createStructField("term", DataTypes.StringType, false))));
    Dataset<Row> perTerm = daily
        .select(col("date"), posexplode(functions.vector_to_array(col("total"), "float64"))
            .as(new String[] {"index", "count"}))
        .where(col("count").gt(0))
        .join(org.apache.spark.sql.functions.broadcast(vocab), "index")
        .select("date", "term", "count");
    perTerm.write().mode(SaveMode.Overwrite).parquet(out.toString());
    return String.format(Locale.ROOT, "vocabulary %,d, %,d rows", vocabulary.length,
        spark.read().parquet(out.toString()).count());
  }

  /** (4) The same daily count as (2), in DuckDB through its JDBC driver. */
  private String duckDb(Path corpus, Path out) throws Exception {
    Files.createDirectories(out);
    Path file = out.resolve("counts.parquet");
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
        Statement s = c.createStatement()) {
      s.execute("SET threads = " + Runtime.getRuntime().availableProcessors());
      s.execute("COPY (SELECT date, word, count(*) AS count FROM ("
          + " SELECT CAST(TRY_CAST(published_at AS TIMESTAMPTZ) AS DATE) AS date,"
          + " unnest(regexp_split_to_array(lower(concat_ws(' ', title, body)), '[^\\p{L}]+'))"
          + " AS word FROM read_parquet('" + corpus.toAbsolutePath() + "/*.parquet'))"
          + " WHERE word <> '' GROUP BY ALL) TO '" + file.toAbsolutePath()
          + "' (FORMAT PARQUET)");
    }
    return String.format(Locale.ROOT, "%.0f MB written", sizeMb(out));
  }

  private static Map<String, String> parse(String[] args) {
    Map<String, String> options = new LinkedHashMap<>();
    for (int i = 0; i < args.length; i++) {
      if (!args[i].startsWith("--") || i + 1 >= args.length) {
        throw new IllegalArgumentException("expected --name value pairs, found " + args[i]
            + "; options: --articles N --days D --corpus PATH --work PATH --master M"
            + " --engines gazette,sql,mllib,duckdb");
      }
      options.put(args[i].substring(2), args[++i]);
    }
    return options;
  }

  private static double seconds(long startNanos) {
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

  private static double sizeMb(Path folder) {
    try (Stream<Path> files = Files.walk(folder)) {
      return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum() / 1e6;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void delete(Path folder) throws IOException {
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
