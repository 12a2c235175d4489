package org.gazette.text;

import java.util.Arrays;

/**
 * Gives each distinct term a small integer id, looked up from a range of characters without
 * allocating: counting then works on ids, and phrases on packed ids ({@link PhraseKey}).
 *
 * <p>Open addressing with linear probing; the characters of all terms live in one array. Not
 * thread-safe.
 */
public final class TermDictionary {

  private char[] chars = new char[1 << 16];
  private int charLength;
  private int[] start = new int[1024];
  private int[] length = new int[1024];
  private int[] hash = new int[1024];
  private int size;
  private int[] slots = newSlots(2048);

  /** Number of terms. */
  public int size() {
    return size;
  }

  /** The id of {@code text[from, from + len)}, adding the term when it is new. */
  public int idOf(char[] text, int from, int len) {
    int h = hash(text, from, len);
    int mask = slots.length - 1;
    int slot = h & mask;
    while (true) {
      int id = slots[slot];
      if (id < 0) {
        break;
      }
      if (hash[id] == h && length[id] == len && sameChars(start[id], text, from, len)) {
        return id;
      }
      slot = (slot + 1) & mask;
    }
    int id = append(text, from, len, h);
    slots[slot] = id;
    if (size * 2 > slots.length) {
      rehash(slots.length * 2);
    }
    return id;
  }

  /** A plain loop: terms are short, and Arrays.equals costs more in range checks. */
  private boolean sameChars(int at, char[] text, int from, int len) {
    for (int i = 0; i < len; i++) {
      if (chars[at + i] != text[from + i]) {
        return false;
      }
    }
    return true;
  }

  /** The term of {@code id}. */
  public String term(int id) {
    return new String(chars, start[id], length[id]);
  }

  /** Appends the term of {@code id} to {@code out}. */
  public void appendTerm(int id, StringBuilder out) {
    out.append(chars, start[id], length[id]);
  }

  /** Forgets every term; ids start again from 0. */
  public void clear() {
    charLength = 0;
    size = 0;
    Arrays.fill(slots, -1);
  }

  /** Approximate heap bytes held. */
  public long memoryBytes() {
    return 2L * chars.length + 12L * start.length + 4L * slots.length;
  }

  private int append(char[] text, int from, int len, int h) {
    if (size == start.length) {
      int capacity = size * 2;
      start = Arrays.copyOf(start, capacity);
      length = Arrays.copyOf(length, capacity);
      hash = Arrays.copyOf(hash, capacity);
    }
    if (charLength + len > chars.length) {
      chars = Arrays.copyOf(chars, Math.max(chars.length * 2, charLength + len));
    }
    System.arraycopy(text, from, chars, charLength, len);
    start[size] = charLength;
    length[size] = len;
    hash[size] = h;
    charLength += len;
    return size++;
  }

  private void rehash(int capacity) {
    slots = newSlots(capacity);
    int mask = capacity - 1;
    for (int id = 0; id < size; id++) {
      int slot = hash[id] & mask;
      while (slots[slot] >= 0) {
        slot = (slot + 1) & mask;
      }
      slots[slot] = id;
    }
  }

  private static int[] newSlots(int capacity) {
    int[] s = new int[capacity];
    Arrays.fill(s, -1);
    return s;
  }

  private static int hash(char[] text, int from, int len) {
    int h = 0;
    for (int i = from, end = from + len; i < end; i++) {
      h = 31 * h + text[i];
    }
    return h ^ (h >>> 16) ^ (h >>> 7);
  }
}
