package org.gazette.ner;

import java.util.List;
import java.util.Locale;

/** Scores a tagger on annotated texts and times it on their text. */
public final class NameEvaluation {

  private final SpanScores scores;
  private final long tokens;
  private final double tokensPerSecond;
  private final double taggedTokensPerSecond;

  private NameEvaluation(
      SpanScores scores, long tokens, double tokensPerSecond, double taggedTokensPerSecond) {
    this.scores = scores;
    this.tokens = tokens;
    this.tokensPerSecond = tokensPerSecond;
    this.taggedTokensPerSecond = taggedTokensPerSecond;
  }

  /**
   * Tags the gold tokens of {@code texts} and scores the names found; then times {@code rounds}
   * passes of tokenising and tagging their text (the first pass warms up and is not counted).
   */
  public static NameEvaluation evaluate(NameTagger tagger, List<AnnotatedText> texts, int rounds) {
    SpanScores scores = new SpanScores();
    long tokens = 0;
    long began = System.nanoTime();
    for (AnnotatedText t : texts) {
      scores.add(t.names(), tagger.tag(t.tokens()));
      tokens += t.tokens().size();
    }
    double taggedSeconds = (System.nanoTime() - began) / 1e9;
    long sink = 0;
    long timedTokens = 0;
    long timedNanos = 0;
    for (int r = 0; r < Math.max(2, rounds); r++) {
      long start = System.nanoTime();
      long n = 0;
      for (AnnotatedText t : texts) {
        NameTokens tokenized = NameTokenizer.tokenize(t.tokens().text());
        sink += tagger.tag(tokenized).size();
        n += tokenized.size();
      }
      if (r > 0) {
        timedNanos += System.nanoTime() - start;
        timedTokens += n;
      }
    }
    if (sink < 0) {
      throw new AssertionError();
    }
    return new NameEvaluation(
        scores, tokens, timedTokens / (timedNanos / 1e9), tokens / Math.max(1e-9, taggedSeconds));
  }

  public SpanScores scores() {
    return scores;
  }

  public long tokens() {
    return tokens;
  }

  /** Tokens per second of tokenising and tagging, after warm-up, one thread. */
  public double tokensPerSecond() {
    return tokensPerSecond;
  }

  /** The scores table and the speed. */
  public String report() {
    return scores.table()
        + String.format(
            Locale.ROOT,
            "%,d tokens; tokenise+tag %,.0f tokens/s (one thread, after warm-up); first pass %,.0f"
                + " tokens/s%n",
            tokens,
            tokensPerSecond,
            taggedTokensPerSecond);
  }
}
