package org.gazette.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.gazette.spark.store.Table;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The heap a nightly needs is bounded by what a partition holds, not by the corpus: the problem of
 * one million articles in a 4 GB heap, scaled down. {@code jobs/gazette} runs a nightly over 50,000
 * generated articles in a 512 MB heap (before the annotation kept its rows on disk and copies were
 * found without a broadcast, that run died of OutOfMemoryError), and a run that still runs out of
 * memory says so in one line and leaves the tables as they were.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MemoryBoundIT {

  private static final Path HOME = Path.of(System.getProperty("gazette.home", "")).toAbsolutePath();
  private static final Path FOLDER =
      Path.of(System.getProperty("gazette.itFolder", "target/it"))
          .toAbsolutePath()
          .resolve("memory");
  private static final Path CORPUS = FOLDER.resolve("corpus");
  private static final Path OUTPUT = FOLDER.resolve("out");
  private static final int ARTICLES = 50_000;
  private static final String HEAP = "512m";

  /** Lines that show a run short of memory, even one that recovered. */
  private static final Pattern MEMORY_TROUBLE =
      Pattern.compile(
          "Failed to allocate a page"
              + "|OutOfMemoryError|Lost task|ExecutorLostFailure|Not enough space to cache"
              + "|Could not allocate memory");

  private record Run(int status, List<String> err) {}

  @BeforeAll
  static void generate() throws Exception {
    deleteRecursively(FOLDER);
    Files.createDirectories(FOLDER);
    Run generated =
        launch(
            "generate",
            "--articles",
            Integer.toString(ARTICLES),
            "--days",
            "30",
            "--seed",
            "7",
            "--output",
            CORPUS.toString());
    assertThat(generated.status()).as(String.join("\n", generated.err())).isZero();
  }

  @Test
  @Order(1)
  void aNightlyOf50000ArticlesRunsIn512MB() throws Exception {
    Run night = launch("nightly", "--input", CORPUS.toString(), "--output", OUTPUT.toString());

    assertThat(night.status()).as(tail(night)).isZero();
    assertThat(night.err())
        .as("lines of a run short of memory")
        .noneMatch(line -> MEMORY_TROUBLE.matcher(line).find());
    Matcher annotated =
        night.err().stream()
            .map(
                Pattern.compile(
                        "annotated ([\\d,]+) rows for all in .*: ([\\d,]+) accepted, "
                            + "([\\d,]+) duplicates, ([\\d,]+) rejected")
                    ::matcher)
            .filter(Matcher::find)
            .findFirst()
            .orElseThrow();
    assertThat(number(annotated.group(1))).isEqualTo(ARTICLES);
    assertThat(number(annotated.group(2)) + number(annotated.group(3)) + number(annotated.group(4)))
        .isEqualTo(ARTICLES);
    try (Stream<Path> done = Files.list(OUTPUT.resolve("_done"))) {
      assertThat(done.filter(p -> p.getFileName().toString().startsWith("date="))).hasSize(30);
    }
  }

  @Test
  @Order(2)
  void aRunThatRunsOutOfMemorySaysSoInOneLineAndLeavesTheTables() throws Exception {
    Map<String, String> before = tableFiles();
    assertThat(before).isNotEmpty();

    // Cached batches of a whole partition each (a Spark setting a user may give) need far
    // more than a 512 MB heap: a task runs out of it, and in local mode Spark ends the JVM.
    Run night =
        launch(
            "nightly",
            "--input",
            CORPUS.toString(),
            "--output",
            OUTPUT.toString(),
            "--conf",
            "spark.sql.inMemoryColumnarStorage.batchSize=100000");

    assertThat(night.status()).as(tail(night)).isEqualTo(1);
    assertThat(night.err().get(night.err().size() - 1))
        .isEqualTo(
            "gazette: the job ran out of "
                + "memory in its 512m heap and stopped; nothing of the pass it was running was written "
                + "to the tables. Give it more memory (GAZETTE_HEAP=8g, or gazette.heap in the "
                + "properties file) or, for nightly, fewer articles per pass (--max-pass-rows N, or "
                + "--from/--to with --chunk-days N)");
    assertThat(tableFiles()).isEqualTo(before);
  }

  /** Runs {@code jobs/gazette} with a {@link #HEAP} heap; its log is its standard error. */
  private static Run launch(String... args) throws IOException, InterruptedException {
    List<String> command =
        new ArrayList<>(List.of("bash", HOME.resolve("jobs/gazette").toString()));
    command.addAll(List.of(args));
    Path err = Files.createTempFile(FOLDER, "err", ".txt");
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .directory(HOME.toFile())
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .redirectError(err.toFile());
    builder.environment().put("GAZETTE_HEAP", HEAP);
    builder.environment().put("GAZETTE_PROPERTIES", "/dev/null");
    builder.environment().remove("GAZETTE_JAVA_OPTS");
    Process process = builder.start();
    if (!process.waitFor(10, TimeUnit.MINUTES)) {
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly();
      throw new AssertionError("jobs/gazette " + String.join(" ", args) + " ran 10 minutes");
    }
    return new Run(process.exitValue(), Files.readAllLines(err));
  }

  /** Every file of the output's tables and done dates, with its length and time. */
  private static Map<String, String> tableFiles() throws IOException {
    Map<String, String> files = new TreeMap<>();
    List<Path> roots = new ArrayList<>();
    for (Table table : Table.values()) {
      roots.add(OUTPUT.resolve(table.tableName()));
    }
    roots.add(OUTPUT.resolve("_done"));
    for (Path root : roots) {
      if (!Files.exists(root)) {
        continue;
      }
      try (Stream<Path> walk = Files.walk(root)) {
        for (Path p : walk.filter(Files::isRegularFile).toList()) {
          files.put(
              OUTPUT.relativize(p).toString(),
              Files.size(p) + " bytes, " + Files.getLastModifiedTime(p));
        }
      }
    }
    return files;
  }

  private static long number(String digits) {
    return Long.parseLong(digits.replace(",", ""));
  }

  private static String tail(Run run) {
    List<String> err = run.err();
    return String.join("\n", err.subList(Math.max(0, err.size() - 40), err.size()));
  }

  private static void deleteRecursively(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
