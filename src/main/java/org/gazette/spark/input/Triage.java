package org.gazette.spark.input;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.is_valid_utf8;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.trim;
import static org.apache.spark.sql.functions.when;

import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Decides which input rows can be used: a row with bytes that are not UTF-8 in a text column,
 * without an id, without a date, with a date that does not parse or without any text gets a {@code
 * reason} and goes to {@code rejected_articles}. ({@link Resolution} collapses repeated ids and
 * finds duplicates.)
 */
public final class Triage {

  public static final String MISSING_ID = "missing id";
  public static final String MISSING_DATE = "missing published_at";
  public static final String BAD_DATE = "published_at does not parse";
  public static final String NO_TEXT = "no text: title and body are empty";
  public static final String NO_TEXT_AFTER_CLEANING = "no text left after removing markup";

  /** Followed by the column: "invalid UTF-8 in body". */
  public static final String INVALID_UTF8 = "invalid UTF-8 in ";

  /**
   * The text columns checked for UTF-8, with the name a reason gives each: bytes that are not UTF-8
   * (a binary column of another encoding, or a string column written without checks) would be
   * counted and shown as replacement characters, so the row is rejected instead.
   */
  private static final List<String[]> UTF8_COLUMNS =
      List.of(
          new String[] {"id", "id"},
          new String[] {"published_at_raw", "published_at"},
          new String[] {"title", "title"},
          new String[] {"body", "body"},
          new String[] {"source", "source"},
          new String[] {"url", "url"},
          new String[] {"language", "language"});

  private Triage() {}

  /** Adds {@code reason}: null for a usable row, else why it is not. */
  public static Dataset<Row> judge(Dataset<Row> conformed) {
    Column reason = null;
    for (String[] column : UTF8_COLUMNS) {
      Column invalid = not(is_valid_utf8(col(column[0])));
      Column because = lit(INVALID_UTF8 + column[1]);
      reason = reason == null ? when(invalid, because) : reason.when(invalid, because);
    }
    reason =
        reason
            .when(blank(col("id")), lit(MISSING_ID))
            .when(blank(col("published_at_raw")), lit(MISSING_DATE))
            .when(col("published_at").isNull(), lit(BAD_DATE))
            .when(blank(col("title")).and(blank(col("body"))), lit(NO_TEXT));
    return conformed.withColumn("reason", reason);
  }

  private static Column blank(Column c) {
    return c.isNull().or(trim(c).equalTo(""));
  }
}
