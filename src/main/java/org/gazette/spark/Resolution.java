package org.gazette.spark;

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

  /**
   * @param articles one row per distinct id, with {@code duplicate_of} (null for originals)
   *     and {@code id_repeats} (rows collapsed into it)
   * @param excluded {@code input_file, input_row} of every row whose terms must not count:
   *     duplicates and collapsed repeats
   */
  public record Resolved(Dataset<Row> articles, Dataset<Row> excluded) {}

  private Resolution() {}

  /** Resolves the {@link Annotated#ARTICLE} rows of {@code annotated}. */
  public static Resolved resolve(Dataset<Row> annotated) {
    Dataset<Row> articles = annotated.where(col("kind").equalTo(Annotated.ARTICLE));
    WindowSpec byId = Window.partitionBy("id").orderBy(col("published_at").desc(),
        col("hash_hi").desc(), col("hash_lo").desc(), col("input_file").desc(),
        col("input_row").desc());
    Dataset<Row> ranked = articles
        .withColumn("id_rank", row_number().over(byId))
        .withColumn("id_repeats", count(lit(1)).over(Window.partitionBy("id")).minus(1)
            .cast("int"));
    Dataset<Row> winners = ranked.where(col("id_rank").equalTo(1));
    WindowSpec byText = Window.partitionBy("hash_hi", "hash_lo")
        .orderBy(col("published_at"), col("id"));
    Column original = first(col("id")).over(byText);
    Dataset<Row> resolved = winners
        .withColumn("duplicate_of", when(original.notEqual(col("id")), original))
        .drop("id_rank");
    Dataset<Row> excluded = ranked.where(col("id_rank").gt(1))
        .select("input_file", "input_row")
        .unionByName(resolved.where(col("duplicate_of").isNotNull())
            .select("input_file", "input_row"));
    return new Resolved(resolved, excluded);
  }
}
