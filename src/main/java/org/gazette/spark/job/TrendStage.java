package org.gazette.spark.job;

import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.gazette.spark.DateRange;
import org.gazette.spark.store.Table;
import org.gazette.spark.tables.Trends;
import org.gazette.trend.TrendSettings;

/**
 * {@code term_trends}: the terms and entities that stand out on each date of the pass, from the
 * counts the pass staged and the stored counts of the window before its first date. History is
 * read, never annotated again. Runs after the article and entity stages, whose tables it reads.
 */
public final class TrendStage implements Stage {

  /** The tables it writes, in order. */
  public static final List<Table> TABLES = List.of(Table.TERM_TRENDS);

  private final TrendSettings settings;

  public TrendStage(TrendSettings settings) {
    this.settings = settings;
  }

  @Override
  public String name() {
    return "trends";
  }

  @Override
  public List<Table> tables() {
    return TABLES;
  }

  @Override
  public void run(Night night) {
    DateRange dates = night.dates();
    Optional<DateRange> history = Trends.history(dates, settings);
    Dataset<Row> termCounts = withHistory(night, Table.TERM_FREQUENCIES, history);
    Dataset<Row> volumes = withHistory(night, Table.CORPUS_STATS, history);
    Dataset<Row> articles =
        withHistory(night, Table.ARTICLES, history)
            .select("date", "id", "language", "entity_ids", "duplicate_of");
    Dataset<Row> termTrends =
        Trends.termTrends(termCounts, volumes, night.staged(Table.ARTICLE_TERMS), dates, settings);
    Dataset<Row> entityTrends = Trends.entityTrends(articles, volumes, dates, settings);
    night.write(
        Table.TERM_TRENDS, Trends.table(termTrends, entityTrends, night.staged(Table.ENTITIES)));
  }

  /** The pass's staged rows of a daily table, with the stored rows of the {@code history}. */
  private static Dataset<Row> withHistory(Night night, Table table, Optional<DateRange> history) {
    Dataset<Row> rows = night.staged(table);
    Dataset<Row> stored = history.isPresent() ? night.current(table) : null;
    return stored == null ? rows : rows.unionByName(history.get().filter(stored));
  }
}
