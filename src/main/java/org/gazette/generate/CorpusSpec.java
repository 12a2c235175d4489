package org.gazette.generate;

import java.io.Serializable;
import java.time.LocalDate;
import org.gazette.Check;

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
    Check.option(articles >= 0, "--articles", "0 or more", articles);
    Check.option(days >= 1, "--days", "at least 1", days);
    share("--invalid-share", invalidShare);
    share("--duplicate-share", duplicateShare);
    share("--near-duplicate-share", nearDuplicateShare);
    share("--html-share", htmlShare);
    share("--missing-language-share", missingLanguageShare);
    Check.option(
        invalidShare + duplicateShare + nearDuplicateShare <= 1,
        "--invalid-share",
        "at most 1 with --duplicate-share and --near-duplicate-share",
        invalidShare + " + " + duplicateShare + " + " + nearDuplicateShare);
  }

  private static void share(String option, double share) {
    Check.option(share >= 0 && share <= 1, option, "from 0 to 1", share);
  }

  /** The default shares, for {@code articles} over {@code days} from {@code start}. */
  public static CorpusSpec of(long articles, int days, LocalDate start, long seed) {
    return new CorpusSpec(articles, days, start, seed, 0.01, 0.03, 0.02, 0.15, 0.2);
  }
}
