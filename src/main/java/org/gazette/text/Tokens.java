package org.gazette.text;

import java.util.Arrays;

/**
 * The analysed tokens of one text, in order: each token's term (lower-cased, elided, with
 * typographic apostrophes normalised), its offsets in the text, whether it is a stop word, and
 * whether a phrase may not run into it from the token before (punctuation, a line break, a number
 * or a symbol stood between them).
 *
 * <p>A reusable buffer: {@link TokenAnalyzer} clears and refills it for each text, so that
 * analysing an article allocates nothing but what its terms need.
 */
public final class Tokens {

  private static final byte STOP = 1;
  private static final byte BREAK_BEFORE = 2;

  private char[] chars = new char[8192];
  private int charLength;
  private int[] termStart = new int[1024];
  private int[] termLength = new int[1024];
  private byte[] elision = new byte[1024];
  private int[] textStart = new int[1024];
  private int[] textEnd = new int[1024];
  private byte[] flags = new byte[1024];
  private int size;
  private int wordCount;
  private boolean truncated;

  /** Number of tokens kept: words, stop words included; numbers and symbols are not tokens. */
  public int size() {
    return size;
  }

  /** The term of token {@code i}. */
  public String term(int i) {
    return new String(chars, termStart[i], termLength[i]);
  }

  /** The buffer holding every term's characters; see {@link #termStart} and {@link #termLength}. */
  public char[] chars() {
    return chars;
  }

  public int termStart(int i) {
    return termStart[i];
  }

  public int termLength(int i) {
    return termLength[i];
  }

  /**
   * Where the token's phrase form starts in {@link #chars}: the term with its elided article
   * ("d'achat" where the term is "achat"), which reads better inside a phrase ("pouvoir d'achat").
   * It ends where the term ends.
   */
  public int phraseStart(int i) {
    return termStart[i] - elision[i];
  }

  /** Length of the phrase form; see {@link #phraseStart}. */
  public int phraseLength(int i) {
    return termLength[i] + elision[i];
  }

  /** Offset of the token's first character in the analysed text. */
  public int textStart(int i) {
    return textStart[i];
  }

  /** Offset just past the token's last character in the analysed text. */
  public int textEnd(int i) {
    return textEnd[i];
  }

  public boolean isStopWord(int i) {
    return (flags[i] & STOP) != 0;
  }

  /** True when a phrase must not join token {@code i} to the one before it. */
  public boolean breaksBefore(int i) {
    return (flags[i] & BREAK_BEFORE) != 0;
  }

  /** Word tokens seen, stop words included. */
  public int wordCount() {
    return wordCount;
  }

  /** True when the text was longer than {@link TokenAnalyzer#MAX_TOKENS} tokens. */
  public boolean truncated() {
    return truncated;
  }

  void markTruncated() {
    truncated = true;
  }

  void clear() {
    truncated = false;
    charLength = 0;
    size = 0;
    wordCount = 0;
  }

  /**
   * Adds a token whose normalised text is {@code token[0, length)}; its first {@code elided}
   * characters are an elided article ("d'"), kept for the phrase form only.
   */
  void add(char[] token, int length, int elided, int start, int end, boolean breakBefore) {
    if (size == flags.length) {
      int capacity = size * 2;
      termStart = Arrays.copyOf(termStart, capacity);
      termLength = Arrays.copyOf(termLength, capacity);
      elision = Arrays.copyOf(elision, capacity);
      textStart = Arrays.copyOf(textStart, capacity);
      textEnd = Arrays.copyOf(textEnd, capacity);
      flags = Arrays.copyOf(flags, capacity);
    }
    ensureChars(length);
    System.arraycopy(token, 0, chars, charLength, length);
    termStart[size] = charLength + elided;
    termLength[size] = length - elided;
    elision[size] = (byte) elided;
    textStart[size] = start;
    textEnd[size] = end;
    flags[size] = breakBefore ? BREAK_BEFORE : 0;
    charLength += length;
    size++;
  }

  /** Extends the last token with {@code separator} and {@code term}: "nord" + '-' + "coréen". */
  void joinToLast(char separator, char[] term, int length, int end) {
    int last = size - 1;
    ensureChars(length + 1);
    chars[charLength++] = separator;
    System.arraycopy(term, 0, chars, charLength, length);
    charLength += length;
    termLength[last] += length + 1;
    textEnd[last] = end;
  }

  /** Removes the last token; the next token added then starts a new phrase. */
  void dropLast() {
    size--;
    charLength = termStart[size] - elision[size];
  }

  void markStopWord(int i) {
    flags[i] |= STOP;
  }

  void countWord() {
    wordCount++;
  }

  private void ensureChars(int extra) {
    if (charLength + extra > chars.length) {
      chars = Arrays.copyOf(chars, Math.max(chars.length * 2, charLength + extra));
    }
  }
}
