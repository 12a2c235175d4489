package org.gazette.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.FileUtil;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The output folder: one sub-folder per table, daily tables partitioned by {@code date}.
 *
 * <p>A run writes every table into a staging folder first ({@code _staging/RUN_ID}); only
 * when all are written does {@link #commit} swap the run's date partitions into place, one
 * directory rename each. A run that fails before leaves the tables as they were.
 */
public final class TableStore {

  private static final Logger LOG = LoggerFactory.getLogger(TableStore.class);

  static final String DATE_PREFIX = "date=";
  static final String NULL_PARTITION = "__HIVE_DEFAULT_PARTITION__";

  private final SparkSession spark;
  private final FileSystem fs;
  private final Path root;
  private final Path staging;

  public TableStore(SparkSession spark, String output, String runId) {
    this.spark = spark;
    try {
      Path path = new Path(output);
      this.fs = path.getFileSystem(spark.sparkContext().hadoopConfiguration());
      this.root = fs.makeQualified(path);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open output folder " + output, e);
    }
    this.staging = new Path(root, "_staging/" + runId);
  }

  /** The table as it is now, or null when it was never written. */
  public Dataset<Row> current(SparkSession spark, Table table) {
    try {
      Path live = path(table);
      if (!fs.exists(live)) {
        return null;
      }
      // Read lazily: the run's copy is staged, whole, before commit moves these files.
      return spark.read().schema(table.schema()).parquet(live.toString());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + table.tableName(), e);
    }
  }

  /** The rows this run staged for {@code table}, or null when it staged none. */
  public Dataset<Row> staged(SparkSession spark, Table table) {
    try {
      Path staged = new Path(staging, table.tableName());
      if (!fs.exists(staged)) {
        return null;
      }
      return spark.read().schema(table.schema()).parquet(staged.toString());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the staged " + table.tableName(), e);
    }
  }

  /** The output folder. */
  public Path root() {
    return root;
  }

  /** The file system of the output folder. */
  public FileSystem fileSystem() {
    return fs;
  }

  /** Where {@code table} lives. */
  public Path path(Table table) {
    return new Path(root, table.tableName());
  }

  /**
   * Writes {@code rows} of a table into the staging folder: a daily table one file per date, a
   * table that is not daily whole, replacing it at commit.
   */
  public void stage(Table table, Dataset<Row> rows) {
    if (!table.isDaily()) {
      rows.coalesce(1).write().mode(SaveMode.Overwrite)
          .parquet(new Path(staging, table.tableName()).toString());
      return;
    }
    // One task per date writes that date's file: a few files per partition, not one per task.
    rows.repartition(org.apache.spark.sql.functions.col("date"))
        .write().mode(SaveMode.Overwrite).partitionBy("date")
        .parquet(new Path(staging, table.tableName()).toString());
  }

  /**
   * Replaces, in every daily table, the partitions of the run's dates with the staged ones:
   * for a bounded range, every day of it (a day without rows loses its old rows); for all
   * dates, the dates the run produced. A table that is not daily is replaced whole.
   */
  public void commit(List<Table> tables, DateRange range) {
    try {
      Set<String> partitions = new TreeSet<>();
      if (range.isAll()) {
        for (Table table : tables) {
          if (table.isDaily()) {
            partitions.addAll(partitionsOf(new Path(staging, table.tableName())));
          }
        }
      } else {
        for (LocalDate day : range.days()) {
          partitions.add(DATE_PREFIX + day);
        }
      }
      Path old = new Path(staging, "_replaced");
      for (Table table : tables) {
        if (!table.isDaily()) {
          Path live = path(table);
          if (fs.exists(live)) {
            fs.mkdirs(old);
            rename(live, new Path(old, table.tableName()));
          }
          rename(new Path(staging, table.tableName()), live);
          continue;
        }
        Path live = path(table);
        Path staged = new Path(staging, table.tableName());
        fs.mkdirs(live);
        for (String partition : partitions) {
          Path current = new Path(live, partition);
          if (fs.exists(current)) {
            Path aside = new Path(old, table.tableName() + "/" + partition);
            fs.mkdirs(aside.getParent());
            rename(current, aside);
          }
          Path fresh = new Path(staged, partition);
          if (!fs.exists(fresh) && partition.equals(DATE_PREFIX + NULL_PARTITION)) {
            continue;
          }
          if (!fs.exists(fresh)) {
            // A date without rows still gets its partition, one empty file with the schema:
            // readers see no rows rather than a table whose schema cannot be read.
            fs.mkdirs(fresh);
            FileUtil.copy(fs, emptyFile(table), fs, new Path(fresh, EMPTY_FILE), false,
                fs.getConf());
          }
          rename(fresh, current);
        }
      }
      LOG.info("committed {} partitions of {} tables to {}", partitions.size(), tables.size(),
          root);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot commit the run's tables to " + root, e);
    }
  }

  static final String EMPTY_FILE = "part-00000-empty.parquet";

  /** A Parquet file of no rows with the columns of {@code table} but its date, written once. */
  private Path emptyFile(Table table) throws IOException {
    Path folder = new Path(staging, "_empty/" + table.tableName());
    if (!fs.exists(folder)) {
      StructType columns = new StructType(java.util.Arrays.stream(table.schema().fields())
          .filter(f -> !f.name().equals("date")).toArray(StructField[]::new));
      spark.createDataFrame(java.util.List.<Row>of(), columns).coalesce(1).write()
          .parquet(folder.toString());
    }
    for (FileStatus status : fs.listStatus(folder)) {
      if (status.getPath().getName().endsWith(".parquet")) {
        return status.getPath();
      }
    }
    throw new IOException("Spark wrote no empty Parquet file in " + folder);
  }

  /** Appends rows to a table that is not daily ({@code runs}). */
  public void append(Table table, Dataset<Row> rows) {
    rows.coalesce(1).write().mode(SaveMode.Append).parquet(path(table).toString());
  }

  /** Removes the staging folder of this run. */
  public void cleanUp() {
    try {
      fs.delete(staging, true);
      Path parent = staging.getParent();
      FileStatus[] left = fs.exists(parent) ? fs.listStatus(parent) : new FileStatus[0];
      if (left.length == 0) {
        fs.delete(parent, false);
      }
    } catch (IOException e) {
      LOG.warn("cannot remove staging folder {}: {}", staging, e.toString());
    }
  }

  private Set<String> partitionsOf(Path table) throws IOException {
    Set<String> names = new TreeSet<>();
    if (!fs.exists(table)) {
      return names;
    }
    for (FileStatus status : fs.listStatus(table)) {
      String name = status.getPath().getName();
      if (status.isDirectory() && name.startsWith(DATE_PREFIX)) {
        names.add(name);
      }
    }
    return names;
  }

  private void rename(Path from, Path to) throws IOException {
    if (!fs.rename(from, to)) {
      throw new IOException("cannot rename " + from + " to " + to);
    }
  }
}
