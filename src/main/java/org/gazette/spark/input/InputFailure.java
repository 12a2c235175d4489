package org.gazette.spark.input;

import java.io.EOFException;
import java.io.IOException;
import java.net.URI;
import java.util.Map;
import org.apache.spark.SparkThrowable;
import org.gazette.UsageException;

/**
 * Turns a failure to read the input into the one line users can act on. Spark reads lazily: a file
 * that breaks inside (a damaged page, not its footer, which {@link InputFiles} checks first) fails
 * a task deep in the run, wrapped in SparkExceptions whose messages hold executor stack traces. The
 * file and the cause are in that chain: {@link #explain} finds them.
 */
public final class InputFailure {

  /** What to do about an input file that cannot be read. */
  public static final String REMEDY =
      "remove or repair it, or run with --skip-corrupt-files to leave"
          + " out the input files that cannot be read";

  private static final String FAILED_READ_FILE = "FAILED_READ_FILE";

  private InputFailure() {}

  /**
   * The usage problem behind {@code failure}: a {@link UsageException} in its cause chain, or an
   * input file that Spark failed to read because of what it holds (a damaged file, a column of
   * another type), as one line; null for other failures, such as a file system that did not answer,
   * which are not the input's fault.
   */
  public static UsageException explain(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof UsageException u) {
        return u;
      }
    }
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof SparkThrowable s
          && s.getCondition() != null
          && s.getCondition().startsWith(FAILED_READ_FILE)) {
        return explainRead(s.getCondition(), s.getMessageParameters(), t);
      }
    }
    return null;
  }

  private static UsageException explainRead(
      String condition, Map<String, String> parameters, Throwable t) {
    String file = displayPath(parameters.getOrDefault("path", "?"));
    if (condition.endsWith("PARQUET_COLUMN_DATA_TYPE_MISMATCH")) {
      return new UsageException(
          "input file "
              + file
              + " holds column "
              + printable(parameters.getOrDefault("column", "?"))
              + " as "
              + parameters.getOrDefault("actualType", "?")
              + " where the input's type is "
              + parameters.getOrDefault("expectedType", "?")
              + "; rewrite the input files with one"
              + " type ('gazette ingest' writes every column as text)",
          t);
    }
    if (condition.endsWith("FILE_NOT_EXIST") || !isDamage(t)) {
      return null; // the file went away, or the file system failed: not the input's fault
    }
    return new UsageException(
        "input file "
            + file
            + " cannot be read as Parquet ("
            + rootMessage(t.getCause() == null ? t : t.getCause())
            + "); "
            + REMEDY,
        t);
  }

  /**
   * True when a read failed on what the file holds (Parquet's decoding errors, a file cut short,
   * bytes that are not what they claim); false when the innermost cause is an error of the file
   * system or the network (a timeout, a refused connection, a file that went away or may not be
   * read), which is not the input's content and which a retry may mend.
   */
  static boolean isDamage(Throwable t) {
    Throwable root = t;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    if (!(root instanceof IOException) || root instanceof EOFException) {
      return true;
    }
    String name = root.getClass().getName();
    if (name.equals("org.apache.hadoop.fs.ChecksumException")) {
      return true; // the bytes differ from those written
    }
    if (name.startsWith("java.net.")
        || name.startsWith("javax.net.")
        || root instanceof java.io.InterruptedIOException
        || root instanceof java.io.FileNotFoundException
        || root instanceof java.nio.file.AccessDeniedException
        || name.startsWith("org.apache.hadoop.")
        || name.startsWith("com.amazonaws.")
        || name.startsWith("software.amazon.")
        || name.startsWith("com.google.")
        || name.startsWith("com.azure.")
        || name.startsWith("com.microsoft.")) {
      return false;
    }
    return true; // parquet's and the codecs' IOExceptions: the bytes are wrong
  }

  /** A path or URI as Spark lists it ({@code file:/a%20b}), decoded for people. */
  static String displayPath(String path) {
    return printable(decodedPath(path));
  }

  /** A path or URI as Spark lists it ({@code file:/a%20b}), decoded ({@code file:/a b}). */
  static String decodedPath(String path) {
    try {
      return new org.apache.hadoop.fs.Path(new URI(path)).toString();
    } catch (Exception e) { // not a URI: as given
      return path;
    }
  }

  /** The first line of the innermost message of {@code e}, at most 300 characters. */
  static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message =
        root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    int newline = message.indexOf('\n');
    if (newline >= 0) {
      message = message.substring(0, newline);
    }
    // Thrift names the struct it failed on by its object: "... data! Struct: Foo@7d44bc32".
    message = message.replaceFirst("\\s*Struct: \\S+$", "");
    message = printable(message.strip());
    return message.length() <= 300 ? message : message.substring(0, 300) + "…";
  }

  /**
   * {@code s} with control characters written as {@code \\uXXXX}: names from the input (file and
   * column names) in a message stay on its one line and cannot steer a terminal.
   */
  static String printable(String s) {
    StringBuilder b = null;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean control = c < 0x20 || (c >= 0x7F && c < 0xA0) || c == '\u2028' || c == '\u2029';
      if (control && b == null) {
        b = new StringBuilder(s.length() + 8).append(s, 0, i);
      }
      if (b != null) {
        if (control) {
          b.append(String.format(java.util.Locale.ROOT, "\\u%04X", (int) c));
        } else {
          b.append(c);
        }
      }
    }
    return b == null ? s : b.toString();
  }
}
