package org.gazette.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.gazette.text.TermAggregator.TermCount;
import org.junit.jupiter.api.Test;

class TermAggregatorTest {

  private static final int MONDAY = 19_569; // 2023-07-31
  private static final int TUESDAY = MONDAY + 1;

  private static List<TermCount> drainAll(TermAggregator aggregator) {
    List<TermCount> all = new ArrayList<>();
    aggregator.drain().forEachRemaining(all::add);
    return all;
  }

  @Test
  void countsAndDocumentsPerDayLanguageAndTerm() {
    TermAggregator aggregator = new TermAggregator(3, 1_000);
    // "Corée du Nord, Corée du Nord" and "la Corée du Nord", French, on Monday.
    aggregator.addArticle(
        MONDAY, "fr", AnalyzedToken.tokens("|corée", "(du)", "nord", "|corée", "(du)", "nord"));
    aggregator.addArticle(MONDAY, "fr", AnalyzedToken.tokens("|(la)", "corée", "(du)", "nord"));
    // "North Korea fired" in English on Tuesday, "Korea" in English on Monday.
    aggregator.addArticle(TUESDAY, "en", AnalyzedToken.tokens("|north", "korea", "fired"));
    aggregator.addArticle(MONDAY, "en", AnalyzedToken.tokens("|korea"));

    assertThat(aggregator.entries()).isEqualTo(3 + 6 + 1);
    assertThat(drainAll(aggregator))
        .containsExactlyInAnyOrder(
            new TermCount(MONDAY, "fr", "corée", 1, 3, 2),
            new TermCount(MONDAY, "fr", "nord", 1, 3, 2),
            new TermCount(MONDAY, "fr", "corée du nord", 3, 3, 2),
            new TermCount(TUESDAY, "en", "north", 1, 1, 1),
            new TermCount(TUESDAY, "en", "korea", 1, 1, 1),
            new TermCount(TUESDAY, "en", "fired", 1, 1, 1),
            new TermCount(TUESDAY, "en", "north korea", 2, 1, 1),
            new TermCount(TUESDAY, "en", "korea fired", 2, 1, 1),
            new TermCount(TUESDAY, "en", "north korea fired", 3, 1, 1),
            new TermCount(MONDAY, "en", "korea", 1, 1, 1));
  }

  @Test
  void drainEmptiesTheTablesAndCountingGoesOn() {
    TermAggregator aggregator = new TermAggregator(2, 1_000);
    aggregator.addArticle(MONDAY, "fr", AnalyzedToken.tokens("|sergei", "shoigu"));
    assertThat(drainAll(aggregator)).hasSize(3);
    assertThat(aggregator.entries()).isZero();
    assertThat(drainAll(aggregator)).isEmpty();

    aggregator.addArticle(TUESDAY, "fr", AnalyzedToken.tokens("|shoigu", "|pyongyang"));
    aggregator.addArticle(TUESDAY, "fr", AnalyzedToken.tokens("|shoigu"));

    assertThat(drainAll(aggregator))
        .containsExactlyInAnyOrder(
            new TermCount(TUESDAY, "fr", "shoigu", 1, 2, 2),
            new TermCount(TUESDAY, "fr", "pyongyang", 1, 1, 1));
  }

  @Test
  void noArticleMayBeAddedWhileDraining() {
    TermAggregator aggregator = new TermAggregator(3, 1_000);
    aggregator.addArticle(MONDAY, "fr", AnalyzedToken.tokens("|kim", "jong"));
    Iterator<TermCount> drain = aggregator.drain();
    drain.next();

    assertThatThrownBy(() -> aggregator.addArticle(MONDAY, "fr", AnalyzedToken.tokens("|kim")))
        .isInstanceOf(IllegalStateException.class);

    drain.forEachRemaining(c -> {});
    assertThatThrownBy(drain::next).isInstanceOf(NoSuchElementException.class);
    aggregator.addArticle(MONDAY, "fr", AnalyzedToken.tokens("|kim"));
    assertThat(drainAll(aggregator)).containsExactly(new TermCount(MONDAY, "fr", "kim", 1, 1, 1));
  }

  @Test
  void isFullOnceEntriesPassFlushAt() {
    TermAggregator aggregator = new TermAggregator(1, 3);
    aggregator.addArticle(MONDAY, "fr", AnalyzedToken.tokens("|kim", "jong", "un"));
    assertThat(aggregator.entries()).isEqualTo(3);
    assertThat(aggregator.isFull()).isFalse();

    aggregator.addArticle(MONDAY, "fr", AnalyzedToken.tokens("|kim", "jong", "un"));
    assertThat(aggregator.isFull()).as("same terms again").isFalse();

    aggregator.addArticle(TUESDAY, "fr", AnalyzedToken.tokens("|kim"));
    assertThat(aggregator.entries()).isEqualTo(4);
    assertThat(aggregator.isFull()).isTrue();

    drainAll(aggregator);
    assertThat(aggregator.isFull()).isFalse();
  }

  @Test
  void articlesWithoutTokensAreSkipped() {
    TermAggregator aggregator = new TermAggregator(3, 10);
    aggregator.addArticle(MONDAY, "fr", new Tokens());
    aggregator.addArticle(MONDAY, "fr", AnalyzedToken.tokens("|(le)", "(de)"));
    assertThat(aggregator.entries()).isZero();
    assertThat(drainAll(aggregator)).isEmpty();
  }

  @Test
  void flushAtMustBePositive() {
    assertThatThrownBy(() -> new TermAggregator(3, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("was 0");
  }
}
