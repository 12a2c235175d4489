package org.gazette.spark.store;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.gazette.Version;
import org.gazette.spark.DateRange;
import org.gazette.spark.job.NightlyJob;

/** The {@code runs} table: one row appended per run of a command, also when it fails. */
public final class RunLog {

  private RunLog() {}

  /** Appends the row of a run; {@code failure} null for a run that succeeded. */
  public static void record(
      SparkSession spark,
      TableStore store,
      String runId,
      String command,
      Instant started,
      DateRange dates,
      NightlyJob.Counts counts,
      Map<String, Long> rowsWritten,
      Throwable failure) {
    Row run =
        RowFactory.create(
            runId,
            command,
            started,
            Instant.now(),
            failure == null ? "succeeded" : "failed",
            dates.toString(),
            counts.rowsRead(),
            counts.accepted(),
            counts.duplicates(),
            counts.rejected(),
            scala.jdk.javaapi.CollectionConverters.asScala(rowsWritten),
            Version.get(),
            failure == null ? null : String.valueOf(failure.getMessage()));
    spark.sparkContext().setJobDescription("write runs");
    store.append(Table.RUNS, spark.createDataFrame(List.of(run), Table.RUNS.schema()));
  }

  /** Records a failed run; a failure to record it is added to {@code e}, never hides it. */
  public static void recordFailure(
      SparkSession spark,
      TableStore store,
      String runId,
      String command,
      Instant started,
      DateRange dates,
      NightlyJob.Counts counts,
      Throwable e) {
    try {
      record(spark, store, runId, command, started, dates, counts, Map.of(), e);
    } catch (RuntimeException second) {
      e.addSuppressed(second);
    }
  }
}
