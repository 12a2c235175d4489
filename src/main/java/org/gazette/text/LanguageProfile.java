package org.gazette.text;

import org.apache.lucene.analysis.CharArraySet;

/**
 * How one language's text is analysed: its stop words, the articles it elides, and the lower-casing
 * it needs. Immutable; shared by every thread of an executor.
 *
 * @param language ISO 639-1 code, or {@link LanguageCodes#UNDETERMINED}
 * @param stopWords lower-case stop words (Lucene's list with the reference data's changes)
 * @param elidedArticles articles stripped before an apostrophe ("l’agence"), or empty
 * @param lowerCase the lower-casing rules of the language's script
 * @param englishPossessive whether a trailing "'s" is removed ("Putin's" counts as "putin")
 */
public record LanguageProfile(
    String language,
    CharArraySet stopWords,
    CharArraySet elidedArticles,
    LowerCase lowerCase,
    boolean englishPossessive) {

  /** Lower-casing rules: Turkish has a dotless i, Greek a final sigma. */
  public enum LowerCase {
    DEFAULT,
    TURKISH,
    GREEK
  }

  /** True when {@code chars[offset, offset + length)} is a stop word of this language. */
  public boolean isStopWord(char[] chars, int offset, int length) {
    return stopWords.contains(chars, offset, length);
  }
}
