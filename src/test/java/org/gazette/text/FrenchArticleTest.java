package org.gazette.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Terms of a whole article: the user's example (seed-fr.txt, a French dispatch of about 440 words),
 * cleaned, analysed and counted as the nightly job does.
 */
class FrenchArticleTest {

  private static final int DAY = 19_569; // 2023-07-31

  private static Map<String, TermAggregator.TermCount> terms;
  private static Tokens tokens;

  @BeforeAll
  static void countArticle() throws IOException {
    String text;
    try (InputStream in = FrenchArticleTest.class.getResourceAsStream("seed-fr.txt")) {
      assertThat(in).as("test resource seed-fr.txt").isNotNull();
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    tokens = new Tokens();
    new TokenAnalyzer(LanguageProfiles.of(Reference.bundled()))
        .analyze(TextCleaner.clean(text), "fr", tokens);
    TermAggregator aggregator = new TermAggregator(3, 1_000_000);
    aggregator.addArticle(DAY, "fr", tokens);
    terms = new HashMap<>();
    for (Iterator<TermAggregator.TermCount> it = aggregator.drain(); it.hasNext(); ) {
      TermAggregator.TermCount count = it.next();
      assertThat(terms.put(count.term(), count)).as("term %s drained twice", count.term()).isNull();
    }
  }

  private static long count(String term) {
    TermAggregator.TermCount c = terms.get(term);
    return c == null ? 0 : c.count();
  }

  @Test
  void poutineIsCountedFourTimes() {
    // "Vladimir Poutine", "M. Poutine", and "portraits de Poutine" twice.
    assertThat(count("poutine")).isEqualTo(4);
    assertThat(count("vladimir poutine")).isEqualTo(1);
    assertThat(count("portraits de poutine")).isEqualTo(2);
  }

  @Test
  void wordsInsideAPhraseKeepTheirElidedArticle() {
    // "l’invasion de l’Ukraine", "selon l’Agence centrale de presse coréenne",
    // "d’immenses portraits de Poutine"
    assertThat(count("invasion de l'ukraine")).isEqualTo(1);
    assertThat(count("ukraine")).isEqualTo(2);
    assertThat(count("agence centrale")).isEqualTo(1);
    assertThat(count("immenses portraits")).isEqualTo(1);
    assertThat(count("de l'ukraine")).isZero();
    assertThat(terms).doesNotContainKeys("l'ukraine", "invasion de ukraine");
  }

  @Test
  void phrasesAroundStopWords() {
    assertThat(terms.get("corée du nord"))
        .isEqualTo(new TermAggregator.TermCount(DAY, "fr", "corée du nord", 3, 2, 1));
    assertThat(terms.get("missile balistique intercontinental"))
        .isEqualTo(
            new TermAggregator.TermCount(
                DAY, "fr", "missile balistique intercontinental", 3, 1, 1));
    assertThat(terms).containsKey("conseil de sécurité");
    assertThat(count("conseil de sécurité")).isEqualTo(1);
    assertThat(count("sergei shoigu")).isEqualTo(3);
    assertThat(count("immeuble résidentiel")).isEqualTo(2);
  }

  @Test
  void hyphenatedNamesAreSingleTerms() {
    assertThat(count("nord-coréen")).isEqualTo(2);
    assertThat(count("états-unis")).isEqualTo(1);
    assertThat(count("hwasong-17")).isEqualTo(1);
    assertThat(count("hwasong-18")).isEqualTo(1);
    assertThat(terms.keySet()).doesNotContain("hwasong", "17", "unis", "coréen");
  }

  @Test
  void stopWordsNumbersAndElidedArticlesAreNotTerms() {
    assertThat(terms.keySet())
        .doesNotContain(
            "de",
            "la",
            "le",
            "a",
            "été",
            "plus",
            "a-t-il",
            "déclaré",
            "l'agence",
            "l",
            "70e",
            "10",
            "m",
            "corée du",
            "du nord");
    assertThat(count("agence")).isEqualTo(2);
  }

  @Test
  void phrasesDoNotCrossPunctuation() {
    // "... Sergei Shoigu, a envoyé" and "(KCNA). Dans cette lettre".
    assertThat(terms.keySet()).doesNotContain("shoigu a envoyé", "coréenne kcna", "kcna lettre");
  }

  @Test
  void everyTermOnceInOneDocument() {
    assertThat(terms.values())
        .allSatisfy(
            c -> {
              assertThat(c.documents()).isEqualTo(1);
              assertThat(c.day()).isEqualTo(DAY);
              assertThat(c.language()).isEqualTo("fr");
              assertThat(c.term().split(" ")).hasSize(c.words());
            });
    long unigrams =
        terms.values().stream()
            .filter(c -> c.words() == 1)
            .mapToLong(TermAggregator.TermCount::count)
            .sum();
    long contentTokens = 0;
    for (int i = 0; i < tokens.size(); i++) {
      contentTokens += tokens.isStopWord(i) ? 0 : 1;
    }
    assertThat(unigrams).isEqualTo(contentTokens);
    assertThat(tokens.wordCount()).isEqualTo(tokens.size()).isBetween(400, 480);
  }
}
