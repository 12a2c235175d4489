package org.gazette.spark.tables;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.gazette.spark.pass.Annotated;
import org.gazette.spark.store.Table;

/** The daily tables, each derived from the rows of one annotation pass. */
public final class DailyTables {

  private DailyTables() {}

  /** {@code articles}: originals and duplicates, one row per id. */
  public static Dataset<Row> articles(Dataset<Row> resolvedArticles) {
    return conform(resolvedArticles, Table.ARTICLES);
  }

  /**
   * {@code article_terms}: the terms of each original article (duplicates left out), as the
   * annotation pass counted them, for topic models and trend examples.
   */
  public static Dataset<Row> articleTerms(Dataset<Row> resolvedArticles) {
    return conform(
        resolvedArticles
            .where(col("duplicate_of").isNull())
            .withColumn("counts", col("term_counts")),
        Table.ARTICLE_TERMS);
  }

  /** {@code rejected_articles}: every input row that could not be used, with its reason. */
  public static Dataset<Row> rejectedArticles(Dataset<Row> annotated) {
    return conform(
        annotated
            .where(col("kind").equalTo(Annotated.REJECTED))
            .withColumn("published_at", col("published_at_raw")),
        Table.REJECTED_ARTICLES);
  }

  /**
   * {@code term_frequencies}: the partial counts summed per date, language and term; phrases
   * ({@code n > 1}) found in fewer than {@code minPhraseDocs} articles that day are left out. The
   * annotation pass counts originals only.
   */
  public static Dataset<Row> termFrequencies(Dataset<Row> annotated, int minPhraseDocs) {
    return conform(
        TermSums.sum(annotated.where(col("kind").equalTo(Annotated.TERMS)), minPhraseDocs),
        Table.TERM_FREQUENCIES);
  }

  /** {@code corpus_stats}: the denominators per date, language and source. */
  public static Dataset<Row> corpusStats(Dataset<Row> resolvedArticles, Dataset<Row> annotated) {
    Column original = col("duplicate_of").isNull();
    Dataset<Row> fromArticles =
        resolvedArticles
            .groupBy("date", "language", "source")
            .agg(
                count(when(original, lit(1))).as("articles"),
                count(when(original.unary_$bang(), lit(1)))
                    .plus(sum("id_repeats"))
                    .as("duplicates"),
                lit(0L).as("rejected"),
                coalesce(sum(when(original, col("token_count"))), lit(0L)).as("tokens"),
                coalesce(sum(when(original, col("pairs_dropped"))), lit(0L)).as("pairs_dropped"));
    Dataset<Row> fromRejected =
        annotated
            .where(col("kind").equalTo(Annotated.REJECTED).and(col("date").isNotNull()))
            .groupBy("date", "language", "source")
            .agg(
                lit(0L).as("articles"),
                lit(0L).as("duplicates"),
                count(lit(1)).as("rejected"),
                lit(0L).as("tokens"),
                lit(0L).as("pairs_dropped"));
    Dataset<Row> stats =
        fromArticles
            .unionByName(fromRejected)
            .groupBy("date", "language", "source")
            .agg(
                sum("articles").as("articles"),
                sum("duplicates").as("duplicates"),
                sum("rejected").as("rejected"),
                sum("tokens").as("tokens"),
                sum("pairs_dropped").as("pairs_dropped"));
    return conform(stats, Table.CORPUS_STATS);
  }

  /** Selects and casts the columns of {@code table}, in its order. */
  static Dataset<Row> conform(Dataset<Row> rows, Table table) {
    return rows.select(
        table.columnNames().stream()
            .map(name -> col(name).cast(table.schema().apply(name).dataType()).as(name))
            .toArray(Column[]::new));
  }
}
