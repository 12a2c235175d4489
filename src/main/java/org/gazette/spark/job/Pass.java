package org.gazette.spark.job;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.storage.StorageLevel;
import org.gazette.spark.DateRange;
import org.gazette.spark.Fmt;
import org.gazette.spark.store.RunCounts;
import org.gazette.spark.store.Table;
import org.gazette.spark.store.TableStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One pass of a run over some dates, in its {@link RunFrame}: it stages tables, keeps its
 * intermediate rows, commits what it staged in one journaled commit, and writes its {@code runs}
 * row, the rows of every table it wrote and the seconds of each of its stages; a pass that fails
 * writes its row too and commits nothing.
 */
public final class Pass implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(Pass.class);

  private final RunFrame frame;
  private final String runId;
  private final DateRange dates;
  private final TableStore store;
  private final Instant started = Instant.now();
  private final List<Table> tables = new ArrayList<>();
  private final Map<String, Long> written = new LinkedHashMap<>();
  private final Map<String, Double> seconds = new LinkedHashMap<>();
  private final List<Dataset<Row>> kept = new ArrayList<>();
  private final List<Runnable> afterCommit = new ArrayList<>();
  private boolean done;
  private RunCounts counts = RunCounts.NONE;

  Pass(RunFrame frame, String runId, DateRange dates, TableStore store) {
    this.frame = frame;
    this.runId = runId;
    this.dates = dates;
    this.store = store;
  }

  public String runId() {
    return runId;
  }

  /** The dates of the pass. */
  public DateRange dates() {
    return dates;
  }

  /** The output, with this pass's staging folder. */
  public TableStore store() {
    return store;
  }

  /** The counts of the pass's input rows, for its {@code runs} row. */
  public void counts(RunCounts counts) {
    this.counts = counts;
  }

  public RunCounts counts() {
    return counts;
  }

  /**
   * Runs {@code work}, the Spark jobs of the stage {@code name}: named in the Spark UI, its seconds
   * kept for the {@code runs} row and logged with what its tasks cost.
   */
  public <T> T job(String name, Supplier<T> work) {
    return frame.job(
        runId + " " + name,
        name,
        work,
        (n, s, totals) -> {
          seconds.merge(n, s, Double::sum);
          LOG.debug("{}: {} s ({})", n, String.format(Locale.ROOT, "%.1f", s), totals.describe());
        });
  }

  /** {@link #job(String, Supplier)} for work that returns nothing. */
  public void job(String name, Runnable work) {
    job(
        name,
        () -> {
          work.run();
          return null;
        });
  }

  /**
   * Keeps {@code rows}, read several times, on the local disk, compressed, until the pass ends: a
   * pass holds its intermediate rows out of the heap, whose use is then bounded by what its tasks
   * hold at once. (Kept in memory, the rows of a million articles filled Spark's storage memory,
   * and the heap with it.) Read again, they come from the page cache.
   */
  public Dataset<Row> keep(Dataset<Row> rows) {
    Dataset<Row> persisted = rows.persist(StorageLevel.DISK_ONLY());
    kept.add(persisted);
    return persisted;
  }

  /**
   * Stages {@code rows} as the pass's {@code table}, to be committed with the others: logs its rows
   * (from the staged files' footers), seconds and what its tasks cost.
   */
  public void write(Table table, Dataset<Row> rows) {
    String name = "write " + table.tableName();
    long began = System.nanoTime();
    long[] n = new long[1];
    frame.job(
        runId + " " + name,
        name,
        () -> {
          store.stage(table, rows);
          Dataset<Row> staged = store.staged(frame.spark(), table);
          n[0] = staged == null ? 0 : staged.count();
          return null;
        },
        (x, s, totals) -> {
          seconds.merge(table.tableName(), s, Double::sum);
          LOG.info(
              "wrote {}: {} rows in {} ({})",
              table.tableName(),
              Fmt.count(n[0]),
              Fmt.since(began),
              totals.describe());
        });
    tables.add(table);
    written.put(table.tableName(), n[0]);
  }

  /** The rows this pass staged for {@code table}, or null. */
  public Dataset<Row> staged(Table table) {
    return store.staged(frame.spark(), table);
  }

  /** The committed rows of {@code table} as the pass found them, or null. */
  public Dataset<Row> current(Table table) {
    return store.current(frame.spark(), table);
  }

  /** Runs {@code action} once the pass has committed (not when it fails). */
  public void afterCommit(Runnable action) {
    afterCommit.add(action);
  }

  /**
   * Commits every table the pass staged, in one journaled commit: for a bounded range every date of
   * it, or, with {@code producedOnly}, the dates the pass produced; writes the pass's {@code runs}
   * row; then runs every action after commit. Returns the dates committed. When an action fails,
   * the others still run and the first failure is thrown: the tables stay committed, and the {@code
   * runs} row says so.
   */
  public List<LocalDate> commit(boolean producedOnly) {
    long began = System.nanoTime();
    List<LocalDate> committed = store.commit(tables, dates, producedOnly);
    LOG.info("committed the tables of {} in {}", dates, Fmt.since(began));
    frame.record(runId, started, dates, counts, written, committed, seconds, null);
    done = true;
    RuntimeException first = null;
    for (Runnable action : afterCommit) {
      try {
        action.run();
      } catch (RuntimeException e) {
        LOG.error("after committing the tables of {}: {}", dates, e.toString());
        if (first == null) {
          first = e;
        }
      }
    }
    if (first != null) {
      throw first;
    }
    return committed;
  }

  /** Writes the {@code runs} row of a pass that had nothing to commit. */
  public void finishEmpty() {
    frame.record(runId, started, dates, counts, written, List.of(), seconds, null);
  }

  /**
   * Records {@code e}, the failure of this pass, in {@code runs} (with the one-line explanation of
   * an unreadable input where there is one) and returns it as the exception to throw.
   */
  public RuntimeException fail(Exception e) {
    RuntimeException failure =
        e instanceof RuntimeException r ? r : new IllegalStateException(e.getMessage(), e);
    if (done) { // an action after the commit failed: the runs row holds the commit
      return failure;
    }
    frame.record(runId, started, dates, counts, Map.of(), List.of(), seconds, failure);
    return failure;
  }

  /** Releases the pass's kept rows and removes its staging folder (unless a commit stopped). */
  @Override
  public void close() {
    try {
      kept.forEach(Dataset::unpersist);
      store.cleanUp();
    } finally {
      frame.drainMetrics();
      frame.spark().sparkContext().setJobDescription(null);
    }
  }
}
