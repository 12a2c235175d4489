package org.gazette.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.spark.sql.SparkSession;
import org.gazette.Gazette;
import org.gazette.spark.SparkSessions;
import org.gazette.spark.job.GraphJob;
import org.gazette.spark.tables.GraphTables;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * {@code gazette graph} as users meet it, on the tables of {@link GraphTables}: 0 and a file Gephi
 * opens, 2 and one line for what they can mend. The command starts and stops its own Spark session.
 */
class GraphCommandTest {

  @TempDir static Path temp;
  private static String tables;

  private static final String[] SPARK = {
    "--master",
    "local[2]",
    "--conf",
    "spark.ui.enabled=false",
    "--conf",
    "spark.sql.shuffle.partitions=2"
  };

  private record Result(int status, String err) {}

  @BeforeAll
  static void writeTables() {
    tables = temp.resolve("out").toString();
    SparkSession spark =
        SparkSessions.create(
            "graph test fixtures", "local[1]", Map.of("spark.ui.enabled", "false"));
    try {
      GraphTables.write(spark, temp.resolve("out"));
    } finally {
      spark.stop();
    }
  }

  private static Result run(String... args) {
    String[] all = new String[args.length + SPARK.length + 1];
    all[0] = "graph";
    System.arraycopy(args, 0, all, 1, args.length);
    System.arraycopy(SPARK, 0, all, args.length + 1, SPARK.length);
    PrintStream original = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      return new Result(Gazette.execute(all), captured.toString(StandardCharsets.UTF_8));
    } finally {
      System.setErr(original);
    }
  }

  private static String lastLine(String text) {
    List<String> lines = text.lines().filter(l -> l.startsWith("gazette")).toList();
    return lines.isEmpty() ? "" : lines.get(lines.size() - 1);
  }

  private static Document parse(Path file) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    return factory.newDocumentBuilder().parse(file.toFile());
  }

  @Test
  void writesGexfUnderTheTablesFolderByDefault() throws Exception {
    Result result = run("--output", tables, "--from", "2023-08-01", "--to", "2023-08-02");
    assertThat(result.status()).as(result.err()).isZero();
    Path file = temp.resolve("out/graph-2023-08-01-2023-08-02.gexf");
    assertThat(file).exists();
    assertThat(temp.resolve("out/.graph-2023-08-01-2023-08-02.gexf.crc")).doesNotExist();
    Document doc = parse(file);
    assertThat(doc.getDocumentElement().getLocalName()).isEqualTo("gexf");
    assertThat(doc.getElementsByTagNameNS("*", "node").getLength()).isEqualTo(3);
    assertThat(doc.getElementsByTagNameNS("*", "edge").getLength()).isEqualTo(2);
    Element strongest = (Element) doc.getElementsByTagNameNS("*", "edge").item(0);
    assertThat(strongest.getAttribute("source")).isEqualTo("kim");
    assertThat(strongest.getAttribute("target")).isEqualTo("putin");
    assertThat(strongest.getAttribute("weight")).isEqualTo("4");
    assertThat(doc.getElementsByTagNameNS("*", "description").item(0).getTextContent())
        .isEqualTo(
            "Entities named together in at least 2 of the 20 articles from 2023-08-01 "
                + "to 2023-08-02: 2 pairs. Edge weight: articles naming both.");
  }

  @Test
  void theFileExtensionChoosesGraphmlAndTypesFilter() throws Exception {
    Path file = temp.resolve("graphs/people.graphml");
    Result result =
        run(
            "--output",
            tables,
            "--file",
            file.toString(),
            "--types",
            "per",
            "--min-docs",
            "1",
            "--date",
            "2023-08-01");
    assertThat(result.status()).as(result.err()).isZero();
    Document doc = parse(file);
    assertThat(doc.getDocumentElement().getLocalName()).isEqualTo("graphml");
    // 2023-08-01 alone: kim–putin (2 articles) is the one pair of people with a name.
    assertThat(doc.getElementsByTagNameNS("*", "edge").getLength()).isEqualTo(1);
    assertThat(doc.getElementsByTagNameNS("*", "node").getLength()).isEqualTo(2);
    try (var files = Files.list(file.getParent())) {
      assertThat(files.map(p -> p.getFileName().toString()).toList())
          .containsExactly("people.graphml");
    }
  }

  @Test
  void missingTablesExitWithStatusTwoAndOneLine() {
    String nowhere = temp.resolve("nowhere").toString();
    Result result = run("--output", nowhere);
    assertThat(result.status()).isEqualTo(2);
    assertThat(lastLine(result.err()))
        .isEqualTo(
            "gazette: no table entities in "
                + nowhere
                + "; run gazette nightly --output "
                + nowhere
                + " first");
  }

  @Test
  void anEmptyRangeExitsWithStatusTwoAndSaysWhatTheTablesHold() {
    Result result = run("--output", tables, "--date", "2023-09-01");
    assertThat(result.status()).isEqualTo(2);
    assertThat(lastLine(result.err()))
        .isEqualTo(
            "gazette: no articles from 2023-09-01 to "
                + "2023-09-01 (its tables hold 2023-08-01 to 2023-08-03)");
    assertThat(temp.resolve("out/graph-2023-09-01.gexf")).doesNotExist();
  }

  @Test
  void badOptionsExitWithStatusTwoBeforeSparkStarts() {
    Result format = run("--output", tables, "--format", "dot");
    assertThat(format.status()).isEqualTo(2);
    assertThat(lastLine(format.err())).isEqualTo("gazette: --format dot: expected gexf or graphml");

    Result types = run("--output", tables, "--types", "PER,PERSON");
    assertThat(types.status()).isEqualTo(2);
    assertThat(lastLine(types.err()))
        .isEqualTo("gazette: --types PERSON: expected PER, ORG, " + "LOC or MISC");

    Result minDocs = run("--output", tables, "--min-docs", "0");
    assertThat(minDocs.status()).isEqualTo(2);
    assertThat(lastLine(minDocs.err())).isEqualTo("gazette: --min-docs must be at least 1, was 0");

    Result maxEdges = run("--output", tables, "--max-edges", "0");
    assertThat(maxEdges.status()).isEqualTo(2);
    assertThat(lastLine(maxEdges.err()))
        .isEqualTo("gazette: --max-edges must be at least 1, was 0");

    Result dates = run("--output", tables, "--from", "2023-08-02");
    assertThat(dates.status()).isEqualTo(2);
    assertThat(lastLine(dates.err()))
        .isEqualTo("gazette: give both --from and --to (or --date for one day)");
  }

  @Test
  void theFormatFollowsTheOptionThenTheExtensionThenDefaultsToGexf() {
    assertThat(GraphCommand.format("GRAPHML", "x.gexf").extension()).isEqualTo("graphml");
    assertThat(GraphCommand.format(null, "x.graphml").extension()).isEqualTo("graphml");
    assertThat(GraphCommand.format(null, "x.xml").extension()).isEqualTo("gexf");
    assertThat(GraphCommand.format(null, null).extension()).isEqualTo("gexf");
    assertThat(
            GraphJob.defaultFile(
                "out",
                java.time.LocalDate.parse("2023-08-01"),
                java.time.LocalDate.parse("2023-08-01"),
                org.gazette.entity.GraphWriter.Format.GRAPHML))
        .isEqualTo("out/graph-2023-08-01.graphml");
  }
}
