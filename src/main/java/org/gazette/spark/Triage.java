package org.gazette.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.trim;
import static org.apache.spark.sql.functions.when;

import java.sql.Date;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Decides which input rows can be used: a row without an id, without a date, with a date that
 * does not parse or without any text gets a {@code reason} and goes to
 * {@code rejected_articles}. ({@link Resolution} collapses repeated ids and finds duplicates.)
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

  private static Column blank(Column c) {
    return c.isNull().or(trim(c).equalTo(""));
  }
}
