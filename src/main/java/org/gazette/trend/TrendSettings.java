package org.gazette.trend;

import java.io.Serializable;
import org.gazette.Check;

/**
 * The knobs of {@code term_trends}.
 *
 * @param windowDays days before a date that make its past (the date itself is not one)
 * @param minHistoryDays days of the window with articles in the language needed to score a date at
 *     all
 * @param minLikeDays weekend days (for a Saturday or Sunday) or weekdays (for the others) of the
 *     window with articles needed to compare a date with its like days only
 * @param minSupport articles that must show a term on the date
 * @param minScore least score kept
 * @param topN rows kept per date, language and kind, highest score first
 */
public record TrendSettings(
    int windowDays, int minHistoryDays, int minLikeDays, long minSupport, double minScore, int topN)
    implements Serializable {

  /** 28 days, 7 of them with articles, 4 like days, 5 articles, score 3, 50 rows. */
  public static final TrendSettings DEFAULTS = new TrendSettings(28, 7, 4, 5, 3.0, 50);

  public TrendSettings {
    Check.option(windowDays >= 1, "--trend-window", "at least 1", windowDays);
    Check.option(
        minHistoryDays >= 1 && minHistoryDays <= windowDays,
        "--trend-min-history",
        "from 1 to --trend-window (" + windowDays + ")",
        minHistoryDays);
    Check.option(
        minLikeDays >= 1 && minLikeDays <= windowDays,
        "--trend-min-like-days",
        "from 1 to --trend-window (" + windowDays + ")",
        minLikeDays);
    Check.option(minSupport >= 1, "--trend-min-support", "at least 1", minSupport);
    Check.option(minScore >= 0, "--trend-min-score", "0 or more", minScore);
    Check.option(topN >= 1, "--trend-top", "at least 1", topN);
  }

  public TrendSettings withWindowDays(int n) {
    return new TrendSettings(n, minHistoryDays, minLikeDays, minSupport, minScore, topN);
  }

  public TrendSettings withMinHistoryDays(int n) {
    return new TrendSettings(windowDays, n, minLikeDays, minSupport, minScore, topN);
  }

  public TrendSettings withMinLikeDays(int n) {
    return new TrendSettings(windowDays, minHistoryDays, n, minSupport, minScore, topN);
  }

  public TrendSettings withMinSupport(long n) {
    return new TrendSettings(windowDays, minHistoryDays, minLikeDays, n, minScore, topN);
  }

  public TrendSettings withMinScore(double score) {
    return new TrendSettings(windowDays, minHistoryDays, minLikeDays, minSupport, score, topN);
  }

  public TrendSettings withTopN(int n) {
    return new TrendSettings(windowDays, minHistoryDays, minLikeDays, minSupport, minScore, n);
  }
}
