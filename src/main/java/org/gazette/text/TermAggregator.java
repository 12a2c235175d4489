package org.gazette.text;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * Sums the term counts of many articles per day and language before they leave a Spark task: each
 * distinct (day, language, term) goes out once per drain instead of once per occurrence.
 *
 * <p>Memory is bounded: when {@link #isFull()}, the caller {@link #drain() drains} the tables and
 * counting starts afresh; a term then goes out more than once and Spark's aggregation adds the
 * parts up.
 */
public final class TermAggregator {

  /** Summed counts of one term on one day in one language. */
  public record TermCount(
      int day, String language, String term, int words, long count, int documents) {}

  private record Bucket(int day, String language) {}

  private final PhraseCounter counter;
  private final int flushAt;
  private final TermDictionary dictionary = new TermDictionary();
  private final Map<Bucket, CountTable> buckets = new HashMap<>();
  private long entries;
  private int articles;
  private boolean draining;

  /**
   * Counts phrases of up to {@code maxWords} words and asks to be drained once it holds more than
   * {@code flushAt} distinct entries.
   */
  public TermAggregator(int maxWords, int flushAt) {
    if (flushAt < 1) {
      throw new IllegalArgumentException("flushAt must be positive, was " + flushAt);
    }
    this.counter = new PhraseCounter(maxWords);
    this.flushAt = flushAt;
  }

  /** True when the tables should be drained before the next article. */
  public boolean isFull() {
    return entries > flushAt || dictionary.size() > PhraseKey.MAX_ID - TokenAnalyzer.MAX_TOKENS;
  }

  /** Counts the terms of one article published on {@code day} (days since 1970-01-01). */
  public void addArticle(int day, String language, Tokens tokens) {
    if (draining) {
      throw new IllegalStateException("drain the aggregator completely before adding");
    }
    if (tokens.size() == 0) {
      return;
    }
    CountTable bucket = buckets.computeIfAbsent(new Bucket(day, language), k -> new CountTable());
    int before = bucket.size();
    counter.count(tokens, dictionary, bucket, articles++);
    entries += bucket.size() - before;
  }

  /** Distinct (day, language, term) entries held now. */
  public long entries() {
    return entries;
  }

  /**
   * Yields every count held, one at a time, and empties the tables once the iterator is exhausted.
   * No article may be added until then.
   */
  public Iterator<TermCount> drain() {
    draining = true;
    List<Map.Entry<Bucket, CountTable>> all = new ArrayList<>(buckets.entrySet());
    return new Iterator<>() {
      private final StringBuilder scratch = new StringBuilder();
      private int bucket = 0;
      private int slot = -1;
      private boolean ready;

      @Override
      public boolean hasNext() {
        if (!ready) {
          ready = advance();
          if (!ready) {
            reset();
          }
        }
        return ready;
      }

      @Override
      public TermCount next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        ready = false;
        Bucket b = all.get(bucket).getKey();
        CountTable table = all.get(bucket).getValue();
        long key = table.key(slot);
        return new TermCount(
            b.day(),
            b.language(),
            PhraseKey.text(key, dictionary, scratch),
            PhraseKey.length(key),
            table.count(slot),
            table.documents(slot));
      }

      /** Moves to the next used slot; false when there is none. */
      private boolean advance() {
        while (bucket < all.size()) {
          CountTable table = all.get(bucket).getValue();
          while (++slot < table.capacity()) {
            if (table.isUsed(slot)) {
              return true;
            }
          }
          bucket++;
          slot = -1;
        }
        return false;
      }
    };
  }

  private void reset() {
    if (draining) {
      buckets.clear();
      dictionary.clear();
      entries = 0;
      draining = false;
    }
  }
}
