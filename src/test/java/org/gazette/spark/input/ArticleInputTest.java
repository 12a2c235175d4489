package org.gazette.spark.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.gazette.spark.Fixtures.frame;
import static org.gazette.spark.Fixtures.schema;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.gazette.UsageException;
import org.gazette.spark.SparkTestSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Reading the input: column names, types, publication times, and the errors users see. */
class ArticleInputTest {

  private static SparkSession spark;

  @TempDir Path temp;

  @BeforeAll
  static void start() {
    spark = SparkTestSession.start("local[2]");
  }

  @AfterAll
  static void stop() {
    spark.stop();
  }

  /** The UTC instant {@code published_at} becomes for a string value. */
  private static Instant parsed(String value) {
    Row row =
        ArticleInput.conform(
                frame(
                    spark,
                    schema(
                        "id",
                        DataTypes.StringType,
                        "published_at",
                        DataTypes.StringType,
                        "body",
                        DataTypes.StringType),
                    new Object[] {"a", value, "x"}),
                Map.of())
            .first();
    return row.getAs("published_at");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "2023-08-01T09:15:00Z           | 2023-08-01T09:15:00Z",
        "2023-08-01T11:15:00+02:00      | 2023-08-01T09:15:00Z",
        "2023-08-01 09:15:00            | 2023-08-01T09:15:00Z",
        "2023-08-01                     | 2023-08-01T00:00:00Z",
        "2023-08-01T09:15:00.250Z       | 2023-08-01T09:15:00.250Z",
        "1690881300                     | 2023-08-01T09:15:00Z",
        "1690881300000                  | 2023-08-01T09:15:00Z",
        "Tue, 01 Aug 2023 09:15:00 GMT  | 2023-08-01T09:15:00Z",
        "Tue, 1 Aug 2023 11:15:00 +0200 | 2023-08-01T09:15:00Z",
        "'  2023-08-01T09:15:00Z '      | 2023-08-01T09:15:00Z"
      })
  void publicationTimesParseToUtc(String value, String expected) {
    assertThat(parsed(value)).isEqualTo(Instant.parse(expected));
  }

  @ParameterizedTest
  @CsvSource({"hier", "2023-02-30", "31/12/2023", "not a date", "2023-13-01T10:00:00Z"})
  void unparseableTimesAreNull(String value) {
    assertThat(parsed(value)).isNull();
  }

  @Test
  void timestampDateAndNumberColumnsAreRead() {
    Dataset<Row> typed =
        frame(
            spark,
            schema(
                "id",
                DataTypes.LongType,
                "published_at",
                DataTypes.TimestampType,
                "day",
                DataTypes.DateType,
                "epoch",
                DataTypes.DoubleType,
                "title",
                DataTypes.StringType),
            new Object[] {
              42L,
              Timestamp.from(Instant.parse("2023-08-01T23:30:00Z")),
              java.sql.Date.valueOf("2023-08-01"),
              1690881300.5,
              "Titre"
            });
    Row fromTimestamp = ArticleInput.conform(typed, Map.of()).first();
    assertThat(fromTimestamp.<String>getAs("id")).isEqualTo("42");
    assertThat(fromTimestamp.<Object>getAs("date")).isEqualTo(LocalDate.of(2023, 8, 1));
    assertThat(fromTimestamp.<String>getAs("body")).isNull();
    assertThat(fromTimestamp.<String>getAs("source")).isNull();

    Row fromDate =
        ArticleInput.conform(typed.drop("published_at"), Map.of("published_at", "day")).first();
    assertThat(fromDate.<Instant>getAs("published_at"))
        .isEqualTo(Instant.parse("2023-08-01T00:00:00Z"));
    Row fromEpoch =
        ArticleInput.conform(typed.drop("published_at"), Map.of("published_at", "epoch")).first();
    assertThat(fromEpoch.<Instant>getAs("published_at"))
        .isEqualTo(Instant.parse("2023-08-01T09:15:00.500Z"));
  }

  @Test
  void mapReadsOtherColumnNames() {
    Dataset<Row> raw =
        frame(
            spark,
            schema(
                "article_id",
                DataTypes.StringType,
                "publication_date",
                DataTypes.StringType,
                "text_content",
                DataTypes.StringType,
                "outlet",
                DataTypes.StringType),
            new Object[] {"a1", "2023-08-01T10:00:00Z", "Texte", "afp.com"});
    Row row =
        ArticleInput.conform(
                raw,
                Map.of(
                    "id",
                    "article_id",
                    "published_at",
                    "publication_date",
                    "body",
                    "text_content",
                    "source",
                    "outlet"))
            .first();
    assertThat(row.<String>getAs("id")).isEqualTo("a1");
    assertThat(row.<String>getAs("body")).isEqualTo("Texte");
    assertThat(row.<String>getAs("source")).isEqualTo("afp.com");
    assertThat(row.<String>getAs("published_at_raw")).isEqualTo("2023-08-01T10:00:00Z");
  }

  @Test
  void schemasThatCannotWorkStopWithOneClearLine() {
    StructType noText =
        schema(
            "id",
            DataTypes.StringType,
            "published_at",
            DataTypes.StringType,
            "content",
            DataTypes.StringType);
    assertThatThrownBy(() -> ArticleInput.conform(frame(spark, noText), Map.of()))
        .isInstanceOf(UsageException.class)
        .hasMessage(
            "the input has neither a title nor a body column (it has id, published_at,"
                + " content); name the text column with --map body=COLUMN");
    StructType noId = schema("published_at", DataTypes.StringType, "body", DataTypes.StringType);
    assertThatThrownBy(() -> ArticleInput.conform(frame(spark, noId), Map.of()))
        .isInstanceOf(UsageException.class)
        .hasMessageContaining("the input has no column id")
        .hasMessageContaining("--map id=COLUMN");
    StructType numericBody =
        schema(
            "id",
            DataTypes.StringType,
            "published_at",
            DataTypes.StringType,
            "body",
            DataTypes.IntegerType);
    assertThatThrownBy(() -> ArticleInput.conform(frame(spark, numericBody), Map.of()))
        .isInstanceOf(UsageException.class)
        .hasMessage(
            "column body has type int, expected a string; convert it, or name another "
                + "column with --map body=COLUMN");
    assertThatThrownBy(() -> ArticleInput.conform(frame(spark, noText), Map.of("body", "text")))
        .isInstanceOf(UsageException.class)
        .hasMessageStartingWith("--map body=text: the input has no column text");
    assertThatThrownBy(() -> ArticleInput.conform(frame(spark, noText), Map.of("texte", "content")))
        .isInstanceOf(UsageException.class)
        .hasMessageStartingWith("--map texte=content: texte is not an input column");
  }

  @Test
  void aMissingOrEmptyInputIsNamed() throws Exception {
    String missing = temp.resolve("nowhere").toString();
    assertThatThrownBy(() -> ArticleInput.read(spark, missing, Map.of()))
        .isInstanceOf(UsageException.class)
        .hasMessageStartingWith("input not found: " + missing);
    Path empty = Files.createDirectories(temp.resolve("empty"));
    assertThatThrownBy(() -> ArticleInput.read(spark, empty.toString(), Map.of()))
        .isInstanceOf(UsageException.class)
        .hasMessageStartingWith("input holds no Parquet files: " + empty);
  }
}
