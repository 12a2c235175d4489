package org.gazette.spark;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import scala.jdk.javaapi.CollectionConverters;

/**
 * From conformed input rows to {@link Annotated} rows, in one narrow pass: every row of the
 * run's dates is judged, and every usable one cleaned, analysed and counted where it was read,
 * without moving article text between tasks.
 */
public final class AnnotationPass {

  private AnnotationPass() {}

  /** The rows of {@code conformed} (see {@link ArticleInput#CONFORMED}) in {@code range}. */
  public static Dataset<Row> judged(Dataset<Row> conformed, DateRange range) {
    return Triage.inDates(Triage.judge(conformed), range);
  }

  /** Annotates {@code judged} rows. */
  public static Dataset<Row> annotate(Dataset<Row> judged, Annotation.Settings settings) {
    return judged.mapPartitions(new Annotation(settings, Annotation.Mode.ANNOTATE),
        Encoders.row(Annotated.SCHEMA));
  }

  /**
   * The negated term counts of the judged rows named in {@code excluded} (by
   * {@code input_file, input_row}): summed with the annotation's counts, they take duplicates
   * and collapsed repeats out of the term tables.
   *
   * <p>The excluded rows are a small share of the input, shipped to every task: the input is
   * read again, but its text is never shuffled. (The broadcast costs each executor about 100
   * bytes per excluded row.)
   */
  public static Dataset<Row> retract(Dataset<Row> judged, Dataset<Row> excluded,
      Annotation.Settings settings) {
    return judged
        .join(broadcast(excluded),
            CollectionConverters.asScala(List.of("input_file", "input_row")).toSeq(),
            "left_semi")
        .where(col("reason").isNull())
        .mapPartitions(new Annotation(settings, Annotation.Mode.RETRACT),
            Encoders.row(Annotated.SCHEMA));
  }
}
