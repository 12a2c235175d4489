package org.gazette.ner;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A text cut into case-preserving tokens for name finding: each token's character range in the text
 * and the index of its sentence (0, 1, 2… in text order). Immutable; made by {@link
 * NameTokenizer#tokenize(String)} or, for annotated corpora, {@link #of(List, int[])}.
 */
public final class NameTokens {

  private final String text;
  private final int size;
  private final int[] begins;
  private final int[] ends;
  private final int[] sentences;

  NameTokens(String text, int size, int[] begins, int[] ends, int[] sentences) {
    this.text = text;
    this.size = size;
    this.begins = begins;
    this.ends = ends;
    this.sentences = sentences;
  }

  /**
   * Tokens given one by one (an annotated corpus): the text is the tokens joined by a space,
   * sentences by a line break. {@code sentenceOfToken[i]} must not decrease.
   */
  public static NameTokens of(List<String> words, int[] sentenceOfToken) {
    Objects.requireNonNull(words, "words");
    if (sentenceOfToken.length != words.size()) {
      throw new IllegalArgumentException(
          "sentenceOfToken has "
              + sentenceOfToken.length
              + " entries for "
              + words.size()
              + " words");
    }
    StringBuilder text = new StringBuilder();
    int n = words.size();
    int[] begins = new int[n];
    int[] ends = new int[n];
    for (int i = 0; i < n; i++) {
      String w = words.get(i);
      if (w.isEmpty() || w.chars().anyMatch(Character::isWhitespace)) {
        throw new IllegalArgumentException(
            "token " + i + " is empty or holds white space: '" + w + "'");
      }
      if (i > 0) {
        if (sentenceOfToken[i] < sentenceOfToken[i - 1]) {
          throw new IllegalArgumentException("sentence index decreases at token " + i);
        }
        text.append(sentenceOfToken[i] != sentenceOfToken[i - 1] ? '\n' : ' ');
      }
      begins[i] = text.length();
      text.append(w);
      ends[i] = text.length();
    }
    return new NameTokens(text.toString(), n, begins, ends, sentenceOfToken.clone());
  }

  /** The text the offsets refer to. */
  public String text() {
    return text;
  }

  /** Number of tokens. */
  public int size() {
    return size;
  }

  /** First character of token {@code i}. */
  public int begin(int i) {
    Objects.checkIndex(i, size);
    return begins[i];
  }

  /** One past the last character of token {@code i}. */
  public int end(int i) {
    Objects.checkIndex(i, size);
    return ends[i];
  }

  /** Sentence index of token {@code i}. */
  public int sentence(int i) {
    Objects.checkIndex(i, size);
    return sentences[i];
  }

  /** Number of sentences (0 when there are no tokens). */
  public int sentenceCount() {
    return size == 0 ? 0 : sentences[size - 1] + 1;
  }

  /** The characters of token {@code i} (a new string). */
  public String token(int i) {
    return text.substring(begin(i), ends[i]);
  }

  /** All tokens as strings (for tests and tools; allocation per token). */
  public List<String> tokens() {
    String[] out = new String[size];
    for (int i = 0; i < size; i++) {
      out[i] = text.substring(begins[i], ends[i]);
    }
    return Arrays.asList(out);
  }

  int beginUnchecked(int i) {
    return begins[i];
  }

  int endUnchecked(int i) {
    return ends[i];
  }

  int sentenceUnchecked(int i) {
    return sentences[i];
  }

  @Override
  public String toString() {
    return tokens().toString();
  }
}
