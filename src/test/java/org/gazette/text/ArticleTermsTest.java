package org.gazette.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ArticleTermsTest {

  private static final String[] SEQUENCE = {
    "|missile", "balistique", "|corée", "(du)", "nord", "(a)", "tiré", "|corée", "(du)", "nord"
  };

  @Test
  void mostFrequentFirstThenWordsBeforePhrasesThenAlphabetical() {
    ArticleTerms.Bag bag = new ArticleTerms(3, 100).of(AnalyzedToken.tokens(SEQUENCE));
    assertThat(bag.terms())
        .containsExactly(
            "corée",
            "nord",
            "corée du nord",
            "balistique",
            "missile",
            "tiré",
            "missile balistique",
            "nord a tiré");
    assertThat(bag.counts()).containsExactly(2, 2, 2, 1, 1, 1, 1, 1);
  }

  @Test
  void keepsAtMostMaxTerms() {
    ArticleTerms.Bag bag = new ArticleTerms(3, 3).of(AnalyzedToken.tokens(SEQUENCE));
    assertThat(bag.terms()).containsExactly("corée", "nord", "corée du nord");
    assertThat(bag.size()).isEqualTo(3);
  }

  @Test
  void wordsOnlyWhenPhrasesAreOff() {
    ArticleTerms.Bag bag = new ArticleTerms(1, 100).of(AnalyzedToken.tokens(SEQUENCE));
    assertThat(bag.terms()).containsExactly("corée", "nord", "balistique", "missile", "tiré");
  }

  @Test
  void sameTextSameBagAcrossArticlesAndEmptyTextEmptyBag() {
    ArticleTerms terms = new ArticleTerms(3, 100);
    ArticleTerms.Bag first = terms.of(AnalyzedToken.tokens(SEQUENCE));
    terms.of(AnalyzedToken.tokens("|guerre", "ukraine"));
    ArticleTerms.Bag again = terms.of(AnalyzedToken.tokens(SEQUENCE));
    assertThat(again.terms()).containsExactly(first.terms());
    assertThat(Arrays.equals(again.counts(), first.counts())).isTrue();
    assertThat(terms.of(new Tokens()).size()).isZero();
  }

  @Test
  void rejectsNonPositiveLimit() {
    assertThatThrownBy(() -> new ArticleTerms(3, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("maxTerms must be positive, was 0");
  }
}
