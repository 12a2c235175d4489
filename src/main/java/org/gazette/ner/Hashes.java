package org.gazette.ner;

/**
 * 64-bit hashes of token forms without building strings: FNV-1a over chars, MurmurHash3's
 * finaliser.
 */
final class Hashes {

  static final long SEED = 0xcbf29ce484222325L;
  private static final long PRIME = 0x100000001b3L;

  /** {@link #fold(char)} of the chars below {@code FOLDED.length} (Latin scripts), precomputed. */
  private static final char[] FOLDED = new char[0x250];

  static {
    for (char c = 0; c < FOLDED.length; c++) {
      FOLDED[c] = foldSlow(c);
    }
  }

  private Hashes() {}

  static long step(long h, int c) {
    return (h ^ c) * PRIME;
  }

  static long mix(long z) {
    z = (z ^ (z >>> 33)) * 0xff51afd7ed558ccdL;
    z = (z ^ (z >>> 33)) * 0xc4ceb9fe1a85ec53L;
    return z ^ (z >>> 33);
  }

  /** The normalised lower-case form of a char: digits read as 0, typographic apostrophes as '. */
  static char fold(char c) {
    return c < FOLDED.length ? FOLDED[c] : foldSlow(c);
  }

  private static char foldSlow(char c) {
    if (c < 128) {
      if (c >= 'A' && c <= 'Z') {
        return (char) (c + 32);
      }
      if (c >= '0' && c <= '9') {
        return '0';
      }
      return c;
    }
    if (c == '’' || c == 'ʼ' || c == '‘') {
      return '\'';
    }
    if (Character.isDigit(c)) {
      return '0';
    }
    return Character.toLowerCase(c);
  }

  /** Hash of the folded form of {@code s[from, to)}. */
  static long folded(CharSequence s, int from, int to) {
    long h = SEED;
    for (int k = from; k < to; k++) {
      h = step(h, fold(s.charAt(k)));
    }
    return h;
  }

  /** Hash of the folded form of a whole string (for word lists). */
  static long folded(CharSequence s) {
    return folded(s, 0, s.length());
  }
}
