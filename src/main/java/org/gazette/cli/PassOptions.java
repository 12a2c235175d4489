package org.gazette.cli;

import org.gazette.Check;
import org.gazette.UsageException;
import org.gazette.spark.DateRange;
import org.gazette.spark.job.NightlyJob;
import picocli.CommandLine.Option;

/** How a run's dates are split into passes. */
public final class PassOptions {

  @Option(
      names = "--force",
      fallbackValue = "true",
      description =
          "with --from and --to: run the dates the output already has too (by "
              + "default a backfill skips them, so that it can be resumed)")
  boolean force;

  @Option(
      names = "--chunk-days",
      defaultValue = "7",
      paramLabel = "N",
      description =
          "with --from and --to: annotate and commit this many dates per pass, in date"
              + " order; a failed backfill keeps the passes it finished (default: ${DEFAULT-VALUE})")
  int chunkDays;

  @Option(
      names = "--max-pass-rows",
      defaultValue = "0",
      paramLabel = "N",
      description =
          "without date options: annotate and commit at most this many input rows "
              + "per pass, in passes of consecutive dates; 0: as many as the free local disk holds,"
              + " one pass when it holds them all (default: ${DEFAULT-VALUE})")
  long maxPassRows;

  /** The plan of a run over {@code range}, asked for with {@code dates}; checked. */
  public NightlyJob.Plan plan(DateRange range, DateOptions dates) {
    Check.option(chunkDays >= 1, "--chunk-days", "at least 1", chunkDays);
    NightlyJob.Plan plan =
        dates.isBackfill()
            ? NightlyJob.Plan.backfill(force, chunkDays)
            : NightlyJob.Plan.ONE_PASS.withMaxPassRows(maxPassRows);
    if (maxPassRows != 0 && !range.isAll()) {
      throw new UsageException(
          "--max-pass-rows is for a run over every date; a --date run is"
              + " one pass, and --from/--to takes --chunk-days dates per pass");
    }
    if (force && !dates.isBackfill()) {
      throw new UsageException(
          "--force is for a backfill with --from and --to, which skips the"
              + " dates done; --date and a run over all dates always run their dates");
    }
    return plan;
  }
}
