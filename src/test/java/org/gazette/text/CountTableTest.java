package org.gazette.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CountTableTest {

  /** Key to {count, documents}, read from every used slot. */
  private static Map<Long, long[]> contents(CountTable table) {
    Map<Long, long[]> all = new HashMap<>();
    for (int slot = 0; slot < table.capacity(); slot++) {
      if (table.isUsed(slot)) {
        long[] previous =
            all.put(table.key(slot), new long[] {table.count(slot), table.documents(slot)});
        assertThat(previous).as("key %d in two slots", table.key(slot)).isNull();
      }
    }
    assertThat(all).hasSize(table.size());
    return all;
  }

  @Test
  void addsCountsAndDocumentsPerKey() {
    CountTable table = new CountTable();
    table.add(PhraseKey.of(7), 2, 1);
    table.add(PhraseKey.of(7, 8), 1, 1);
    table.add(PhraseKey.of(7), 3, 0);
    table.add(-1L, 1, 1);
    table.add(Long.MIN_VALUE, 4, 2);

    Map<Long, long[]> all = contents(table);
    assertThat(all).hasSize(4);
    assertThat(all.get(PhraseKey.of(7))).containsExactly(5, 1);
    assertThat(all.get(PhraseKey.of(7, 8))).containsExactly(1, 1);
    assertThat(all.get(-1L)).containsExactly(1, 1);
    assertThat(all.get(Long.MIN_VALUE)).containsExactly(4, 2);
  }

  @Test
  void growsToHoldManyKeys() {
    CountTable table = new CountTable(4);
    int n = 60_000;
    for (int round = 0; round < 2; round++) {
      for (int i = 0; i < n; i++) {
        table.add(PhraseKey.of(i % 1000, i / 1000), i, 1);
      }
    }

    assertThat(table.size()).isEqualTo(n);
    assertThat(table.capacity()).isGreaterThanOrEqualTo(2 * n);
    Map<Long, long[]> all = contents(table);
    List<Integer> wrong = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      long[] value = all.get(PhraseKey.of(i % 1000, i / 1000));
      if (value == null || value[0] != 2L * i || value[1] != 2) {
        wrong.add(i);
      }
    }
    assertThat(wrong).as("keys with wrong counts").isEmpty();
  }

  @Test
  void capacityIsAPowerOfTwoAtLeastTwiceTheExpectedSize() {
    for (int expected : new int[] {0, 1, 8, 256, 1000, 4096}) {
      int capacity = new CountTable(expected).capacity();
      assertThat(Integer.bitCount(capacity)).as("capacity %d", capacity).isEqualTo(1);
      assertThat(capacity).isGreaterThanOrEqualTo(Math.max(16, 2 * expected));
    }
  }

  @Test
  void clearEmptiesAndForgetsOldCounts() {
    CountTable table = new CountTable();
    table.add(PhraseKey.of(1), 5, 3);
    table.add(PhraseKey.of(2), 5, 3);
    table.clear(1 << 20);

    assertThat(table.size()).isZero();
    assertThat(contents(table)).isEmpty();
    table.add(PhraseKey.of(1), 1, 1);
    assertThat(contents(table).get(PhraseKey.of(1))).containsExactly(1, 1);
  }

  @Test
  void clearShrinksATableThatGrewFarBeyondTheLimit() {
    CountTable table = new CountTable();
    for (int i = 0; i < 10_000; i++) {
      table.add(PhraseKey.of(i), 1, 1);
    }
    assertThat(table.capacity()).isGreaterThan(2 * 4096);

    table.clear(4096);

    assertThat(table.capacity()).isEqualTo(4096);
    assertThat(table.size()).isZero();
    for (int i = 0; i < 3_000; i++) {
      table.add(PhraseKey.of(i), 2, 1);
    }
    assertThat(contents(table))
        .hasSize(3_000)
        .allSatisfy((key, value) -> assertThat(value).containsExactly(2, 1));
  }

  @Test
  void keyZeroIsReserved() {
    assertThatThrownBy(() -> new CountTable().add(0L, 1, 1))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
