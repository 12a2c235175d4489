package org.gazette.trend;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * How far a day's article count of a term stands out against the term's own recent past.
 *
 * <p>The past is the {@code W} days before the day, and of those only the like days (weekend days
 * for a Saturday or Sunday, weekdays for the others) when there are enough of them with articles,
 * so that the weekend's thinner news is not read as a drop or its sport pages as a rise. The
 * expected count is the term's share of the articles of those days times the day's articles, at
 * least 1. The score is the signed Poisson deviance of the count from it: it grows with the
 * evidence, so that 200 → 900 articles (36) outranks 1 → 3 (1.6).
 */
public final class TrendScore {

  /** Which days of the window a day is compared with. */
  public enum Compared {
    /** Every day of the window: too few like days have articles. */
    ALL_DAYS,
    /** Saturdays and Sundays only. */
    WEEKENDS,
    /** Monday to Friday only. */
    WEEKDAYS
  }

  private TrendScore() {}

  /** True on Saturdays and Sundays. */
  public static boolean isWeekend(LocalDate day) {
    DayOfWeek d = day.getDayOfWeek();
    return d == DayOfWeek.SATURDAY || d == DayOfWeek.SUNDAY;
  }

  /**
   * The days of the window {@code day} is compared with: its like days when at least {@code
   * minLikeDays} of them have articles, else all.
   */
  public static Compared compared(
      LocalDate day, int weekendDaysWithArticles, int weekdaysWithArticles, int minLikeDays) {
    if (isWeekend(day)) {
      return weekendDaysWithArticles >= minLikeDays ? Compared.WEEKENDS : Compared.ALL_DAYS;
    }
    return weekdaysWithArticles >= minLikeDays ? Compared.WEEKDAYS : Compared.ALL_DAYS;
  }

  /** True when {@code other} is one of the days that {@code compared} keeps. */
  public static boolean keeps(Compared compared, LocalDate other) {
    return switch (compared) {
      case ALL_DAYS -> true;
      case WEEKENDS -> isWeekend(other);
      case WEEKDAYS -> !isWeekend(other);
    };
  }

  /**
   * The expected count on a day of {@code dayVolume} articles of a term found in {@code
   * windowCount} of the {@code windowVolume} articles of the compared days: {@code max(1, dayVolume
   * · windowCount / windowVolume)}. The floor of 1 keeps a term never seen before from scoring
   * without bound.
   */
  public static double expected(long dayVolume, long windowCount, long windowVolume) {
    if (windowVolume <= 0 || dayVolume < 0 || windowCount < 0) {
      throw new IllegalArgumentException(
          "need dayVolume >= 0, windowCount >= 0 and "
              + "windowVolume > 0, were "
              + dayVolume
              + ", "
              + windowCount
              + ", "
              + windowVolume);
    }
    return Math.max(1.0, (double) dayVolume * windowCount / windowVolume);
  }

  /**
   * The signed Poisson deviance of {@code count} from {@code expected}: {@code sign(c − e) · sqrt(2
   * (c ln(c / e) − (c − e)))}; 0 ln 0 is 0.
   */
  public static double score(long count, double expected) {
    if (count < 0 || !(expected > 0) || Double.isInfinite(expected)) {
      throw new IllegalArgumentException(
          "need count >= 0 and a finite expected > 0, were " + count + " and " + expected);
    }
    double c = count;
    double deviance = 2.0 * ((c == 0 ? 0.0 : c * Math.log(c / expected)) - (c - expected));
    // Rounding can take the deviance of c close to e a hair below zero.
    return Math.signum(c - expected) * Math.sqrt(Math.max(0.0, deviance));
  }

  /**
   * The expected count of a term on {@code day}, worked out from whole series, as {@code
   * term_trends} does: {@code volumes} are articles per date in the language, {@code counts} the
   * term's articles per date (a missing date is 0). Empty when fewer than {@code minHistoryDays}
   * days of the window have articles.
   */
  public static OptionalDouble baseline(
      LocalDate day,
      Map<LocalDate, Long> volumes,
      Map<LocalDate, Long> counts,
      TrendSettings settings) {
    int weekendDays = 0;
    int weekdays = 0;
    for (int back = 1; back <= settings.windowDays(); back++) {
      LocalDate d = day.minusDays(back);
      if (volumes.getOrDefault(d, 0L) > 0) {
        if (isWeekend(d)) {
          weekendDays++;
        } else {
          weekdays++;
        }
      }
    }
    if (weekendDays + weekdays < settings.minHistoryDays()) {
      return OptionalDouble.empty();
    }
    Compared compared = compared(day, weekendDays, weekdays, settings.minLikeDays());
    long windowCount = 0;
    long windowVolume = 0;
    for (int back = 1; back <= settings.windowDays(); back++) {
      LocalDate d = day.minusDays(back);
      if (keeps(compared, d)) {
        windowCount += counts.getOrDefault(d, 0L);
        windowVolume += volumes.getOrDefault(d, 0L);
      }
    }
    return OptionalDouble.of(expected(volumes.getOrDefault(day, 0L), windowCount, windowVolume));
  }
}
