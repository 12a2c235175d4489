package org.gazette.spark.job;

import java.io.File;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.gazette.spark.DateRange;
import org.gazette.spark.RowValues;

/**
 * Plans the passes of a run over every date of an input that one pass could not take: a pass keeps
 * its annotated rows and shuffles on the local disk, about {@link #DISK_PER_INPUT_BYTE} bytes per
 * byte of input, and the heap holds no more than its tasks do whatever its size. So the local disk
 * bounds a pass: when the input needs more than {@link #DISK_SHARE} of what is free there (or holds
 * more rows than {@code --max-pass-rows}), its dates are split into passes of consecutive dates
 * that fit.
 */
public final class PassPlanner {

  /**
   * Local disk a pass fills at its peak per byte of input Parquet, measured on generated articles
   * (one million, 225 MB of input: 4.8 GB at the peak; five million, 1.1 GB: 25.8 GB) with a small
   * margin: the annotated rows carry each article's terms and entities, compressed.
   */
  static final double DISK_PER_INPUT_BYTE = 24;

  /** Share of the free local disk a pass may plan to fill: shuffles and the output need room. */
  static final double DISK_SHARE = 0.5;

  private PassPlanner() {}

  /**
   * Rows one pass may take: {@code maxPassRows} when it is given (above 0), else as many as the
   * free local disk of a local run holds at the input's bytes per row; unbounded on a cluster,
   * whose executors' disks the driver cannot see.
   */
  static long maxRows(SparkSession spark, long maxPassRows, long inputRows, long inputBytes) {
    if (maxPassRows > 0) {
      return maxPassRows;
    }
    SparkConf conf = spark.sparkContext().getConf();
    if (!conf.get("spark.master", "local").startsWith("local") || inputRows == 0) {
      return Long.MAX_VALUE;
    }
    return maxRows(freeLocalDisk(conf), inputRows, inputBytes);
  }

  /** Rows that fit in {@link #DISK_SHARE} of {@code freeBytes} at the input's bytes per row. */
  static long maxRows(long freeBytes, long inputRows, long inputBytes) {
    double perRow = DISK_PER_INPUT_BYTE * inputBytes / Math.max(1, inputRows);
    return Math.max(1, (long) (DISK_SHARE * freeBytes / Math.max(1, perRow)));
  }

  /** Free bytes of the first of Spark's local folders. */
  static long freeLocalDisk(SparkConf conf) {
    String dirs = conf.get("spark.local.dir", System.getProperty("java.io.tmpdir"));
    File dir = new File(dirs.split(",")[0].trim());
    while (dir != null && !dir.exists()) {
      dir = dir.getParentFile();
    }
    return dir == null ? Long.MAX_VALUE : dir.getUsableSpace();
  }

  /** Rows per date of the conformed input {@code rows}; undated rows are left out. */
  static SortedMap<LocalDate, Long> rowsPerDate(Dataset<Row> rows) {
    SortedMap<LocalDate, Long> perDate = new TreeMap<>();
    for (Row r : rows.where(rows.col("date").isNotNull()).groupBy("date").count().collectAsList()) {
      perDate.put(RowValues.localDate(r.get(0)), r.getLong(1));
    }
    return perDate;
  }

  /**
   * Consecutive dates of {@code rowsPerDate}, in order, as ranges of at most {@code maxRows} rows;
   * a date with more rows than that is a range of its own. Dates without rows are in no range.
   */
  static List<DateRange> split(SortedMap<LocalDate, Long> rowsPerDate, long maxRows) {
    List<DateRange> passes = new ArrayList<>();
    LocalDate first = null;
    LocalDate last = null;
    long rows = 0;
    for (Map.Entry<LocalDate, Long> e : rowsPerDate.entrySet()) {
      if (first != null && rows + e.getValue() > maxRows) {
        passes.add(new DateRange(first, last));
        first = null;
        rows = 0;
      }
      if (first == null) {
        first = e.getKey();
      }
      last = e.getKey();
      rows += e.getValue();
    }
    if (first != null) {
      passes.add(new DateRange(first, last));
    }
    return passes;
  }
}
