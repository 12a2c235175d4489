package org.gazette.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The JVMs a test starts, each writing to its own log file. Closing kills every one of them and the
 * processes they started (a worker's executors), whatever state the test left.
 */
final class ChildProcesses implements AutoCloseable {

  /** A started process and where its output goes. */
  record Child(String name, Process process, Path log, long started) {

    /**
     * Waits for the process to end and returns its exit status; prints how long it ran, the figure
     * the README gives for these tests.
     */
    int await(Duration timeout) {
      try {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
          throw new AssertionError(
              name + " still runs after " + timeout + "; its log ends:\n" + tail());
        }
        System.out.printf(
            java.util.Locale.ROOT,
            "%s ended with status %d after %.1f s%n",
            name,
            process.exitValue(),
            (System.nanoTime() - started) / 1e9);
        return process.exitValue();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted waiting for " + name, e);
      }
    }

    /** The last lines of the log, for failure messages. */
    String tail() {
      try {
        List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
      } catch (IOException | UncheckedIOException e) {
        return "(cannot read " + log + ": " + e + ")";
      }
    }
  }

  /**
   * Every process started and not yet killed, of every instance: a JVM that is told to stop (Maven
   * interrupted) kills them on its way out rather than leave a cluster running.
   */
  private static final java.util.Set<Process> LIVE =
      java.util.concurrent.ConcurrentHashMap.newKeySet();

  static {
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () ->
                    LIVE.forEach(
                        p -> {
                          p.descendants().forEach(ProcessHandle::destroyForcibly);
                          p.destroyForcibly();
                        }),
                "kill-child-processes"));
  }

  private final Deque<Child> started = new ArrayDeque<>();

  /** Starts {@code command} in {@code folder}, with {@code environment} added. */
  synchronized Child start(
      String name, List<String> command, Map<String, String> environment, Path folder, Path log) {
    try {
      Files.createDirectories(folder);
      Files.createDirectories(log.getParent());
      ProcessBuilder builder =
          new ProcessBuilder(command)
              .directory(folder.toFile())
              .redirectErrorStream(true)
              .redirectOutput(log.toFile());
      builder.environment().putAll(environment);
      Child child = new Child(name, builder.start(), log, System.nanoTime());
      started.push(child);
      LIVE.add(child.process());
      return child;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + name + ": " + command, e);
    }
  }

  /**
   * Kills a process and every process it started, at once and without warning, as a machine that
   * loses power would; returns when all of them have ended.
   */
  static void kill(Process process) {
    // Descendants first: once the parent is gone, its children are no longer found from it.
    List<ProcessHandle> tree = new ArrayList<>();
    tree.add(process.toHandle());
    process.descendants().forEach(tree::add);
    tree.forEach(ProcessHandle::destroyForcibly);
    for (ProcessHandle handle : tree) {
      try {
        handle.onExit().get(30, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted killing process " + handle.pid(), e);
      } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
        throw new AssertionError("process " + handle.pid() + " outlived kill -9", e);
      }
    }
  }

  /** Kills every process started, the last started first. */
  @Override
  public synchronized void close() {
    AssertionError failure = null;
    while (!started.isEmpty()) {
      try {
        Process process = started.pop().process();
        kill(process);
        LIVE.remove(process);
      } catch (AssertionError e) {
        if (failure == null) {
          failure = e;
        } else {
          failure.addSuppressed(e);
        }
      }
    }
    if (failure != null) {
      throw failure;
    }
  }

  /**
   * The processes still running whose command line names {@code path}: after {@link #close}, none
   * should be (an executor that outlived its worker would show here).
   */
  static List<String> runningWith(Path path) {
    String needle = path.toString();
    long self = ProcessHandle.current().pid();
    return ProcessHandle.allProcesses()
        .filter(p -> p.pid() != self && p.isAlive())
        .filter(p -> p.info().commandLine().map(c -> c.contains(needle)).orElse(false))
        .map(p -> p.pid() + " " + p.info().commandLine().orElse(""))
        .toList();
  }
}
