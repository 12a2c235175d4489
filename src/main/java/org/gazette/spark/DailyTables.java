package org.gazette.spark;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** The daily tables, each derived from the {@link Annotated} rows of one annotation pass. */
public final class DailyTables {

  private DailyTables() {}

  /** {@code articles}: originals and duplicates, one row each. */
  public static Dataset<Row> articles(Dataset<Row> annotated) {
    return conform(annotated.where(col("kind").equalTo(Annotated.ARTICLE)), Table.ARTICLES);
  }

  /** {@code rejected_articles}: every input row that could not be used, with its reason. */
  public static Dataset<Row> rejectedArticles(Dataset<Row> annotated) {
    return conform(annotated.where(col("kind").equalTo(Annotated.REJECTED))
        .withColumn("published_at", col("published_at_raw")), Table.REJECTED_ARTICLES);
  }

  /**
   * {@code term_frequencies}: the partial counts summed per date, language and term; phrases
   * ({@code n > 1}) found in fewer than {@code minPhraseDocs} articles that day are left out.
   */
  public static Dataset<Row> termFrequencies(Dataset<Row> annotated, int minPhraseDocs) {
    Dataset<Row> summed = annotated.where(col("kind").equalTo(Annotated.TERM))
        .groupBy("date", "language", "term", "n")
        .agg(sum("count").as("count"), sum("doc_count").as("doc_count"));
    return conform(summed.where(col("n").equalTo(1).or(col("doc_count").geq(minPhraseDocs))),
        Table.TERM_FREQUENCIES);
  }

  /** {@code corpus_stats}: the denominators per date, language and source. */
  public static Dataset<Row> corpusStats(Dataset<Row> annotated) {
    Column isArticle = col("kind").equalTo(Annotated.ARTICLE);
    Column original = isArticle.and(col("duplicate_of").isNull());
    Column duplicate = isArticle.and(col("duplicate_of").isNotNull());
    Dataset<Row> stats = annotated
        .where(col("kind").notEqual(Annotated.TERM).and(col("date").isNotNull()))
        .groupBy("date", "language", "source")
        .agg(
            count(when(original, lit(1))).as("articles"),
            count(when(duplicate, lit(1))).plus(
                coalesce(sum(when(isArticle, col("id_repeats"))), lit(0L))).as("duplicates"),
            count(when(col("kind").equalTo(Annotated.REJECTED), lit(1))).as("rejected"),
            coalesce(sum(when(original, col("token_count"))), lit(0L)).as("tokens"));
    return conform(stats, Table.CORPUS_STATS);
  }

  /** Selects and casts the columns of {@code table}, in its order. */
  static Dataset<Row> conform(Dataset<Row> rows, Table table) {
    return rows.select(table.columnNames().stream()
        .map(name -> col(name).cast(table.schema().apply(name).dataType()).as(name))
        .toArray(Column[]::new));
  }
}
