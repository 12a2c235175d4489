package org.gazette.spark.input;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.EOFException;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.util.Map;
import org.apache.parquet.io.ParquetDecodingException;
import org.apache.spark.SparkThrowable;
import org.gazette.UsageException;
import org.junit.jupiter.api.Test;

/**
 * Failures to read the input, as Spark reports them deep in a job, told apart without Spark: what
 * the file holds is the user's to mend (one line, exit status 2), a file system that did not answer
 * is not.
 */
class InputFailureTest {

  /** Spark's error for a file a task failed to read, as FileScanRDD throws it. */
  private static final class ReadError extends RuntimeException implements SparkThrowable {
    private static final long serialVersionUID = 1L;
    private final String condition;
    private final Map<String, String> parameters;

    ReadError(String condition, Map<String, String> parameters, Throwable cause) {
      super(
          "["
              + condition
              + "] Encountered error while reading file "
              + parameters.get("path")
              + ". SQLSTATE: KD001\n\tat a.stack.Trace(Trace.java:1)",
          cause);
      this.condition = condition;
      this.parameters = parameters;
    }

    @Override
    public String getCondition() {
      return condition;
    }

    @Override
    public Map<String, String> getMessageParameters() {
      return parameters;
    }
  }

  /** How a job's failure reaches the driver: the task's error under "Job aborted". */
  private static RuntimeException jobAborted(Throwable taskError) {
    return new RuntimeException(
        "Job aborted due to stage failure: Task 0 in stage 3.0 failed 1"
            + " times, most recent failure: ...\n\tat org.apache.spark.Trace",
        taskError);
  }

  private static ReadError noHint(String path, Throwable cause) {
    return new ReadError("FAILED_READ_FILE.NO_HINT", Map.of("path", path), cause);
  }

  @Test
  void aDamagedPageNamesTheFileAndTheCause() {
    UsageException usage =
        InputFailure.explain(
            jobAborted(
                noHint(
                    "file:/data/corpus/part-00003%20copy.parquet",
                    new ParquetDecodingException("could not read page in col [body]"))));
    assertThat(usage).isNotNull();
    assertThat(usage.getMessage())
        .isEqualTo(
            "input file file:/data/corpus/part-00003 copy"
                + ".parquet cannot be read as Parquet (could not read page in col [body]); remove or"
                + " repair it, or run with --skip-corrupt-files to leave out the input files that"
                + " cannot be read");
    assertThat(usage.getMessage()).doesNotContain("\n");
  }

  @Test
  void aFileCutShortIsDamageAndSoAreCodecErrors() {
    assertThat(
            InputFailure.explain(
                noHint(
                    "file:/a.parquet",
                    new IOException(
                        "reading page", new EOFException("Reached the end of stream")))))
        .isNotNull()
        .hasMessageContaining("(Reached the end of stream)");
    assertThat(
            InputFailure.explain(
                noHint(
                    "file:/a.parquet",
                    new IOException(
                        "can not read class org.apache.parquet.format.PageHeader",
                        new IllegalStateException("Required field 'type' was not present")))))
        .isNotNull()
        .hasMessageContaining("(Required field 'type' was not present)");
    assertThat(
            InputFailure.explain(
                noHint("file:/a.parquet", new IOException("Corrupted block detected"))))
        .isNotNull();
  }

  @Test
  void aFileSystemThatDoesNotAnswerIsNotTheInputsFault() {
    assertThat(
            InputFailure.explain(
                jobAborted(
                    noHint(
                        "s3a://bucket/part-0.parquet",
                        new IOException(
                            "read failed", new SocketTimeoutException("Read timed out"))))))
        .isNull();
    assertThat(
            InputFailure.explain(
                new ReadError(
                    "FAILED_READ_FILE.FILE_NOT_EXIST",
                    Map.of("path", "file:/gone.parquet"),
                    new java.io.FileNotFoundException("gone"))))
        .isNull();
    assertThat(InputFailure.explain(new IllegalStateException("no file in sight"))).isNull();
  }

  @Test
  void aColumnOfAnotherTypeInOneFileIsNamed() {
    UsageException usage =
        InputFailure.explain(
            jobAborted(
                new ReadError(
                    "FAILED_READ_FILE.PARQUET_COLUMN_DATA_TYPE_MISMATCH",
                    Map.of(
                        "path",
                        "file:/corpus/b.parquet",
                        "column",
                        "[published_at]",
                        "expectedType",
                        "\"STRING\"",
                        "actualType",
                        "INT64"),
                    null)));
    assertThat(usage)
        .hasMessage(
            "input file file:/corpus/b.parquet holds column "
                + "[published_at] as INT64 where the input's type is \"STRING\"; rewrite the input files"
                + " with one type ('gazette ingest' writes every column as text)");
  }

  @Test
  void aUsageProblemAnywhereInTheChainIsFoundFirst() {
    UsageException inner = new UsageException("column body has type int");
    assertThat(InputFailure.explain(jobAborted(new RuntimeException("task", inner))))
        .isSameAs(inner);
  }

  @Test
  void namesFromTheInputStayOnOneLine() {
    assertThat(InputFailure.printable("a\nb\u001b[31mc\u0085d\u2028e"))
        .isEqualTo("a\\u000Ab\\u001B[31mc\\u0085d\\u2028e");
    assertThat(InputFailure.printable("l’Agence ${jndi:ldap://x/a}"))
        .isEqualTo("l’Agence ${jndi:ldap://x/a}");
    assertThat(InputFailure.displayPath("file:/tmp/a%20b/%24%7Benv%7D.parquet"))
        .isEqualTo("file:/tmp/a b/${env}.parquet");
    assertThat(
            InputFailure.rootMessage(
                new RuntimeException(
                    "outer", new IllegalStateException("first line\nsecond line"))))
        .isEqualTo("first line");
    assertThat(
            InputFailure.rootMessage(
                new IllegalStateException(
                    "Required field 'type' was"
                        + " not found in serialized data! Struct: org.apache.parquet.format.PageHeader"
                        + "$PageHeaderStandardScheme@7d44bc32")))
        .isEqualTo("Required field 'type' was not found in serialized data!");
  }
}
