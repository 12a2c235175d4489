package org.gazette.text;

import java.util.ArrayList;
import java.util.List;

/**
 * One row of a {@link Tokens} table, copied out so that tests can compare whole tables.
 *
 * <p>{@link #toString()} is the notation the token tables in the tests are written in: the term, in
 * parentheses when it is a stop word, after a {@code |} when a phrase may not run into it from the
 * token before. {@code "|(le)"} is the stop word "le" starting a new phrase.
 */
record AnalyzedToken(String term, boolean stop, boolean breakBefore, int start, int end) {

  static List<AnalyzedToken> of(Tokens tokens) {
    List<AnalyzedToken> rows = new ArrayList<>(tokens.size());
    for (int i = 0; i < tokens.size(); i++) {
      rows.add(
          new AnalyzedToken(
              tokens.term(i),
              tokens.isStopWord(i),
              tokens.breaksBefore(i),
              tokens.textStart(i),
              tokens.textEnd(i)));
    }
    return rows;
  }

  /** The rows in table notation, without offsets. */
  static List<String> notation(Tokens tokens) {
    return of(tokens).stream().map(AnalyzedToken::toString).toList();
  }

  /**
   * Builds a token table from its notation, as the analyzer would have filled it: {@code
   * tokens("|corée", "(du)", "nord")}. Offsets are those of the terms joined by spaces.
   */
  static Tokens tokens(String... notation) {
    Tokens tokens = new Tokens();
    int offset = 0;
    for (String row : notation) {
      boolean breakBefore = row.startsWith("|");
      String word = breakBefore ? row.substring(1) : row;
      boolean stop = word.startsWith("(") && word.endsWith(")");
      String term = stop ? word.substring(1, word.length() - 1) : word;
      tokens.add(term.toCharArray(), term.length(), 0, offset, offset + term.length(), breakBefore);
      tokens.countWord();
      if (stop) {
        tokens.markStopWord(tokens.size() - 1);
      }
      offset += term.length() + 1;
    }
    return tokens;
  }

  @Override
  public String toString() {
    String word = stop ? "(" + term + ")" : term;
    return breakBefore ? "|" + word : word;
  }
}
