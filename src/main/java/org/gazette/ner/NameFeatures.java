package org.gazette.ner;

import java.util.Arrays;

/**
 * Finds the tokens worth scoring (runs of capitalised tokens, the connectors between them, a few
 * words after them; not a lone sentence-initial word that never began a name in training) and turns
 * each into hashed feature ids. Each token's characters are read once (flags, folded-form hash,
 * shape hash); the templates only combine those hashes. One instance per thread: it reuses its
 * arrays from text to text.
 */
final class NameFeatures {

  /** Feature ids per scored token. */
  static final int PER_TOKEN = 31;

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
  private static final LongSet CONNECTORS =
      new LongSet(
          hashes(
              "de", "du", "des", "la", "le", "les", "l'", "d'", "of", "the", "for", "and", "on",
              "von", "van", "der", "den", "del", "della", "di", "da", "do", "dos", "das", "y", "e",
              "et", "en", "-", "&", "'s", "al", "el", "bin", "ben", "ibn", "zu", "upon", "sur",
              "lès", "les", "aux", "au", "à", "pour", "af", "til"));

  private final int bits;
  private final int rightExtension;
  private final NameLexicon lexicon;
  private final LongSet leftCues;

  /**
   * Folded forms of capitalised words that, first in a sentence and alone (no capitalised word
   * after them), never started a name in training ("Le", "Dans", "The"): not scored there.
   */
  private final LongSet skipWords;

  // per token of the current text
  private int[] flags = new int[0];
  private long[] words = new long[0];
  private long[] shapes = new long[0];
  private int[] gazetteer = new int[0];
  private int[] sentenceCase = new int[0];

  /** 0: first word of its sentence (after opening punctuation), 1: second, 2: later. */
  private int[] position = new int[0];

  private int[] sentenceStart = new int[0];
  private int[] sentenceEnd = new int[0];
  private boolean[] scored = new boolean[0];
  private boolean[] known = new boolean[0];

  /** A capitalised word first in its sentence with no capitalised word joined after it. */
  private boolean[] loneInitial = new boolean[0];

  /** For the first token of a whole multi-word place name: one past its last token; else 0. */
  private int[] phraseEnd = new int[0];

  NameFeatures(
      int bits, int rightExtension, long[] leftCues, long[] skipWords, NameLexicon lexicon) {
    this.skipWords = new LongSet(skipWords);
    this.bits = bits;
    this.rightExtension = rightExtension;
    this.leftCues = new LongSet(leftCues);
    this.lexicon = lexicon;
  }

  /**
   * Reads the tokens' flags and sentence casing and marks the tokens to score; returns how many.
   * {@link #scored(int)} tells which.
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
      position = new int[cap];
      sentenceStart = new int[cap];
      sentenceEnd = new int[cap];
      scored = new boolean[cap];
      known = new boolean[cap];
      loneInitial = new boolean[cap];
      phraseEnd = new int[cap];
      tokenLength = new int[cap];
    }
    String text = t.text();
    for (int i = 0; i < n; i++) {
      int b = t.beginUnchecked(i);
      int e = t.endUnchecked(i);
      scan(text, b, e, i);
      known[i] = false;
      loneInitial[i] = false;
      scored[i] = false;
      phraseEnd[i] = 0;
      tokenLength[i] = e - b;
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
      int words = 0;
      for (int i = s; i < e; i++) {
        sentenceStart[i] = s;
        sentenceEnd[i] = e;
        sentenceCase[i] = casing;
        position[i] = Math.min(words, 2);
        if ((flags[i] & PUNCT) == 0) {
          words++;
        }
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
      if (position[i] == 0 && isLone(i, end)) {
        loneInitial[i] = true;
        if (skipWords.contains(words[i])) {
          continue;
        }
      }
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
      while (c > ss
          && c > i - 2
          && (flags[c - 1] & CONNECTOR) != 0
          && (flags[c - 1] & PUNCT) == 0) {
        c--;
      }
      if (c < i) {
        scored[i - 1] = true;
      }
      if (leftCues.size() > 0
          && c > ss
          && (flags[c - 1] & LOWER_WORD) != 0
          && leftCues.contains(words[c - 1])) {
        for (int m = c - 1; m < i; m++) {
          scored[m] = true;
        }
      }
      // lower-case words after it ("Agence centrale de presse coréenne")
      int k = j + 1;
      for (int m = 0;
          m < rightExtension && k < end && (flags[k] & (LOWER_WORD | CONNECTOR)) != 0;
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

  /** Whether the run of candidates from {@code i} is {@code i} alone. */
  private boolean isLone(int i, int end) {
    int k = i + 1;
    if (k < end && isCandidate(flags[k])) {
      return false;
    }
    int c = k;
    while (c < end && c < k + 2 && (flags[c] & CONNECTOR) != 0) {
      c++;
    }
    return !(c > k && c < end && isCandidate(flags[c]));
  }

  boolean loneInitial(int i) {
    return loneInitial[i];
  }

  /** Marks whole multi-word place names ("Corée du Nord") that start at a scored token. */
  private void markPhrases(NameTokens t, int n) {
    for (int i = 0; i < n; i++) {
      if (!scored[i] || (flags[i] & UPPER_INITIAL) == 0 || !lexicon.isPhraseStart(words[i])) {
        continue;
      }
      int end = Math.min(sentenceEnd[i], i + NameLexicon.MAX_PHRASE);
      long h = 0;
      int match = -1;
      for (int j = i; j < end; j++) {
        h = NameLexicon.phrase(h, words[j]);
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
    for (int j = from; j < to; j++) {
      if (!known[j]) {
        gazetteer[j] = lexicon.flags(words[j]);
        known[j] = true;
      }
    }
  }

  /**
   * Writes {@link #PER_TOKEN} feature ids of scored token {@code i} into {@code out} from {@code
   * off}. The templates combine hashes computed once per token in {@link #prepare}; their numbers
   * never change meaning (a model finds its weights by them).
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
    int g = gazetteer[i];
    int gp = i - 1 >= ss ? gazetteer[i - 1] : 0;
    int gn = i + 1 < se ? gazetteer[i + 1] : 0;
    int position = this.position[i];
    int casing = sentenceCase[i];
    int f = flags[i];
    String text = t.text();
    int b = t.beginUnchecked(i);
    int e = t.endUnchecked(i);
    int o = off;
    out[o++] = id(1, 0);
    out[o++] = id(2, w);
    out[o++] = id(3, sh);
    // suffixes of 1 to 4 chars, prefixes of 3 and 4 (templates 6, 7 and 8 to 11); prefixes of 1
    // and 2 chars (templates 4 and 5) measured no better than without
    long pre = Hashes.SEED;
    long suf = Hashes.SEED;
    for (int k = 0; k < 4; k++) {
      if (b + k < e) {
        pre = Hashes.step(pre, Hashes.fold(text.charAt(b + k)));
        suf = Hashes.step(suf, Hashes.fold(text.charAt(e - 1 - k)));
        if (k >= 2) {
          out[o++] = id(4 + k, pre);
        }
        out[o++] = id(8 + k, suf);
      } else {
        if (k >= 2) {
          out[o++] = id(4 + k, 7);
        }
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
    out[o++] = id(27, g);
    out[o++] = id(28, gp);
    out[o++] = id(29, gn);
    out[o++] = id(30, (long) g * 1_000_003L + gp);
    out[o++] = id(31, (long) g * 1_000_003L + sh);
    out[o++] = id(32, (position == 0 ? 1 : (f & UPPER_INITIAL) != 0 ? 2 : 3) * 1_000_003L + w);
    out[o++] =
        id(
            33,
            (f & (UPPER_INITIAL | ALL_UPPER | HAS_DIGIT)) * 1_000_003L
                + (i - 1 >= ss ? flags[i - 1] & (UPPER_INITIAL | PUNCT) : 999)
                + 7L * (i + 1 < se ? flags[i + 1] & (UPPER_INITIAL | PUNCT) : 999));
    assert o - off == PER_TOKEN;
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

  /**
   * One pass over the characters of token {@code i}: its flags, the hash of its folded form (as
   * {@link Hashes#folded(CharSequence, int, int)}) and the hash of its shape (classes of
   * characters, runs collapsed, at most six, and the length up to 4).
   */
  private void scan(String s, int b, int e, int i) {
    int f = 0;
    boolean lower = false;
    boolean upper = false;
    boolean letter = false;
    boolean digit = false;
    char first = s.charAt(b);
    if (first < 128) {
      if (first >= 'A' && first <= 'Z') {
        f |= UPPER_INITIAL;
      }
    } else if (Character.isHighSurrogate(first) && b + 1 < e) {
      int cp = s.codePointAt(b);
      if (Character.isUpperCase(cp) || Character.isTitleCase(cp)) {
        f |= UPPER_INITIAL;
      }
    } else if (Character.isUpperCase(first) || Character.isTitleCase(first)) {
      f |= UPPER_INITIAL;
    }
    long h = Hashes.SEED;
    long shape = Hashes.SEED;
    char last = 0;
    int classes = 0;
    for (int k = b; k < e; k++) {
      char c = s.charAt(k);
      char folded;
      char cls;
      if (c < 128) {
        if (c >= 'a' && c <= 'z') {
          lower = true;
          letter = true;
          folded = c;
          cls = 'x';
        } else if (c >= 'A' && c <= 'Z') {
          upper = true;
          letter = true;
          if (k > b) {
            f |= INNER_UPPER;
          }
          folded = (char) (c + 32);
          cls = 'X';
        } else if (c >= '0' && c <= '9') {
          digit = true;
          folded = '0';
          cls = 'd';
        } else {
          folded = c;
          cls = c;
        }
      } else {
        folded = Hashes.fold(c);
        if (Character.isLetter(c)) {
          letter = true;
          if (Character.isUpperCase(c)) {
            upper = true;
            if (k > b) {
              f |= INNER_UPPER;
            }
            cls = 'X';
          } else {
            if (Character.isLowerCase(c)) {
              lower = true;
            }
            cls = Character.isTitleCase(c) ? 'X' : 'x';
          }
        } else if (Character.isDigit(c)) {
          digit = true;
          cls = 'd';
        } else {
          cls = folded;
        }
      }
      h = Hashes.step(h, folded);
      if (cls != last && classes < 6) {
        shape = Hashes.step(shape, cls);
        last = cls;
        classes++;
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
      if (e - b == 1
          && (first == '«'
              || first == '“'
              || first == '('
              || first == '"'
              || first == '-'
              || first == '—'
              || first == '–'
              || first == '[')) {
        f |= OPENING;
      }
    }
    if (e - b <= 5 && CONNECTORS.contains(h)) {
      f |= CONNECTOR;
    }
    // a lower-case word with an inner capital (iPhone) is a candidate; a word after an
    // apostrophe inside it (aujourd'Hui) is not worth it
    if ((f & INNER_UPPER) != 0 && (f & UPPER_INITIAL) == 0 && !lower) {
      f &= ~INNER_UPPER;
    }
    flags[i] = f;
    words[i] = h;
    // long words and short ones of the same shape differ: Xx of 2 letters is often a title
    shapes[i] = Hashes.step(shape, Math.min(e - b, 4));
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
