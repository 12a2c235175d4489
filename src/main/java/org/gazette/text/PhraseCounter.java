package org.gazette.text;

/**
 * Counts the terms of one text: words that are not stop words ({@code n = 1}), and phrases of two
 * or three words ({@code n = 2, 3}) that neither start nor end with a stop word and do not cross
 * punctuation or a line break ("corée du nord", "missile balistique intercontinental"). Inside a
 * phrase, a word keeps its elided article: "pouvoir d'achat". Words and phrases become {@link
 * PhraseKey}s over a {@link TermDictionary}.
 */
public final class PhraseCounter {

  private final int maxWords;

  /** Counts phrases of up to {@code maxWords} words (1 to 3). */
  public PhraseCounter(int maxWords) {
    if (maxWords < 1 || maxWords > 3) {
      throw new IllegalArgumentException("phrase length must be 1 to 3 words, was " + maxWords);
    }
    this.maxWords = maxWords;
  }

  /**
   * Adds the words and phrases of {@code tokens}, the text of document {@code document}, to {@code
   * out}: each occurrence counts, and the document once per term.
   */
  public void count(Tokens tokens, TermDictionary dictionary, CountTable out, int document) {
    int n = tokens.size();
    if (n == 0) {
      return;
    }
    int[] ids = idsOf(tokens, dictionary);
    int[] inner = phraseIdsOf(tokens, dictionary, ids);
    for (int i = 0; i < n; i++) {
      boolean content = !tokens.isStopWord(i);
      if (content) {
        out.addOccurrence(PhraseKey.of(ids[i]), document);
      }
      if (maxWords < 2 || !content || i + 1 >= n || tokens.breaksBefore(i + 1)) {
        continue;
      }
      if (!tokens.isStopWord(i + 1)) {
        out.addOccurrence(PhraseKey.of(ids[i], inner[i + 1]), document);
      }
      if (maxWords >= 3 && i + 2 < n && !tokens.breaksBefore(i + 2) && !tokens.isStopWord(i + 2)) {
        out.addOccurrence(PhraseKey.of(ids[i], inner[i + 1], inner[i + 2]), document);
      }
    }
  }

  private int[] scratch = new int[1024];
  private int[] phraseScratch = new int[1024];

  /**
   * Ids of the tokens' phrase forms, for the words of a phrase after its first: "pouvoir d'achat",
   * "touché à l'épaule". A phrase starts at a content word, without its article.
   */
  private int[] phraseIdsOf(Tokens tokens, TermDictionary dictionary, int[] ids) {
    int n = tokens.size();
    if (phraseScratch.length < n) {
      phraseScratch = new int[Math.max(n, phraseScratch.length * 2)];
    }
    char[] chars = tokens.chars();
    for (int i = 0; i < n; i++) {
      phraseScratch[i] =
          tokens.phraseLength(i) == tokens.termLength(i)
              ? ids[i]
              : dictionary.idOf(chars, tokens.phraseStart(i), tokens.phraseLength(i));
    }
    return phraseScratch;
  }

  private int[] idsOf(Tokens tokens, TermDictionary dictionary) {
    int n = tokens.size();
    if (scratch.length < n) {
      scratch = new int[Math.max(n, scratch.length * 2)];
    }
    char[] chars = tokens.chars();
    for (int i = 0; i < n; i++) {
      scratch[i] = dictionary.idOf(chars, tokens.termStart(i), tokens.termLength(i));
    }
    return scratch;
  }
}
