package org.gazette.spark;

import static org.apache.spark.sql.types.DataTypes.BooleanType;
import static org.apache.spark.sql.types.DataTypes.DateType;
import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;
import static org.apache.spark.sql.types.DataTypes.TimestampType;
import static org.apache.spark.sql.types.DataTypes.createStructField;

import java.time.Instant;
import java.time.LocalDate;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The rows of the single annotation pass, from which every daily table is derived: one kind of
 * row per article (accepted or duplicate), per rejected input row, and per partial term count.
 * One schema for all kinds lets one Spark pass produce them all; {@code kind} tells them apart.
 */
public final class Annotated {

  public static final int ARTICLE = 0;
  public static final int TERM = 1;
  public static final int REJECTED = 2;

  public static final StructType SCHEMA = DataTypes.createStructType(new org.apache.spark.sql.types.StructField[] {
      createStructField("kind", IntegerType, false),
      createStructField("date", DateType, true),
      createStructField("id", StringType, true),
      createStructField("published_at", TimestampType, true),
      createStructField("published_at_raw", StringType, true),
      createStructField("source", StringType, true),
      createStructField("url", StringType, true),
      createStructField("language", StringType, true),
      createStructField("language_detected", BooleanType, true),
      createStructField("title", StringType, true),
      createStructField("token_count", IntegerType, true),
      createStructField("duplicate_of", StringType, true),
      createStructField("id_repeats", IntegerType, true),
      createStructField("text_truncated", BooleanType, true),
      createStructField("term", StringType, true),
      createStructField("n", IntegerType, true),
      createStructField("count", LongType, true),
      createStructField("doc_count", LongType, true),
      createStructField("reason", StringType, true),
      createStructField("body_chars", IntegerType, true),
  });

  private Annotated() {}

  /** An accepted article, or a duplicate of one when {@code duplicateOf} is set. */
  public static Row article(LocalDate date, String id, Instant publishedAt, String source,
      String url, String language, boolean detected, String title, int tokenCount,
      String duplicateOf, int idRepeats, boolean truncated) {
    return RowFactory.create(ARTICLE, date, id, publishedAt, null, source, url, language,
        detected, title, tokenCount, duplicateOf, idRepeats, truncated, null, null, null, null,
        null, null);
  }

  /** A partial count of a term on a day; Spark sums the parts. */
  public static Row term(LocalDate date, String language, String term, int n, long count,
      long docCount) {
    return RowFactory.create(TERM, date, null, null, null, null, null, language, null, null,
        null, null, null, null, term, n, count, docCount, null, null);
  }

  /** An input row that cannot be used, with what could be read of it. */
  public static Row rejected(LocalDate date, String id, String publishedAtRaw, String source,
      String url, String language, String title, Integer bodyChars, String reason) {
    return RowFactory.create(REJECTED, date, id, null, publishedAtRaw, source, url, language,
        null, title, null, null, null, null, null, null, null, null, reason, bodyChars);
  }
}
