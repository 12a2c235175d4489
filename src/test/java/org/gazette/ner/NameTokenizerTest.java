package org.gazette.ner;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NameTokenizerTest {

  /** Tokens joined by '|', sentences by ' / '. */
  private static String cut(String text) {
    NameTokens t = NameTokenizer.tokenize(text);
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < t.size(); i++) {
      if (i > 0) {
        out.append(t.sentence(i) != t.sentence(i - 1) ? " / " : "|");
      }
      out.append(t.token(i));
    }
    return out.toString();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '→',
      value = {
        "selon l’Agence centrale → selon|l’|Agence|centrale",
        "l'invasion d'Ukraine → l'|invasion|d'|Ukraine",
        "L’objectif qu’il jusqu’à → L’|objectif|qu’|il|jusqu’|à",
        "aujourd'hui O'Brien → aujourd'hui|O'Brien",
        "Putin's letter → Putin|'s|letter",
        "« Jour de la Victoire » → «|Jour|de|la|Victoire|»",
        "le “Jour de la Victoire” → le|“|Jour|de|la|Victoire|”",
        "Hwasong-17 nord-coréen a-t-il → Hwasong-17|nord-coréen|a-t-il",
        "M. Poutine et Mme Dupont → M.|Poutine|et|Mme|Dupont",
        "Mr. Biden met Dr Smith → Mr.|Biden|met|Dr|Smith",
        "the U.S. and J. K. Rowling → the|U.S.|and|J.|K.|Rowling",
        "3.5 percent of 1,000 → 3.5|percent|of|1,000",
        "(KCNA), Reuters. → (|KCNA|)|,|Reuters|.",
      })
  void tokens(String text, String expected) {
    assertThat(cut(text.strip())).isEqualTo(expected.strip());
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '→',
      value = {
        "Il part. Elle reste. → Il|part|. / Elle|reste|.",
        "M. Poutine remercie. Kim sourit ! Et alors ? Oui. → M.|Poutine|remercie|. / Kim|sourit|! / Et|alors|? / Oui|.",
        "Mr. Smith went to the U.S. on Monday. → Mr.|Smith|went|to|the|U.S.|on|Monday|.",
        "comme le “Jour de la Victoire”. Avant → comme|le|“|Jour|de|la|Victoire|”|. / Avant",
        "« C’est fini. » Il part → «|C’|est|fini|.|» / Il|part",
        "It cost 3.5 million. Shares fell → It|cost|3.5|million|. / Shares|fell",
      })
  void sentences(String text, String expected) {
    assertThat(cut(text.strip())).isEqualTo(expected.strip());
  }

  @Test
  void lineBreaksEndSentencesAndOffsetsPointIntoTheText() {
    String text = "Titre en une\nLe corps, enfin.";
    NameTokens t = NameTokenizer.tokenize(text);
    assertThat(cut(text)).isEqualTo("Titre|en|une / Le|corps|,|enfin|.");
    assertThat(t.sentenceCount()).isEqualTo(2);
    for (int i = 0; i < t.size(); i++) {
      assertThat(text.substring(t.begin(i), t.end(i))).isEqualTo(t.token(i));
    }
  }

  @Test
  void emptyAndNullTextsHaveNoTokens() {
    assertThat(NameTokenizer.tokenize("").size()).isZero();
    assertThat(NameTokenizer.tokenize(null).size()).isZero();
    assertThat(NameTokenizer.tokenize(" \n\t ").sentenceCount()).isZero();
  }

  @Test
  void tokensOfGivenWordsKeepSentences() {
    NameTokens t =
        NameTokens.of(
            List.of("EU", "rejects", ".", "Peter", "Blackburn"), new int[] {0, 0, 0, 1, 1});
    assertThat(t.text()).isEqualTo("EU rejects .\nPeter Blackburn");
    assertThat(t.sentence(3)).isEqualTo(1);
    assertThat(new ArrayList<>(t.tokens()))
        .containsExactly("EU", "rejects", ".", "Peter", "Blackburn");
  }
}
