package org.gazette.ner;

import java.util.Arrays;

/**
 * Finds the tokens worth scoring (runs of capitalised tokens, the connectors between them, a few
 * words after them) and turns each into hashed feature ids. One instance per thread: it reuses
 * its arrays from text to text.
 */
final class NameFeatures {

  /** Feature ids per scored token. */
  static final int PER_TOKEN = 33;

  static final int UPPER_INITIAL = 1;
  static final int ALL_UPPER = 2;
  static final int HAS_DIGIT = 4;
  static final int HAS_LETTER = 8;
  static final int INNER_UPPER = 16;
  static final int CONNECTOR = 32;
  static final int LOWER_WORD = 64;
  static final int PUNCT = 128;
  static final int OPENING = 256;

  /** Sentence casing: ordinary, Title Case (headline), ALL CAPS. */
  static final int CASE_NORMAL = 0;
  static final int CASE_TITLE = 1;
  static final int CASE_UPPER = 2;

  private static final long BOUNDARY_BEFORE = Hashes.mix(101);
  private static final long BOUNDARY_AFTER = Hashes.mix(202);

  /** Lower-case words that may join capitalised words into one name. */
  private static final long[] CONNECTORS = hashes("de", "du", "des", "la", "le", "les", "l'", "d'",
      "of", "the", "for", "and", "on", "von", "van", "der", "den", "del", "della", "di", "da",
      "do", "dos", "das", "y", "e", "et", "en", "-", "&", "'s", "al", "el", "bin", "ben", "ibn",
      "zu", "upon", "sur", "lès", "les", "aux", "au", "à", "pour", "af", "til");

  private final int bits;
  private final int rightExtension;
  private final NameLexicon lexicon;
  private final long[] leftCues;

  // per token of the current text
  private int[] flags = new int[0];
  private long[] words = new long[0];
  private long[] shapes = new long[0];
  private int[] gazetteer = new int[0];
  private int[] sentenceCase = new int[0];
  private int[] sentenceStart = new int[0];
  private int[] sentenceEnd = new int[0];
  private boolean[] scored = new boolean[0];
  private boolean[] known = new boolean[0];
  /** For the first token of a whole multi-word place name: one past its last token; else 0. */
  private int[] phraseEnd = new int[0];

  NameFeatures(int bits, int rightExtension, long[] leftCues, NameLexicon lexicon) {
    this.bits = bits;
    this.rightExtension = rightExtension;
    this.leftCues = leftCues.clone();
    Arrays.sort(this.leftCues);
    this.lexicon = lexicon;
  }

  /**
   * Reads the tokens' flags and sentence casing and marks the tokens to score; returns how
   * many. {@link #scored(int)} tells which.
   */
  int prepare(NameTokens t) {
    int n = t.size();
    if (flags.length < n) {
      int cap = Math.max(n, flags.length * 2);
      flags = new int[cap];
      words = new long[cap];
      shapes = new long[cap];
      gazetteer = new int[cap];
      sentenceCase = new int[cap];
      sentenceStart = new int[cap];
      sentenceEnd = new int[cap];
      scored = new boolean[cap];
      known = new boolean[cap];
      phraseEnd = new int[cap];
      tokenLength = new int[cap];
    }
    String text = t.text();
    for (int i = 0; i < n; i++) {
      flags[i] = flagsOf(text, t.beginUnchecked(i), t.endUnchecked(i));
      known[i] = false;
      scored[i] = false;
      phraseEnd[i] = 0;
      tokenLength[i] = t.endUnchecked(i) - t.beginUnchecked(i);
    }
    // sentences: bounds and casing
    int s = 0;
    while (s < n) {
      int e = s + 1;
      int sentence = t.sentenceUnchecked(s);
      while (e < n && t.sentenceUnchecked(e) == sentence) {
        e++;
      }
      int casing = casingOf(s, e);
      for (int i = s; i < e; i++) {
        sentenceStart[i] = s;
        sentenceEnd[i] = e;
        sentenceCase[i] = casing;
      }
      s = e;
    }
    // scored tokens
    int count = 0;
    for (int i = 0; i < n; i++) {
      if (!isCandidate(flags[i])) {
        continue;
      }
      int end = sentenceEnd[i];
      int j = i;
      // the run of candidates, joined over up to two connectors
      while (true) {
        scored[j] = true;
        int k = j + 1;
        if (k < end && isCandidate(flags[k])) {
          j = k;
          continue;
        }
        int c = k;
        while (c < end && c < k + 2 && (flags[c] & CONNECTOR) != 0) {
          c++;
        }
        if (c > k && c < end && isCandidate(flags[c])) {
          for (int m = k; m < c; m++) {
            scored[m] = true;
          }
          j = c;
          continue;
        }
        break;
      }
      // a particle just before the run ("de Gaulle", "van Gogh"), or a lower-case word that
      // often starts a name, and connectors ("rue de la Paix", "tribunal de Rennes")
      int ss = sentenceStart[i];
      int c = i;
      while (c > ss && c > i - 2 && (flags[c - 1] & CONNECTOR) != 0 && (flags[c - 1] & PUNCT) == 0) {
        c--;
      }
      if (c < i) {
        scored[i - 1] = true;
      }
      if (leftCues.length > 0 && c > ss && (flags[c - 1] & LOWER_WORD) != 0
          && Arrays.binarySearch(leftCues, Hashes.folded(t.text(), t.beginUnchecked(c - 1),
              t.endUnchecked(c - 1))) >= 0) {
        for (int m = c - 1; m < i; m++) {
          scored[m] = true;
        }
      }
      // lower-case words after it ("Agence centrale de presse coréenne")
      int k = j + 1;
      for (int m = 0; m < rightExtension && k < end && (flags[k] & (LOWER_WORD | CONNECTOR)) != 0;
          m++, k++) {
        scored[k] = true;
      }
      i = j;
    }
    for (int i = 0; i < n; i++) {
      if (scored[i]) {
        count++;
        ensureKnown(t, i);
      }
    }
    if (lexicon.hasPhrases()) {
      markPhrases(t, n);
    }
    return count;
  }

  /** Marks whole multi-word place names ("Corée du Nord") that start at a scored token. */
  private void markPhrases(NameTokens t, int n) {
    for (int i = 0; i < n; i++) {
      if (!scored[i] || (flags[i] & UPPER_INITIAL) == 0) {
        continue;
      }
      int end = Math.min(sentenceEnd[i], i + NameLexicon.MAX_PHRASE);
      long h = 0;
      int match = -1;
      for (int j = i; j < end; j++) {
        long w = known[j] ? words[j] : Hashes.folded(t.text(), t.beginUnchecked(j),
            t.endUnchecked(j));
        h = NameLexicon.phrase(h, w);
        if (j > i && lexicon.isPhrase(h)) {
          match = j;
        }
      }
      if (match > i) {
        phraseEnd[i] = match + 1;
        gazetteer[i] |= NameLexicon.PHRASE_BEGIN;
        for (int j = i + 1; j <= match; j++) {
          if (known[j]) {
            gazetteer[j] |= NameLexicon.PHRASE_INSIDE;
          }
        }
        i = match;
      }
    }
  }

  private int[] tokenLength = new int[0];

  int tokenLength(int i) {
    return tokenLength[i];
  }

  int phraseEnd(int i) {
    return phraseEnd[i];
  }

  boolean scored(int i) {
    return scored[i];
  }

  int flags(int i) {
    return flags[i];
  }

  int sentenceStart(int i) {
    return sentenceStart[i];
  }

  int sentenceCase(int i) {
    return sentenceCase[i];
  }

  long word(int i) {
    return words[i];
  }

  static boolean isCandidate(int flags) {
    return (flags & (UPPER_INITIAL | INNER_UPPER)) != 0;
  }

  private void ensureKnown(NameTokens t, int i) {
    int from = Math.max(sentenceStart[i], i - 2);
    int to = Math.min(sentenceEnd[i], i + 3);
    String text = t.text();
    for (int j = from; j < to; j++) {
      if (!known[j]) {
        int b = t.beginUnchecked(j);
        int e = t.endUnchecked(j);
        words[j] = Hashes.folded(text, b, e);
        shapes[j] = shapeOf(text, b, e);
        gazetteer[j] = lexicon.flags(words[j]);
        known[j] = true;
      }
    }
  }

  /**
   * Writes {@link #PER_TOKEN} feature ids of scored token {@code i} into {@code out} from
   * {@code off}.
   */
  void extract(NameTokens t, int i, int[] out, int off) {
    int ss = sentenceStart[i];
    int se = sentenceEnd[i];
    long w = words[i];
    long sh = shapes[i];
    long wp = i - 1 >= ss ? words[i - 1] : BOUNDARY_BEFORE;
    long wpp = i - 2 >= ss ? words[i - 2] : BOUNDARY_BEFORE;
    long wn = i + 1 < se ? words[i + 1] : BOUNDARY_AFTER;
    long wnn = i + 2 < se ? words[i + 2] : BOUNDARY_AFTER;
    long shp = i - 1 >= ss ? shapes[i - 1] : BOUNDARY_BEFORE;
    long shn = i + 1 < se ? shapes[i + 1] : BOUNDARY_AFTER;
    int gp = i - 1 >= ss ? gazetteer[i - 1] : 0;
    int gn = i + 1 < se ? gazetteer[i + 1] : 0;
    int position = positionInSentence(i);
    int casing = sentenceCase[i];
    int f = flags[i];
    String text = t.text();
    int b = t.beginUnchecked(i);
    int e = t.endUnchecked(i);
    int o = off;
    out[o++] = id(1, 0);
    out[o++] = id(2, w);
    out[o++] = id(3, sh);
    // prefixes and suffixes of 1 to 4 chars
    long h = Hashes.SEED;
    for (int k = 0; k < 4; k++) {
      if (b + k < e) {
        h = Hashes.step(h, Hashes.fold(text.charAt(b + k)));
        out[o++] = id(4 + k, h);
      } else {
        out[o++] = id(4 + k, 7);
      }
    }
    h = Hashes.SEED;
    for (int k = 0; k < 4; k++) {
      if (e - 1 - k >= b) {
        h = Hashes.step(h, Hashes.fold(text.charAt(e - 1 - k)));
        out[o++] = id(8 + k, h);
      } else {
        out[o++] = id(8 + k, 7);
      }
    }
    out[o++] = id(12, wp);
    out[o++] = id(13, wn);
    out[o++] = id(14, wpp);
    out[o++] = id(15, wnn);
    out[o++] = id(16, shp);
    out[o++] = id(17, shn);
    out[o++] = id(18, wp * 31 + w);
    out[o++] = id(19, w * 31 + wn);
    out[o++] = id(20, (shp * 31 + sh) * 31 + shn);
    out[o++] = id(21, position * 1_000_003L + sh);
    out[o++] = id(22, casing * 1_000_003L + sh);
    out[o++] = id(23, casing * 1_000_003L + w);
    out[o++] = id(24, wp * 31 + sh);
    out[o++] = id(25, sh * 31 + wn);
    out[o++] = id(26, Math.min(e - b, 12) * 1_000_003L + sh);
    out[o++] = id(27, gazetteer[i]);
    out[o++] = id(28, gp);
    out[o++] = id(29, gn);
    out[o++] = id(30, (long) gazetteer[i] * 1_000_003L + gp);
    out[o++] = id(31, (long) gazetteer[i] * 1_000_003L + sh);
    out[o++] = id(32, (position == 0 ? 1 : (f & UPPER_INITIAL) != 0 ? 2 : 3) * 1_000_003L + w);
    out[o++] = id(33, (f & (UPPER_INITIAL | ALL_UPPER | HAS_DIGIT)) * 1_000_003L
        + (i - 1 >= ss ? flags[i - 1] & (UPPER_INITIAL | PUNCT) : 999)
        + 7L * (i + 1 < se ? flags[i + 1] & (UPPER_INITIAL | PUNCT) : 999));
    assert o - off == PER_TOKEN;
  }

  /** 0: first word of its sentence (after opening quotes or dashes), 1: second, 2: later. */
  private int positionInSentence(int i) {
    int words = 0;
    for (int j = sentenceStart[i]; j < i; j++) {
      if ((flags[j] & PUNCT) == 0) {
        words++;
        if (words >= 2) {
          return 2;
        }
      }
    }
    return words;
  }

  private int id(int template, long value) {
    long z = (value ^ (template * 0xD6E8FEB86659FD93L)) * 0x9E3779B97F4A7C15L;
    return (int) ((z ^ (z >>> 29)) * 0xBF58476D1CE4E5B9L >>> (64 - bits));
  }

  private int casingOf(int s, int e) {
    int words = 0;
    int capitalised = 0;
    int upper = 0;
    for (int i = s; i < e; i++) {
      int f = flags[i];
      if ((f & HAS_LETTER) == 0 || (f & CONNECTOR) != 0) {
        continue;
      }
      words++;
      if ((f & UPPER_INITIAL) != 0) {
        capitalised++;
      }
      if ((f & ALL_UPPER) != 0) {
        upper++;
      }
    }
    if (words >= 2 && upper == words) {
      return CASE_UPPER;
    }
    if (words >= 3 && capitalised * 10 >= words * 8) {
      return CASE_TITLE;
    }
    return CASE_NORMAL;
  }

  private static int flagsOf(String s, int b, int e) {
    int f = 0;
    boolean lower = false;
    boolean upper = false;
    boolean letter = false;
    boolean digit = false;
    char first = s.charAt(b);
    if (Character.isHighSurrogate(first) && b + 1 < e) {
      int cp = s.codePointAt(b);
      if (Character.isUpperCase(cp) || Character.isTitleCase(cp)) {
        f |= UPPER_INITIAL;
      }
    } else if (Character.isUpperCase(first) || Character.isTitleCase(first)) {
      f |= UPPER_INITIAL;
    }
    for (int k = b; k < e; k++) {
      char c = s.charAt(k);
      if (c < 128) {
        if (c >= 'a' && c <= 'z') {
          lower = true;
          letter = true;
        } else if (c >= 'A' && c <= 'Z') {
          upper = true;
          letter = true;
          if (k > b) {
            f |= INNER_UPPER;
          }
        } else if (c >= '0' && c <= '9') {
          digit = true;
        }
      } else if (Character.isLetter(c)) {
        letter = true;
        if (Character.isUpperCase(c)) {
          upper = true;
          if (k > b) {
            f |= INNER_UPPER;
          }
        } else if (Character.isLowerCase(c)) {
          lower = true;
        }
      } else if (Character.isDigit(c)) {
        digit = true;
      }
    }
    if (letter) {
      f |= HAS_LETTER;
      if (upper && !lower) {
        f |= ALL_UPPER;
      }
      if (lower && (f & UPPER_INITIAL) == 0) {
        f |= LOWER_WORD;
      }
    }
    if (digit) {
      f |= HAS_DIGIT;
    }
    if (!letter && !digit) {
      f |= PUNCT;
      if (e - b == 1 && (first == '«' || first == '“' || first == '(' || first == '"'
          || first == '-' || first == '—' || first == '–' || first == '[')) {
        f |= OPENING;
      }
    }
    if (e - b <= 5 && isConnector(Hashes.folded(s, b, e))) {
      f |= CONNECTOR;
    }
    // a lower-case word with an inner capital (iPhone) is a candidate; a word after an
    // apostrophe inside it (aujourd'Hui) is not worth it
    if ((f & INNER_UPPER) != 0 && (f & UPPER_INITIAL) == 0 && !lower) {
      f &= ~INNER_UPPER;
    }
    return f;
  }

  private static boolean isConnector(long hash) {
    return Arrays.binarySearch(CONNECTORS, hash) >= 0;
  }

  private static long shapeOf(String s, int b, int e) {
    long h = Hashes.SEED;
    char last = 0;
    int classes = 0;
    for (int k = b; k < e && classes < 6; k++) {
      char c = s.charAt(k);
      char cls;
      if (Character.isUpperCase(c) || Character.isTitleCase(c)) {
        cls = 'X';
      } else if (Character.isLetter(c)) {
        cls = 'x';
      } else if (Character.isDigit(c)) {
        cls = 'd';
      } else {
        cls = Hashes.fold(c);
      }
      if (cls != last) {
        h = Hashes.step(h, cls);
        last = cls;
        classes++;
      }
    }
    // long words and short ones of the same shape differ: Xx of 2 letters is often a title
    return Hashes.step(h, Math.min(e - b, 4));
  }

  private static long[] hashes(String... forms) {
    long[] out = new long[forms.length];
    for (int i = 0; i < forms.length; i++) {
      out[i] = Hashes.folded(forms[i]);
    }
    Arrays.sort(out);
    return out;
  }
}
