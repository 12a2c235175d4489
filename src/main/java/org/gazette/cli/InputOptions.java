package org.gazette.cli;

import java.util.ArrayList;
import java.util.List;
import org.gazette.spark.job.NightlyJob;
import picocli.CommandLine.Option;

/** Where the articles come from and how their files are read. */
public final class InputOptions {

  @Option(
      names = "--input",
      defaultValue = "data/sample/articles",
      paramLabel = "PATH",
      description = "Parquet file or folder of articles (default: ${DEFAULT-VALUE})")
  String input;

  @Option(
      names = "--map",
      paramLabel = "COLUMN=INPUT_COLUMN",
      description =
          "read a contract column from another input column, e.g. "
              + "--map body=text_content,published_at=publication_date")
  List<String> map = new ArrayList<>();

  @Option(
      names = "--skip-corrupt-files",
      fallbackValue = "true",
      description =
          "leave out input files that cannot be read as Parquet (not Parquet, cut "
              + "short, damaged inside), naming each in the log, instead of stopping the run; "
              + "their rows are not read and not counted")
  boolean skipCorruptFiles;

  @Option(
      names = "--partitions",
      defaultValue = "0",
      paramLabel = "N",
      description =
          "spread the input over this many partitions before annotating (a shuffle of "
              + "the text; for inputs of few large files); 0: as read (default)")
  int partitions;

  /** The input, checked. */
  public NightlyJob.Input settings() {
    PathChecks.existing("--input", input);
    return new NightlyJob.Input(input, ColumnMapping.parse(map), skipCorruptFiles, partitions);
  }
}
