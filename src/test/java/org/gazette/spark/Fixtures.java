package org.gazette.spark;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/** Small inputs written inline, in the input schema with every column a string. */
final class Fixtures {

  static final StructType STRINGS = DataTypes.createStructType(Arrays.stream(
          new String[] {"id", "published_at", "source", "url", "language", "title", "body"})
      .map(name -> DataTypes.createStructField(name, DataTypes.StringType, true))
      .toArray(StructField[]::new));

  private Fixtures() {}

  /** A row: id, published_at, source, language, title, body (url is derived from the id). */
  static Row article(String id, String publishedAt, String source, String language,
      String title, String body) {
    return RowFactory.create(id, publishedAt, source,
        id == null ? null : "https://example.org/" + id, language, title, body);
  }

  /** Writes {@code rows} as Parquet under {@code folder}; returns its path. */
  static String write(SparkSession spark, Path folder, List<Row> rows) {
    String path = folder.toString();
    spark.createDataFrame(new ArrayList<>(rows), STRINGS).coalesce(1).write()
        .mode(SaveMode.Overwrite).parquet(path);
    return path;
  }
}
