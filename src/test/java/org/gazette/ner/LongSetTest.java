package org.gazette.ner;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class LongSetTest {

  @Test
  void holdsExactlyItsValuesZeroIncluded() {
    Random random = new Random(5);
    long[] values = new long[1000];
    for (int i = 0; i < values.length; i++) {
      values[i] = random.nextLong();
    }
    values[7] = 0;
    values[8] = values[9]; // a duplicate
    LongSet set = new LongSet(values);
    assertThat(set.size()).isEqualTo(999);
    for (long v : values) {
      assertThat(set.contains(v)).isTrue();
    }
    for (int i = 0; i < 10_000; i++) {
      long v = random.nextLong();
      assertThat(set.contains(v)).isFalse();
    }
    assertThat(LongSet.EMPTY.contains(0)).isFalse();
    assertThat(LongSet.EMPTY.contains(42)).isFalse();
    assertThat(new LongSet(new long[] {Hashes.folded("de")}).contains(Hashes.folded("De")))
        .isTrue();
  }
}
