package org.gazette.ner;

import java.util.Arrays;
import java.util.Set;

/**
 * Cuts text into case-preserving tokens and sentences for name finding. Words keep inner hyphens
 * and apostrophes ({@code Hwasong-17}, {@code O'Brien}, {@code aujourd'hui}); an elided article is
 * its own token with its apostrophe ({@code l’} {@code Agence}, {@code d'} {@code Ukraine}); an
 * English possessive is split off ({@code Putin} {@code 's}); every punctuation mark and quote is a
 * token ({@code «}, {@code “}). A period stays on initials ({@code J.}), on known abbreviations
 * ({@code M.}, {@code Mr.}, {@code Dr.}, {@code St.}) and in dotted acronyms ({@code U.S.}) and
 * numbers ({@code 3.5}), and then does not end a sentence. Sentences end after {@code . ! ? …}
 * (closing quotes and brackets stay with the sentence they close) and at every line break.
 * Stateless and thread-safe.
 */
public final class NameTokenizer {

  /** Articles and pronouns elided before a vowel: French, Italian and Catalan (Lucene's lists). */
  private static final Set<String> ELISIONS =
      Set.of(
          "l", "m", "t", "qu", "n", "s", "j", "d", "c", "jusqu", "quoiqu", "lorsqu", "puisqu",
          "all", "dall", "dell", "nell", "sull", "coll", "pell", "gl", "agl", "dagl", "degl",
          "negl", "sugl", "un", "v");

  /** Words that keep a following period and do not end a sentence with it (lower case). */
  private static final Set<String> ABBREVIATIONS =
      Set.of(
          "mr", "mrs", "ms", "messrs", "dr", "prof", "st", "ste", "sts", "mt", "ft", "gen", "col",
          "lt", "sgt", "capt", "cmdr", "adm", "gov", "sen", "rep", "rev", "hon", "pres", "supt",
          "jr", "sr", "inc", "corp", "ltd", "co", "bros", "no", "nos", "vs", "jan", "feb", "mar",
          "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "mme", "mmes", "mlle",
          "mlles", "mm", "mgr", "pr", "cie", "dept", "univ", "av", "ave", "bd", "blvd", "pp", "cf",
          "fig", "vol", "approx", "hr", "sra", "srta", "sig", "dott");

  /** Folded hashes of {@link #ELISIONS} and {@link #ABBREVIATIONS}: no string per lookup. */
  private static final LongSet ELISION_HASHES = hashes(ELISIONS);

  private static final LongSet ABBREVIATION_HASHES = hashes(ABBREVIATIONS);

  private NameTokenizer() {}

  private static LongSet hashes(Set<String> words) {
    return new LongSet(words.stream().mapToLong(Hashes::folded).toArray());
  }

  /** Whether {@code s[from, to)}, of letters only, is one of {@code words} in any case. */
  private static boolean isLetters(String s, int from, int to, LongSet words) {
    long h = Hashes.SEED;
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      if (!Character.isLetter(c)) {
        return false;
      }
      h = Hashes.step(h, Hashes.fold(c));
    }
    return words.contains(h);
  }

  /** Tokens and sentences of {@code text} (null reads as empty). */
  public static NameTokens tokenize(String text) {
    String s = text == null ? "" : text;
    int n = s.length();
    int capacity = Math.max(8, n / 5);
    int[] begins = new int[capacity];
    int[] ends = new int[capacity];
    int[] sentences = new int[capacity];
    int count = 0;
    int sentence = 0;
    boolean sentenceHasTokens = false;
    boolean pendingBreak = false;
    int p = 0;
    while (p < n) {
      char c = s.charAt(p);
      if (isLineBreak(c)) {
        if (sentenceHasTokens) {
          sentence++;
          sentenceHasTokens = false;
        }
        pendingBreak = false;
        p++;
        continue;
      }
      if (Character.isWhitespace(c) || Character.isSpaceChar(c) || isInvisible(c)) {
        p++;
        continue;
      }
      int begin = p;
      int end;
      boolean breaksAfter = false;
      boolean closing = false;
      int cp = s.codePointAt(p);
      if (isWordChar(cp)) {
        end = scanWord(s, p);
      } else if (isApostrophe(c)
          && p + 1 < n
          && (s.charAt(p + 1) == 's' || s.charAt(p + 1) == 'S')
          && (p + 2 >= n || !isWordChar(s.codePointAt(p + 2)))) {
        end = p + 2; // English possessive 's
      } else if (c == '.' || c == '…') {
        end = p + 1;
        while (end < n && (s.charAt(end) == '.' || s.charAt(end) == '…')) {
          end++;
        }
        breaksAfter = true;
      } else if (c == '!' || c == '?') {
        end = p + 1;
        while (end < n && (s.charAt(end) == '!' || s.charAt(end) == '?')) {
          end++;
        }
        breaksAfter = true;
      } else {
        end = p + Character.charCount(cp);
        closing = isClosing(s, p, c);
      }
      if (pendingBreak && !closing && sentenceHasTokens) {
        sentence++;
        sentenceHasTokens = false;
      }
      if (pendingBreak && !closing) {
        pendingBreak = false;
      }
      if (count == begins.length) {
        int grown = count * 2;
        begins = Arrays.copyOf(begins, grown);
        ends = Arrays.copyOf(ends, grown);
        sentences = Arrays.copyOf(sentences, grown);
      }
      begins[count] = begin;
      ends[count] = end;
      sentences[count] = sentence;
      count++;
      sentenceHasTokens = true;
      if (breaksAfter) {
        pendingBreak = true;
      }
      p = end;
    }
    return new NameTokens(s, count, begins, ends, sentences);
  }

  /** End of the word that starts at {@code p}; see the class comment for what it joins. */
  private static int scanWord(String s, int p) {
    int n = s.length();
    int q = p;
    int wordStart = p;
    while (true) {
      while (q < n) {
        int cp = s.codePointAt(q);
        if (!isWordChar(cp)) {
          break;
        }
        q += Character.charCount(cp);
      }
      if (q >= n) {
        return q;
      }
      char c = s.charAt(q);
      boolean nextIsWord = q + 1 < n && isWordChar(s.codePointAt(q + 1));
      if (isHyphen(c) && nextIsWord) {
        q++;
        continue;
      }
      if (isApostrophe(c) && nextIsWord && Character.isLetter(s.codePointAt(q + 1))) {
        if (wordStart == p && isElision(s, p, q)) {
          return q + 1; // "l’" then the word as its own token
        }
        if ((s.charAt(q + 1) == 's' || s.charAt(q + 1) == 'S')
            && (q + 2 >= n || !isWordChar(s.codePointAt(q + 2)))) {
          return q; // possessive: "'s" is the next token
        }
        q++;
        continue;
      }
      if ((c == '.' || c == ',')
          && q > p
          && isDigit(s.charAt(q - 1))
          && q + 1 < n
          && isDigit(s.charAt(q + 1))) {
        q++;
        continue; // 3.5, 1,000
      }
      if (c == '.') {
        int len = q - p;
        if (len == 1 && Character.isLetter(s.charAt(p))) {
          // dotted acronym U.S. / a.m., or an initial J.
          int r = q + 1;
          while (r + 1 < n
              && Character.isLetter(s.charAt(r))
              && s.charAt(r + 1) == '.'
              && (r + 2 >= n || !isWordChar(s.codePointAt(r + 2)))) {
            r += 2;
          }
          if (r > q + 1) {
            return r;
          }
          if (Character.isUpperCase(s.charAt(p))) {
            return q + 1;
          }
          return q;
        }
        if (len <= 6 && isLetters(s, p, q, ABBREVIATION_HASHES)) {
          return q + 1;
        }
      }
      return q;
    }
  }

  private static boolean isElision(String s, int from, int to) {
    return to - from <= 6 && isLetters(s, from, to, ELISION_HASHES);
  }

  /** Whether the mark at {@code p} closes what came before (stays in the ending sentence). */
  private static boolean isClosing(String s, int p, char c) {
    switch (c) {
      case '”':
      case '»':
      case ')':
      case ']':
      case '}':
      case '’':
        return true;
      case '"':
      case '\'':
        return p + 1 >= s.length()
            || Character.isWhitespace(s.charAt(p + 1))
            || s.charAt(p + 1) == '.'
            || s.charAt(p + 1) == ',';
      default:
        return false;
    }
  }

  static boolean isWordChar(int cp) {
    if (Character.isLetterOrDigit(cp)) {
      return true;
    }
    int type = Character.getType(cp);
    return type == Character.NON_SPACING_MARK
        || type == Character.COMBINING_SPACING_MARK
        || type == Character.ENCLOSING_MARK;
  }

  static boolean isApostrophe(char c) {
    return c == '\'' || c == '’' || c == 'ʼ';
  }

  private static boolean isHyphen(char c) {
    return c == '-' || c == '‐' || c == '‑';
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static boolean isLineBreak(char c) {
    return c == '\n'
        || c == '\r'
        || c == '\u2028'
        || c == '\u2029'
        || c == '\u000B'
        || c == '\u000C'
        || c == '\u0085';
  }

  private static boolean isInvisible(char c) {
    return c == '\u00AD'
        || c == '\u200B'
        || c == '\u200C'
        || c == '\u200D'
        || c == '\u2060'
        || c == '\uFEFF'
        || c == '\u200E'
        || c == '\u200F'
        || Character.getType(c) == Character.CONTROL;
  }
}
