package org.gazette.ner;

import java.util.List;
import java.util.Objects;

/** A text with its gold names: tokens and spans, from an annotated corpus or written by hand. */
public record AnnotatedText(NameTokens tokens, List<NameSpan> names) {

  public AnnotatedText {
    Objects.requireNonNull(tokens, "tokens");
    names = List.copyOf(names);
  }
}
