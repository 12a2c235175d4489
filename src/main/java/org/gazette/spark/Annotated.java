package org.gazette.spark;

import static org.apache.spark.sql.types.DataTypes.BooleanType;
import static org.apache.spark.sql.types.DataTypes.DateType;
import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;
import static org.apache.spark.sql.types.DataTypes.TimestampType;
import static org.apache.spark.sql.types.DataTypes.createArrayType;
import static org.apache.spark.sql.types.DataTypes.createStructField;
import static org.apache.spark.sql.types.DataTypes.createStructType;

import java.time.Instant;
import java.time.LocalDate;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import scala.collection.immutable.ArraySeq;

/**
 * The rows of the annotation pass, from which every daily table is derived: one per article,
 * one per rejected input row, and rows of partial term counts. One schema for all kinds lets a
 * single Spark pass produce them all; {@code kind} tells them apart.
 *
 * <p>Partial term counts travel packed, thousands to a row in parallel arrays ({@code terms},
 * {@code term_words}, {@code term_counts}, {@code term_docs}), because a row per term would
 * cost Spark more to cache than the counting costs Gazette.
 */
public final class Annotated {

  public static final int ARTICLE = 0;
  public static final int TERMS = 1;
  public static final int REJECTED = 2;

  public static final StructType SCHEMA = createStructType(new StructField[] {
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
      createStructField("text_truncated", BooleanType, true),
      createStructField("hash_hi", LongType, true),
      createStructField("hash_lo", LongType, true),
      createStructField("input_file", LongType, true),
      createStructField("input_row", LongType, true),
      createStructField("reason", StringType, true),
      createStructField("body_chars", IntegerType, true),
      createStructField("terms", createArrayType(StringType, false), true),
      createStructField("term_words", createArrayType(IntegerType, false), true),
      createStructField("term_counts", createArrayType(LongType, false), true),
      createStructField("term_docs", createArrayType(LongType, false), true),
  });

  private Annotated() {}

  /** An accepted article, before duplicates are told from originals. */
  public static Row article(LocalDate date, String id, Instant publishedAt, String source,
      String url, String language, boolean detected, String title, int tokenCount,
      boolean truncated, long hashHi, long hashLo, long inputFile, long inputRow) {
    return RowFactory.create(ARTICLE, date, id, publishedAt, null, source, url, language,
        detected, title, tokenCount, truncated, hashHi, hashLo, inputFile, inputRow, null, null,
        null, null, null, null);
  }

  /**
   * Partial counts of terms of one date and language, in parallel arrays of one length: the
   * terms, their words, occurrences and documents. Spark sums the parts.
   */
  public static Row terms(LocalDate date, String language, String[] terms, int[] words,
      long[] counts, long[] docs) {
    return RowFactory.create(TERMS, date, null, null, null, null, null, language, null, null,
        null, null, null, null, null, null, null, null, ArraySeq.unsafeWrapArray(terms),
        ArraySeq.unsafeWrapArray(words), ArraySeq.unsafeWrapArray(counts),
        ArraySeq.unsafeWrapArray(docs));
  }

  /** An input row that cannot be used, with what could be read of it. */
  public static Row rejected(LocalDate date, String id, String publishedAtRaw, String source,
      String url, String language, String title, Integer bodyChars, String reason) {
    return RowFactory.create(REJECTED, date, id, null, publishedAtRaw, source, url, language,
        null, title, null, null, null, null, null, null, reason, bodyChars, null, null, null,
        null);
  }
}
