package org.gazette.ner;

import java.util.Objects;

/**
 * One entity mention: tokens {@code [start, end)} of a {@link NameTokens}, its type, and the
 * characters {@code [begin, endChar)} of the text it covers.
 */
public record NameSpan(int start, int end, EntityType type, int begin, int endChar, String text) {

  public NameSpan {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(text, "text");
    if (start < 0 || end <= start) {
      throw new IllegalArgumentException("bad token range [" + start + ", " + end + ")");
    }
    if (begin < 0 || endChar < begin) {
      throw new IllegalArgumentException("bad char range [" + begin + ", " + endChar + ")");
    }
  }

  /** Number of tokens. */
  public int length() {
    return end - start;
  }

  @Override
  public String toString() {
    return text + "/" + type;
  }
}
