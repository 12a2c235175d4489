package org.gazette.spark.job;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.apache.spark.sql.SparkSession;
import org.gazette.UsageException;
import org.gazette.spark.DateRange;
import org.gazette.spark.Fmt;
import org.gazette.spark.input.InputFailure;
import org.gazette.spark.store.OutputLock;
import org.gazette.spark.store.RunCounts;
import org.gazette.spark.store.RunLog;
import org.gazette.spark.store.TableStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The frame of one run of a command that writes the output, composed into every such job: it takes
 * the output's lock (a second run refuses), completes or clears what a run that died left, names
 * the run and its passes, puts each piece of Spark work under a job group and description that the
 * Spark UI and the log show, with its seconds and its tasks' costs, and closes the run: caches
 * released, staging removed, lock given back. Each {@link Pass} commits on its own and writes its
 * row to {@code runs}, also when it fails.
 */
public final class RunFrame implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(RunFrame.class);

  private final SparkSession spark;
  private final String command;
  private final String runId;
  private final TableStore store;
  private final OutputLock lock;
  private final StageMetrics metrics = new StageMetrics();
  private int passes;

  private RunFrame(
      SparkSession spark, String command, String runId, TableStore store, OutputLock lock) {
    this.spark = spark;
    this.command = command;
    this.runId = runId;
    this.store = store;
    this.lock = lock;
  }

  /**
   * Opens a run of {@code command} on {@code output}, described as {@code what} in the lock: takes
   * the lock ({@link OutputLock.Held} when another run holds it), then recovers the output.
   */
  public static RunFrame open(SparkSession spark, String output, String command, String what) {
    String runId = newRunId(Instant.now());
    TableStore store = new TableStore(spark, output, runId);
    OutputLock lock =
        OutputLock.acquire(store.fileSystem(), store.root(), runId, command + " " + what);
    RunFrame frame = new RunFrame(spark, command, runId, store, lock);
    try {
      store.recover();
      spark.sparkContext().addSparkListener(frame.metrics);
      return frame;
    } catch (RuntimeException e) {
      lock.close();
      throw e;
    }
  }

  /** A run id: its start time, then a random part. */
  static String newRunId(Instant started) {
    return started.toString().replace(":", "").replace("-", "")
        + "-"
        + UUID.randomUUID().toString().substring(0, 8);
  }

  public SparkSession spark() {
    return spark;
  }

  /** The command, as {@code runs} names it ("nightly", "topics train"). */
  public String command() {
    return command;
  }

  /** The output as the run found it (after recovery): its tables, its dates done. */
  public TableStore store() {
    return store;
  }

  /** The dates committed to the output before this run. */
  public Set<LocalDate> doneDates() {
    return store.doneDates();
  }

  /**
   * Starts a pass over {@code dates}: the first pass carries the run's id, later ones ids of their
   * own, each with its own staging folder and {@code runs} row.
   */
  public Pass pass(DateRange dates) {
    String id = passes++ == 0 ? runId : newRunId(Instant.now());
    return new Pass(this, id, dates, new TableStore(spark, store.root().toString(), id));
  }

  /**
   * Runs {@code work} as the Spark jobs of {@code name}: under a job group of this run, so that the
   * Spark UI shows the name and the tasks' costs are summed for it. Returns what the work returns,
   * and its seconds and costs through {@code done}.
   */
  <T> T job(String group, String name, Supplier<T> work, Timing done) {
    spark.sparkContext().setJobGroup(group, name, false);
    long began = System.nanoTime();
    try {
      T result = work.get();
      double seconds = (System.nanoTime() - began) / 1e9;
      done.record(name, seconds, metrics.of(spark.sparkContext(), group));
      return result;
    } finally {
      spark.sparkContext().clearJobGroup();
    }
  }

  /** Receives the seconds and the task costs of a job. */
  interface Timing {
    void record(String name, double seconds, StageMetrics.Totals totals);
  }

  /** Runs {@code work} under the run's group for work outside any pass, logged with its seconds. */
  public <T> T job(String name, Supplier<T> work) {
    return job(
        runId + " " + name,
        name,
        work,
        (n, seconds, totals) ->
            LOG.info("{} in {} s ({})", n, String.format("%.1f", seconds), totals.describe()));
  }

  /**
   * Records {@code e}, a failure of the run outside any pass (opening its input, planning its
   * passes), in {@code runs}, with the one-line explanation of an unreadable input where there is
   * one, and returns it as the exception to throw.
   */
  public RuntimeException failed(Instant started, DateRange dates, Exception e) {
    RuntimeException failure =
        e instanceof RuntimeException r ? r : new IllegalStateException(e.getMessage(), e);
    record(runId, started, dates, RunCounts.NONE, Map.of(), List.of(), Map.of(), failure);
    return failure;
  }

  void record(
      String id,
      Instant started,
      DateRange dates,
      RunCounts counts,
      Map<String, Long> rowsWritten,
      List<LocalDate> committed,
      Map<String, Double> stageSeconds,
      Throwable failure) {
    String message = null;
    if (failure != null) {
      UsageException explained = InputFailure.explain(failure);
      message = String.valueOf((explained != null ? explained : failure).getMessage());
    }
    RunLog.Entry entry =
        new RunLog.Entry(
            id,
            command,
            started,
            dates.toString(),
            counts,
            rowsWritten,
            committed,
            stageSeconds,
            message);
    if (failure == null) {
      RunLog.record(spark, store, entry);
    } else {
      RunLog.recordFailure(spark, store, entry, failure);
    }
  }

  /** Forgets the task costs of a pass that ended. */
  void drainMetrics() {
    metrics.drain();
  }

  @Override
  public void close() {
    try {
      spark.sparkContext().removeSparkListener(metrics);
      spark.sparkContext().setJobDescription(null);
    } finally {
      lock.close();
    }
  }

  /** A count for a log line. */
  static String fmt(long n) {
    return Fmt.count(n);
  }
}
