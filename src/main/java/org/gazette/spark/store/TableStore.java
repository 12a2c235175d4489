package org.gazette.spark.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
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
import org.gazette.spark.DateRange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The output folder: one sub-folder per table, daily tables partitioned by {@code date}.
 *
 * <p>A run writes every table into a staging folder first ({@code _staging/RUN_ID}); only when all
 * are written does {@link #commit} swap the run's date partitions into place, one directory rename
 * each. A run that fails before leaves the tables as they were.
 */
public final class TableStore {

  private static final Logger LOG = LoggerFactory.getLogger(TableStore.class);

  static final String DATE_PREFIX = "date=";
  static final String NULL_PARTITION = "__HIVE_DEFAULT_PARTITION__";

  private final SparkSession spark;
  private final FileSystem fs;
  private final Path root;
  private final Path staging;

  /** True from the journal's writing to the end of its moves: the staging folder must stay. */
  private boolean journaled;

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
      rows.coalesce(1)
          .write()
          .mode(SaveMode.Overwrite)
          .parquet(new Path(staging, table.tableName()).toString());
      return;
    }
    // One task per date writes that date's file: a few files per partition, not one per task.
    rows.repartition(org.apache.spark.sql.functions.col("date"))
        .write()
        .mode(SaveMode.Overwrite)
        .partitionBy("date")
        .parquet(new Path(staging, table.tableName()).toString());
  }

  /**
   * Replaces, in every daily table, the partitions of the run's dates with the staged ones: for a
   * bounded range, every day of it (a day without rows loses its old rows); for all dates, the
   * dates the run produced. A table that is not daily is replaced whole. The dates are then
   * recorded as done ({@link #doneDates}).
   *
   * <p>The commit is journaled: once every staged partition is complete, the list of moves is
   * written to {@code _staging/RUN/_COMMIT}, and only then are the partitions moved, one directory
   * rename each. A driver that dies during the moves leaves the journal behind, and the next run on
   * the output completes them ({@link #recover}) before it starts: the output ends as this run
   * would have left it, never half of it.
   */
  public List<LocalDate> commit(List<Table> tables, DateRange range) {
    return commit(tables, range, range.isAll());
  }

  /**
   * {@link #commit(List, DateRange)}, replacing only the dates the run produced when {@code
   * producedOnly}, as a run over every date does (also in each pass of one that was split). Returns
   * the dates committed, in order; each is recorded in {@code _done/date=D} with the run id and the
   * time of the commit ({@link #done}).
   */
  public List<LocalDate> commit(List<Table> tables, DateRange range, boolean producedOnly) {
    try {
      Set<String> partitions = new TreeSet<>();
      if (producedOnly) {
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
      List<String> moves = new ArrayList<>();
      for (Table table : tables) {
        if (!table.isDaily()) {
          moves.add(table.tableName() + "\t");
          continue;
        }
        Path staged = new Path(staging, table.tableName());
        for (String partition : partitions) {
          Path fresh = new Path(staged, partition);
          if (!fs.exists(fresh)) {
            if (partition.equals(DATE_PREFIX + NULL_PARTITION)) {
              continue;
            }
            // A date without rows still gets its partition, one empty file with the schema:
            // readers see no rows rather than a table whose schema cannot be read.
            fs.mkdirs(fresh);
            FileUtil.copy(
                fs, emptyFile(table), fs, new Path(fresh, EMPTY_FILE), false, fs.getConf());
          }
          moves.add(table.tableName() + "\t" + partition);
        }
      }
      String committedAt = java.time.Instant.now().toString();
      List<LocalDate> dates = new ArrayList<>();
      for (String partition : partitions) {
        if (!partition.equals(DATE_PREFIX + NULL_PARTITION)) {
          moves.add(DONE + "\t" + partition + "\t" + committedAt);
          dates.add(LocalDate.parse(partition.substring(DATE_PREFIX.length())));
        }
      }
      writeJournal(moves);
      journaled = true;
      apply(staging, moves);
      journaled = false;
      LOG.info(
          "committed {} {} of {} {} to {}",
          partitions.size(),
          partitions.size() == 1 ? "partition" : "partitions",
          tables.size(),
          tables.size() == 1 ? "table" : "tables",
          root);
      return dates;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot commit the run's tables to " + root, e);
    }
  }

  public static final String JOURNAL = "_COMMIT";

  /** For tests of recovery: the commit fails after this many moves; -1: never. */
  public static volatile int failAfterMoves = -1;

  /** Folder of the output that holds an empty file per date done: {@code _done/date=D}. */
  static final String DONE = "_done";

  private void writeJournal(List<String> moves) throws IOException {
    Path journal = new Path(staging, JOURNAL);
    Path written = new Path(staging, JOURNAL + ".tmp");
    try (java.io.OutputStream out = fs.create(written, true)) {
      out.write(String.join("\n", moves).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
    rename(written, journal); // the journal exists whole or not at all
  }

  /**
   * Does the moves of a journal: each staged partition (or whole table) replaces the live one,
   * which is set aside first. Every step checks what is done already, so a journal can be applied
   * again after a crash in the middle of it.
   */
  private void apply(Path run, List<String> moves) throws IOException {
    Path old = new Path(run, "_replaced");
    int done = 0;
    for (String move : moves) {
      if (done++ == failAfterMoves) {
        throw new IOException("fault injected after " + failAfterMoves + " moves of the commit");
      }
      int tab = move.indexOf('\t');
      String table = move.substring(0, tab);
      String partition = move.substring(tab + 1);
      if (table.equals(DONE)) {
        // date=D, then the time of the commit: the run's id is its staging folder's name.
        String[] mark = partition.split("\t", 2);
        try (java.io.OutputStream out = fs.create(new Path(root, DONE + "/" + mark[0]), true)) {
          String text =
              "run_id="
                  + run.getName()
                  + "\ncommitted_at="
                  + (mark.length > 1 ? mark[1] : "")
                  + "\n";
          out.write(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        continue;
      }
      Path fresh =
          partition.isEmpty() ? new Path(run, table) : new Path(run, table + "/" + partition);
      Path live =
          partition.isEmpty() ? new Path(root, table) : new Path(root, table + "/" + partition);
      if (!fs.exists(fresh)) {
        continue; // moved before the crash
      }
      if (fs.exists(live)) {
        Path aside =
            partition.isEmpty() ? new Path(old, table) : new Path(old, table + "/" + partition);
        fs.mkdirs(aside.getParent());
        rename(live, aside);
      }
      fs.mkdirs(live.getParent());
      rename(fresh, live);
    }
  }

  /**
   * Makes the output whole again after runs that died: completes the commit of a run whose journal
   * was written, and removes the staging folders of runs that died before theirs. Called by the run
   * that holds the output's lock, before it stages anything.
   */
  public void recover() {
    Path parent = staging.getParent();
    try {
      if (!fs.exists(parent)) {
        return;
      }
      FileStatus[] runs = fs.listStatus(parent);
      java.util.Arrays.sort(runs); // run ids start with their time: oldest first
      for (FileStatus status : runs) {
        Path run = status.getPath();
        if (run.equals(staging)) {
          continue;
        }
        Path journal = new Path(run, JOURNAL);
        if (fs.exists(journal)) {
          List<String> moves;
          try (java.io.InputStream in = fs.open(journal)) {
            String text = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            moves = text.isEmpty() ? List.of() : List.of(text.split("\n"));
          }
          LOG.warn(
              "completing the commit of run {}, which stopped in the middle of it", run.getName());
          apply(run, moves);
        } else {
          LOG.warn(
              "removing the staged tables of run {}, which stopped before its commit",
              run.getName());
        }
        fs.delete(run, true);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot recover the output " + root + " from an earlier run that stopped", e);
    }
  }

  /** A date committed to the output: by which run, when. */
  public record Done(LocalDate date, String runId, String committedAt) {}

  /**
   * The dates committed to this output, each with the run that committed it last and when (both
   * empty for a date committed before Gazette recorded them).
   */
  public java.util.SortedMap<LocalDate, Done> done() {
    java.util.SortedMap<LocalDate, Done> marks = new java.util.TreeMap<>();
    for (LocalDate date : doneDates()) {
      Path mark = new Path(root, DONE + "/" + DATE_PREFIX + date);
      String runId = "";
      String committedAt = "";
      try (java.io.InputStream in = fs.open(mark)) {
        for (String line :
            new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).split("\n")) {
          if (line.startsWith("run_id=")) {
            runId = line.substring("run_id=".length());
          } else if (line.startsWith("committed_at=")) {
            committedAt = line.substring("committed_at=".length());
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + mark, e);
      }
      marks.put(date, new Done(date, runId, committedAt));
    }
    return marks;
  }

  /** The dates a run has committed to this output. */
  public Set<LocalDate> doneDates() {
    Set<LocalDate> dates = new TreeSet<>();
    try {
      Path done = new Path(root, DONE);
      if (fs.exists(done)) {
        for (FileStatus status : fs.listStatus(done)) {
          String name = status.getPath().getName();
          if (name.startsWith(DATE_PREFIX)) {
            dates.add(LocalDate.parse(name.substring(DATE_PREFIX.length())));
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list the dates done in " + root, e);
    }
    return dates;
  }

  static final String EMPTY_FILE = "part-00000-empty.parquet";

  /** A Parquet file of no rows with the columns of {@code table} but its date, written once. */
  private Path emptyFile(Table table) throws IOException {
    Path folder = new Path(staging, "_empty/" + table.tableName());
    if (!fs.exists(folder)) {
      StructType columns =
          new StructType(
              java.util.Arrays.stream(table.schema().fields())
                  .filter(f -> !f.name().equals("date"))
                  .toArray(StructField[]::new));
      spark
          .createDataFrame(java.util.List.<Row>of(), columns)
          .coalesce(1)
          .write()
          .parquet(folder.toString());
    }
    for (FileStatus status : fs.listStatus(folder)) {
      if (status.getPath().getName().endsWith(".parquet")) {
        return status.getPath();
      }
    }
    throw new IOException("Spark wrote no empty Parquet file in " + folder);
  }

  /**
   * Appends rows to a table that is not daily ({@code runs}). A table written by an older Gazette,
   * with fewer columns, is first rewritten whole with the current ones (null where it had none), so
   * that every file of it has one schema, which readers without options need.
   */
  public void append(Table table, Dataset<Row> rows) {
    Path live = path(table);
    try {
      if (fs.exists(live)) {
        StructType stored = spark.read().parquet(live.toString()).schema();
        if (stored.fields().length != table.schema().fields().length) {
          Path rewritten = new Path(staging, "_rewritten/" + table.tableName());
          Dataset<Row> all = spark.read().schema(table.schema()).parquet(live.toString());
          all.coalesce(1).write().mode(SaveMode.Overwrite).parquet(rewritten.toString());
          Path aside = new Path(staging, "_rewritten/old-" + table.tableName());
          rename(live, aside);
          rename(rewritten, live);
          LOG.info("rewrote {} with the columns of this version of Gazette", table.tableName());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot rewrite " + live, e);
    }
    rows.coalesce(1).write().mode(SaveMode.Append).parquet(live.toString());
  }

  /**
   * Removes the staging folder of this run, unless its commit stopped half-way: then the journal
   * stays for the next run to complete.
   */
  public void cleanUp() {
    if (journaled) {
      LOG.error(
          "the commit to {} stopped half-way; the next run on this output completes it", root);
      return;
    }
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
