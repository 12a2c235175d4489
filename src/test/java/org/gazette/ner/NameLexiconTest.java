package org.gazette.ner;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NameLexiconTest {

  @Test
  void singleWordsGetTheirListsFlags() {
    NameLexicon lexicon =
        new NameLexicon.Builder()
            .add("Vladimir", NameLexicon.FIRST_NAME)
            .addName("Pyongyang", NameLexicon.PLACE)
            .add("russe", NameLexicon.DEMONYM)
            .add("M.", NameLexicon.HONORIFIC)
            .build();
    assertThat(lexicon.flags(Hashes.folded("vladimir"))).isEqualTo(NameLexicon.FIRST_NAME);
    assertThat(lexicon.flags(Hashes.folded("PYONGYANG"))).isEqualTo(NameLexicon.PLACE);
    assertThat(lexicon.flags(Hashes.folded("Russe"))).isEqualTo(NameLexicon.DEMONYM);
    assertThat(lexicon.flags(Hashes.folded("m."))).isEqualTo(NameLexicon.HONORIFIC);
    assertThat(lexicon.flags(Hashes.folded("Poutine"))).isZero();
  }

  @Test
  void multiWordPlacesAreWholePhrasesAndMarkTheirParts() {
    NameLexicon lexicon =
        new NameLexicon.Builder()
            .addName("Corée du Nord", NameLexicon.PLACE)
            .addName("Kryvyi Rig", NameLexicon.PLACE)
            .build();
    long h = 0;
    for (String w : new String[] {"Corée", "du", "Nord"}) {
      h = NameLexicon.phrase(h, Hashes.folded(w));
    }
    assertThat(lexicon.isPhrase(h)).isTrue();
    assertThat(lexicon.isPhrase(NameLexicon.phrase(0, Hashes.folded("Corée")))).isFalse();
    assertThat(lexicon.flags(Hashes.folded("Nord"))).isEqualTo(NameLexicon.PLACE_PART);
    assertThat(lexicon.flags(Hashes.folded("du"))).isZero();
  }

  @Test
  void theBundledListsReadWhenPresentAndAreEmptyOtherwise() {
    NameLexicon bundled = NameLexicon.bundled();
    if (NameLexicon.class.getResource("/org/gazette/reference/entities/places.tsv") == null) {
      assertThat(bundled.size()).isZero();
    } else {
      assertThat(bundled.flags(Hashes.folded("Pyongyang")) & NameLexicon.PLACE).isNotZero();
      long h =
          NameLexicon.phrase(NameLexicon.phrase(0, Hashes.folded("Kryvyi")), Hashes.folded("Rig"));
      assertThat(bundled.isPhrase(h)).isTrue();
    }
  }
}
