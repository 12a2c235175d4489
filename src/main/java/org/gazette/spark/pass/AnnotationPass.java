package org.gazette.spark.pass;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.spark_partition_id;

import java.util.Objects;
import org.apache.spark.Partitioner;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.gazette.spark.DateRange;
import org.gazette.spark.input.Triage;
import scala.Tuple2;

/**
 * From conformed input rows to {@link Annotated} rows, in two narrow passes over the input that
 * never move article text between tasks: the first takes each usable row's {@link Fingerprint},
 * from which {@link Resolution} decides which rows are copies; the second annotates each partition
 * of the input with the decisions on its own rows.
 */
public final class AnnotationPass {

  private AnnotationPass() {}

  /**
   * The rows of {@code conformed} (see {@link ArticleInput#CONFORMED}) in {@code range}, each with
   * its {@code reason} (see {@link Triage}) and the input partition it was read in ({@code part}),
   * which names the partition its decisions go to.
   */
  public static Dataset<Row> judged(Dataset<Row> conformed, DateRange range) {
    return judged(conformed, range, range.isAll());
  }

  /** {@link #judged(Dataset, DateRange)}, with the rows without a date when {@code undated}. */
  public static Dataset<Row> judged(Dataset<Row> conformed, DateRange range, boolean undated) {
    Dataset<Row> judged = Triage.judge(conformed);
    if (!range.isAll()) {
      Column in = range.holds(col("date"));
      judged = judged.where(undated ? in.or(col("date").isNull()) : in);
    }
    return judged.withColumn("part", spark_partition_id());
  }

  /**
   * The decisions of {@code runDecisions} (taken on the rows of a whole run) on the rows of {@code
   * judged}, named by the partitions these are read in now. Rows are matched by where they were
   * read (file and row index), which a file source gives whatever is filtered.
   */
  public static Dataset<Row> decisionsOf(Dataset<Row> judged, Dataset<Row> runDecisions) {
    return judged
        .where(col("reason").isNull())
        .select("part", "input_file", "input_row")
        .join(runDecisions.drop("part").hint("merge"), new String[] {"input_file", "input_row"})
        .select(
            Resolution.DECISION.stream()
                .map(org.apache.spark.sql.functions::col)
                .toArray(Column[]::new));
  }

  /** The {@link Fingerprint}s of the usable rows of {@code judged}. */
  public static Dataset<Row> fingerprints(Dataset<Row> judged) {
    return judged
        .where(col("reason").isNull())
        .mapPartitions(new Fingerprint(), Encoders.row(Fingerprint.SCHEMA));
  }

  /**
   * Annotates {@code judged}, each partition with the {@code decisions} on its rows (see {@link
   * Resolution#decisions}): these are shuffled to the partition whose rows they name, by {@code
   * part}, and the input is read where it lies.
   */
  public static Dataset<Row> annotate(
      SparkSession spark,
      Dataset<Row> judged,
      Dataset<Row> decisions,
      Annotation.Settings settings) {
    JavaRDD<Row> rows = judged.toJavaRDD();
    if (rows.getNumPartitions() == 0) {
      return spark.createDataFrame(java.util.List.of(), Annotated.SCHEMA);
    }
    ByPart byPart = new ByPart(rows.getNumPartitions());
    JavaRDD<Row> mine =
        decisions
            .toJavaRDD()
            .mapToPair(d -> new Tuple2<>(d.getInt(0), d))
            .partitionBy(byPart)
            .values();
    return spark.createDataFrame(
        rows.zipPartitions(mine, new Annotation(settings)), Annotated.SCHEMA);
  }

  /** Sends a key, a partition number, to that partition. */
  static final class ByPart extends Partitioner {
    private static final long serialVersionUID = 1L;
    private final int partitions;

    ByPart(int partitions) {
      this.partitions = partitions;
    }

    @Override
    public int numPartitions() {
      return partitions;
    }

    @Override
    public int getPartition(Object key) {
      int part = (Integer) key;
      if (part < 0 || part >= partitions) {
        throw new IllegalStateException(
            "a decision names partition " + part + " of an input" + " read in " + partitions);
      }
      return part;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof ByPart other && other.partitions == partitions;
    }

    @Override
    public int hashCode() {
      return Objects.hash(ByPart.class, partitions);
    }
  }
}
