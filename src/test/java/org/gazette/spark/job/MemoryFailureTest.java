package org.gazette.spark.job;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Failures for want of memory, told from the others by what Spark and the JVM say. */
class MemoryFailureTest {

  @Test
  void aTaskOutOfHeapOrAnExecutorLostForItsMemoryIsAMemoryFailure() {
    assertThat(
            MemoryFailure.is(
                new IllegalStateException(
                    "Job aborted due to stage failure: "
                        + "Task 4 in stage 36.0 failed 1 times, most recent failure: Lost task 4.0: "
                        + "java.lang.OutOfMemoryError: Java heap space")))
        .isTrue();
    assertThat(
            MemoryFailure.is(
                new RuntimeException(
                    "wrapped", new OutOfMemoryError("GC overhead limit exceeded"))))
        .isTrue();
    assertThat(
            MemoryFailure.is(
                new RuntimeException(
                    "Job aborted: ExecutorLostFailure "
                        + "(executor 3 exited caused by one of the running tasks) Reason: Container killed by "
                        + "YARN for exceeding memory limits. 9.1 GB of 9 GB physical memory used")))
        .isTrue();
    assertThat(
            MemoryFailure.is(
                new RuntimeException(
                    "java.io.IOException: "
                        + "org.apache.spark.SparkException: Could not allocate memory to grow BytesToBytesMap.")))
        .isTrue();
    assertThat(MemoryFailure.is(new RuntimeException("Executor exited with code 52"))).isTrue();
    assertThat(
            MemoryFailure.is(
                new RuntimeException("Unable to acquire 65536 bytes of memory, " + "got 0")))
        .isTrue();
  }

  @Test
  void otherFailuresAreNot() {
    assertThat(
            MemoryFailure.is(
                new IllegalStateException(
                    "cannot commit the run's tables",
                    new java.io.IOException("No space left on device"))))
        .isFalse();
    assertThat(MemoryFailure.is(new RuntimeException((String) null))).isFalse();
    assertThat(MemoryFailure.is(new IllegalStateException("unable to acquire the lock"))).isFalse();
  }

  @Test
  void theLineSaysWhatToDo() {
    assertThat(MemoryFailure.explain("nightly"))
        .isEqualTo(
            "gazette nightly ran out of memory "
                + "and stopped; nothing of the pass it was running was written to the tables. Give it "
                + "more memory (GAZETTE_HEAP=8g for jobs/gazette; spark.driver.memory and "
                + "spark.executor.memory with spark-submit) or, for nightly, fewer articles per pass "
                + "(--max-pass-rows N, or --from/--to with --chunk-days N)");
  }
}
