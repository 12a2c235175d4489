package org.gazette.spark;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.first;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.when;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;

/**
 * Tells originals from copies among the annotated articles, on their small rows alone: rows
 * repeating an id collapse into one (the latest published; ties broken by content hash, then
 * input position, so the choice never depends on input order), and among the rest, articles
 * whose cleaned text is identical are duplicates of the earliest published.
 */
public final class Resolution {

  private Resolution() {}

  /**
   * The keys of the annotated articles that resolution reads several times: worth caching
   * apart from the wide article rows.
   */
  public static Dataset<Row> keys(Dataset<Row> annotated) {
    return annotated.where(col("kind").equalTo(Annotated.ARTICLE))
        .select("id", "hash_hi", "hash_lo", "published_at", "input_file", "input_row");
  }

  /**
   * Every {@link Annotated#ARTICLE} row of {@code annotated} (whose {@link #keys} are
   * {@code keys}), with {@code collapsed} (true for
   * a row whose id another row keeps), {@code id_repeats} (rows collapsed into a kept row) and
   * {@code duplicate_of} (the original's id, for a kept row whose text is a copy).
   */
  public static Dataset<Row> resolve(Dataset<Row> annotated, Dataset<Row> keys) {
    Dataset<Row> articles = annotated.where(col("kind").equalTo(Annotated.ARTICLE));
    // Only rows that share an id or a text with another need ordering. Most rows share
    // nothing: two small aggregations find the others, and only their keys are sorted.
    Dataset<Row> repeatedIds = keys.groupBy("id").count().where(col("count").gt(1))
        .select("id");
    Dataset<Row> repeatedTexts = keys.groupBy("hash_hi", "hash_lo").count()
        .where(col("count").gt(1)).select("hash_hi", "hash_lo");
    Dataset<Row> shared = keys.join(repeatedIds, seq("id"), "left_semi")
        .unionByName(keys.join(repeatedTexts, seq("hash_hi", "hash_lo"), "left_semi"))
        .dropDuplicates("input_file", "input_row");

    WindowSpec byId = Window.partitionBy("id").orderBy(col("published_at").desc(),
        col("hash_hi").desc(), col("hash_lo").desc(), col("input_file").desc(),
        col("input_row").desc());
    Dataset<Row> ranked = shared
        .withColumn("collapsed", row_number().over(byId).gt(1))
        .withColumn("id_repeats", count(lit(1)).over(Window.partitionBy("id")).minus(1)
            .cast("int"));
    // Among the rows kept, the earliest published of a text is its original. A collapsed row
    // sorts last and never becomes anyone's original.
    WindowSpec byText = Window.partitionBy("hash_hi", "hash_lo")
        .orderBy(col("collapsed"), col("published_at"), col("id"));
    Column original = first(col("id")).over(byText);
    Dataset<Row> decisions = ranked
        .withColumn("duplicate_of",
            when(col("collapsed").unary_$bang().and(original.notEqual(col("id"))), original))
        .select("input_file", "input_row", "collapsed", "id_repeats", "duplicate_of");

    return articles.join(broadcast(decisions), seq("input_file", "input_row"), "left")
        .withColumn("collapsed", coalesce(col("collapsed"), lit(false)))
        .withColumn("id_repeats", coalesce(col("id_repeats"), lit(0)));
  }

  private static scala.collection.immutable.Seq<String> seq(String... columns) {
    return scala.jdk.javaapi.CollectionConverters.asScala(java.util.List.of(columns)).toSeq();
  }

  /** The articles of the {@code articles} table: one per id. */
  public static Dataset<Row> kept(Dataset<Row> resolved) {
    return resolved.where(col("collapsed").unary_$bang());
  }

  /**
   * {@code input_file, input_row} of every row whose terms must not count: duplicates and
   * collapsed repeats.
   */
  public static Dataset<Row> excluded(Dataset<Row> resolved) {
    return resolved.where(col("collapsed").or(col("duplicate_of").isNotNull()))
        .select("input_file", "input_row");
  }
}
