package org.gazette.cli;

import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import org.gazette.UsageException;
import org.gazette.generate.CorpusSpec;
import org.gazette.generate.CorpusWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code gazette generate}: a synthetic corpus of any size for benchmarks and tests. */
@Command(
    name = "generate",
    mixinStandardHelpOptions = true,
    description = {
      "Write a synthetic news corpus in the input schema: French, English, German, Spanish and",
      "Italian articles from hand-written templates, with topics that drift and burst, people",
      "named in full then by surname, exact and near duplicates, HTML bodies, and a share of",
      "invalid rows. The same seed gives the same corpus. _truth.json describes what it holds."
    })
public final class GenerateCommand implements Callable<Integer> {

  private static final Logger LOG = LoggerFactory.getLogger(GenerateCommand.class);

  @Option(
      names = "--articles",
      defaultValue = "10000",
      description = "rows to write (default: ${DEFAULT-VALUE})")
  long articles;

  @Option(
      names = "--days",
      defaultValue = "30",
      description = "days covered (default: ${DEFAULT-VALUE})")
  int days;

  @Option(
      names = "--start",
      defaultValue = "2023-07-01",
      description = "first day, UTC (default: ${DEFAULT-VALUE})")
  String start;

  @Option(names = "--seed", defaultValue = "1", description = "(default: ${DEFAULT-VALUE})")
  long seed;

  @Option(names = "--output", required = true, description = "Parquet folder to write")
  String output;

  @Option(
      names = "--overwrite",
      fallbackValue = "true",
      description = "replace an existing output folder")
  boolean overwrite;

  @Option(
      names = "--invalid-share",
      defaultValue = "0.01",
      description = "share of rows nightly must reject or collapse (default: ${DEFAULT-VALUE})")
  double invalidShare;

  @Option(
      names = "--duplicate-share",
      defaultValue = "0.03",
      description = "share of exact duplicates (default: ${DEFAULT-VALUE})")
  double duplicateShare;

  @Option(
      names = "--near-duplicate-share",
      defaultValue = "0.02",
      description = "share of near duplicates (default: ${DEFAULT-VALUE})")
  double nearDuplicateShare;

  @Option(
      names = "--html-share",
      defaultValue = "0.15",
      description = "share of HTML bodies (default: ${DEFAULT-VALUE})")
  double htmlShare;

  @Option(
      names = "--missing-language-share",
      defaultValue = "0.2",
      description = "share of rows without a language (default: ${DEFAULT-VALUE})")
  double missingLanguageShare;

  @Mixin SparkOptions spark;

  @Override
  public Integer call() {
    PathChecks.creatable("--output", output);
    CorpusSpec spec =
        new CorpusSpec(
            articles,
            days,
            DateOptions.parseDate("--start", start),
            seed,
            invalidShare,
            duplicateShare,
            nearDuplicateShare,
            htmlShare,
            missingLanguageShare);
    SparkSession session = spark.session("generate");
    try {
      long began = System.nanoTime();
      try {
        CorpusWriter.write(session, spec, output, overwrite);
      } catch (Exception e) { // Spark throws AnalysisException, undeclared
        if (String.valueOf(e.getMessage()).contains("already exists")) {
          throw new UsageException(
              "output " + output + " already exists (add --overwrite to replace it)");
        }
        throw e;
      }
      LOG.info(
          "generated {} articles over {} days from {} in {} s to {}",
          articles,
          days,
          spec.start(),
          (System.nanoTime() - began) / 1_000_000_000,
          output);
      return 0;
    } finally {
      session.stop();
    }
  }
}
