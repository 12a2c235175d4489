package org.gazette.topic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gazette.topic.TopicRuleTest.set;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Set;
import java.util.stream.Collectors;
import org.gazette.text.LanguageProfiles;
import org.gazette.text.Reference;
import org.gazette.text.TermAggregator;
import org.gazette.text.TextCleaner;
import org.gazette.text.TokenAnalyzer;
import org.gazette.text.Tokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The terms of tracked topics found in an article's tokens are exactly those the nightly job counts
 * for it; and the user's example article matches the bundled topics it is about.
 */
class TrackedTermsTest {

  private static final Reference REFERENCE = Reference.bundled();
  private static final TokenAnalyzer ANALYZER = new TokenAnalyzer(LanguageProfiles.of(REFERENCE));

  /** The user's example: a French dispatch on Poutine, Kim Jong Un, Shoigu and missiles. */
  private static String seedArticle() throws IOException {
    try (InputStream in =
        TrackedTermsTest.class.getResourceAsStream("/org/gazette/text/seed-fr.txt")) {
      assertThat(in).as("test resource seed-fr.txt").isNotNull();
      return TextCleaner.clean(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
  }

  private static Tokens analyze(String text, String language) {
    Tokens tokens = new Tokens();
    ANALYZER.analyze(text, language, tokens);
    return tokens;
  }

  /** One topic naming {@code terms}, each analysed in French only, as fr:"term". */
  private static TrackedTopics trackingAll(Set<String> terms) {
    String rule =
        terms.stream().map(term -> "fr:\"" + term + "\"").collect(Collectors.joining("\n    OR "));
    return TrackedTopics.parse("all.txt", "1 | Every term |\n    " + rule, REFERENCE);
  }

  @Test
  void findsExactlyTheTermsTheNightlyJobCounts() throws IOException {
    Tokens tokens = analyze(seedArticle(), "fr");
    TermAggregator aggregator = new TermAggregator(3, 1_000_000);
    aggregator.addArticle(0, "fr", tokens);
    Set<String> counted = new HashSet<>();
    for (Iterator<TermAggregator.TermCount> it = aggregator.drain(); it.hasNext(); ) {
      counted.add(it.next().term());
    }
    assertThat(counted)
        .hasSizeGreaterThan(250)
        .contains(
            "corée du nord",
            "médias d'état",
            "missile balistique intercontinental",
            "hwasong-17",
            "nord-coréen");

    // Every counted term, tracked, is found; and analysing a term again gives the term.
    TrackedTopics all = trackingAll(counted);
    assertThat(all.topics().get(0).literals()).containsExactlyInAnyOrderElementsOf(counted);
    assertThat(new TrackedTerms(all).find(tokens)).isEqualTo(counted);
  }

  @ParameterizedTest(name = "{0}: {2}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      # text                                              | lang | found
      La Corée du Nord a tiré des missiles balistiques.   | fr   | corée du nord, missiles balistiques, missiles, nord
      Corée. Du nord au sud, les missiles                 | fr   | missiles, nord
      le pouvoir d’achat des ménages                      | fr   | pouvoir d'achat
      l’Ukraine et la Corée du Nord                       | fr   | ukraine, corée du nord, nord
      L’UKRAINE, la CORÉE DU NORD                         | fr   | ukraine, corée du nord, nord
      the war in Ukraine                                  | en   | war, ukraine
      der Krieg war lang                                  | de   |
      """)
  void findsWordsAndPhrasesAsTheArticleAnalysisGivesThem(
      String text, String language, String found) {
    TrackedTopics topics =
        TrackedTopics.parse(
            "tracked.txt",
            """
        1 | Korea | "Corée du Nord" OR missiles OR "missiles balistiques" OR nord
        2 | Ukraine | L’Ukraine OR en:war OR "pouvoir d’achat"
        """,
            REFERENCE);
    assertThat(new TrackedTerms(topics).find(analyze(text, language))).isEqualTo(set(found));
  }

  @Test
  void theSetFoundIsRefilledForEachArticle() {
    TrackedTerms finder =
        new TrackedTerms(
            TrackedTopics.parse(
                "tracked.txt", "1 | Korea | missiles OR \"corée du nord\"", REFERENCE));
    assertThat(finder.find(analyze("des missiles", "fr"))).containsExactly("missiles");
    assertThat(finder.find(analyze("la Corée du Nord", "fr"))).containsExactly("corée du nord");
    assertThat(finder.find(analyze("", "fr"))).isEmpty();
  }

  @Test
  void theExampleArticleMatchesTheBundledTopicsItIsAbout() throws IOException {
    TrackedTopics bundled = TrackedTopics.bundled();
    Set<String> terms = new TrackedTerms(bundled).find(analyze(seedArticle(), "fr"));
    // The article's entity ids, as SeedArticleEntitiesTest finds them.
    Set<String> entities =
        set(
            "vladimir-putin, kim-jong-un, sergei-shoigu, igor-klymenko,"
                + " city:1871859, country:PRK, country:RUS, country:UKR, country:USA, kcna, reuters,"
                + " newsweek, nk-news, un-security-council, carnegie-endowment");

    assertThat(terms)
        .containsExactlyInAnyOrder(
            "corée du nord",
            "guerre",
            "icbm",
            "invasion",
            "missile",
            "missile balistique",
            "missiles",
            "nord-coréen",
            "nord-coréens",
            "ukraine");
    assertThat(bundled.matching(terms, entities)).containsExactly(1, 2, 3);
    assertThat(bundled.matching(terms, Set.of())).as("on its words alone").containsExactly(1, 2);
  }
}
