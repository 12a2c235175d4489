package org.gazette.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import org.gazette.UsageException;
import org.gazette.spark.job.IngestJob;
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

  @Option(
      names = "--append",
      fallbackValue = "true",
      description = "add to an existing output folder")
  boolean append;

  @Option(
      names = "--overwrite",
      fallbackValue = "true",
      description = "replace an existing output folder")
  boolean overwrite;

  @Mixin SparkOptions spark;

  @Override
  public Integer call() {
    if (append && overwrite) {
      throw new UsageException("give --append or --overwrite, not both");
    }
    String fmt = format != null ? format.toLowerCase(Locale.ROOT) : guessFormat(input);
    Map<String, String> mapping = ColumnMapping.parse(map);
    PathChecks.existing("--input", input);
    PathChecks.creatable("--output", output);
    IngestJob.Mode mode =
        append ? IngestJob.Mode.APPEND : overwrite ? IngestJob.Mode.OVERWRITE : IngestJob.Mode.NEW;
    if (!List.of("jsonl", "json", "ndjson", "csv").contains(fmt)) {
      throw new UsageException("--format " + fmt + ": expected jsonl or csv");
    }
    SparkSession session = spark.session("ingest");
    try {
      IngestJob.run(session, new IngestJob.Settings(input, fmt, output, mapping, mode));
      return 0;
    } finally {
      session.stop();
    }
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
