package org.gazette.spark.tables;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.isnan;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.sum;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.gazette.UsageException;
import org.gazette.entity.GraphWriter;
import org.gazette.spark.DateRange;
import org.gazette.spark.store.Table;

/**
 * The entity co-occurrence graph of a range of dates, from the daily entity tables: each pair's
 * articles and sentences summed over the range, and npmi and llr computed again from the range's
 * counts (a day's scores do not add up).
 *
 * <p>The summed counts are those of the days on which a pair reached {@code nightly
 * --min-pair-docs}: a pair named in one article on each of ten days has no rows to sum.
 */
public final class CooccurrenceGraph {

  /** The tables the graph is made of. */
  public static final List<Table> TABLES =
      List.of(Table.ENTITIES, Table.ENTITY_MENTIONS, Table.ENTITY_COOCCURRENCE, Table.CORPUS_STATS);

  /**
   * What to keep: the dates, pairs named together in at least {@code minDocs} articles of the
   * range, at most {@code maxEdges} of them (the highest llr), and, when {@code types} is not
   * empty, only pairs of entities of those types.
   */
  public record Settings(DateRange range, int minDocs, int maxEdges, Set<String> types) {
    public Settings {
      if (minDocs < 1) {
        throw new IllegalArgumentException("minDocs must be at least 1, was " + minDocs);
      }
      if (maxEdges < 1) {
        throw new IllegalArgumentException("maxEdges must be at least 1, was " + maxEdges);
      }
      types = Set.copyOf(types);
    }
  }

  /** The four tables, as read from the tables folder. */
  public record Tables(
      Dataset<Row> entities,
      Dataset<Row> mentions,
      Dataset<Row> cooccurrence,
      Dataset<Row> corpusStats) {}

  /** Articles of the range and its first and last date with articles (null when none). */
  public record Coverage(long articles, LocalDate first, LocalDate last) {}

  private CooccurrenceGraph() {}

  /**
   * Reads the four tables of {@code folder} with their declared schemas; a missing one is a {@link
   * UsageException} that says to run {@code nightly} first.
   */
  public static Tables read(SparkSession spark, String folder) {
    List<Dataset<Row>> read = new ArrayList<>();
    try {
      Path root = new Path(folder);
      FileSystem fs = root.getFileSystem(spark.sparkContext().hadoopConfiguration());
      for (Table table : TABLES) {
        Path path = new Path(root, table.tableName());
        if (!fs.exists(path)) {
          throw new UsageException(
              "no table "
                  + table.tableName()
                  + " in "
                  + folder
                  + "; run gazette nightly --output "
                  + folder
                  + " first");
        }
        read.add(spark.read().schema(table.schema()).parquet(path.toString()));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the tables of " + folder, e);
    }
    return new Tables(read.get(0), read.get(1), read.get(2), read.get(3));
  }

  /** The articles of {@code range} in {@code corpus_stats}, and the first and last date. */
  public static Coverage coverage(Dataset<Row> corpusStats, DateRange range) {
    Row row =
        range
            .filter(corpusStats)
            .where(col("articles").gt(0))
            .agg(sum("articles"), min("date"), max("date"))
            .first();
    return new Coverage(
        row.isNullAt(0) ? 0L : row.getLong(0),
        row.isNullAt(1) ? null : row.getLocalDate(1),
        row.isNullAt(2) ? null : row.getLocalDate(2));
  }

  /**
   * Every pair of the range named together in at least {@code minDocs} of its articles, with the
   * types filter applied: {@code entity_a, entity_b, doc_count, sentence_count, npmi, llr}, scored
   * over the range's {@code articles}. Pairs whose counts do not fit together (an NaN score: tables
   * written by different runs) are left out.
   */
  public static Dataset<Row> pairs(Tables tables, Settings settings, long articles) {
    if (articles < 1) {
      throw new IllegalArgumentException("a graph needs articles, got " + articles);
    }
    Dataset<Row> summed =
        settings
            .range()
            .filter(tables.cooccurrence())
            .groupBy("entity_a", "entity_b")
            .agg(sum("doc_count").as("doc_count"), sum("sentence_count").as("sentence_count"))
            .where(col("doc_count").geq(settings.minDocs()));
    Dataset<Row> docs =
        entityCounts(tables.mentions(), settings.range())
            .select(col("entity_id"), col("doc_count").as("docs"));
    Dataset<Row> types = tables.entities().select("entity_id", "type");
    if (!settings.types().isEmpty()) {
      types = types.where(col("type").isin(settings.types().toArray()));
    }
    Column both = col("doc_count");
    return summed
        .join(
            docs.withColumnRenamed("entity_id", "entity_a").withColumnRenamed("docs", "a_docs"),
            new String[] {"entity_a"})
        .join(
            docs.withColumnRenamed("entity_id", "entity_b").withColumnRenamed("docs", "b_docs"),
            new String[] {"entity_b"})
        // Also drops the pairs of entities the entities table lacks, which would be nameless.
        .join(
            types.withColumnRenamed("entity_id", "entity_a").drop("type"),
            new String[] {"entity_a"})
        .join(
            types.withColumnRenamed("entity_id", "entity_b").drop("type"),
            new String[] {"entity_b"})
        .withColumn(
            "npmi", AssociationColumns.npmi(both, col("a_docs"), col("b_docs"), lit(articles)))
        .withColumn(
            "llr", AssociationColumns.llr(both, col("a_docs"), col("b_docs"), lit(articles)))
        .where(not(isnan(col("llr"))))
        .select("entity_a", "entity_b", "doc_count", "sentence_count", "npmi", "llr");
  }

  /**
   * The {@code maxEdges} pairs of highest llr, strongest first; ties go to more articles, then to
   * the ids, so that every run keeps the same edges.
   */
  public static Dataset<Row> strongest(Dataset<Row> pairs, int maxEdges) {
    return pairs
        .orderBy(col("llr").desc(), col("doc_count").desc(), col("entity_a"), col("entity_b"))
        .limit(maxEdges);
  }

  /**
   * The entities of {@code edges}: {@code entity_id, name, type, mentions, doc_count}, their
   * mentions and articles summed over the range, most articles first.
   */
  public static Dataset<Row> nodes(Tables tables, Dataset<Row> edges, DateRange range) {
    Dataset<Row> ends =
        edges
            .select(col("entity_a").as("entity_id"))
            .union(edges.select(col("entity_b").as("entity_id")))
            .distinct();
    return ends.join(entityCounts(tables.mentions(), range), "entity_id")
        .join(tables.entities().select("entity_id", "name", "type"), "entity_id")
        .select("entity_id", "name", "type", "mentions", "doc_count")
        .orderBy(col("doc_count").desc(), col("entity_id"));
  }

  /** Nodes as collected from {@link #nodes}, for {@link GraphWriter}. */
  public static List<GraphWriter.Node> toNodes(List<Row> rows) {
    return rows.stream()
        .map(
            r ->
                new GraphWriter.Node(
                    r.getAs("entity_id"),
                    r.getAs("name"),
                    r.getAs("type"),
                    r.<Long>getAs("mentions"),
                    r.<Long>getAs("doc_count")))
        .toList();
  }

  /** Edges as collected from {@link #strongest}, for {@link GraphWriter}. */
  public static List<GraphWriter.Edge> toEdges(List<Row> rows) {
    return rows.stream()
        .map(
            r ->
                new GraphWriter.Edge(
                    r.getAs("entity_a"),
                    r.getAs("entity_b"),
                    r.<Long>getAs("doc_count"),
                    r.<Long>getAs("sentence_count"),
                    r.<Double>getAs("npmi"),
                    r.<Double>getAs("llr")))
        .toList();
  }

  /** Per entity over the range: {@code entity_id, mentions, doc_count}. */
  private static Dataset<Row> entityCounts(Dataset<Row> mentions, DateRange range) {
    return range
        .filter(mentions)
        .groupBy("entity_id")
        .agg(sum("mentions").as("mentions"), sum("doc_count").as("doc_count"));
  }
}
