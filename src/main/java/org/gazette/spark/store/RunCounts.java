package org.gazette.spark.store;

/** The input rows a run read, and what became of them, as written to {@code runs}. */
public record RunCounts(long rowsRead, long accepted, long duplicates, long rejected) {

  /** Nothing read. */
  public static final RunCounts NONE = new RunCounts(0, 0, 0, 0);

  /** The counts of two passes together. */
  public RunCounts plus(RunCounts o) {
    return new RunCounts(
        rowsRead + o.rowsRead,
        accepted + o.accepted,
        duplicates + o.duplicates,
        rejected + o.rejected);
  }
}
