package org.gazette.spark;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.gazette.spark.store.Table;

/**
 * The rows of output tables in a form two runs can be compared in: sorted by every key column,
 * topic model ids without the training time they hold.
 */
public final class TableRows {

  private TableRows() {}

  /** Every row of {@code table} under {@code output}, sorted, model ids normalised. */
  public static List<Row> of(SparkSession spark, String output, Table table) {
    Dataset<Row> rows = spark.read().parquet(output + "/" + table.tableName());
    if (table.columnNames().contains("model_id")) {
      // Model ids hold the time of training: the same model trained twice differs there.
      rows =
          rows.withColumn(
              "model_id", functions.regexp_replace(functions.col("model_id"), "^lda-.*", "lda"));
    }
    return rows.orderBy(table.columnNames().stream().map(functions::col).toArray(Column[]::new))
        .collectAsList();
  }

  /** {@link #of} for each of {@code tables}, by table name. */
  public static Map<String, List<Row>> of(SparkSession spark, String output, List<Table> tables) {
    Map<String, List<Row>> rows = new TreeMap<>();
    for (Table table : tables) {
      rows.put(table.tableName(), of(spark, output, table));
    }
    return rows;
  }

  /** The table whose folder is called {@code name}, or null when none is. */
  public static Table named(String name) {
    for (Table table : Table.values()) {
      if (table.tableName().equals(name)) {
        return table;
      }
    }
    return null;
  }
}
