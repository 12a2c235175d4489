package org.gazette.text;

/**
 * Packs a term or a phrase of up to three terms into one {@code long}: 21 bits per {@link
 * TermDictionary} id, stored as id + 1 so that an empty field means "no word".
 */
public final class PhraseKey {

  /** Ids must stay below this for phrases to pack; the dictionary is reset before. */
  public static final int MAX_ID = (1 << 21) - 2;

  private static final long FIELD = (1L << 21) - 1;

  private PhraseKey() {}

  public static long of(int a) {
    return a + 1L;
  }

  public static long of(int a, int b) {
    return (a + 1L) | ((b + 1L) << 21);
  }

  public static long of(int a, int b, int c) {
    return (a + 1L) | ((b + 1L) << 21) | ((c + 1L) << 42);
  }

  /** Number of words: 1, 2 or 3. */
  public static int length(long key) {
    return ((key >>> 42) & FIELD) != 0 ? 3 : ((key >>> 21) & FIELD) != 0 ? 2 : 1;
  }

  /** The dictionary id of word {@code i} (0-based). */
  public static int word(long key, int i) {
    return (int) ((key >>> (21 * i)) & FIELD) - 1;
  }

  /** The phrase as text: its words joined by single spaces. */
  public static String text(long key, TermDictionary dictionary, StringBuilder scratch) {
    scratch.setLength(0);
    int n = length(key);
    for (int i = 0; i < n; i++) {
      if (i > 0) {
        scratch.append(' ');
      }
      dictionary.appendTerm(word(key, i), scratch);
    }
    return scratch.toString();
  }
}
