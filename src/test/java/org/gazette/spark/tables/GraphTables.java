package org.gazette.spark.tables;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.gazette.spark.store.Table;

/**
 * The four tables of a tiny entity graph over three days, written with the {@link Table} schemas as
 * nightly writes them. On 2023-08-01 and 2023-08-02 (10 articles each):
 *
 * <pre>
 * entity  type  mentions  articles      pairs (articles, sentences)   08-01  08-02  sum
 * kim     PER   6 + 4     3 + 3 = 6     kim–putin                     2, 1   2, 2   4, 3
 * putin   PER   9 + 5     4 + 2 = 6     kcna–kim                      2, 2   1, 0   3, 2
 * kcna    ORG   2 + 3     2 + 3 = 5     moscow–putin                  1, 1   -      1, 1
 * moscow  LOC   3 + 1     2 + 1 = 3     kcna–putin                    -      1, 1   1, 1
 * ghost   PER   2         2             ghost–kim (no entities row)   2, 2   -      2, 2
 * </pre>
 *
 * On 2023-08-03, outside that range: 5 articles, kim (2 mentions, 2 articles), putin (7, 5),
 * kim–putin (2, 2). The stored npmi and llr are 0: a graph must compute its own.
 */
public final class GraphTables {

  public static final LocalDate DAY1 = LocalDate.parse("2023-08-01");
  public static final LocalDate DAY2 = LocalDate.parse("2023-08-02");
  public static final LocalDate DAY3 = LocalDate.parse("2023-08-03");

  private GraphTables() {}

  /** Writes the tables under {@code folder}. */
  public static void write(SparkSession spark, Path folder) {
    write(
        spark,
        folder,
        Table.ENTITIES,
        List.of(
            entity("kim", "Kim Jong Un", "PER"),
            entity("putin", "Vladimir Putin", "PER"),
            entity("kcna", "KCNA", "ORG"),
            entity("moscow", "Moscow", "LOC")));
    write(
        spark,
        folder,
        Table.CORPUS_STATS,
        List.of(
            stats(DAY1, "fr", "lemonde.fr", 6),
            stats(DAY1, "en", "reuters.com", 4),
            stats(DAY2, "fr", "lemonde.fr", 10),
            stats(DAY3, "fr", "lemonde.fr", 5)));
    write(
        spark,
        folder,
        Table.ENTITY_MENTIONS,
        List.of(
            mention(DAY1, "kim", "Kim Jong Un", "PER", 6, 3),
            mention(DAY1, "putin", "Vladimir Putin", "PER", 9, 4),
            mention(DAY1, "kcna", "KCNA", "ORG", 2, 2),
            mention(DAY1, "moscow", "Moscow", "LOC", 3, 2),
            mention(DAY1, "ghost", "Ghost", "PER", 2, 2),
            mention(DAY2, "kim", "Kim Jong Un", "PER", 4, 3),
            mention(DAY2, "putin", "Vladimir Putin", "PER", 5, 2),
            mention(DAY2, "kcna", "KCNA", "ORG", 3, 3),
            mention(DAY2, "moscow", "Moscow", "LOC", 1, 1),
            mention(DAY3, "kim", "Kim Jong Un", "PER", 2, 2),
            mention(DAY3, "putin", "Vladimir Putin", "PER", 7, 5)));
    write(
        spark,
        folder,
        Table.ENTITY_COOCCURRENCE,
        List.of(
            pair(DAY1, "kim", "putin", 2, 1),
            pair(DAY1, "kcna", "kim", 2, 2),
            pair(DAY1, "moscow", "putin", 1, 1),
            pair(DAY1, "ghost", "kim", 2, 2),
            pair(DAY2, "kim", "putin", 2, 2),
            pair(DAY2, "kcna", "kim", 1, 0),
            pair(DAY2, "kcna", "putin", 1, 1),
            pair(DAY3, "kim", "putin", 2, 2)));
  }

  private static void write(SparkSession spark, Path folder, Table table, List<Row> rows) {
    var writer =
        spark
            .createDataFrame(new ArrayList<>(rows), table.schema())
            .coalesce(1)
            .write()
            .mode(SaveMode.Overwrite);
    if (table.isDaily()) {
      writer = writer.partitionBy("date");
    }
    writer.parquet(folder.resolve(table.tableName()).toString());
  }

  private static Row entity(String id, String name, String type) {
    return RowFactory.create(
        id,
        name,
        type,
        scala.jdk.javaapi.CollectionConverters.asScala(List.of(name)).toSeq(),
        true,
        DAY1,
        DAY3);
  }

  private static Row stats(LocalDate date, String language, String source, long articles) {
    return RowFactory.create(date, language, source, articles, 0L, 0L, 100L * articles, 0L);
  }

  private static Row mention(
      LocalDate date, String id, String name, String type, long mentions, long docs) {
    return RowFactory.create(date, id, name, type, mentions, docs, 1L);
  }

  private static Row pair(LocalDate date, String a, String b, long docs, long sentences) {
    return RowFactory.create(date, a, b, docs, sentences, 0.0, 0.0);
  }
}
