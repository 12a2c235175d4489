package org.gazette.spark.pass;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.first;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.when;

import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;
import org.apache.spark.sql.functions;

/**
 * Tells originals from copies among the usable input rows, on their {@link Fingerprint}s alone:
 * rows repeating an id collapse into one (the latest published; ties broken by content hash, then
 * input position, so the choice never depends on input order), and among the rest, articles whose
 * cleaned text is identical are duplicates of the earliest published.
 */
public final class Resolution {

  /** Columns of {@link #decisions}, in this order. */
  static final List<String> DECISION =
      List.of("part", "input_file", "input_row", "collapsed", "id_repeats", "duplicate_of");

  private Resolution() {}

  /**
   * The decisions on the rows of {@code keys} (see {@link Fingerprint#SCHEMA}) that share an id or
   * a text with another: {@code part, input_file, input_row} name the row, {@code collapsed} is
   * true for a row whose id another row keeps, {@code id_repeats} counts the rows collapsed into a
   * kept row, and {@code duplicate_of} is the original's id for a kept row whose text is a copy. A
   * row without a decision is an original that shares nothing.
   *
   * <p>Most rows share nothing: two small aggregations find the others, and only their keys are
   * sorted. Nothing here holds more than a partition of keys at a time.
   */
  public static Dataset<Row> decisions(Dataset<Row> keys) {
    Dataset<Row> repeatedIds = keys.groupBy("id").count().where(col("count").gt(1)).select("id");
    Dataset<Row> repeatedTexts =
        keys.groupBy("hash_hi", "hash_lo")
            .count()
            .where(col("count").gt(1))
            .select("hash_hi", "hash_lo");
    // The repeated ids and texts grow with the corpus: joined by shuffling, never broadcast.
    Dataset<Row> shared =
        keys.join(repeatedIds.hint("merge"), new String[] {"id"}, "left_semi")
            .unionByName(
                keys.join(
                    repeatedTexts.hint("merge"), new String[] {"hash_hi", "hash_lo"}, "left_semi"))
            .dropDuplicates("input_file", "input_row");

    WindowSpec byId =
        Window.partitionBy("id")
            .orderBy(
                col("published_at").desc(),
                col("hash_hi").desc(),
                col("hash_lo").desc(),
                col("input_file").desc(),
                col("input_row").desc());
    Dataset<Row> ranked =
        shared
            .withColumn("collapsed", row_number().over(byId).gt(1))
            .withColumn(
                "id_repeats", count(lit(1)).over(Window.partitionBy("id")).minus(1).cast("int"));
    // Among the rows kept, the earliest published of a text is its original. A collapsed row
    // sorts last and never becomes anyone's original.
    WindowSpec byText =
        Window.partitionBy("hash_hi", "hash_lo")
            .orderBy(col("collapsed"), col("published_at"), col("id"));
    Column original = first(col("id")).over(byText);
    return ranked
        .withColumn(
            "duplicate_of",
            when(col("collapsed").unary_$bang().and(original.notEqual(col("id"))), original))
        .select(DECISION.stream().map(functions::col).toArray(Column[]::new));
  }
}
