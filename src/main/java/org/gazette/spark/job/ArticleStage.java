package org.gazette.spark.job;

import java.util.List;
import org.gazette.Check;
import org.gazette.spark.store.Table;
import org.gazette.spark.tables.DailyTables;

/**
 * The tables of the articles and their terms, which every night writes: {@code articles}, {@code
 * rejected_articles}, {@code term_frequencies}, {@code article_terms}, {@code corpus_stats}.
 */
public final class ArticleStage implements Stage {

  /** The tables it writes, in order. */
  public static final List<Table> TABLES =
      List.of(
          Table.ARTICLES,
          Table.REJECTED_ARTICLES,
          Table.TERM_FREQUENCIES,
          Table.ARTICLE_TERMS,
          Table.CORPUS_STATS);

  /**
   * @param minPhraseDocs a phrase is kept only if that many articles of its day contain it
   */
  public record Settings(int minPhraseDocs) {
    public static final Settings DEFAULTS = new Settings(2);

    public Settings {
      Check.option(minPhraseDocs >= 1, "--min-phrase-docs", "at least 1", minPhraseDocs);
    }

    public Settings withMinPhraseDocs(int n) {
      return new Settings(n);
    }
  }

  private final Settings settings;

  public ArticleStage(Settings settings) {
    this.settings = settings;
  }

  @Override
  public String name() {
    return "articles";
  }

  @Override
  public List<Table> tables() {
    return TABLES;
  }

  @Override
  public void run(Night night) {
    night.write(Table.ARTICLES, DailyTables.articles(night.articles()));
    night.write(Table.REJECTED_ARTICLES, DailyTables.rejectedArticles(night.annotated()));
    night.write(
        Table.TERM_FREQUENCIES,
        DailyTables.termFrequencies(night.annotated(), settings.minPhraseDocs()));
    night.write(Table.ARTICLE_TERMS, DailyTables.articleTerms(night.articles()));
    night.write(Table.CORPUS_STATS, DailyTables.corpusStats(night.articles(), night.annotated()));
  }
}
