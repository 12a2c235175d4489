package org.gazette.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The committed checksums of the tables of known runs (the sample run, the determinism test's run),
 * in {@code src/test/resources/org/gazette/spark/output-checksums.txt}: a change that is meant to
 * leave every output as it was must leave these as they are. Run the tests with {@code
 * -Dgazette.checksums=update} to write the checksums of a change that means to change the output,
 * and say why in its commit.
 */
public final class OutputChecksums {

  public static final Path FILE =
      Path.of(System.getProperty("basedir", ""))
          .toAbsolutePath()
          .resolve("src/test/resources/org/gazette/spark/output-checksums.txt");

  private OutputChecksums() {}

  /**
   * Asserts that the tables of {@code run} have the committed {@code checksums}, or writes them.
   */
  public static synchronized void check(String run, Map<String, String> checksums) {
    Map<String, Map<String, String>> all = read();
    if ("update".equals(System.getProperty("gazette.checksums"))) {
      all.put(run, new TreeMap<>(checksums));
      write(all);
      return;
    }
    assertThat(all).as("committed checksums of the run " + run + " in " + FILE).containsKey(run);
    assertThat(checksums).as("checksums of the run " + run).isEqualTo(all.get(run));
  }

  /** The checksums of {@code rows}, table by table, as {@link TableChecksums} gives them. */
  public static Map<String, String> of(Map<String, List<org.apache.spark.sql.Row>> rows) {
    Map<String, String> sums = new TreeMap<>();
    rows.forEach((table, r) -> sums.put(table, r.size() + " " + TableChecksums.sha256(r)));
    return sums;
  }

  private static Map<String, Map<String, String>> read() {
    Map<String, Map<String, String>> all = new TreeMap<>();
    if (!Files.exists(FILE)) {
      return all;
    }
    try {
      for (String line : Files.readAllLines(FILE, StandardCharsets.UTF_8)) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] f = line.split(" ", 3);
        all.computeIfAbsent(f[0], k -> new TreeMap<>()).put(f[1], f[2]);
      }
      return all;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void write(Map<String, Map<String, String>> all) {
    List<String> lines = new ArrayList<>();
    lines.add("# run table rows sha256-of-the-sorted-rows: see OutputChecksums; a change that");
    lines.add("# changes an output updates them (-Dgazette.checksums=update) and says why.");
    all.forEach((run, sums) -> sums.forEach((t, s) -> lines.add(run + " " + t + " " + s)));
    try {
      Files.write(FILE, lines, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
