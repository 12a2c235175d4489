package org.gazette.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.gazette.spark.SparkTestSession;
import org.gazette.spark.TableRows;
import org.gazette.spark.store.Table;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * The runs the integration tests compare with, made once per test JVM by spark-submit's entry point
 * in local mode ({@code local[2]}) with the shaded jar: {@code nightly} over the sample corpus's
 * first four days ({@link #before}), then, on a copy of that output, over the three days after
 * ({@link #reference}). A test runs the same second command its own way (on a cluster, with a
 * fault) on another copy of {@link #before}, and must end with the same rows.
 */
final class LocalRuns implements AutoCloseable {

  /** The days already in the output before the run under test. */
  static final List<String> BEFORE_DAYS = List.of("--from", "2023-07-01", "--to", "2023-07-04");

  /** The days of the run under test. */
  static final List<String> DAYS = List.of("--from", "2023-07-05", "--to", "2023-07-07");

  /**
   * Small settings, so that a few hundred articles give rows in every table quickly: a topic model
   * of four topics per language trained in ten iterations; trends over a short history.
   */
  static final List<String> SETTINGS =
      List.of(
          "--k",
          "4",
          "--min-articles",
          "30",
          "--min-docs",
          "3",
          "--iterations",
          "10",
          "--trend-min-history",
          "3",
          "--trend-min-like-days",
          "1",
          "--trend-min-support",
          "3",
          "--trend-min-score",
          "2.0");

  /** Tables whose rows differ from run to run by design: run ids and times, model ids. */
  static final Set<String> NOT_COMPARED = Set.of("runs", "topic_models");

  static final Duration RUN_TIMEOUT = Duration.ofMinutes(5);

  private final Path folder;
  private final SparkHome spark;
  private final ChildProcesses processes = new ChildProcesses();
  private final SparkSession session;
  private final Path before;
  private final Path reference;
  private final Map<String, List<Row>> referenceRows;

  private LocalRuns(
      Path folder, SparkHome spark, SparkSession session, Map<String, List<Row>> referenceRows) {
    this.folder = folder;
    this.spark = spark;
    this.session = session;
    this.before = folder.resolve("local/before");
    this.reference = folder.resolve("local/reference");
    this.referenceRows = referenceRows;
  }

  private static LocalRuns create(Path folder) {
    for (String previous : List.of("local", "work", "logs")) {
      OutputFolder.delete(folder.resolve(previous));
    }
    LocalRuns runs =
        new LocalRuns(
            folder,
            SparkHome.create(folder.resolve("spark-home")),
            SparkTestSession.start("local[1]"),
            new TreeMap<>());
    try {
      // The first days without topics, so that the run under test trains the model (on a
      // cluster too), and without trends, which it does not read.
      List<String> beforeDays = new ArrayList<>(BEFORE_DAYS);
      beforeDays.addAll(List.of("--no-topics", "--no-trends"));
      assertSucceeded(
          runs.submit(
              runs.processes, "local-before", "local[2]", List.of(), runs.before, beforeDays));
      OutputFolder.copy(runs.before, runs.reference);
      assertSucceeded(
          runs.submit(
              runs.processes, "local-reference", "local[2]", List.of(), runs.reference, DAYS));
      runs.referenceRows.putAll(runs.tables(runs.reference));
      runs.referenceRows.forEach(
          (table, rows) ->
              assertThat(rows)
                  .as("%s of the reference run, which the tests compare with", table)
                  .isNotEmpty());
      return runs;
    } catch (RuntimeException | Error e) {
      runs.close();
      throw e;
    }
  }

  /** The folder of the integration tests' files ({@code target/it}). */
  Path folder() {
    return folder;
  }

  /** A local session of the test JVM, to read tables. */
  SparkSession session() {
    return session;
  }

  /** The Spark installation made of the Maven jars. */
  SparkHome spark() {
    return spark;
  }

  /** The output before the run under test: copy it, then run the test's command on it. */
  Path before() {
    return before;
  }

  /**
   * Starts {@code nightly} through spark-submit's entry point ({@code
   * org.apache.spark.deploy.SparkSubmit}) in a child JVM: the shaded jar on Spark's jars, the
   * sample corpus as input, {@link #SETTINGS}, {@code days} and the output given.
   */
  ChildProcesses.Child submit(
      ChildProcesses processes,
      String name,
      String master,
      List<String> sparkSettings,
      Path output,
      List<String> days) {
    List<String> arguments =
        new ArrayList<>(
            List.of(
                "--master",
                master,
                "--class",
                "org.gazette.Gazette",
                "--conf",
                "spark.ui.showConsoleProgress=false"));
    if (master.startsWith("local")) {
      arguments.addAll(List.of("--conf", "spark.ui.enabled=false"));
    }
    arguments.addAll(sparkSettings);
    arguments.add(spark.appJar().toString());
    arguments.addAll(
        List.of(
            "nightly",
            "--input",
            spark.project().resolve("data/sample/articles").toString(),
            "--output",
            output.toString()));
    arguments.addAll(days);
    arguments.addAll(SETTINGS);
    // A folder of its own: the reference data and tracked topics come from the jar, as on a
    // cluster, not from a data/ folder that happens to be where the JVM starts.
    Path work = folder.resolve("work").resolve(name);
    return processes.start(
        name,
        spark.java(
            master.startsWith("local") ? "1536m" : "1g",
            "org.apache.spark.deploy.SparkSubmit",
            arguments),
        spark.environment(),
        work,
        folder.resolve("logs").resolve(name + ".log"));
  }

  /** Waits for a run and fails, with the end of its log, unless it succeeded. */
  static void assertSucceeded(ChildProcesses.Child run) {
    int status = run.await(RUN_TIMEOUT);
    if (status != 0) {
      throw new AssertionError(
          run.name()
              + " ended with status "
              + status
              + " (log "
              + run.log()
              + "); its log ends:\n"
              + run.tail());
    }
  }

  /**
   * Every table of an output but {@link #NOT_COMPARED}, as sorted rows with model ids normalised
   * ({@link TableRows}).
   */
  Map<String, List<Row>> tables(Path output) {
    Map<String, List<Row>> tables = new TreeMap<>();
    for (Path sub : OutputFolder.tableFolders(output)) {
      String name = sub.getFileName().toString();
      if (NOT_COMPARED.contains(name)) {
        continue;
      }
      Table table = TableRows.named(name);
      assertThat(table).as("the table of folder %s", sub).isNotNull();
      tables.put(name, TableRows.of(session, output.toString(), table));
    }
    return tables;
  }

  /** Fails unless every table of {@code output} holds the rows of the reference run. */
  void assertReferenceTables(Path output) {
    Map<String, List<Row>> actual = tables(output);
    assertThat(actual.keySet()).as("tables of %s", output).isEqualTo(referenceRows.keySet());
    List<String> differences = new ArrayList<>();
    referenceRows.forEach(
        (table, expected) -> {
          String difference = difference(expected, actual.get(table));
          if (difference != null) {
            differences.add(table + ": " + difference);
          }
        });
    assertThat(differences)
        .as("tables of %s that differ from the local run's in %s", output, reference)
        .isEmpty();
  }

  /** What tells two lists of rows apart, briefly; null when they are equal. */
  private static String difference(List<Row> expected, List<Row> actual) {
    if (expected.equals(actual)) {
      return null;
    }
    Map<Row, Integer> surplus = new HashMap<>();
    actual.forEach(row -> surplus.merge(row, 1, Integer::sum));
    List<Row> missing = new ArrayList<>();
    for (Row row : expected) {
      if (surplus.merge(row, -1, Integer::sum) < 0) {
        missing.add(row);
      }
    }
    List<Row> extra = new ArrayList<>();
    surplus.forEach(
        (row, n) -> {
          for (int i = 0; i < n; i++) {
            extra.add(row);
          }
        });
    return expected.size()
        + " rows expected, "
        + actual.size()
        + " found; missing "
        + missing.size()
        + " "
        + missing.subList(0, Math.min(3, missing.size()))
        + "; extra "
        + extra.size()
        + " "
        + extra.subList(0, Math.min(3, extra.size()));
  }

  @Override
  public void close() {
    try {
      processes.close();
    } finally {
      session.stop();
    }
  }

  /** Gives test classes and their {@code @BeforeAll} methods the one {@link LocalRuns}. */
  static final class Resolver implements ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE =
        ExtensionContext.Namespace.create(LocalRuns.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
      return parameter.getParameter().getType() == LocalRuns.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
      return context
          .getRoot()
          .getStore(NAMESPACE)
          .getOrComputeIfAbsent(
              LocalRuns.class,
              key -> create(Path.of(System.getProperty("gazette.itFolder", "target/it"))),
              LocalRuns.class);
    }
  }
}
