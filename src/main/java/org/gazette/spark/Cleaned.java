package org.gazette.spark;

import static org.apache.spark.sql.types.DataTypes.DateType;
import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;
import static org.apache.spark.sql.types.DataTypes.TimestampType;
import static org.apache.spark.sql.types.DataTypes.createStructField;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Iterator;
import org.apache.commons.codec.digest.MurmurHash3;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.gazette.text.TextCleaner;

/**
 * The cleaning pass: each article's title and body cleaned ({@link TextCleaner}) and hashed, so
 * that articles with identical cleaned text meet in one partition and can be told apart as
 * original and duplicates. Rejected rows pass through with what could be read of them.
 */
public final class Cleaned {

  /** Titles of rejected rows are cut to this length: enough to recognise the article. */
  static final int REJECTED_TITLE_CHARS = 500;

  public static final StructType SCHEMA = DataTypes.createStructType(new StructField[] {
      createStructField("hash_hi", LongType, false),
      createStructField("hash_lo", LongType, false),
      createStructField("id", StringType, true),
      createStructField("published_at", TimestampType, true),
      createStructField("published_at_raw", StringType, true),
      createStructField("date", DateType, true),
      createStructField("source", StringType, true),
      createStructField("url", StringType, true),
      createStructField("language", StringType, true),
      createStructField("title", StringType, true),
      createStructField("body", StringType, true),
      createStructField("reason", StringType, true),
      createStructField("id_repeats", IntegerType, false),
      createStructField("body_chars", IntegerType, true),
  });

  private Cleaned() {}

  /** The cleaning function, applied to rows with the columns of the triaged input. */
  public static MapPartitionsFunction<Row, Row> function() {
    return CleanFunction.INSTANCE;
  }

  /** 128-bit hash of the cleaned text: equal for identical text, as a (hi, lo) pair. */
  static long[] contentHash(String title, String body) {
    byte[] bytes = (title + "\n\n" + body).getBytes(StandardCharsets.UTF_8);
    return MurmurHash3.hash128x64(bytes, 0, bytes.length, 0x6A7A);
  }

  private enum CleanFunction implements MapPartitionsFunction<Row, Row> {
    INSTANCE;

    @Override
    public Iterator<Row> call(Iterator<Row> rows) {
      return new Iterator<>() {
        @Override
        public boolean hasNext() {
          return rows.hasNext();
        }

        @Override
        public Row next() {
          return clean(rows.next());
        }
      };
    }
  }

  static Row clean(Row in) {
    String id = in.getAs("id");
    Object publishedAt = in.getAs("published_at");
    String raw = in.getAs("published_at_raw");
    Object date = in.getAs("date");
    String source = in.getAs("source");
    String url = in.getAs("url");
    String language = in.getAs("language");
    String title = in.getAs("title");
    String body = in.getAs("body");
    String reason = in.getAs("reason");
    int idRepeats = in.<Integer>getAs("id_repeats");
    Integer bodyChars = body == null ? null : body.length();
    if (reason == null) {
      String cleanTitle = TextCleaner.clean(title);
      String cleanBody = TextCleaner.clean(body);
      if (!cleanTitle.isEmpty() || !cleanBody.isEmpty()) {
        long[] hash = contentHash(cleanTitle, cleanBody);
        return RowFactory.create(hash[0], hash[1], id, publishedAt, raw, date, source, url,
            language, cleanTitle.isEmpty() ? null : cleanTitle, cleanBody, null, idRepeats,
            bodyChars);
      }
      reason = Triage.NO_TEXT_AFTER_CLEANING;
    }
    String shortTitle = title == null || title.length() <= REJECTED_TITLE_CHARS ? title
        : title.substring(0, REJECTED_TITLE_CHARS);
    return RowFactory.create(0L, 0L, id, publishedAt, raw, date, source, url, language,
        shortTitle, null, reason, idRepeats, bodyChars);
  }

  /** A date column's value as a {@link LocalDate}, whichever Java type Spark chose. */
  static LocalDate localDate(Object value) {
    if (value == null) {
      return null;
    }
    return value instanceof LocalDate d ? d : ((java.sql.Date) value).toLocalDate();
  }

  /** A timestamp column's value as an {@link Instant}, whichever Java type Spark chose. */
  static Instant instant(Object value) {
    if (value == null) {
      return null;
    }
    return value instanceof Instant i ? i : ((Timestamp) value).toInstant();
  }
}
