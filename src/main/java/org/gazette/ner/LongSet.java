package org.gazette.ner;

/** An immutable set of 64-bit hashes: open addressing, one probe in most lookups. */
final class LongSet {

  static final LongSet EMPTY = new LongSet(new long[0]);

  private final long[] slots;
  private final int mask;
  private final boolean hasZero;
  private final int size;

  LongSet(long[] values) {
    int capacity = Integer.highestOneBit(Math.max(4, values.length) * 4 - 1) << 1;
    long[] table = new long[capacity];
    boolean zero = false;
    int count = 0;
    for (long v : values) {
      if (v == 0) {
        count += zero ? 0 : 1;
        zero = true;
        continue;
      }
      int slot = slot(v, capacity - 1);
      while (table[slot] != 0 && table[slot] != v) {
        slot = (slot + 1) & (capacity - 1);
      }
      if (table[slot] == 0) {
        table[slot] = v;
        count++;
      }
    }
    this.slots = table;
    this.mask = capacity - 1;
    this.hasZero = zero;
    this.size = count;
  }

  private static int slot(long v, int mask) {
    return (int) ((v * 0x9E3779B97F4A7C15L) >>> 40) & mask;
  }

  boolean contains(long v) {
    if (v == 0) {
      return hasZero;
    }
    int slot = slot(v, mask);
    while (true) {
      long k = slots[slot];
      if (k == v) {
        return true;
      }
      if (k == 0) {
        return false;
      }
      slot = (slot + 1) & mask;
    }
  }

  int size() {
    return size;
  }
}
