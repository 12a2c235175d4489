package org.gazette.text;

import java.io.IOException;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * Replaces typographic apostrophes (’ ‘ ʼ ′ ＇) inside a token with the ASCII apostrophe, so that
 * "aujourd’hui" and "aujourd'hui" count as one term.
 *
 * <p>The first step of the Lucene chain that {@link TokenAnalyzer} fuses into one pass, kept here
 * as the reference implementation that {@link TokenAnalyzerParityTest} compares it with. Its list
 * of apostrophes is its own, not shared with TokenAnalyzer's, so that a change to either shows.
 */
final class ApostropheFilter extends TokenFilter {

  private final CharTermAttribute term = addAttribute(CharTermAttribute.class);

  ApostropheFilter(TokenStream input) {
    super(input);
  }

  /** True for the characters news text uses as an apostrophe. */
  static boolean isApostrophe(char c) {
    return c == '\''
        || c == '\u2019'
        || c == '\u2018'
        || c == '\u02BC'
        || c == '\u2032'
        || c == '\uFF07';
  }

  @Override
  public boolean incrementToken() throws IOException {
    if (!input.incrementToken()) {
      return false;
    }
    char[] buffer = term.buffer();
    int length = term.length();
    for (int i = 0; i < length; i++) {
      char c = buffer[i];
      if (c >= '\u02BC' && c != '\'' && isApostrophe(c)) { // letters of most scripts are below
        buffer[i] = '\'';
      }
    }
    return true;
  }
}
