package org.gazette.text;

import java.util.Arrays;

/**
 * The terms of one article with their counts, as {@link PhraseCounter} finds them: the bag of words
 * and phrases that topic models and trend examples read back instead of analysing the text again.
 *
 * <p>A bag holds at most {@code maxTerms} terms: the most frequent, words before phrases on ties,
 * then in alphabetical order, so that the same text always gives the same bag. A news article has a
 * few hundred distinct terms; a book-length text keeps its most telling ones.
 *
 * <p>Not thread-safe: one per task.
 */
public final class ArticleTerms {

  /** Terms kept per article by default: more than a news article has words worth counting. */
  public static final int DEFAULT_MAX_TERMS = 256;

  /** The terms of one article and their occurrences, most frequent first. */
  public record Bag(String[] terms, long[] counts) {
    public int size() {
      return terms.length;
    }
  }

  private static final Bag EMPTY = new Bag(new String[0], new long[0]);

  /** The dictionary is rebuilt once it holds this many words, to bound memory. */
  private static final int DICTIONARY_LIMIT = 1 << 20;

  private final PhraseCounter counter;
  private final int maxTerms;
  private final TermDictionary dictionary = new TermDictionary();
  private final CountTable table = new CountTable(1024);
  private final StringBuilder scratch = new StringBuilder();
  private int[] entries = new int[1024];

  /** Bags of words and phrases of up to {@code maxWords} words, at most {@code maxTerms}. */
  public ArticleTerms(int maxWords, int maxTerms) {
    if (maxTerms < 1) {
      throw new IllegalArgumentException("maxTerms must be positive, was " + maxTerms);
    }
    this.counter = new PhraseCounter(maxWords);
    this.maxTerms = maxTerms;
  }

  /** The bag of {@code tokens}, the analysed text of one article. */
  public Bag of(Tokens tokens) {
    if (tokens.size() == 0) {
      return EMPTY;
    }
    if (dictionary.size() > DICTIONARY_LIMIT
        || dictionary.size() > PhraseKey.MAX_ID - TokenAnalyzer.MAX_TOKENS) {
      dictionary.clear();
    }
    table.clear(4096);
    counter.count(tokens, dictionary, table, 0);
    int n = table.size();
    if (entries.length < n) {
      entries = new int[Math.max(n, entries.length * 2)];
    }
    int at = 0;
    for (int slot = 0; slot < table.capacity(); slot++) {
      if (table.isUsed(slot)) {
        entries[at++] = slot;
      }
    }
    String[] terms = new String[n];
    for (int i = 0; i < n; i++) {
      terms[i] = PhraseKey.text(table.key(entries[i]), dictionary, scratch);
    }
    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    Arrays.sort(
        order,
        (x, y) -> {
          int sx = entries[x];
          int sy = entries[y];
          int byCount = Long.compare(table.count(sy), table.count(sx));
          if (byCount != 0) {
            return byCount;
          }
          int byWords =
              Integer.compare(PhraseKey.length(table.key(sx)), PhraseKey.length(table.key(sy)));
          return byWords != 0 ? byWords : terms[x].compareTo(terms[y]);
        });
    int kept = Math.min(n, maxTerms);
    String[] keptTerms = new String[kept];
    long[] counts = new long[kept];
    for (int i = 0; i < kept; i++) {
      keptTerms[i] = terms[order[i]];
      counts[i] = table.count(entries[order[i]]);
    }
    return new Bag(keptTerms, counts);
  }
}
