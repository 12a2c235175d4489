package org.gazette.spark.input;

import java.io.Serializable;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.ParquetMetadata;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.Function;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.BinaryType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StringType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.util.SerializableConfiguration;
import org.gazette.UsageException;

/**
 * The Parquet files of an input, each checked before any row is read: its footer read (a file of
 * other bytes, or one cut short, has none), its rows counted and its schema noted. One small Spark
 * job reads the footers where the files are.
 *
 * <p>From the footers come the input's schema: the union of the files' columns, so that a column
 * only some files hold is read from those (Spark alone takes one file's schema for all, and would
 * read the column as null everywhere when that file lacks it), and a contract column that files
 * hold with different types stops the run with a line that names two of them.
 */
public final class InputFiles {

  /**
   * A file of the input: its path (as Spark lists it), rows and Parquet schema by its footer, and
   * its length in bytes, or why its footer cannot be read ({@code problem}; then rows is 0 and
   * schema null).
   */
  public record File(String path, long rows, long bytes, String schema, String problem)
      implements Serializable {
    private static final long serialVersionUID = 1L;

    /** True when the footer was read. */
    public boolean readable() {
      return problem == null;
    }

    /** The path for people: decoded, as it was given. */
    public String displayPath() {
      return InputFailure.displayPath(path);
    }
  }

  /** Any schema: lets Spark list the files of a path without reading a footer. */
  private static final StructType LISTING =
      new StructType().add("_gazette_listing", DataTypes.StringType);

  private InputFiles() {}

  /**
   * The files of {@code path} (a Parquet file, a folder of them, or a glob), as Spark lists them
   * (names starting with {@code _} or {@code .} are left out), each with its footer checked. An
   * empty list for a folder without files; Spark's AnalysisException when the path does not exist.
   */
  public static List<File> inspect(SparkSession spark, String path) {
    String[] paths = spark.read().schema(LISTING).parquet(path).inputFiles();
    if (paths.length == 0) {
      return List.of();
    }
    Arrays.sort(paths); // a stable order for messages and for the union of schemas
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    Broadcast<SerializableConfiguration> conf =
        jsc.broadcast(new SerializableConfiguration(spark.sparkContext().hadoopConfiguration()));
    try {
      int slices = Math.max(1, Math.min(paths.length, 4 * jsc.defaultParallelism()));
      return jsc.parallelize(Arrays.asList(paths), slices).map(new ReadFooter(conf)).collect();
    } finally {
      conf.destroy();
    }
  }

  /** Reads the footer of one file; a file that has none gets its problem. */
  private static final class ReadFooter implements Function<String, File> {
    private static final long serialVersionUID = 1L;
    private final Broadcast<SerializableConfiguration> conf;

    ReadFooter(Broadcast<SerializableConfiguration> conf) {
      this.conf = conf;
    }

    @Override
    public File call(String path) {
      Configuration hadoop = conf.value().value();
      HadoopInputFile file;
      try {
        file = HadoopInputFile.fromPath(new Path(toUri(path)), hadoop);
      } catch (Exception e) { // IOException: the file cannot even be opened
        return new File(path, 0, 0, null, footerProblem(e, path));
      }
      try (ParquetFileReader reader = ParquetFileReader.open(file)) {
        ParquetMetadata footer = reader.getFooter();
        long rows = 0;
        for (BlockMetaData block : footer.getBlocks()) {
          rows += block.getRowCount();
        }
        return new File(
            path, rows, file.getLength(), footer.getFileMetaData().getSchema().toString(), null);
      } catch (Exception e) { // IOException or parquet's RuntimeExceptions: not readable
        return new File(path, 0, file.getLength(), null, footerProblem(e, path));
      }
    }
  }

  private static URI toUri(String path) {
    try {
      return new URI(path);
    } catch (URISyntaxException e) {
      return new Path(path).toUri();
    }
  }

  /** Why a footer cannot be read, in words, without the file's path (messages name it). */
  static String footerProblem(Throwable e, String path) {
    String message = InputFailure.rootMessage(e);
    if (message.contains("is not a Parquet file") || message.contains("magic number")) {
      return "it does not end with a Parquet footer: it is cut short, or not Parquet";
    }
    String display = InputFailure.displayPath(path);
    return message.replace(path, "it").replace(display, "it");
  }

  /**
   * The schema to read the readable {@code files} with: the union of their columns, in the order
   * first met. A column of {@code contract} (the input columns Gazette reads) that two files hold
   * with different types is a usage error naming both; text and bytes agree (both are read as
   * text). Other columns are never read: the first type met stands.
   */
  static StructType schema(SparkSession spark, List<File> files, Set<String> contract) {
    // Files written together share one footer schema: infer one Spark schema per kind.
    Map<String, File> kinds = new LinkedHashMap<>();
    for (File f : files) {
      if (f.readable()) {
        kinds.putIfAbsent(f.schema(), f);
      }
    }
    Map<String, StructField> union = new LinkedHashMap<>();
    Map<String, File> firstHolder = new LinkedHashMap<>();
    for (File kind : kinds.values()) {
      StructType fileSchema =
          spark.read().parquet(globEscaped(InputFailure.decodedPath(kind.path()))).schema();
      for (StructField field : fileSchema.fields()) {
        StructField seen = union.get(field.name());
        if (seen == null) {
          union.put(
              field.name(), field.copy(field.name(), field.dataType(), true, field.metadata()));
          firstHolder.put(field.name(), kind);
          continue;
        }
        if (seen.dataType().equals(field.dataType()) || !contract.contains(field.name())) {
          continue;
        }
        if (isText(seen.dataType()) && isText(field.dataType())) {
          union.put(
              field.name(), seen.copy(seen.name(), DataTypes.StringType, true, seen.metadata()));
          continue;
        }
        throw new UsageException(
            "the input files disagree on the type of column "
                + InputFailure.printable(field.name())
                + ": "
                + firstHolder.get(field.name()).displayPath()
                + " has "
                + seen.dataType().simpleString()
                + ", "
                + kind.displayPath()
                + " has "
                + field.dataType().simpleString()
                + "; rewrite them with one type ('gazette ingest'"
                + " writes every column as text), or read them in separate runs");
      }
    }
    return new StructType(union.values().toArray(StructField[]::new));
  }

  /** {@code path} with the characters of Hadoop's globs escaped: this one file, as named. */
  static String globEscaped(String path) {
    StringBuilder b = new StringBuilder(path.length());
    for (int i = 0; i < path.length(); i++) {
      char c = path.charAt(i);
      if ("\\{}[]*?".indexOf(c) >= 0) {
        b.append('\\');
      }
      b.append(c);
    }
    return b.toString();
  }

  private static boolean isText(DataType type) {
    return type instanceof StringType || type instanceof BinaryType;
  }

  /** The readable files among {@code files}, and the others. */
  static List<File> readable(List<File> files, boolean readable) {
    List<File> out = new ArrayList<>();
    for (File f : files) {
      if (f.readable() == readable) {
        out.add(f);
      }
    }
    return out;
  }
}
