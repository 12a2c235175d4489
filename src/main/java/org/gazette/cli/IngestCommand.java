package org.gazette.cli;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.date_format;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
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
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code gazette ingest}: JSON Lines or CSV articles to the input schema, in Parquet. */
@Command(
    name = "ingest",
    mixinStandardHelpOptions = true,
    description = {
      "Convert JSON Lines or CSV articles to Gazette's input schema, in Parquet, every column",
      "as text and published_at as ISO-8601 in UTC. Rows are not judged here: nightly rejects",
      "the unusable ones with their reason."
    })
public final class IngestCommand implements Callable<Integer> {

  private static final Logger LOG = LoggerFactory.getLogger(IngestCommand.class);

  @Option(
      names = "--input",
      required = true,
      description = "a .jsonl/.json/.csv file, a folder of them, or a glob")
  String input;

  @Option(names = "--format", description = "jsonl or csv (default: from the file extension)")
  String format;

  @Option(names = "--output", required = true, description = "Parquet folder to write")
  String output;

  @Option(
      names = "--map",
      paramLabel = "COLUMN=INPUT_COLUMN",
      description =
          "read a contract column from another input column, e.g. "
              + "--map body=text_content,published_at=publication_date")
  List<String> map = new ArrayList<>();

  @Option(names = "--append", description = "add to an existing output folder")
  boolean append;

  @Option(names = "--overwrite", description = "replace an existing output folder")
  boolean overwrite;

  @Mixin SparkOptions spark;

  @Override
  public Integer call() {
    if (append && overwrite) {
      throw new UsageException("give --append or --overwrite, not both");
    }
    String fmt = format != null ? format.toLowerCase(Locale.ROOT) : guessFormat(input);
    Map<String, String> mapping = ColumnMapping.parse(map);
    SparkSession session = spark.session("ingest");
    try {
      Dataset<Row> raw = read(session, fmt);
      Dataset<Row> articles = toInputSchema(raw, mapping);
      SaveMode mode =
          append ? SaveMode.Append : overwrite ? SaveMode.Overwrite : SaveMode.ErrorIfExists;
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
      return 0;
    } finally {
      session.stop();
    }
  }

  private Dataset<Row> read(SparkSession session, String fmt) {
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
  static Dataset<Row> toInputSchema(Dataset<Row> raw, Map<String, String> mapping) {
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

  static String guessFormat(String path) {
    String p = path.toLowerCase(Locale.ROOT);
    if (p.endsWith(".csv") || p.endsWith(".csv.gz")) {
      return "csv";
    }
    if (p.endsWith(".jsonl")
        || p.endsWith(".json")
        || p.endsWith(".ndjson")
        || p.endsWith(".jsonl.gz")
        || p.endsWith(".json.gz")) {
      return "jsonl";
    }
    throw new UsageException(
        "cannot tell the format of "
            + path
            + " from its name; give "
            + "--format jsonl or --format csv");
  }
}
