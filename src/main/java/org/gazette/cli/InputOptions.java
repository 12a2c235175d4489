package org.gazette.cli;

import picocli.CommandLine.Option;

/** How the input's files are read: what to do with a file that cannot be read. */
public final class InputOptions {

  @Option(
      names = "--skip-corrupt-files",
      description =
          "leave out input files that cannot be read as Parquet (not Parquet, cut "
              + "short, damaged inside), naming each in the log, instead of stopping the run; "
              + "their rows are not read and not counted")
  boolean skipCorruptFiles;

  /** True with {@code --skip-corrupt-files}. */
  public boolean skipCorruptFiles() {
    return skipCorruptFiles;
  }
}
