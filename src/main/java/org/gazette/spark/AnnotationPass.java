package org.gazette.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;

/**
 * From conformed input rows to {@link Annotated} rows: triage, id collapse, cleaning, then the
 * one analysis of each article. Identical cleaned texts are brought together by a shuffle on
 * their hash and sorted so that the earliest published is the original.
 */
public final class AnnotationPass {

  private AnnotationPass() {}

  /**
   * Annotates the rows of {@code conformed} (see {@link ArticleInput#CONFORMED}) that fall in
   * {@code range}, in {@code partitions} partitions: the annotated rows are cached, and
   * adaptive execution does not resize a cached result, so the caller sizes it.
   */
  public static Dataset<Row> annotate(Dataset<Row> conformed, DateRange range,
      Annotation.Settings settings, int partitions) {
    Dataset<Row> judged = Triage.inDates(Triage.judge(conformed), range);
    Dataset<Row> valid = Triage.collapseIds(judged.where(col("reason").isNull()));
    Dataset<Row> rejected = judged.where(col("reason").isNotNull())
        .withColumn("id_repeats", lit(0));
    Dataset<Row> cleaned = valid.unionByName(rejected)
        .mapPartitions(Cleaned.function(), Encoders.row(Cleaned.SCHEMA));
    return cleaned
        .repartition(partitions, col("hash_hi"))
        .sortWithinPartitions(col("hash_hi"), col("hash_lo"), col("published_at"), col("id"))
        .mapPartitions(new Annotation(settings), Encoders.row(Annotated.SCHEMA));
  }
}
