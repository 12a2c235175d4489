package org.gazette.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.lucene.analysis.CharArrayMap;
import org.apache.lucene.analysis.CharArraySet;

/**
 * A fast first guess at a text's language from its function words: each word of the text's
 * beginning votes for the languages whose stop list holds it, one vote shared among them ("de"
 * counts for many Romance languages a little, "les" for French and Catalan, "des" for French
 * alone). The guess stands only when one language wins clearly; otherwise the caller asks a
 * statistical detector.
 *
 * <p>Function words are the surest sign of a language in running text, and looking them up costs a
 * few microseconds an article, against hundreds for a character n-gram model. Immutable and
 * thread-safe.
 */
public final class StopWordVote {

  /** Characters of the text that are looked at. */
  static final int WINDOW = 600;

  /** Votes the winner needs at least. */
  static final double MIN_VOTES = 4.0;

  /** How many times the runner-up's votes the winner needs. */
  static final double MIN_MARGIN = 2.0;

  private final List<String> languages = new ArrayList<>();
  private final CharArrayMap<Long> votes = new CharArrayMap<>(4096, false);

  /** A vote among {@code allowed} languages (ISO 639-1), with their stop lists. */
  public StopWordVote(LanguageProfiles profiles, Set<String> allowed) {
    for (String language : allowed) {
      CharArraySet stop = profiles.profile(language).stopWords();
      if (stop.isEmpty() || languages.size() == Long.SIZE) {
        continue;
      }
      long bit = 1L << languages.size();
      languages.add(language);
      for (Object word : stop) {
        String w = new String((char[]) word);
        if (w.length() > 1 && w.chars().allMatch(Character::isLetter)) {
          Long previous = votes.get(w);
          votes.put(w, previous == null ? bit : previous | bit);
        }
      }
    }
  }

  /** The clear winner among the languages, or null when the vote is not clear. */
  public String guess(CharSequence text) {
    double[] tally = new double[languages.size()];
    int end = Math.min(text.length(), WINDOW);
    char[] word = new char[32];
    int length = 0;
    for (int i = 0; i <= end; i++) {
      char c = i < end ? text.charAt(i) : ' ';
      if (Character.isLetter(c)) {
        if (length < word.length) {
          word[length] = Character.toLowerCase(c);
        }
        length++;
        continue;
      }
      if (length > 1 && length <= word.length) {
        Long mask = votes.get(word, 0, length);
        if (mask != null) {
          long m = mask;
          double share = 1.0 / Long.bitCount(m);
          while (m != 0) {
            tally[Long.numberOfTrailingZeros(m)] += share;
            m &= m - 1;
          }
        }
      }
      length = 0;
    }
    int best = -1;
    double bestVotes = 0;
    double secondVotes = 0;
    for (int i = 0; i < tally.length; i++) {
      if (tally[i] > bestVotes) {
        secondVotes = bestVotes;
        bestVotes = tally[i];
        best = i;
      } else if (tally[i] > secondVotes) {
        secondVotes = tally[i];
      }
    }
    if (best < 0 || bestVotes < MIN_VOTES || bestVotes < MIN_MARGIN * secondVotes) {
      return null;
    }
    return languages.get(best);
  }
}
