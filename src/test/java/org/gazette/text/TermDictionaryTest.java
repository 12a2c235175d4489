package org.gazette.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TermDictionaryTest {

  private static int id(TermDictionary dictionary, String term) {
    return dictionary.idOf(term.toCharArray(), 0, term.length());
  }

  @Test
  void idsAreGivenInOrderAndStayStable() {
    TermDictionary dictionary = new TermDictionary();
    assertThat(id(dictionary, "corée")).isZero();
    assertThat(id(dictionary, "nord")).isEqualTo(1);
    assertThat(id(dictionary, "corée")).isZero();
    assertThat(id(dictionary, "")).isEqualTo(2);
    assertThat(id(dictionary, "Corée")).as("case matters").isEqualTo(3);
    assertThat(dictionary.size()).isEqualTo(4);
    assertThat(dictionary.term(1)).isEqualTo("nord");
    StringBuilder out = new StringBuilder("«");
    dictionary.appendTerm(0, out);
    assertThat(out).hasToString("«corée");
  }

  @Test
  void looksUpARangeOfALargerBuffer() {
    TermDictionary dictionary = new TermDictionary();
    char[] text = "corée du nord".toCharArray();
    int nord = dictionary.idOf(text, 9, 4);
    int du = dictionary.idOf(text, 6, 2);

    assertThat(dictionary.term(nord)).isEqualTo("nord");
    assertThat(dictionary.term(du)).isEqualTo("du");
    assertThat(id(dictionary, "nord")).isEqualTo(nord);
  }

  @Test
  void manyTermsKeepTheirIds() {
    TermDictionary dictionary = new TermDictionary();
    int n = 30_000; // past the first rehashes and the first 64 K characters
    List<String> wrong = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      if (id(dictionary, "terme" + i) != i) {
        wrong.add("new terme" + i);
      }
    }
    assertThat(dictionary.size()).isEqualTo(n);
    for (int i = 0; i < n; i++) {
      if (id(dictionary, "terme" + i) != i || !dictionary.term(i).equals("terme" + i)) {
        wrong.add("known terme" + i);
      }
    }
    assertThat(wrong).isEmpty();
    assertThat(dictionary.size()).isEqualTo(n);
  }

  @Test
  void clearStartsIdsAgainFromZero() {
    TermDictionary dictionary = new TermDictionary();
    for (int i = 0; i < 5_000; i++) {
      id(dictionary, "terme" + i);
    }
    dictionary.clear();

    assertThat(dictionary.size()).isZero();
    assertThat(id(dictionary, "terme4999")).isZero();
    assertThat(id(dictionary, "terme0")).isEqualTo(1);
    assertThat(dictionary.term(0)).isEqualTo("terme4999");
  }
}
