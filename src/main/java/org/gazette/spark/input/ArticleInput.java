package org.gazette.spark.input;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.regexp_replace;
import static org.apache.spark.sql.functions.to_date;
import static org.apache.spark.sql.functions.trim;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.AnalysisException;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.DataFrameReader;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.BinaryType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.DateType;
import org.apache.spark.sql.types.DecimalType;
import org.apache.spark.sql.types.NumericType;
import org.apache.spark.sql.types.StringType;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.types.TimestampNTZType;
import org.apache.spark.sql.types.TimestampType;
import org.gazette.UsageException;
import org.gazette.spark.DateRange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads articles in the input schema (see README, "Input") from Parquet, renaming columns with
 * {@code --map}, and brings every column to its contract type: {@code published_at} becomes a UTC
 * timestamp, parsed from ISO-8601 strings, RFC 1123 dates or epoch seconds.
 *
 * <p>The result has the columns of {@link #CONFORMED}; rows are not judged here ({@link Triage}
 * does that), but a schema that cannot work stops the run with one clear line.
 */
public final class ArticleInput {

  private static final Logger LOG = LoggerFactory.getLogger(ArticleInput.class);

  /** The input columns of the contract, in order. */
  public static final List<String> COLUMNS =
      List.of("id", "published_at", "source", "url", "language", "title", "body");

  private static final Set<String> REQUIRED = Set.of("id", "published_at");
  private static final Set<String> TEXT = Set.of("title", "body");

  /** Epoch values at or above this are read as milliseconds (year 5138 in seconds). */
  static final double EPOCH_MILLIS_THRESHOLD = 1e11;

  /**
   * Columns after conforming: the contract's, the date, the raw publication value, and where the
   * row was read ({@code input_file}, a hash of the file's path, and {@code input_row}, the row's
   * index in it), which names it across passes.
   */
  public static final List<String> CONFORMED =
      List.of(
          "id",
          "published_at",
          "published_at_raw",
          "date",
          "source",
          "url",
          "language",
          "title",
          "body",
          "input_file",
          "input_row");

  private ArticleInput() {}

  /** Reads {@code path} (a Parquet file or folder) with {@code mapping} (contract to input). */
  public static Dataset<Row> read(SparkSession spark, String path, Map<String, String> mapping) {
    return read(spark, path, mapping, DateRange.ALL);
  }

  /**
   * Reads the rows of {@code path} that can belong to the dates of {@code range}: the files of
   * other dates are skipped where the input says which they are, so that a night's run reads the
   * night's articles, not the archive. An input partitioned by day in Hive's layout ({@code
   * date=2023-08-01/} folders) is read only in the folders of the range and the day on each side
   * (an article filed under the next day still counts); a {@code published_at} stored as a
   * timestamp lets Parquet skip row groups of other dates. Rows of the range are then found by
   * their date as always: this only spares reading.
   */
  public static Dataset<Row> read(
      SparkSession spark, String path, Map<String, String> mapping, DateRange range) {
    return open(spark, path, mapping, false).rows(range);
  }

  /**
   * An input opened once: its rows as read ({@code raw}, with {@code mapping} still to apply), its
   * files (each with its rows and schema by its footer) and the files left out because they cannot
   * be read ({@code --skip-corrupt-files}). A backfill's passes each take their dates' rows from
   * the same input, its files listed and checked once.
   */
  public record Input(
      Dataset<Row> raw,
      Map<String, String> mapping,
      List<InputFiles.File> files,
      List<InputFiles.File> skipped) {

    /** Every row, conformed. */
    public Dataset<Row> rows() {
      return conform(raw, mapping);
    }

    /**
     * The rows that can be of the dates of {@code range}, conformed: see {@link
     * ArticleInput#read(SparkSession, String, Map, DateRange)}.
     */
    public Dataset<Row> rows(DateRange range) {
      return range.isAll() ? rows() : conform(prune(raw, mapping, range), mapping);
    }
  }

  /** Files named one per line in the log when they are left out; the rest are counted. */
  private static final int LOGGED_FILES = 20;

  /**
   * Reads {@code path} like {@link #read}, checking every file's footer first: a file that is not
   * Parquet or is cut short stops the run with a line that names it, or, with {@code
   * skipCorruptFiles}, is left out and named in the log (and so is the rest of a file that breaks
   * inside, by Spark's {@code ignoreCorruptFiles}). Columns are the union of the files'.
   */
  public static Input open(
      SparkSession spark, String path, Map<String, String> mapping, boolean skipCorruptFiles) {
    List<InputFiles.File> files;
    try {
      files = InputFiles.inspect(spark, path);
    } catch (Exception e) { // Spark throws AnalysisException, undeclared
      throw readError(e, path);
    }
    if (files.isEmpty()) {
      throw new UsageException(
          "input holds no Parquet files: "
              + path
              + " (give a folder of .parquet files with --input)");
    }
    List<InputFiles.File> readable = InputFiles.readable(files, true);
    List<InputFiles.File> unreadable = InputFiles.readable(files, false);
    if (!unreadable.isEmpty()) {
      InputFiles.File first = unreadable.get(0);
      if (readable.isEmpty()) {
        throw new UsageException(
            (files.size() == 1
                    ? "the input file "
                        + first.displayPath()
                        + " cannot be read as Parquet ("
                        + first.problem()
                        + ")"
                    : "none of the "
                        + files.size()
                        + " input files can be read as Parquet: "
                        + first.displayPath()
                        + " ("
                        + first.problem()
                        + ") and "
                        + (files.size() - 1)
                        + " more")
                + "; give --input a Parquet file or folder, or convert JSON Lines or CSV with"
                + " 'gazette ingest'");
      }
      if (!skipCorruptFiles) {
        String more =
            unreadable.size() == 1
                ? ""
                : " (and " + (unreadable.size() - 1) + " more of the " + files.size() + " files)";
        throw new UsageException(
            "input file "
                + first.displayPath()
                + " cannot be read as Parquet ("
                + first.problem()
                + ")"
                + more
                + "; "
                + InputFailure.REMEDY);
      }
      for (int i = 0; i < unreadable.size() && i < LOGGED_FILES; i++) {
        LOG.warn(
            "left out input file {}: it cannot be read as Parquet ({})",
            unreadable.get(i).displayPath(),
            unreadable.get(i).problem());
      }
      LOG.warn(
          "left out {} of {} input files that cannot be read (--skip-corrupt-files){}",
          unreadable.size(),
          files.size(),
          unreadable.size() > LOGGED_FILES
              ? "; the first " + LOGGED_FILES + " are named above"
              : "");
    }
    StructType schema = InputFiles.schema(spark, readable, inputColumns(mapping));
    DataFrameReader reader = spark.read().schema(schema);
    if (skipCorruptFiles) {
      // Also a file whose footer reads but which breaks inside: Spark logs it and reads on.
      reader = reader.option("ignoreCorruptFiles", "true");
    }
    Dataset<Row> raw;
    try {
      raw = reader.parquet(path);
    } catch (Exception e) { // Spark throws AnalysisException, undeclared
      throw readError(e, path);
    }
    return new Input(raw, Map.copyOf(mapping), readable, unreadable);
  }

  /** The rows of {@code raw} that can be of the dates of {@code range}; see {@link #read}. */
  static Dataset<Row> prune(Dataset<Row> raw, Map<String, String> mapping, DateRange range) {
    StructType schema = raw.schema();
    Dataset<Row> rows = raw;
    if (Arrays.asList(schema.fieldNames()).contains("date")
        && schema.apply("date").dataType() instanceof DateType
        && !mapping.containsValue("date")) {
      rows =
          rows.where(
              col("date")
                  .between(
                      java.sql.Date.valueOf(range.from().minusDays(1)),
                      java.sql.Date.valueOf(range.to().plusDays(1))));
    }
    String published = mapping.getOrDefault("published_at", "published_at");
    if (Arrays.asList(schema.fieldNames()).contains(published)
        && schema.apply(published).dataType() instanceof TimestampType) {
      Column c = col(quote(published));
      java.time.Instant start = range.from().atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
      java.time.Instant end =
          range.to().plusDays(1).atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
      rows = rows.where(c.geq(lit(start)).and(c.lt(lit(end))));
    }
    return rows;
  }

  /** The input columns that {@code mapping} makes Gazette read. */
  private static Set<String> inputColumns(Map<String, String> mapping) {
    Set<String> names = new java.util.HashSet<>();
    for (String name : COLUMNS) {
      names.add(mapping.getOrDefault(name, name));
    }
    return names;
  }

  /** A failure of Spark to open the input, as a usage error where the user can mend it. */
  private static RuntimeException readError(Exception e, String path) {
    if (!(e instanceof AnalysisException)) {
      UsageException usage = InputFailure.explain(e);
      if (usage != null) {
        return usage;
      }
      return e instanceof RuntimeException r ? r : new IllegalStateException(e);
    }
    String message = String.valueOf(e.getMessage());
    if (message.contains("PATH_NOT_FOUND") || message.contains("Path does not exist")) {
      return new UsageException(
          "input not found: "
              + path
              + " (give a Parquet file or folder with --input, or convert JSON Lines or CSV with"
              + " 'gazette ingest')");
    }
    if (message.contains("UNABLE_TO_INFER_SCHEMA") || message.contains("Unable to infer")) {
      return new UsageException(
          "input holds no Parquet files: "
              + path
              + " (give a folder of .parquet files with --input)");
    }
    return new UsageException("cannot read input " + path + ": " + firstLine(message), e);
  }

  /** Renames, checks and types the columns of {@code raw}; see the class comment. */
  public static Dataset<Row> conform(Dataset<Row> raw, Map<String, String> mapping) {
    Map<String, String> sources = resolveColumns(raw.schema(), mapping);
    StructType schema = raw.schema();
    List<Column> columns = new ArrayList<>();
    for (String name : COLUMNS) {
      String source = sources.get(name);
      if (source == null) {
        if (name.equals("published_at")) {
          columns.add(lit(null).cast(DataTypes.TimestampType).as("published_at"));
          columns.add(lit(null).cast(DataTypes.StringType).as("published_at_raw"));
        } else {
          columns.add(lit(null).cast(DataTypes.StringType).as(name));
        }
        continue;
      }
      DataType type = schema.apply(source).dataType();
      Column c = col(quote(source));
      switch (name) {
        case "id" -> columns.add(idColumn(c, type, source).as("id"));
        case "published_at" -> {
          columns.add(timestampColumn(c, type, source).as("published_at"));
          columns.add(c.cast(DataTypes.StringType).as("published_at_raw"));
        }
        default -> columns.add(stringColumn(c, type, name, source).as(name));
      }
    }
    columns.addAll(rowIdentity(raw));
    Dataset<Row> typed = raw.select(columns.toArray(Column[]::new));
    return typed.select(
        col("id"),
        col("published_at"),
        col("published_at_raw"),
        to_date(col("published_at")).as("date"),
        col("source"),
        col("url"),
        col("language"),
        col("title"),
        col("body"),
        col("input_file"),
        col("input_row"));
  }

  /**
   * The file and row index of each row, from Spark's metadata of file sources; for other sources
   * (tests' in-memory rows), an id that is stable as long as the source is.
   */
  private static List<Column> rowIdentity(Dataset<Row> raw) {
    boolean fileSource;
    try {
      raw.select(col("_metadata.row_index")).schema();
      fileSource = true;
    } catch (Exception e) { // AnalysisException, undeclared: no file metadata
      fileSource = false;
    }
    if (fileSource) {
      // A hash of the path, not the path: it is compared and shuffled for every row.
      return List.of(
          functions.xxhash64(col("_metadata.file_path")).as("input_file"),
          col("_metadata.row_index").as("input_row"));
    }
    return List.of(
        lit(0L).as("input_file"), functions.monotonically_increasing_id().as("input_row"));
  }

  /** Contract column to input column, checked against the input's columns. */
  static Map<String, String> resolveColumns(StructType schema, Map<String, String> mapping) {
    List<String> present = Arrays.asList(schema.fieldNames());
    // Column names come from the input and --map values from the user: shown printable.
    String has = String.join(", ", present.stream().map(InputFailure::printable).toList());
    for (String key : mapping.keySet()) {
      if (!COLUMNS.contains(key)) {
        throw new UsageException(
            "--map "
                + InputFailure.printable(key)
                + "="
                + InputFailure.printable(mapping.get(key))
                + ": "
                + InputFailure.printable(key)
                + " is not an input column; the columns are "
                + String.join(", ", COLUMNS));
      }
    }
    Map<String, String> sources = new LinkedHashMap<>();
    for (String name : COLUMNS) {
      String source = mapping.getOrDefault(name, name);
      if (present.contains(source)) {
        sources.put(name, source);
      } else if (mapping.containsKey(name)) {
        throw new UsageException(
            "--map "
                + name
                + "="
                + InputFailure.printable(source)
                + ": the input has no column "
                + InputFailure.printable(source)
                + " (it has "
                + has
                + ")");
      }
    }
    for (String name : REQUIRED) {
      if (!sources.containsKey(name)) {
        throw new UsageException(
            "the input has no column "
                + name
                + " (it has "
                + has
                + "); name the column that holds it with --map "
                + name
                + "=COLUMN");
      }
    }
    if (TEXT.stream().noneMatch(sources::containsKey)) {
      throw new UsageException(
          "the input has neither a title nor a body column (it has "
              + has
              + "); name the text column with --map body=COLUMN");
    }
    return sources;
  }

  private static Column idColumn(Column c, DataType type, String source) {
    if (type instanceof StringType) {
      return c;
    }
    if (type instanceof NumericType && !(type instanceof DecimalType && isFractional(type))) {
      return c.cast(DataTypes.StringType);
    }
    if (type instanceof BinaryType) {
      return c.cast(DataTypes.StringType);
    }
    throw typeError("id", source, type, "a string or an integer");
  }

  private static boolean isFractional(DataType type) {
    return type instanceof DecimalType d && d.scale() > 0;
  }

  /**
   * A timestamp column: timestamps as they are, dates at midnight UTC, numbers as epoch seconds
   * (milliseconds from {@value #EPOCH_MILLIS_THRESHOLD} on), strings parsed.
   */
  private static Column timestampColumn(Column c, DataType type, String source) {
    if (type instanceof TimestampType) {
      return c;
    }
    if (type instanceof TimestampNTZType || type instanceof DateType) {
      return c.cast(DataTypes.TimestampType); // the session time zone is UTC
    }
    if (type instanceof NumericType) {
      return epoch(c.cast(DataTypes.DoubleType));
    }
    if (type instanceof StringType) {
      return parseTimestamp(c);
    }
    throw typeError(
        "published_at", source, type, "a timestamp, a date, epoch seconds or an ISO-8601 string");
  }

  /**
   * Parses a string as ISO-8601 ("2023-08-01", "2023-08-01T09:15:00Z", "2023-08-01 09:15:00+02:00";
   * no zone means UTC), RFC 1123 as in RSS ("Tue, 1 Aug 2023 09:15:00 GMT"), or epoch seconds; null
   * when none fits.
   */
  static Column parseTimestamp(Column raw) {
    Column s = trim(raw);
    Column iso = s.try_cast(DataTypes.TimestampType);
    Column rfc =
        functions.try_to_timestamp(
            regexp_replace(s, "^[A-Za-z]{3},\\s*", ""), lit("d MMM yyyy HH:mm[:ss] z"));
    Column rfcOffset =
        functions.try_to_timestamp(
            regexp_replace(s, "^[A-Za-z]{3},\\s*", ""), lit("d MMM yyyy HH:mm[:ss] Z"));
    Column number =
        when(s.rlike("^-?[0-9]+(\\.[0-9]+)?$"), epoch(s.try_cast(DataTypes.DoubleType)));
    return coalesce(iso, number, rfc, rfcOffset);
  }

  private static Column epoch(Column seconds) {
    Column millis = functions.abs(seconds).geq(EPOCH_MILLIS_THRESHOLD);
    return when(millis, functions.timestamp_millis(seconds.cast(DataTypes.LongType)))
        .otherwise(
            functions.timestamp_micros(
                functions.round(seconds.multiply(1_000_000)).cast(DataTypes.LongType)));
  }

  private static Column stringColumn(Column c, DataType type, String name, String source) {
    if (type instanceof StringType) {
      return c;
    }
    if (type instanceof BinaryType) {
      return c.cast(DataTypes.StringType); // bytes read as UTF-8
    }
    if (!TEXT.contains(name)
        && (type instanceof NumericType
            || type instanceof org.apache.spark.sql.types.BooleanType)) {
      return c.cast(DataTypes.StringType);
    }
    throw typeError(name, source, type, "a string");
  }

  private static UsageException typeError(
      String name, String source, DataType type, String expected) {
    String column =
        name.equals(source)
            ? "column " + name
            : "column " + InputFailure.printable(source) + " (" + name + ")";
    return new UsageException(
        column
            + " has type "
            + type.simpleString()
            + ", expected "
            + expected
            + "; convert it, or name another column with --map "
            + name
            + "=COLUMN");
  }

  private static String quote(String column) {
    return "`" + column.replace("`", "``") + "`";
  }

  private static String firstLine(String message) {
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }
}
