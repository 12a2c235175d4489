package org.gazette.spark.job;

import java.util.List;
import java.util.Locale;

/**
 * Tells a run that failed for want of memory from other failures, so that it is said in one line
 * with what to do: a task out of heap, an executor killed or lost for its memory, a memory manager
 * that could not allocate.
 */
public final class MemoryFailure {

  /** What Spark, the JVM and cluster managers say when memory runs out, lower case. */
  private static final List<String> SIGNS =
      List.of(
          "outofmemoryerror",
          "java heap space",
          "gc overhead limit exceeded",
          "bytes of memory, got",
          "could not allocate memory",
          "failed to allocate a page",
          "exceeding memory limits",
          "oomkilled",
          "exit code 52",
          "exited with code 52",
          "exit status 52");

  private MemoryFailure() {}

  /** True when {@code e} or one of its causes says that memory ran out. */
  public static boolean is(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof OutOfMemoryError) {
        return true;
      }
      String message = t.getMessage();
      if (message != null) {
        String lower = message.toLowerCase(Locale.ROOT);
        for (String sign : SIGNS) {
          if (lower.contains(sign)) {
            return true;
          }
        }
      }
    }
    return false;
  }

  /** The one line that says a run of {@code command} ran out of memory, and what to do. */
  public static String explain(String command) {
    return "gazette "
        + command
        + " ran out of memory and stopped; nothing of the pass it was "
        + "running was written to the tables. Give it more memory (GAZETTE_HEAP=8g for "
        + "jobs/gazette; spark.driver.memory and spark.executor.memory with spark-submit) or, "
        + "for nightly, fewer articles per pass (--max-pass-rows N, or --from/--to with "
        + "--chunk-days N)";
  }
}
