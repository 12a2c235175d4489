package org.gazette.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PhraseKeyTest {

  private static final int[] EDGE_IDS = {
    0, 1, 2, 1_000, 1 << 20, PhraseKey.MAX_ID - 1, PhraseKey.MAX_ID
  };

  @Test
  void packAndUnpackRoundTrip() {
    for (int a : EDGE_IDS) {
      assertRoundTrip(PhraseKey.of(a), a);
      for (int b : EDGE_IDS) {
        assertRoundTrip(PhraseKey.of(a, b), a, b);
        for (int c : EDGE_IDS) {
          assertRoundTrip(PhraseKey.of(a, b, c), a, b, c);
        }
      }
    }
    Random random = new Random(42);
    for (int i = 0; i < 10_000; i++) {
      int a = random.nextInt(PhraseKey.MAX_ID + 1);
      int b = random.nextInt(PhraseKey.MAX_ID + 1);
      int c = random.nextInt(PhraseKey.MAX_ID + 1);
      assertRoundTrip(PhraseKey.of(a, b, c), a, b, c);
    }
  }

  private static void assertRoundTrip(long key, int... ids) {
    assertThat(key).as("key of %s", ids).isPositive();
    assertThat(PhraseKey.length(key)).isEqualTo(ids.length);
    for (int i = 0; i < ids.length; i++) {
      assertThat(PhraseKey.word(key, i)).isEqualTo(ids[i]);
    }
  }

  @Test
  void keysOfDifferentPhrasesDiffer() {
    Set<Long> keys = new HashSet<>();
    for (int a : EDGE_IDS) {
      keys.add(PhraseKey.of(a));
      for (int b : EDGE_IDS) {
        keys.add(PhraseKey.of(a, b));
        for (int c : EDGE_IDS) {
          keys.add(PhraseKey.of(a, b, c));
        }
      }
    }
    int n = EDGE_IDS.length;
    assertThat(keys).hasSize(n + n * n + n * n * n);
  }

  @Test
  void textJoinsTheWords() {
    TermDictionary dictionary = new TermDictionary();
    int coree = dictionary.idOf("corée".toCharArray(), 0, 5);
    int du = dictionary.idOf("du".toCharArray(), 0, 2);
    int nord = dictionary.idOf("nord".toCharArray(), 0, 4);
    StringBuilder scratch = new StringBuilder("left over");

    assertThat(PhraseKey.text(PhraseKey.of(coree, du, nord), dictionary, scratch))
        .isEqualTo("corée du nord");
    assertThat(PhraseKey.text(PhraseKey.of(nord, coree), dictionary, scratch))
        .isEqualTo("nord corée");
    assertThat(PhraseKey.text(PhraseKey.of(nord), dictionary, scratch)).isEqualTo("nord");
  }
}
