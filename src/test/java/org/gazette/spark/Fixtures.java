package org.gazette.spark;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/** Small inputs written inline, in the input schema with every column a string. */
public final class Fixtures {

  public static final StructType STRINGS =
      DataTypes.createStructType(
          Arrays.stream(
                  new String[] {"id", "published_at", "source", "url", "language", "title", "body"})
              .map(name -> DataTypes.createStructField(name, DataTypes.StringType, true))
              .toArray(StructField[]::new));

  private Fixtures() {}

  /** A row: id, published_at, source, language, title, body (url is derived from the id). */
  public static Row article(
      String id, String publishedAt, String source, String language, String title, String body) {
    return RowFactory.create(
        id,
        publishedAt,
        source,
        id == null ? null : "https://example.org/" + id,
        language,
        title,
        body);
  }

  /** A frame of {@code rows} with {@code schema}, for inputs of other column types. */
  public static Dataset<Row> frame(SparkSession spark, StructType schema, Object[]... rows) {
    List<Row> list = new ArrayList<>();
    for (Object[] r : rows) {
      list.add(RowFactory.create(r));
    }
    return spark.createDataFrame(list, schema);
  }

  /** A schema of {@code nameThenType} pairs: "id", DataTypes.StringType, "body", … */
  public static StructType schema(Object... nameThenType) {
    StructType s = new StructType();
    for (int i = 0; i < nameThenType.length; i += 2) {
      s = s.add((String) nameThenType[i], (DataType) nameThenType[i + 1]);
    }
    return s;
  }

  /** Writes {@code rows} as Parquet under {@code folder}; returns its path. */
  public static String write(SparkSession spark, Path folder, List<Row> rows) {
    String path = folder.toString();
    spark
        .createDataFrame(new ArrayList<>(rows), STRINGS)
        .coalesce(1)
        .write()
        .mode(SaveMode.Overwrite)
        .parquet(path);
    return path;
  }
}
