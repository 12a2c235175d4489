package org.gazette.text;

import java.util.Arrays;

/**
 * Counts per {@code long} key: occurrences and documents. Open addressing with linear probing
 * on primitive arrays, so that counting a token allocates nothing. Not thread-safe.
 */
public final class CountTable {

  private static final long EMPTY = 0L; // keys are never 0: PhraseKey stores id + 1

  private long[] keys;
  private long[] counts;
  private int[] docs;
  private int[] lastDocument;
  private int size;

  public CountTable() {
    this(256);
  }

  public CountTable(int expected) {
    int capacity = Integer.highestOneBit(Math.max(16, expected * 2 - 1)) << 1;
    keys = new long[capacity];
    counts = new long[capacity];
    docs = new int[capacity];
    lastDocument = new int[capacity];
  }

  /**
   * Counts one occurrence of {@code key} in document {@code document}: the document is counted
   * once however often the key occurs in it, as long as documents come one after another.
   */
  public void addOccurrence(long key, int document) {
    if (key == EMPTY) {
      throw new IllegalArgumentException("key 0 is reserved");
    }
    int mask = keys.length - 1;
    int slot = mix(key) & mask;
    while (keys[slot] != EMPTY) {
      if (keys[slot] == key) {
        counts[slot]++;
        if (lastDocument[slot] != document) {
          lastDocument[slot] = document;
          docs[slot]++;
        }
        return;
      }
      slot = (slot + 1) & mask;
    }
    keys[slot] = key;
    counts[slot] = 1;
    docs[slot] = 1;
    lastDocument[slot] = document;
    if (++size * 2 > keys.length) {
      grow();
    }
  }

  /** Adds {@code count} occurrences in {@code documents} documents to {@code key} (non-zero). */
  public void add(long key, long count, int documents) {
    if (key == EMPTY) {
      throw new IllegalArgumentException("key 0 is reserved");
    }
    int mask = keys.length - 1;
    int slot = mix(key) & mask;
    while (keys[slot] != EMPTY) {
      if (keys[slot] == key) {
        counts[slot] += count;
        docs[slot] += documents;
        return;
      }
      slot = (slot + 1) & mask;
    }
    keys[slot] = key;
    counts[slot] = count;
    docs[slot] = documents;
    lastDocument[slot] = -1;
    if (++size * 2 > keys.length) {
      grow();
    }
  }

  public int size() {
    return size;
  }

  /** Slots to iterate: {@code 0 <= slot < capacity()}, skipping those where {@link #isUsed}. */
  public int capacity() {
    return keys.length;
  }

  public boolean isUsed(int slot) {
    return keys[slot] != EMPTY;
  }

  public long key(int slot) {
    return keys[slot];
  }

  public long count(int slot) {
    return counts[slot];
  }

  public int documents(int slot) {
    return docs[slot];
  }

  /** Empties the table, keeping its capacity unless it grew far beyond {@code maxCapacity}. */
  public void clear(int maxCapacity) {
    if (keys.length > 2 * maxCapacity) {
      int capacity = Integer.highestOneBit(Math.max(16, maxCapacity));
      keys = new long[capacity];
      counts = new long[capacity];
      docs = new int[capacity];
      lastDocument = new int[capacity];
    } else if (size > 0) {
      Arrays.fill(keys, EMPTY);
    }
    size = 0;
  }

  /** Approximate heap bytes held. */
  public long memoryBytes() {
    return 24L * keys.length;
  }

  private void grow() {
    long[] oldKeys = keys;
    long[] oldCounts = counts;
    int[] oldDocs = docs;
    int[] oldLast = lastDocument;
    int capacity = oldKeys.length * 2;
    keys = new long[capacity];
    counts = new long[capacity];
    docs = new int[capacity];
    lastDocument = new int[capacity];
    int mask = capacity - 1;
    for (int i = 0; i < oldKeys.length; i++) {
      long key = oldKeys[i];
      if (key != EMPTY) {
        int slot = mix(key) & mask;
        while (keys[slot] != EMPTY) {
          slot = (slot + 1) & mask;
        }
        keys[slot] = key;
        counts[slot] = oldCounts[i];
        docs[slot] = oldDocs[i];
        lastDocument[slot] = oldLast[i];
      }
    }
  }

  private static int mix(long key) {
    long h = key * 0x9E3779B97F4A7C15L;
    return (int) (h ^ (h >>> 32));
  }
}
