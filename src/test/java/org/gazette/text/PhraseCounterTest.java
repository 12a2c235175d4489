package org.gazette.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PhraseCounterTest {

  /**
   * "Missile balistique intercontinental. Corée du Nord a présenté. Corée du Nord. Jour de la
   * victoire", analysed.
   */
  private static final String[] SEQUENCE = {
    "|missile",
    "balistique",
    "intercontinental",
    "|corée",
    "(du)",
    "nord",
    "(a)",
    "présenté",
    "|corée",
    "(du)",
    "nord",
    "|jour",
    "(de)",
    "(la)",
    "victoire"
  };

  /** Term to count, as {@link PhraseKey#text} spells it; the one document counts once. */
  private static Map<String, Long> count(int maxWords, String... notation) {
    TermDictionary dictionary = new TermDictionary();
    CountTable table = new CountTable();
    new PhraseCounter(maxWords).count(AnalyzedToken.tokens(notation), dictionary, table, 0);
    Map<String, Long> counts = new HashMap<>();
    StringBuilder scratch = new StringBuilder();
    for (int slot = 0; slot < table.capacity(); slot++) {
      if (table.isUsed(slot)) {
        assertThat(table.documents(slot)).isOne();
        counts.put(PhraseKey.text(table.key(slot), dictionary, scratch), table.count(slot));
      }
    }
    assertThat(counts).hasSize(table.size());
    return counts;
  }

  @Test
  void wordsAndPhrasesOfUpToThreeWords() {
    assertThat(count(3, SEQUENCE))
        .containsOnly(
            entry("missile", 1L),
            entry("balistique", 1L),
            entry("intercontinental", 1L),
            entry("missile balistique", 1L),
            entry("balistique intercontinental", 1L),
            entry("missile balistique intercontinental", 1L),
            entry("corée", 2L),
            entry("nord", 2L),
            entry("corée du nord", 2L),
            entry("présenté", 1L),
            entry("nord a présenté", 1L),
            entry("jour", 1L),
            entry("victoire", 1L));
  }

  @Test
  void maxWordsLimitsPhraseLength() {
    assertThat(count(2, SEQUENCE))
        .containsOnly(
            entry("missile", 1L),
            entry("balistique", 1L),
            entry("intercontinental", 1L),
            entry("missile balistique", 1L),
            entry("balistique intercontinental", 1L),
            entry("corée", 2L),
            entry("nord", 2L),
            entry("présenté", 1L),
            entry("jour", 1L),
            entry("victoire", 1L));
    assertThat(count(1, SEQUENCE))
        .containsOnly(
            entry("missile", 1L),
            entry("balistique", 1L),
            entry("intercontinental", 1L),
            entry("corée", 2L),
            entry("nord", 2L),
            entry("présenté", 1L),
            entry("jour", 1L),
            entry("victoire", 1L));
  }

  @Test
  void phrasesNeitherStartNorEndWithAStopWord() {
    assertThat(count(3, "|(le)", "(de)", "(la)")).isEmpty();
    assertThat(count(3, "|(la)", "guerre", "(de)", "corée"))
        .containsOnly(entry("guerre", 1L), entry("corée", 1L), entry("guerre de corée", 1L));
  }

  @Test
  void aBreakInsideAPhraseStopsIt() {
    // "Sergei Shoigu, a envoyé": the comma stands between "shoigu" and "a".
    assertThat(count(3, "|sergei", "shoigu", "|(a)", "envoyé"))
        .containsOnly(
            entry("sergei", 1L),
            entry("shoigu", 1L),
            entry("envoyé", 1L),
            entry("sergei shoigu", 1L));
    assertThat(count(3, "|kim", "|jong", "un"))
        .containsOnly(entry("kim", 1L), entry("jong", 1L), entry("un", 1L), entry("jong un", 1L));
  }

  @Test
  void repeatedPhrasesAccumulate() {
    assertThat(count(3, "|kim", "jong", "un", "|kim", "jong", "un"))
        .containsOnly(
            entry("kim", 2L),
            entry("jong", 2L),
            entry("un", 2L),
            entry("kim jong", 2L),
            entry("jong un", 2L),
            entry("kim jong un", 2L));
  }

  @Test
  void noTokensNoCounts() {
    assertThat(count(3)).isEmpty();
  }

  @Test
  void maxWordsIsOneToThree() {
    assertThatThrownBy(() -> new PhraseCounter(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("was 0");
    assertThatThrownBy(() -> new PhraseCounter(4))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("was 4");
  }
}
