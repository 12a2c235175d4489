package org.gazette.spark.pass;

import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;
import static org.apache.spark.sql.types.DataTypes.TimestampType;
import static org.apache.spark.sql.types.DataTypes.createStructField;
import static org.apache.spark.sql.types.DataTypes.createStructType;

import java.util.Iterator;
import java.util.NoSuchElementException;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * The keys {@link Resolution} decides on, one row per usable input row: where it was read
 * (partition, file, row), its id, its publication time and the hash of its cleaned text. The text
 * is cleaned as {@link Annotation} cleans it and then dropped: what leaves the task is a few dozen
 * bytes a row.
 */
public final class Fingerprint implements MapPartitionsFunction<Row, Row> {

  private static final long serialVersionUID = 1L;

  public static final StructType SCHEMA =
      createStructType(
          new StructField[] {
            createStructField("part", IntegerType, false),
            createStructField("input_file", LongType, false),
            createStructField("input_row", LongType, false),
            createStructField("id", StringType, false),
            createStructField("published_at", TimestampType, false),
            createStructField("hash_hi", LongType, false),
            createStructField("hash_lo", LongType, false),
          });

  @Override
  public Iterator<Row> call(Iterator<Row> rows) {
    return new Iterator<>() {
      private Row next;
      private boolean columnsKnown;
      private int part;
      private int id;
      private int publishedAt;
      private int title;
      private int body;
      private int inputFile;
      private int inputRow;
      private int reason;

      @Override
      public boolean hasNext() {
        while (next == null && rows.hasNext()) {
          next = fingerprint(rows.next());
        }
        return next != null;
      }

      @Override
      public Row next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        Row r = next;
        next = null;
        return r;
      }

      private Row fingerprint(Row row) {
        if (!columnsKnown) {
          columnsKnown = true;
          part = row.fieldIndex("part");
          id = row.fieldIndex("id");
          publishedAt = row.fieldIndex("published_at");
          title = row.fieldIndex("title");
          body = row.fieldIndex("body");
          inputFile = row.fieldIndex("input_file");
          inputRow = row.fieldIndex("input_row");
          reason = row.fieldIndex("reason");
        }
        String rawTitle = row.getString(title);
        String rawBody = row.getString(body);
        Annotation.Cleaned cleaned =
            Annotation.Cleaned.of(row.getString(reason), rawTitle, rawBody);
        if (cleaned.reason() != null) {
          return null;
        }
        long[] hash = cleaned.hash(rawTitle, rawBody);
        return RowFactory.create(
            row.getInt(part),
            row.getLong(inputFile),
            row.getLong(inputRow),
            row.getString(id),
            row.get(publishedAt),
            hash[0],
            hash[1]);
      }
    };
  }
}
