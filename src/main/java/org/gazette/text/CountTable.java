package org.gazette.text;

/**
 * Counts per {@code long} key: occurrences and documents. Open addressing with linear probing on
 * one interleaved {@code long} array (key, occurrences, then documents and the last document seen,
 * packed), so that counting a token touches one cache line and allocates nothing. Not thread-safe.
 */
public final class CountTable {

  private static final long EMPTY = 0L; // keys are never 0: PhraseKey stores id + 1
  private static final int STRIDE = 3;

  /** Per slot: key, count, then documents (high 32 bits) and last document (low 32 bits). */
  private long[] table;

  private int capacity;
  private int size;

  public CountTable() {
    this(256);
  }

  public CountTable(int expected) {
    allocate(Integer.highestOneBit(Math.max(16, expected * 2 - 1)) << 1);
  }

  private void allocate(int slots) {
    capacity = slots;
    table = new long[slots * STRIDE];
  }

  /**
   * Counts one occurrence of {@code key} in document {@code document} (non-negative): the document
   * is counted once however often the key occurs in it, as long as documents come one after
   * another.
   */
  public void addOccurrence(long key, int document) {
    checkKey(key);
    int mask = capacity - 1;
    int slot = mix(key) & mask;
    while (true) {
      int at = slot * STRIDE;
      long k = table[at];
      if (k == key) {
        table[at + 1]++;
        long docs = table[at + 2];
        if ((int) docs != document) {
          table[at + 2] = (((docs >>> 32) + 1) << 32) | (document & 0xFFFFFFFFL);
        }
        return;
      }
      if (k == EMPTY) {
        table[at] = key;
        table[at + 1] = 1;
        table[at + 2] = (1L << 32) | (document & 0xFFFFFFFFL);
        if (++size * 2 > capacity) {
          grow();
        }
        return;
      }
      slot = (slot + 1) & mask;
    }
  }

  /** Adds {@code count} occurrences in {@code documents} documents to {@code key} (non-zero). */
  public void add(long key, long count, int documents) {
    checkKey(key);
    int mask = capacity - 1;
    int slot = mix(key) & mask;
    while (true) {
      int at = slot * STRIDE;
      long k = table[at];
      if (k == key) {
        table[at + 1] += count;
        table[at + 2] += (long) documents << 32;
        return;
      }
      if (k == EMPTY) {
        table[at] = key;
        table[at + 1] = count;
        table[at + 2] = ((long) documents << 32) | 0xFFFFFFFFL; // no last document
        if (++size * 2 > capacity) {
          grow();
        }
        return;
      }
      slot = (slot + 1) & mask;
    }
  }

  public int size() {
    return size;
  }

  /** Slots to iterate: {@code 0 <= slot < capacity()}, skipping those where {@link #isUsed}. */
  public int capacity() {
    return capacity;
  }

  public boolean isUsed(int slot) {
    return table[slot * STRIDE] != EMPTY;
  }

  public long key(int slot) {
    return table[slot * STRIDE];
  }

  public long count(int slot) {
    return table[slot * STRIDE + 1];
  }

  public int documents(int slot) {
    return (int) (table[slot * STRIDE + 2] >>> 32);
  }

  /** Empties the table, keeping its capacity unless it grew far beyond {@code maxCapacity}. */
  public void clear(int maxCapacity) {
    if (capacity > 2 * maxCapacity) {
      allocate(Integer.highestOneBit(Math.max(16, maxCapacity)));
    } else if (size > 0) {
      java.util.Arrays.fill(table, EMPTY);
    }
    size = 0;
  }

  /** Approximate heap bytes held. */
  public long memoryBytes() {
    return 8L * table.length;
  }

  private void grow() {
    long[] old = table;
    int oldCapacity = capacity;
    allocate(oldCapacity * 2);
    int mask = capacity - 1;
    for (int i = 0; i < oldCapacity; i++) {
      long key = old[i * STRIDE];
      if (key != EMPTY) {
        int slot = mix(key) & mask;
        while (table[slot * STRIDE] != EMPTY) {
          slot = (slot + 1) & mask;
        }
        System.arraycopy(old, i * STRIDE, table, slot * STRIDE, STRIDE);
      }
    }
  }

  private static void checkKey(long key) {
    if (key == EMPTY) {
      throw new IllegalArgumentException("key 0 is reserved");
    }
  }

  private static int mix(long key) {
    long h = key * 0x9E3779B97F4A7C15L;
    return (int) (h ^ (h >>> 32));
  }
}
