package org.gazette.spark.job;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.max;

import java.time.LocalDate;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.gazette.spark.DateRange;
import org.gazette.spark.RowValues;
import org.gazette.spark.store.Table;

/**
 * What the stages of one pass of a nightly run share: the pass (its dates, its staged tables),
 * every row of its annotation pass, and its articles, one row per id with their entities linked.
 */
public final class Night {

  private final SparkSession spark;
  private final Pass pass;
  private final Dataset<Row> annotated;
  private final Dataset<Row> articles;
  private final LocalDate runLast;

  Night(
      SparkSession spark,
      Pass pass,
      Dataset<Row> annotated,
      Dataset<Row> articles,
      LocalDate runLast) {
    this.spark = spark;
    this.pass = pass;
    this.annotated = annotated;
    this.articles = articles;
    this.runLast = runLast;
  }

  public SparkSession spark() {
    return spark;
  }

  public Pass pass() {
    return pass;
  }

  /** The dates of the pass. */
  public DateRange dates() {
    return pass.dates();
  }

  /**
   * The last date of the run this pass belongs to: what the run may learn from (a topic model
   * trained on dates up to it). For a run over every date in one pass, the last date it annotated.
   */
  public LocalDate runLastDate() {
    if (runLast != null) {
      return runLast;
    }
    Row last = staged(Table.CORPUS_STATS).agg(max("date")).first();
    return last.isNullAt(0) ? LocalDate.MAX : RowValues.localDate(last.get(0));
  }

  /** Every row of the annotation pass: articles, rejected rows, partial term counts. */
  public Dataset<Row> annotated() {
    return annotated;
  }

  /** The rows of {@code articles}: originals and duplicates, one per id. */
  public Dataset<Row> articles() {
    return articles;
  }

  /** The original articles: duplicates are left out of every count. */
  public Dataset<Row> originals() {
    return articles.where(col("duplicate_of").isNull());
  }

  /** Stages {@code rows} as the pass's {@code table}. */
  public void write(Table table, Dataset<Row> rows) {
    pass.write(table, rows);
  }

  /** What the pass staged for {@code table} (a stage before this one wrote it), or null. */
  public Dataset<Row> staged(Table table) {
    return pass.staged(table);
  }

  /** The committed rows of {@code table}, or null. */
  public Dataset<Row> current(Table table) {
    return pass.current(table);
  }
}
