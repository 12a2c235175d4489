package org.gazette.spark.tables;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.gazette.spark.tables.GraphTables.DAY1;
import static org.gazette.spark.tables.GraphTables.DAY2;
import static org.gazette.spark.tables.GraphTables.DAY3;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.gazette.UsageException;
import org.gazette.entity.GraphWriter;
import org.gazette.spark.DateRange;
import org.gazette.spark.SparkTestSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The graph of 2023-08-01 and 2023-08-02 from the tables of {@link GraphTables}: 20 articles.
 *
 * <p>kim–putin: 4 articles of 20, kim in 6, putin in 6. npmi = ln(0.2 / 0.3²) / -ln 0.2 = 0.798508
 * / 1.609438 = 0.496141. G² = 2 [4 ln(4·20/36) + 2 ln(2·20/84) + 2 ln(2·20/84) + 12 ln(12·20/196)]
 * = 2 [3.194031 - 1.483875 - 1.483875 + 2.430390] = 5.313145.
 *
 * <p>kcna–kim: 3 articles, kcna in 5, kim in 6. npmi = ln(0.15 / (0.25·0.3)) / -ln 0.15 = 0.693147
 * / 1.897120 = 0.365368. G² = 2 [3 ln(3·20/30) + 2 ln(2·20/70) + 3 ln(3·20/90) + 12 ln(12·20/210)]
 * = 2 [2.079442 - 1.119232 - 1.216395 + 1.602377] = 2.692383.
 *
 * <p>With one article enough: kcna–putin (1; 5, 6) llr 0.335123, npmi -0.135348; moscow–putin (1;
 * 3, 6) llr 0.018372. ghost–kim would score highest (2; 2, 6: llr 5.365) but ghost has no row in
 * entities, so it has no name and is left out.
 */
class CooccurrenceGraphTest {

  private static SparkSession spark;
  private static CooccurrenceGraph.Tables tables;
  private static final DateRange TWO_DAYS = new DateRange(DAY1, DAY2);

  @TempDir static Path temp;

  @BeforeAll
  static void start() {
    spark = SparkTestSession.start("local[2]");
    GraphTables.write(spark, temp.resolve("out"));
    tables = CooccurrenceGraph.read(spark, temp.resolve("out").toString());
  }

  @AfterAll
  static void stop() {
    spark.stop();
  }

  private static List<Row> edges(int minDocs, int maxEdges, Set<String> types) {
    CooccurrenceGraph.Settings settings =
        new CooccurrenceGraph.Settings(TWO_DAYS, minDocs, maxEdges, types);
    return CooccurrenceGraph.strongest(CooccurrenceGraph.pairs(tables, settings, 20), maxEdges)
        .collectAsList();
  }

  private static String pair(Row r) {
    return r.getAs("entity_a") + "–" + r.getAs("entity_b");
  }

  @Test
  void theRangeHoldsTwentyArticles() {
    assertThat(CooccurrenceGraph.coverage(tables.corpusStats(), TWO_DAYS))
        .isEqualTo(new CooccurrenceGraph.Coverage(20, DAY1, DAY2));
    assertThat(CooccurrenceGraph.coverage(tables.corpusStats(), DateRange.ALL))
        .isEqualTo(new CooccurrenceGraph.Coverage(25, DAY1, DAY3));
    assertThat(CooccurrenceGraph.coverage(tables.corpusStats(), DateRange.of(DAY3.plusDays(1))))
        .isEqualTo(new CooccurrenceGraph.Coverage(0, null, null));
  }

  @Test
  void countsAreSummedOverTheRangeAndScoredAgain() {
    List<Row> edges = edges(2, 5000, Set.of());
    assertThat(edges)
        .extracting(CooccurrenceGraphTest::pair)
        .containsExactly("kim–putin", "kcna–kim");
    Row kimPutin = edges.get(0);
    assertThat(kimPutin.<Long>getAs("doc_count")).isEqualTo(4L);
    assertThat(kimPutin.<Long>getAs("sentence_count")).isEqualTo(3L);
    assertThat(kimPutin.<Double>getAs("npmi")).isCloseTo(0.496141, within(1e-6));
    assertThat(kimPutin.<Double>getAs("llr")).isCloseTo(5.313145, within(1e-6));
    Row kcnaKim = edges.get(1);
    assertThat(kcnaKim.<Long>getAs("doc_count")).isEqualTo(3L);
    assertThat(kcnaKim.<Long>getAs("sentence_count")).isEqualTo(2L);
    assertThat(kcnaKim.<Double>getAs("npmi")).isCloseTo(0.365368, within(1e-6));
    assertThat(kcnaKim.<Double>getAs("llr")).isCloseTo(2.692383, within(1e-6));
  }

  @Test
  void minDocsOfOneKeepsEveryNamedPairStrongestFirst() {
    List<Row> edges = edges(1, 5000, Set.of());
    assertThat(edges)
        .extracting(CooccurrenceGraphTest::pair)
        .containsExactly("kim–putin", "kcna–kim", "kcna–putin", "moscow–putin");
    assertThat(edges.get(2).<Double>getAs("llr")).isCloseTo(0.335123, within(1e-6));
    assertThat(edges.get(2).<Double>getAs("npmi")).isCloseTo(-0.135348, within(1e-6));
    assertThat(edges.get(3).<Double>getAs("llr")).isCloseTo(0.018372, within(1e-6));
  }

  @Test
  void maxEdgesKeepsTheHighestLlrAndTypesFilterBothEnds() {
    assertThat(edges(1, 1, Set.of()))
        .extracting(CooccurrenceGraphTest::pair)
        .containsExactly("kim–putin");
    assertThat(edges(1, 5000, Set.of("PER")))
        .extracting(CooccurrenceGraphTest::pair)
        .containsExactly("kim–putin");
    assertThat(edges(1, 5000, Set.of("ORG", "PER")))
        .extracting(CooccurrenceGraphTest::pair)
        .containsExactly("kim–putin", "kcna–kim", "kcna–putin");
    assertThat(edges(1, 5000, Set.of("MISC"))).isEmpty();
  }

  @Test
  void nodesAreTheEntitiesOfTheKeptEdgesWithRangeCounts() {
    CooccurrenceGraph.Settings settings =
        new CooccurrenceGraph.Settings(TWO_DAYS, 2, 5000, Set.of());
    Dataset<Row> edges =
        CooccurrenceGraph.strongest(
            CooccurrenceGraph.pairs(tables, settings, 20), settings.maxEdges());
    List<GraphWriter.Node> nodes =
        CooccurrenceGraph.toNodes(CooccurrenceGraph.nodes(tables, edges, TWO_DAYS).collectAsList());
    // Most articles first, ties by id; moscow has no kept edge.
    assertThat(nodes)
        .containsExactly(
            new GraphWriter.Node("kim", "Kim Jong Un", "PER", 10, 6),
            new GraphWriter.Node("putin", "Vladimir Putin", "PER", 14, 6),
            new GraphWriter.Node("kcna", "KCNA", "ORG", 5, 5));
    List<GraphWriter.Edge> kept = CooccurrenceGraph.toEdges(edges.collectAsList());
    assertThat(kept)
        .extracting(
            GraphWriter.Edge::source,
            GraphWriter.Edge::target,
            GraphWriter.Edge::docCount,
            GraphWriter.Edge::sentenceCount)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("kim", "putin", 4L, 3L),
            org.assertj.core.groups.Tuple.tuple("kcna", "kim", 3L, 2L));
  }

  @Test
  void everyDateCountsTheThirdDayToo() {
    // All dates: 25 articles; kim–putin in 6, kim in 8, putin in 11.
    CooccurrenceGraph.Settings settings =
        new CooccurrenceGraph.Settings(DateRange.ALL, 5, 5000, Set.of());
    List<Row> edges = CooccurrenceGraph.pairs(tables, settings, 25).collectAsList();
    assertThat(edges).extracting(CooccurrenceGraphTest::pair).containsExactly("kim–putin");
    assertThat(edges.get(0).<Long>getAs("doc_count")).isEqualTo(6L);
    assertThat(edges.get(0).<Double>getAs("npmi"))
        .isCloseTo(org.gazette.entity.Association.npmi(6, 8, 11, 25), within(1e-12));
  }

  @Test
  void aMissingTableIsNamed() {
    String empty = temp.resolve("empty").toString();
    assertThatThrownBy(() -> CooccurrenceGraph.read(spark, empty))
        .isInstanceOf(UsageException.class)
        .hasMessage(
            "no table entities in " + empty + "; run gazette nightly --output " + empty + " first");
  }
}
