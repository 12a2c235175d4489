package org.gazette.trend;

import java.io.Serializable;

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
    if (windowDays < 1) {
      throw new IllegalArgumentException("windowDays must be at least 1, was " + windowDays);
    }
    if (minHistoryDays < 1 || minHistoryDays > windowDays) {
      throw new IllegalArgumentException(
          "minHistoryDays must be from 1 to windowDays ("
              + windowDays
              + "), was "
              + minHistoryDays);
    }
    if (minLikeDays < 1 || minLikeDays > windowDays) {
      throw new IllegalArgumentException(
          "minLikeDays must be from 1 to windowDays (" + windowDays + "), was " + minLikeDays);
    }
    if (minSupport < 1) {
      throw new IllegalArgumentException("minSupport must be at least 1, was " + minSupport);
    }
    if (!(minScore >= 0)) {
      throw new IllegalArgumentException("minScore must be 0 or more, was " + minScore);
    }
    if (topN < 1) {
      throw new IllegalArgumentException("topN must be at least 1, was " + topN);
    }
  }
}
