package org.gazette.spark.store;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.gazette.Version;
import scala.jdk.javaapi.CollectionConverters;

/** The {@code runs} table: one row appended per run (or pass) of a command, also when it fails. */
public final class RunLog {

  /** One row of {@code runs}; {@code failure}, the message of a failed run, null otherwise. */
  public record Entry(
      String runId,
      String command,
      Instant started,
      String dates,
      RunCounts counts,
      Map<String, Long> rowsWritten,
      List<LocalDate> committed,
      Map<String, Double> stageSeconds,
      String failure) {}

  private RunLog() {}

  /** Appends the row of a run. */
  public static void record(SparkSession spark, TableStore store, Entry e) {
    Row run =
        RowFactory.create(
            e.runId(),
            e.command(),
            e.started(),
            Instant.now(),
            e.failure() == null ? "succeeded" : "failed",
            e.dates(),
            e.counts().rowsRead(),
            e.counts().accepted(),
            e.counts().duplicates(),
            e.counts().rejected(),
            CollectionConverters.asScala(e.rowsWritten()),
            Version.get(),
            e.failure(),
            scala.collection.immutable.ArraySeq.unsafeWrapArray(
                e.committed().toArray(new LocalDate[0])),
            CollectionConverters.asScala(e.stageSeconds()));
    spark.sparkContext().setJobDescription("write runs");
    store.append(Table.RUNS, spark.createDataFrame(List.of(run), Table.RUNS.schema()));
  }

  /**
   * Records a run that failed with {@code failure}; a failure to record it is added to {@code
   * failure}, never hides it.
   */
  public static void recordFailure(
      SparkSession spark, TableStore store, Entry e, Throwable failure) {
    try {
      record(spark, store, e);
    } catch (RuntimeException second) {
      failure.addSuppressed(second);
    }
  }
}
