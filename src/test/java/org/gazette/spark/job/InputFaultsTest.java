package org.gazette.spark.job;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.gazette.spark.Fixtures.article;
import static org.gazette.spark.Fixtures.frame;
import static org.gazette.spark.Fixtures.schema;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.WriterAppender;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.core.layout.PatternLayout;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.gazette.UsageException;
import org.gazette.generate.ArticleGenerator;
import org.gazette.generate.CorpusSpec;
import org.gazette.generate.CorpusWriter;
import org.gazette.spark.DateRange;
import org.gazette.spark.Fixtures;
import org.gazette.spark.SparkTestSession;
import org.gazette.spark.input.ArticleInput;
import org.gazette.spark.input.InputFailure;
import org.gazette.spark.input.InputFiles;
import org.gazette.spark.input.Triage;
import org.gazette.spark.store.RunCounts;
import org.gazette.spark.store.Table;
import org.gazette.text.Reference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What nightly makes of inputs that are wrong: files that are not Parquet or are damaged, files of
 * different columns or types, empty folders and files of no rows, an article of 50 MB, bytes that
 * are not UTF-8, text written to be executed, and a mix of all of them. Each gives one clear line
 * or a reason in rejected_articles; no row is lost or counted twice, and a run that stops leaves
 * the tables as they were.
 */
class InputFaultsTest {

  private static SparkSession spark;
  private static final Reference REFERENCE = Reference.bundled();

  @TempDir static Path temp;
  private static int written;

  /** Three good articles in two files, and the tables of a run over them. */
  private static Path goodOne;

  private static Path goodTwo;
  private static String tables;

  static final List<Row> GOOD_ONE =
      List.of(
          article(
              "fr-1",
              "2023-08-01T08:00:00Z",
              "lemonde.fr",
              "fr",
              "Missiles nord-coréens",
              "Kim Jong Un a inspecté le missile balistique."),
          article(
              "en-1",
              "2023-08-01T10:00:00Z",
              "reuters.com",
              "en",
              "Putin's letter",
              "Russian President Vladimir Putin wrote to Kim Jong Un."));
  static final List<Row> GOOD_TWO =
      List.of(
          article(
              "de-1",
              "2023-08-02T07:00:00+02:00",
              "spiegel.de",
              "de",
              "Sanktionen",
              "Die Regierung in Berlin hat neue Sanktionen beschlossen."));

  @BeforeAll
  static void start() throws IOException {
    spark = SparkTestSession.start("local[2]");
    goodOne = writeFile(strings(GOOD_ONE), temp.resolve("good/part-0-good.parquet"));
    goodTwo = writeFile(strings(GOOD_TWO), temp.resolve("good/part-1-good.parquet"));
    tables = temp.resolve("tables").toString();
    assertThat(
            NightlyJob.run(
                spark, options(temp.resolve("good").toString(), tables, Map.of()), DateRange.ALL))
        .isEqualTo(new RunCounts(3, 3, 0, 0));
  }

  @AfterAll
  static void stop() {
    spark.stop();
  }

  static NightlyJob.Settings options(String input, String output, Map<String, String> mapping) {
    // Terms only, without entities, topics and trends: the faults are in reading, not in the
    // tables.
    return NightlyJob.Settings.defaults(input, output)
        .withInput(NightlyJob.Input.of(input).withMapping(mapping))
        .with(new ArticleStage(ArticleStage.Settings.DEFAULTS.withMinPhraseDocs(1)))
        .without(EntityStage.class)
        .without(TrendStage.class)
        .without(TopicStage.class);
  }

  // ---------------------------------------------------------------- corrupt files

  @Test
  void filesThatAreNotParquetStopTheRunWithOneLineAndTheTablesStayAsTheyWere() throws IOException {
    Path folder = corruptFolder("corrupt");
    Map<String, List<Row>> before = snapshot(tables);

    assertThatThrownBy(
            () ->
                NightlyJob.run(spark, options(folder.toString(), tables, Map.of()), DateRange.ALL))
        .isInstanceOf(UsageException.class)
        .hasMessage(
            "input file "
                + shown(folder.resolve("part-8-cut.parquet"))
                + " cannot be read as Parquet (it does not end with a Parquet footer: it is cut"
                + " short, or not Parquet) (and 1 more of the 4 files); remove or repair it, or run"
                + " with --skip-corrupt-files to leave out the input files that cannot be read");

    assertThat(snapshot(tables)).isEqualTo(before);
    Row run = lastRun(tables);
    assertThat(run.<String>getAs("status")).isEqualTo("failed");
    assertThat(run.<String>getAs("message"))
        .startsWith(
            "input file "
                + shown(folder.resolve("part-8-cut.parquet"))
                + " cannot be read as Parquet");
    assertThat(run.<Long>getAs("rows_read")).isZero();
  }

  @Test
  void skipCorruptFilesLeavesThemOutAndNamesEachInTheLog() throws IOException {
    Path folder = corruptFolder("skipped");
    ArticleInput.Input input;
    try (LogCapture log = new LogCapture()) {
      input = ArticleInput.open(spark, folder.toString(), Map.of(), true);
      assertThat(log.text())
          .contains(
              "WARN  left out input file "
                  + shown(folder.resolve("part-8-cut.parquet"))
                  + ": it cannot be read as Parquet (it does not end with a Parquet footer: it is"
                  + " cut short, or not Parquet)",
              "WARN  left out input file " + shown(folder.resolve("part-9-garbage.parquet")) + ": ",
              "WARN  left out 2 of 4 input files that cannot be read (--skip-corrupt-files)");
    }
    assertThat(input.skipped())
        .extracting(InputFiles.File::displayPath)
        .containsExactly(
            shown(folder.resolve("part-8-cut.parquet")),
            shown(folder.resolve("part-9-garbage.parquet")));
    assertThat(input.files()).extracting(InputFiles.File::rows).containsExactly(2L, 1L);
    assertThat(input.files().stream().mapToLong(InputFiles.File::rows).sum()).isEqualTo(3);
    assertThat(ids(input.rows())).containsExactlyInAnyOrder("fr-1", "en-1", "de-1");

    // Skipping cannot help when no file is Parquet: a folder of CSV files, say.
    Path nothingReadable = temp.resolve("nothing-readable");
    garbage(nothingReadable.resolve("a.csv"));
    garbage(nothingReadable.resolve("b.csv"));
    assertThatThrownBy(() -> ArticleInput.open(spark, nothingReadable.toString(), Map.of(), true))
        .isInstanceOf(UsageException.class)
        .hasMessage(
            "none of the 2 input files can be read as Parquet: "
                + shown(nothingReadable.resolve("a.csv"))
                + " (it does not end with a Parquet"
                + " footer: it is cut short, or not Parquet) and 1 more; give --input a Parquet file"
                + " or folder, or convert JSON Lines or CSV with 'gazette ingest'");
  }

  @Test
  void aFileDamagedInsideStopsTheRunNamingItAndSkippingLeavesItOut() throws IOException {
    Path folder = temp.resolve("damaged");
    Files.createDirectories(folder);
    Files.copy(goodOne, folder.resolve("part-0-good.parquet"));
    Path damaged = folder.resolve("part-1-damaged.parquet");
    byte[] bytes = Files.readAllBytes(goodTwo);
    // The first page header follows the magic "PAR1": zeros leave no page to decode, while
    // the footer at the end still reads.
    Arrays.fill(bytes, 4, 4 + 48, (byte) 0);
    Files.write(damaged, bytes);
    Map<String, List<Row>> before = snapshot(tables);

    Throwable failure =
        catchFailure(
            () ->
                NightlyJob.run(spark, options(folder.toString(), tables, Map.of()), DateRange.ALL));
    UsageException usage = InputFailure.explain(failure);
    assertThat(usage).as("%s", failure).isNotNull();
    assertThat(usage.getMessage())
        .isEqualTo(
            "input file "
                + shown(damaged)
                + " cannot be"
                + " read as Parquet (Required field 'uncompressed_page_size' was not found in serialized"
                + " data!); "
                + InputFailure.REMEDY);
    assertThat(snapshot(tables)).isEqualTo(before);

    // With --skip-corrupt-files Spark leaves out what cannot be decoded, here the whole file.
    ArticleInput.Input skipping = ArticleInput.open(spark, folder.toString(), Map.of(), true);
    assertThat(skipping.skipped()).isEmpty(); // its footer reads
    assertThat(ids(skipping.rows())).containsExactlyInAnyOrder("fr-1", "en-1");
  }

  // ---------------------------------------------------------------- columns and types

  @Test
  void filesOfDifferentColumnsAreReadWithAllTheirColumns() throws IOException {
    Path folder = temp.resolve("columns");
    // Sorted first, the narrow file is the one Spark alone would take the schema from: the
    // body of the others would then read as null.
    writeFile(
        frame(
            spark,
            schema(
                "id",
                DataTypes.StringType,
                "published_at",
                DataTypes.StringType,
                "title",
                DataTypes.StringType),
            new Object[] {"narrow-1", "2023-08-01T08:00:00Z", "Titre seul"}),
        folder.resolve("part-0-narrow.parquet"));
    writeFile(
        frame(
            spark,
            schema(
                "id",
                DataTypes.StringType,
                "published_at",
                DataTypes.StringType,
                "source",
                DataTypes.StringType,
                "language",
                DataTypes.StringType,
                "title",
                DataTypes.StringType,
                "body",
                DataTypes.StringType,
                "views",
                DataTypes.IntegerType,
                "extra",
                DataTypes.StringType),
            new Object[] {
              "wide-1",
              "2023-08-01T09:00:00Z",
              "afp.com",
              "fr",
              "Un titre",
              "Le corps de l'article.",
              12,
              "ignored"
            }),
        folder.resolve("part-1-wide.parquet"));
    // Bytes where the others have text, and an ignored column of another type.
    writeFile(
        frame(
            spark,
            schema(
                "id",
                DataTypes.StringType,
                "published_at",
                DataTypes.StringType,
                "body",
                DataTypes.BinaryType,
                "views",
                DataTypes.StringType),
            new Object[] {
              "binary-1",
              "2023-08-01T10:00:00Z",
              "Un corps en octets.".getBytes(StandardCharsets.UTF_8),
              "twelve"
            }),
        folder.resolve("part-2-binary.parquet"));

    Map<String, Row> rows =
        byId(ArticleInput.read(spark, folder.toString(), Map.of()).collectAsList());
    assertThat(rows).containsOnlyKeys("narrow-1", "wide-1", "binary-1");
    assertThat(rows.get("narrow-1").<String>getAs("title")).isEqualTo("Titre seul");
    assertThat(rows.get("narrow-1").<String>getAs("body")).isNull();
    assertThat(rows.get("narrow-1").<String>getAs("source")).isNull();
    assertThat(rows.get("wide-1").<String>getAs("body")).isEqualTo("Le corps de l'article.");
    assertThat(rows.get("wide-1").<String>getAs("source")).isEqualTo("afp.com");
    assertThat(rows.get("wide-1").<String>getAs("url")).isNull();
    assertThat(rows.get("binary-1").<String>getAs("body")).isEqualTo("Un corps en octets.");
    assertThat(rows.get("binary-1").<String>getAs("title")).isNull();
    assertThat(rows.get("wide-1").<Instant>getAs("published_at"))
        .isEqualTo(Instant.parse("2023-08-01T09:00:00Z"));
  }

  @Test
  void filesThatDisagreeOnAColumnsTypeAreNamed() throws IOException {
    Path folder = temp.resolve("disagree");
    Path stamped =
        writeFile(
            frame(
                spark,
                schema(
                    "id",
                    DataTypes.StringType,
                    "published_at",
                    DataTypes.TimestampType,
                    "body",
                    DataTypes.StringType),
                new Object[] {
                  "t-1", Timestamp.from(Instant.parse("2023-08-01T08:00:00Z")), "Texte"
                }),
            folder.resolve("part-0-timestamp.parquet"));
    Path text =
        writeFile(
            frame(
                spark,
                schema(
                    "id",
                    DataTypes.StringType,
                    "published_at",
                    DataTypes.StringType,
                    "body",
                    DataTypes.StringType),
                new Object[] {"s-1", "2023-08-01T09:00:00Z", "Texte"}),
            folder.resolve("part-1-string.parquet"));
    assertThatThrownBy(() -> ArticleInput.read(spark, folder.toString(), Map.of()))
        .isInstanceOf(UsageException.class)
        .hasMessage(
            "the input files disagree on the type of column published_at: "
                + shown(stamped)
                + " has timestamp, "
                + shown(text)
                + " has string; rewrite them"
                + " with one type ('gazette ingest' writes every column as text), or read them in"
                + " separate runs");
    // Read under another name, the disagreement is in a column Gazette does not read.
    Dataset<Row> mapped = ArticleInput.read(spark, folder.toString(), Map.of("published_at", "id"));
    assertThat(mapped.count()).isEqualTo(2);
  }

  @Test
  void columnsOfAnotherTypeStopTheRunWithALineThatNamesThem() throws IOException {
    Map<String, String> expected =
        new TreeMap<>(
            Map.of(
                "body",
                    "column body has type int, expected a string; convert it, or name another"
                        + " column with --map body=COLUMN",
                "published_at",
                    "column published_at has type boolean, expected a timestamp, a date,"
                        + " epoch seconds or an ISO-8601 string; convert it, or name another column with"
                        + " --map published_at=COLUMN",
                "id",
                    "column id has type struct<a:int>, expected a string or an integer; convert it,"
                        + " or name another column with --map id=COLUMN"));
    Map<String, DataType> types =
        Map.of(
            "body",
            DataTypes.IntegerType,
            "published_at",
            DataTypes.BooleanType,
            "id",
            new StructType().add("a", DataTypes.IntegerType));
    Map<String, Object> values =
        Map.of("body", 7, "published_at", true, "id", RowFactory.create(1));
    for (String column : expected.keySet()) {
      StructType s = new StructType();
      List<Object> row = new ArrayList<>();
      for (String name : List.of("id", "published_at", "body")) {
        s = s.add(name, name.equals(column) ? types.get(name) : DataTypes.StringType);
        row.add(
            name.equals(column)
                ? values.get(name)
                : name.equals("published_at") ? "2023-08-01T08:00:00Z" : "x");
      }
      Path folder = temp.resolve("typed-" + column);
      writeFile(
          spark.createDataFrame(List.of(RowFactory.create(row.toArray())), s),
          folder.resolve("part-0.parquet"));
      assertThatThrownBy(() -> ArticleInput.read(spark, folder.toString(), Map.of()))
          .as(column)
          .isInstanceOf(UsageException.class)
          .hasMessage(expected.get(column));
    }
  }

  // ---------------------------------------------------------------- nothing to read

  @Test
  void anEmptyFolderIsAUsageErrorAndFilesOfNoRowsMakeARunWithNothingToDo() throws IOException {
    Path empty = Files.createDirectories(temp.resolve("empty"));
    assertThatThrownBy(() -> ArticleInput.read(spark, empty.toString(), Map.of()))
        .isInstanceOf(UsageException.class)
        .hasMessage(
            "input holds no Parquet files: "
                + empty
                + " (give a folder of .parquet files with --input)");
    Path onlyMarkers = Files.createDirectories(temp.resolve("markers"));
    Files.writeString(onlyMarkers.resolve("_SUCCESS"), "");
    Files.writeString(onlyMarkers.resolve(".hidden.parquet"), "not read");
    assertThatThrownBy(() -> ArticleInput.read(spark, onlyMarkers.toString(), Map.of()))
        .isInstanceOf(UsageException.class)
        .hasMessageStartingWith("input holds no Parquet files: " + onlyMarkers);

    Path noRows = temp.resolve("no-rows");
    writeFile(strings(List.of()), noRows.resolve("part-0.parquet"));
    writeFile(strings(List.of()), noRows.resolve("part-1.parquet"));
    Map<String, List<Row>> before = snapshot(tables);
    RunCounts counts =
        NightlyJob.run(spark, options(noRows.toString(), tables, Map.of()), DateRange.ALL);
    assertThat(counts).isEqualTo(new RunCounts(0, 0, 0, 0));
    assertThat(snapshot(tables)).isEqualTo(before);
    Row run = lastRun(tables);
    assertThat(run.<String>getAs("status")).isEqualTo("succeeded");
    assertThat(run.<Long>getAs("rows_read")).isZero();
  }

  // ------------------------------------------- what articles hold: size, bytes, untrusted text

  /** 40 characters, 3 words: 1,310,720 times is 50 MiB. */
  static final String UNIT = "extraordinary circumstances, prevailing ";

  static final int TIMES = 50 * 1024 * 1024 / UNIT.length();

  static final String SCRIPT = "<script>alert(1)</script>";
  static final String DROP = "'; DROP TABLE articles; --";
  static final String JNDI = "${jndi:ldap://x/a}";
  static final String ENV = "${env:HOME}";
  static final String SQL = "x' OR '1'='1' UNION SELECT * FROM runs --";
  static final String FORMULA = "=cmd|'/c calc'!A1";
  static final String CONTROL = "ctl\u0001\u001b[31m\u0007end";

  static final List<Row> UNTRUSTED =
      List.of(
          article(
              SCRIPT,
              "2023-08-01T08:00:00Z",
              DROP,
              "en",
              JNDI,
              "A body about " + ENV + " and " + FORMULA),
          article(DROP, "2023-08-01T09:00:00Z", FORMULA, "en", FORMULA, "Body two. " + SQL),
          article(JNDI, "2023-08-01T10:00:00Z", CONTROL, "en", ENV, SCRIPT + " Visible text."),
          article(ENV, "2023-08-01T11:00:00Z", SQL, "en", SQL, "Body four."),
          article(SQL, "2023-08-01T12:00:00Z", JNDI, "en", SCRIPT, "Body five."),
          article(CONTROL, "2023-08-01T13:00:00Z", ENV, "en", "Title " + CONTROL, "Body six."),
          article(FORMULA, null, SCRIPT, "en", SCRIPT, "No date."));

  private static String contentTables;
  private static RunCounts contentCounts;

  /**
   * One run, shared by the three tests that follow, over three files: two articles of 50 MB (one
   * without a date), five rows of bytes (four not UTF-8), seven rows of untrusted text.
   */
  private static synchronized String contentRun() throws IOException {
    if (contentTables != null) {
      return contentTables;
    }
    Path folder = temp.resolve("content");
    Column huge = functions.repeat(lit(UNIT), TIMES);
    writeFile(
        spark
            .range(2)
            .select(
                functions.concat(lit("huge-"), col("id").cast("string")).as("id"),
                functions
                    .when(col("id").equalTo(0), lit("2023-08-01T10:00:00Z"))
                    .as("published_at"),
                lit("example.org").as("source"),
                lit(null).cast("string").as("url"),
                lit("en").as("language"),
                lit("Huge").as("title"),
                huge.as("body")),
        folder.resolve("part-0-huge.parquet"));
    StructType bytes =
        schema(
            "id",
            DataTypes.BinaryType,
            "published_at",
            DataTypes.StringType,
            "source",
            DataTypes.BinaryType,
            "title",
            DataTypes.BinaryType,
            "body",
            DataTypes.BinaryType);
    String date = "2023-08-01T08:00:00Z";
    writeFile(
        frame(
                spark,
                bytes,
                new Object[] {
                  utf8("ok-1"),
                  date,
                  utf8("afp.com"),
                  utf8("Un titre"),
                  utf8("Un article en UTF-8 : café crème.")
                },
                // Latin-1, as a feed of another encoding has it: "café crème".
                new Object[] {
                  utf8("latin-1"),
                  date,
                  utf8("afp.com"),
                  utf8("Un titre"),
                  latin1("caf\u00e9 cr\u00e8me")
                },
                new Object[] {
                  utf8("bad-title"),
                  date,
                  utf8("afp.com"),
                  new byte[] {(byte) 0xFF, (byte) 0xFE, 'T'},
                  utf8("Un corps.")
                },
                new Object[] {
                  new byte[] {'i', 'd', '-', (byte) 0xC3, '('},
                  date,
                  utf8("afp.com"),
                  utf8("Un titre"),
                  utf8("Un corps.")
                },
                new Object[] {
                  utf8("bad-source"),
                  date,
                  new byte[] {'a', (byte) 0x80, 'b'},
                  utf8("Un titre"),
                  utf8("Un corps.")
                })
            // Strings that hold bytes that are not UTF-8: Spark writes them unchecked.
            .withColumn("source", col("source").cast("string")),
        folder.resolve("part-1-bytes.parquet"));
    writeFile(strings(UNTRUSTED), folder.resolve("part-2-untrusted.parquet"));
    String out = temp.resolve("content-tables").toString();
    contentCounts = NightlyJob.run(spark, options(folder.toString(), out, Map.of()), DateRange.ALL);
    contentTables = out;
    return out;
  }

  @Test
  void anArticleOfFiftyMegabytesIsAnalysedUpToTheBound() throws IOException {
    String out = contentRun();
    // 2 + 5 + 7 rows: huge-0, ok-1 and six untrusted articles; huge-1 (no date), four rows
    // not UTF-8 and one untrusted row (no date) rejected.
    assertThat(contentCounts).isEqualTo(new RunCounts(14, 8, 0, 6));
    Map<String, Row> articles = byId(spark.read().parquet(out + "/articles").collectAsList());
    // The first 2,000,000 characters are 50,000 times the unit: 150,000 words, fewer than
    // the 250,000 the analyzer counts at most.
    Row article = articles.get("huge-0");
    assertThat(article.<Boolean>getAs("text_truncated")).isTrue();
    assertThat(article.<Integer>getAs("token_count")).isEqualTo(1 + 150_000);
    assertThat(articles.get("ok-1").<Boolean>getAs("text_truncated")).isFalse();
    Row terms =
        spark
            .read()
            .parquet(out + "/term_frequencies")
            .where(col("term").equalTo("extraordinary"))
            .first();
    assertThat(terms.<Long>getAs("count")).isEqualTo(50_000);
    assertThat(terms.<Long>getAs("doc_count")).isEqualTo(1);
    Row rejected =
        byId(spark.read().parquet(out + "/rejected_articles").collectAsList()).get("huge-1");
    assertThat(rejected.<String>getAs("reason")).isEqualTo(Triage.MISSING_DATE);
    assertThat(rejected.<Integer>getAs("body_chars")).isEqualTo(TIMES * UNIT.length());
  }

  @Test
  void bytesThatAreNotUtf8RejectTheRowAndNameTheColumn() throws IOException {
    String out = contentRun();
    Map<String, Row> rejected =
        byId(spark.read().parquet(out + "/rejected_articles").collectAsList());
    assertThat(rejected)
        .containsOnlyKeys("latin-1", "bad-title", "id-\uFFFD(", "bad-source", "huge-1", FORMULA);
    assertThat(rejected.get("latin-1").<String>getAs("reason")).isEqualTo("invalid UTF-8 in body");
    assertThat(rejected.get("bad-title").<String>getAs("reason"))
        .isEqualTo("invalid UTF-8 in title");
    assertThat(rejected.get("id-\uFFFD(").<String>getAs("reason")).isEqualTo("invalid UTF-8 in id");
    assertThat(rejected.get("bad-source").<String>getAs("reason"))
        .isEqualTo("invalid UTF-8 in source");
    // What could be read, each invalid sequence shown as U+FFFD: the tables hold only UTF-8.
    assertThat(rejected.get("latin-1").<Integer>getAs("body_chars")).isEqualTo(10);
    assertThat(rejected.get("bad-title").<String>getAs("title")).isEqualTo("\uFFFD\uFFFDT");
    assertThat(rejected.get("bad-source").<String>getAs("source")).isEqualTo("a\uFFFDb");
    assertThat(
            byId(spark.read().parquet(out + "/articles").collectAsList())
                .get("ok-1")
                .<String>getAs("title"))
        .isEqualTo("Un titre");
    assertThat(
            spark
                .read()
                .parquet(out + "/rejected_articles")
                .where(
                    functions
                        .not(functions.is_valid_utf8(col("id")))
                        .or(functions.not(functions.is_valid_utf8(col("title"))))
                        .or(functions.not(functions.is_valid_utf8(col("source")))))
                .count())
        .isZero();
  }

  @Test
  void untrustedTextComesOutVerbatimAndIsNeverInterpreted() throws IOException {
    String out = contentRun();
    Map<String, Row> articles =
        byId(
            spark
                .read()
                .parquet(out + "/articles")
                .where(col("source").notEqual("example.org").and(col("source").notEqual("afp.com")))
                .collectAsList());
    assertThat(articles).containsOnlyKeys(SCRIPT, DROP, JNDI, ENV, SQL, CONTROL);
    // Ids, sources and urls exactly as given; titles are cleaned text: markup is taken out
    // (the script's title had nothing else) and control characters dropped.
    Map<String, String> sources = new HashMap<>();
    Map<String, String> titles = new HashMap<>();
    for (Row r : articles.values()) {
      sources.put(r.getAs("id"), r.getAs("source"));
      titles.put(r.getAs("id"), r.getAs("title"));
      assertThat(r.<String>getAs("url")).isEqualTo("https://example.org/" + r.getAs("id"));
    }
    assertThat(sources)
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(SCRIPT, DROP, DROP, FORMULA, JNDI, CONTROL, ENV, SQL, SQL, JNDI, CONTROL, ENV));
    Map<String, String> expectedTitles =
        new HashMap<>(
            Map.of(SCRIPT, JNDI, DROP, FORMULA, JNDI, ENV, ENV, SQL, CONTROL, "Title ctl[31mend"));
    expectedTitles.put(SQL, null);
    assertThat(titles).containsExactlyInAnyOrderEntriesOf(expectedTitles);
    // The script is markup, not words: nothing of it is counted, the text after it is.
    Dataset<Row> terms = spark.read().parquet(out + "/term_frequencies");
    assertThat(terms.where(col("term").equalTo("alert")).count()).isZero();
    assertThat(terms.where(col("term").equalTo("visible")).count()).isEqualTo(1);

    Row rejected =
        byId(spark.read().parquet(out + "/rejected_articles").collectAsList()).get(FORMULA);
    assertThat(rejected.<String>getAs("title")).isEqualTo(SCRIPT);
    assertThat(rejected.<String>getAs("source")).isEqualTo(SCRIPT);
    assertThat(
            spark
                .read()
                .parquet(out + "/corpus_stats")
                .where(col("source").equalTo(CONTROL))
                .first()
                .<Long>getAs("articles"))
        .isEqualTo(1);

    // A --map value is a column name, quoted, never an expression.
    Path quoted = temp.resolve("quoted");
    writeFile(
        frame(
            spark,
            schema(
                "id",
                DataTypes.StringType,
                "published_at",
                DataTypes.StringType,
                "te`xt",
                DataTypes.StringType),
            new Object[] {"q-1", "2023-08-01T08:00:00Z", DROP}),
        quoted.resolve("part-0.parquet"));
    assertThat(
            ArticleInput.read(spark, quoted.toString(), Map.of("body", "te`xt"))
                .first()
                .<String>getAs("body"))
        .isEqualTo(DROP);
    String message =
        "--map body="
            + JNDI
            + ": the input has no column "
            + JNDI
            + " (it has id, published_at, te`xt)";
    String failed = temp.resolve("quoted-tables").toString();
    assertThatThrownBy(
            () ->
                NightlyJob.run(
                    spark, options(quoted.toString(), failed, Map.of("body", JNDI)), DateRange.ALL))
        .isInstanceOf(UsageException.class)
        .hasMessage(message);
    assertThat(lastRun(failed).<String>getAs("message")).isEqualTo(message);
  }

  // ---------------------------------------------------------------- everything at once

  @Test
  void everyRowOfAMixOfFaultsIsCountedOnce() throws IOException {
    CorpusSpec spec =
        new CorpusSpec(240, 3, LocalDate.of(2023, 7, 1), 5, 0.2, 0.06, 0.03, 0.2, 0.2);
    ArticleGenerator generator = new ArticleGenerator(spec);
    Path folder = temp.resolve("mix");
    writeFile(CorpusWriter.corpus(spark, spec), folder.resolve("part-0-generated.parquet"));

    Set<String> acceptedIds = new HashSet<>();
    Map<String, Integer> idRows = new HashMap<>();
    long rejected = 0;
    for (long i = 0; i < spec.articles(); i++) {
      ArticleGenerator.Article a = generator.generate(i);
      if (a.kind().isRejected()) {
        rejected++;
      } else {
        acceptedIds.add(a.id());
        idRows.merge(a.id(), 1, Integer::sum);
      }
    }
    ArticleGenerator.Article original = null;
    for (long i = 10; original == null; i++) {
      ArticleGenerator.Article a = generator.generate(i);
      if (a.kind() == ArticleGenerator.Kind.ORIGINAL && idRows.get(a.id()) == 1) {
        original = a;
      }
    }
    String originalId = original.id();
    // A copy of a generated article under another id, and its id again with another text,
    // in files of other columns; rows with bytes that are not UTF-8; untrusted text; a file
    // of no rows.
    writeFile(
        frame(
            spark,
            schema(
                "id",
                DataTypes.StringType,
                "published_at",
                DataTypes.StringType,
                "source",
                DataTypes.StringType,
                "language",
                DataTypes.StringType,
                "title",
                DataTypes.StringType,
                "body",
                DataTypes.StringType,
                "views",
                DataTypes.IntegerType),
            new Object[] {
              "copy-1",
              "2023-07-04T12:00:00Z",
              "other.example",
              original.language(),
              original.title(),
              original.body(),
              3
            }),
        folder.resolve("part-1-wide.parquet"));
    writeFile(
        frame(
            spark,
            schema(
                "id",
                DataTypes.StringType,
                "published_at",
                DataTypes.StringType,
                "title",
                DataTypes.StringType),
            // Published before the generated row of its id: collapsed into it.
            new Object[] {originalId, "2023-06-30T12:00:00Z", "Earlier: a title alone"},
            new Object[] {"narrow-1", "2023-07-02T12:00:00Z", "A title alone"},
            new Object[] {null, "2023-07-02T12:00:00Z", "No id"}),
        folder.resolve("part-2-narrow.parquet"));
    writeFile(
        frame(
            spark,
            schema(
                "id",
                DataTypes.StringType,
                "published_at",
                DataTypes.StringType,
                "body",
                DataTypes.BinaryType),
            new Object[] {"utf8-ok", "2023-07-02T08:00:00Z", utf8("Un texte valide.")},
            new Object[] {"utf8-bad", "2023-07-02T09:00:00Z", latin1("D\u00e9j\u00e0 vu.")}),
        folder.resolve("part-3-bytes.parquet"));
    writeFile(
        strings(UNTRUSTED)
            .withColumn(
                "published_at",
                functions.regexp_replace(col("published_at"), "2023-08-01", "2023-07-02")),
        folder.resolve("part-4-untrusted.parquet"));
    writeFile(strings(List.of()), folder.resolve("part-5-empty.parquet"));
    acceptedIds.addAll(
        List.of("copy-1", "narrow-1", "utf8-ok", SCRIPT, DROP, JNDI, ENV, SQL, CONTROL));
    rejected += 3; // no id, not UTF-8, no date
    long rows = spec.articles() + 1 + 3 + 2 + UNTRUSTED.size();

    for (DateRange range : List.of(DateRange.ALL, DateRange.of(LocalDate.of(2023, 7, 2)))) {
      String out = temp.resolve("mix-tables-" + (range.isAll() ? "all" : "day")).toString();
      RunCounts counts = NightlyJob.run(spark, options(folder.toString(), out, Map.of()), range);
      assertThat(counts.accepted() + counts.duplicates() + counts.rejected())
          .as("%s", range)
          .isEqualTo(counts.rowsRead());
      Row run = lastRun(out);
      assertThat(
              List.of(
                  run.<Long>getAs("rows_read"),
                  run.<Long>getAs("accepted"),
                  run.<Long>getAs("duplicates"),
                  run.<Long>getAs("rejected")))
          .isEqualTo(
              List.of(
                  counts.rowsRead(), counts.accepted(), counts.duplicates(), counts.rejected()));
      // The tables say the same: one row per accepted id, duplicates marked, repeats
      // counted in id_repeats, one rejected row per rejected input row.
      Dataset<Row> articles = spark.read().parquet(out + "/articles");
      long repeats = articles.agg(functions.sum("id_repeats")).first().getLong(0);
      long copies = articles.where(col("duplicate_of").isNotNull()).count();
      assertThat(articles.count()).isEqualTo(articles.select("id").distinct().count());
      assertThat(articles.count() - copies).isEqualTo(counts.accepted());
      assertThat(copies + repeats).isEqualTo(counts.duplicates());
      assertThat(spark.read().parquet(out + "/rejected_articles").count())
          .isEqualTo(counts.rejected());
      Row stats =
          spark
              .read()
              .parquet(out + "/corpus_stats")
              .agg(functions.sum("articles"), functions.sum("duplicates"))
              .first();
      assertThat(stats.getLong(0)).isEqualTo(counts.accepted());
      assertThat(stats.getLong(1)).isEqualTo(counts.duplicates());
      if (range.isAll()) {
        assertThat(counts.rowsRead()).isEqualTo(rows);
        assertThat(counts.rejected()).isEqualTo(rejected);
        assertThat(new HashSet<>(ids(articles))).isEqualTo(acceptedIds);
        Map<String, Row> byId = byId(articles.collectAsList());
        // The copy is a duplicate (of the generated article or of a generated copy of it
        // published earlier); the repeated id collapsed into the generated row.
        assertThat(byId.get("copy-1").<String>getAs("duplicate_of")).isNotNull();
        assertThat(byId.get(originalId).<Integer>getAs("id_repeats")).isEqualTo(1);
        assertThat(byId.get(originalId).<String>getAs("title"))
            .isNotEqualTo("Earlier: a title alone");
      } else {
        assertThat(counts.rowsRead())
            .isEqualTo(
                ArticleInput.read(spark, folder.toString(), Map.of())
                    .where(col("date").equalTo(lit(java.sql.Date.valueOf("2023-07-02"))))
                    .count())
            .isPositive();
      }
    }
  }

  // ---------------------------------------------------------------- helpers

  /** Two good files, a copy of the first cut in half, and a file of other bytes. */
  private static Path corruptFolder(String name) throws IOException {
    Path folder = temp.resolve(name);
    Files.createDirectories(folder);
    Files.copy(goodOne, folder.resolve("part-0-good.parquet"));
    Files.copy(goodTwo, folder.resolve("part-1-good.parquet"));
    byte[] bytes = Files.readAllBytes(goodOne);
    Files.write(folder.resolve("part-8-cut.parquet"), Arrays.copyOf(bytes, bytes.length / 2));
    garbage(folder.resolve("part-9-garbage.parquet"));
    return folder;
  }

  private static void garbage(Path file) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(
        file, "id,published_at,body\nnot,parquet,at all\n".repeat(40), StandardCharsets.UTF_8);
  }

  /** A local file as messages show it. */
  private static String shown(Path file) {
    return "file:" + file.toAbsolutePath();
  }

  private static Dataset<Row> strings(List<Row> rows) {
    return spark.createDataFrame(new ArrayList<>(rows), Fixtures.STRINGS);
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] latin1(String s) {
    return s.getBytes(StandardCharsets.ISO_8859_1);
  }

  /** Writes {@code rows} as the one Parquet file {@code target}. */
  private static Path writeFile(Dataset<Row> rows, Path target) throws IOException {
    Path scratch = temp.resolve("scratch-" + written++);
    rows.coalesce(1).write().parquet(scratch.toString());
    try (Stream<Path> files = Files.list(scratch)) {
      Path part =
          files
              .filter(p -> p.getFileName().toString().endsWith(".parquet"))
              .findFirst()
              .orElseThrow();
      Files.createDirectories(target.getParent());
      Files.move(part, target);
    }
    return target;
  }

  private static List<String> ids(Dataset<Row> rows) {
    return rows.select("id").collectAsList().stream().map(r -> r.getString(0)).toList();
  }

  private static Map<String, Row> byId(List<Row> rows) {
    Map<String, Row> map = new HashMap<>();
    for (Row r : rows) {
      assertThat(map.put(r.getAs("id"), r)).as("id %s once", (Object) r.getAs("id")).isNull();
    }
    return map;
  }

  /** Every daily table of a terms-only run, sorted, and the number of runs. */
  private static Map<String, List<Row>> snapshot(String out) {
    Map<String, List<Row>> tables = new HashMap<>();
    for (Table table :
        List.of(
            Table.ARTICLES,
            Table.REJECTED_ARTICLES,
            Table.TERM_FREQUENCIES,
            Table.ARTICLE_TERMS,
            Table.CORPUS_STATS)) {
      tables.put(
          table.tableName(),
          spark
              .read()
              .parquet(out + "/" + table.tableName())
              .orderBy(
                  table.columnNames().stream()
                      .filter(
                          c -> !c.equals("counts") && !c.equals("terms") && !c.equals("entity_ids"))
                      .map(functions::col)
                      .toArray(Column[]::new))
              .collectAsList());
    }
    return tables;
  }

  private static Row lastRun(String out) {
    return spark
        .read()
        .parquet(out + "/runs")
        .orderBy(col("started_at").desc(), col("finished_at").desc())
        .first();
  }

  private static Throwable catchFailure(Runnable run) {
    try {
      run.run();
    } catch (Exception e) { // SparkException is checked, and thrown undeclared
      return e;
    }
    throw new AssertionError("the run did not fail");
  }

  /** Gazette's log lines while it is open, as "LEVEL message". */
  private static final class LogCapture implements AutoCloseable {
    private final StringWriter sink = new StringWriter();
    private final LoggerContext context = (LoggerContext) LogManager.getContext(false);
    private final LoggerConfig logger;
    private final WriterAppender appender;

    LogCapture() {
      appender =
          WriterAppender.newBuilder()
              .setName("capture-" + System.nanoTime())
              .setTarget(sink)
              .setLayout(PatternLayout.newBuilder().withPattern("%-5p %m%n").build())
              .build();
      appender.start();
      logger = context.getConfiguration().getLoggerConfig("org.gazette.spark.input.ArticleInput");
      logger.addAppender(appender, null, null);
      context.updateLoggers();
    }

    String text() {
      return sink.toString();
    }

    @Override
    public void close() {
      logger.removeAppender(appender.getName());
      appender.stop();
      context.updateLoggers();
    }
  }
}
