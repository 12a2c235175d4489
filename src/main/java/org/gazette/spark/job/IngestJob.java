package org.gazette.spark.job;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.date_format;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.gazette.UsageException;
import org.gazette.spark.input.ArticleInput;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code ingest}: JSON Lines or CSV articles to Gazette's input schema, in Parquet, every column as
 * text and {@code published_at} as ISO-8601 in UTC. Rows are not judged here: nightly rejects the
 * unusable ones with their reason.
 */
public final class IngestJob {

  private static final Logger LOG = LoggerFactory.getLogger(IngestJob.class);

  /** What to do when the output folder exists. */
  public enum Mode {
    /** Refuse. */
    NEW,
    /** Add to it. */
    APPEND,
    /** Replace it. */
    OVERWRITE
  }

  /**
   * @param input a .jsonl/.json/.csv file, a folder of them, or a glob
   * @param format jsonl (or json, ndjson) or csv
   * @param output the Parquet folder to write
   * @param mapping contract column to input column
   * @param mode what to do when the output folder exists
   */
  public record Settings(
      String input, String format, String output, Map<String, String> mapping, Mode mode) {}

  private IngestJob() {}

  /** Converts the input of {@code settings} and writes it. */
  public static void run(SparkSession session, Settings settings) {
    String input = settings.input();
    String output = settings.output();
    Dataset<Row> raw = read(session, input, settings.format());
    Dataset<Row> articles = toInputSchema(raw, settings.mapping());
    SaveMode mode =
        switch (settings.mode()) {
          case APPEND -> SaveMode.Append;
          case OVERWRITE -> SaveMode.Overwrite;
          case NEW -> SaveMode.ErrorIfExists;
        };
    try {
      articles.write().mode(mode).parquet(output);
    } catch (Exception e) { // Spark throws AnalysisException, undeclared
      if (String.valueOf(e.getMessage()).contains("already exists")) {
        throw new UsageException(
            "output "
                + output
                + " already exists (add --append to add to it, or --overwrite to replace it)");
      }
      throw e;
    }
    LOG.info(
        "wrote {} articles to {}",
        String.format(Locale.ROOT, "%,d", session.read().parquet(output).count()),
        output);
  }

  private static Dataset<Row> read(SparkSession session, String input, String fmt) {
    try {
      return switch (fmt) {
        case "jsonl", "json", "ndjson" ->
            session.read().option("mode", "PERMISSIVE").option("encoding", "UTF-8").json(input);
        case "csv" ->
            session
                .read()
                .option("header", "true")
                .option("multiLine", "true")
                .option("escape", "\"")
                .option("encoding", "UTF-8")
                .option("mode", "PERMISSIVE")
                .csv(input);
        default -> throw new UsageException("--format " + fmt + ": expected jsonl or csv");
      };
    } catch (UsageException e) {
      throw e;
    } catch (Exception e) { // Spark throws AnalysisException, undeclared
      String message = String.valueOf(e.getMessage());
      if (message.contains("PATH_NOT_FOUND") || message.contains("does not exist")) {
        throw new UsageException("input not found: " + input);
      }
      throw new UsageException(
          "cannot read " + input + " as " + fmt + ": " + message.lines().findFirst().orElse(""), e);
    }
  }

  /**
   * The contract's columns with their contract names, all as text. {@code published_at} is written
   * in one form, ISO-8601 in UTC ("2023-08-01T08:00:00.000Z"), when it parses, and as found when it
   * does not, so that nightly can reject those rows with their reason. Text in every file keeps the
   * column's type the same across appends, whatever each batch held.
   */
  public static Dataset<Row> toInputSchema(Dataset<Row> raw, Map<String, String> mapping) {
    Dataset<Row> conformed = ArticleInput.conform(raw, mapping);
    Column publishedAt =
        when(
                col("published_at").isNotNull(),
                date_format(col("published_at"), "yyyy-MM-dd'T'HH:mm:ss.SSSXXX"))
            .otherwise(col("published_at_raw"));
    List<Column> columns = new ArrayList<>();
    for (String name : ArticleInput.COLUMNS) {
      columns.add(
          name.equals("published_at")
              ? publishedAt.as(name)
              : col(name).cast(DataTypes.StringType).as(name));
    }
    return conformed.select(columns.toArray(Column[]::new));
  }
}
