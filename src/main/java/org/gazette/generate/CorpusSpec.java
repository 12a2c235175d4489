package org.gazette.generate;

import java.io.Serializable;
import java.time.LocalDate;

/**
 * What to generate: how many articles over how many days from which start date, for which seed, and
 * the shares of the corpus's planted imperfections.
 *
 * @param articles rows to write, invalid ones included
 * @param days days covered, from {@code start}
 * @param start first day (UTC)
 * @param seed the same seed gives the same corpus, row for row
 * @param invalidShare rows that nightly must reject or collapse (no id, no date, a date that does
 *     not parse, no text, markup only, a repeated id)
 * @param duplicateShare exact copies of an earlier article under another id and outlet
 * @param nearDuplicateShare copies with one change (title or a paragraph)
 * @param htmlShare bodies written as HTML with entities
 * @param missingLanguageShare rows whose language is null, empty or "und"
 */
public record CorpusSpec(
    long articles,
    int days,
    LocalDate start,
    long seed,
    double invalidShare,
    double duplicateShare,
    double nearDuplicateShare,
    double htmlShare,
    double missingLanguageShare)
    implements Serializable {

  public CorpusSpec {
    if (articles < 0) {
      throw new IllegalArgumentException("articles must be at least 0, was " + articles);
    }
    if (days < 1) {
      throw new IllegalArgumentException("days must be at least 1, was " + days);
    }
    for (double share :
        new double[] {
          invalidShare, duplicateShare, nearDuplicateShare, htmlShare, missingLanguageShare
        }) {
      if (share < 0 || share > 1) {
        throw new IllegalArgumentException("shares must be between 0 and 1, was " + share);
      }
    }
    if (invalidShare + duplicateShare + nearDuplicateShare > 1) {
      throw new IllegalArgumentException(
          "invalid, duplicate and near-duplicate shares add up " + "to more than 1");
    }
  }

  /** The default shares, for {@code articles} over {@code days} from {@code start}. */
  public static CorpusSpec of(long articles, int days, LocalDate start, long seed) {
    return new CorpusSpec(articles, days, start, seed, 0.01, 0.03, 0.02, 0.15, 0.2);
  }
}
