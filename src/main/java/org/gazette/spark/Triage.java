package org.gazette.spark;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.trim;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.functions.xxhash64;

import java.sql.Date;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;

/**
 * Decides which input rows can be used: a row without an id, without a date, with a date that
 * does not parse or without any text gets a {@code reason} and goes to
 * {@code rejected_articles}; rows repeating an id are collapsed into one.
 */
public final class Triage {

  public static final String MISSING_ID = "missing id";
  public static final String MISSING_DATE = "missing published_at";
  public static final String BAD_DATE = "published_at does not parse";
  public static final String NO_TEXT = "no text: title and body are empty";
  public static final String NO_TEXT_AFTER_CLEANING = "no text left after removing markup";

  private Triage() {}

  /** Adds {@code reason}: null for a usable row, else why it is not. */
  public static Dataset<Row> judge(Dataset<Row> conformed) {
    Column reason = when(blank(col("id")), lit(MISSING_ID))
        .when(blank(col("published_at_raw")), lit(MISSING_DATE))
        .when(col("published_at").isNull(), lit(BAD_DATE))
        .when(blank(col("title")).and(blank(col("body"))), lit(NO_TEXT));
    return conformed.withColumn("reason", reason);
  }

  /** Rows of the dates in {@code range}; undated rows belong only to the range of all dates. */
  public static Dataset<Row> inDates(Dataset<Row> rows, DateRange range) {
    if (range.isAll()) {
      return rows;
    }
    return rows.where(col("date").between(Date.valueOf(range.from()), Date.valueOf(range.to())));
  }

  /**
   * Keeps one row per id: the latest published, then the one with the greater content hash,
   * so that the choice does not depend on input order. {@code id_repeats} counts the others.
   */
  public static Dataset<Row> collapseIds(Dataset<Row> valid) {
    Dataset<Row> repeatedIds = valid.groupBy("id").agg(count(lit(1)).as("copies"))
        .where(col("copies").gt(1)).select("id");
    Dataset<Row> single = valid.join(repeatedIds, scala.jdk.javaapi.CollectionConverters
        .asScala(java.util.List.of("id")).toSeq(), "left_anti").withColumn("id_repeats", lit(0));
    WindowSpec byId = Window.partitionBy("id").orderBy(col("published_at").desc(),
        xxhash64(coalesce(col("title"), lit("")), coalesce(col("body"), lit(""))).desc(),
        col("source").desc_nulls_last(), col("url").desc_nulls_last());
    Dataset<Row> repeated = valid.join(repeatedIds, scala.jdk.javaapi.CollectionConverters
        .asScala(java.util.List.of("id")).toSeq(), "left_semi")
        .withColumn("rank", row_number().over(byId))
        .withColumn("id_repeats", count(lit(1)).over(Window.partitionBy("id")).minus(1).cast("int"))
        .where(col("rank").equalTo(1))
        .drop("rank");
    return single.unionByName(repeated);
  }

  private static Column blank(Column c) {
    return c.isNull().or(trim(c).equalTo(""));
  }
}
