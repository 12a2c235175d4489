package org.gazette.trend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.function.ToLongFunction;
import org.gazette.trend.TrendScore.Compared;
import org.junit.jupiter.api.Test;

class TrendScoreTest {

  private static final TrendSettings DEFAULTS = TrendSettings.DEFAULTS;

  /** 2024-03-04 is a Monday; the series below run 35 days from it, to Sunday 2024-04-07. */
  private static final LocalDate MONDAY = LocalDate.of(2024, 3, 4);

  private static final LocalDate WEDNESDAY = LocalDate.of(2024, 4, 3);
  private static final LocalDate SATURDAY = LocalDate.of(2024, 4, 6);
  private static final LocalDate LAST_MONDAY = LocalDate.of(2024, 4, 1);

  // Deviance 2 (c ln(c/e) − (c − e)), worked by hand:
  //   1 → 3:     2 (3 ln 3 − 2)         = 2.591674,  sqrt = 1.609868
  //   200 → 900: 2 (900 ln 4.5 − 700)   = 1307.3393, sqrt = 36.157147
  //   1 → 5:     2 (5 ln 5 − 4)         = 8.094379,  sqrt = 2.845062
  //   10 → 40:   2 (40 ln 4 − 30)       = 50.903549, sqrt = 7.134672
  //   4 → 0:     2 (0 − (0 − 4))        = 8,         sqrt = 2.828427, signed −
  @Test
  void handWorkedDeviances() {
    assertThat(TrendScore.score(3, 1.0)).isCloseTo(1.609868, within(1e-6));
    assertThat(TrendScore.score(900, 200.0)).isCloseTo(36.157147, within(1e-6));
    assertThat(TrendScore.score(5, 1.0)).isCloseTo(2.845062, within(1e-6));
    assertThat(TrendScore.score(40, 10.0)).isCloseTo(7.134672, within(1e-6));
    assertThat(TrendScore.score(0, 4.0)).isCloseTo(-2.828427, within(1e-6));
    assertThat(TrendScore.score(10, 10.0)).isZero();
  }

  @Test
  void aSmallJumpNeverOutranksALargeOne() {
    // Three times the expectation on a handful of articles is noise; 4.5 times on 200 is news.
    assertThat(TrendScore.score(3, 1.0)).isLessThan(TrendScore.score(900, 200.0));
    // The same ratio on more articles is more evidence.
    assertThat(TrendScore.score(30, 10.0)).isGreaterThan(TrendScore.score(3, 1.0));
    // A new term needs 6 articles to pass the default score of 3: 5 score 2.85, 6 score 3.39.
    assertThat(TrendScore.score(5, TrendScore.expected(1000, 0, 28_000)))
        .isLessThan(DEFAULTS.minScore());
    assertThat(TrendScore.score(6, TrendScore.expected(1000, 0, 28_000)))
        .isCloseTo(3.391329, within(1e-6));
  }

  @Test
  void expectedIsTheWindowShareOfTheDayAtLeastOne() {
    // 50 of 20,000 articles before, 1,000 today: 2.5 expected.
    assertThat(TrendScore.expected(1000, 50, 20_000)).isEqualTo(2.5);
    assertThat(TrendScore.expected(100, 3, 20_000)).isEqualTo(1.0);
    assertThat(TrendScore.expected(100, 0, 20_000)).isEqualTo(1.0);
  }

  @Test
  void badArgumentsSayWhatTheyWere() {
    assertThatThrownBy(() -> TrendScore.expected(10, 1, 0)).hasMessageContaining("10, 1, 0");
    assertThatThrownBy(() -> TrendScore.score(3, 0.0)).hasMessageContaining("3 and 0.0");
    assertThatThrownBy(() -> TrendSettings.DEFAULTS.withMinHistoryDays(30))
        .hasMessage("--trend-min-history must be from 1 to --trend-window (28), was 30");
  }

  @Test
  void aSteadyTermWithOneDayAtFourTimesScoresHigh() {
    Map<LocalDate, Long> volumes = series(d -> 1000);
    Map<LocalDate, Long> counts = series(d -> d.equals(WEDNESDAY) ? 40 : 10);
    // Wednesday: the 20 weekdays of the 28 before, 10 of 1,000 each: e = 1000 · 200 / 20,000.
    OptionalDouble e = TrendScore.baseline(WEDNESDAY, volumes, counts, DEFAULTS);
    assertThat(e).hasValue(10.0);
    assertThat(TrendScore.score(40, e.getAsDouble())).isCloseTo(7.134672, within(1e-6));
    // The day after has the spike in its window: (19 · 10 + 40) / 20 = 11.5, a small dip.
    OptionalDouble after = TrendScore.baseline(WEDNESDAY.plusDays(1), volumes, counts, DEFAULTS);
    assertThat(after.getAsDouble()).isCloseTo(11.5, within(1e-9));
    assertThat(TrendScore.score(10, after.getAsDouble())).isBetween(-1.0, 0.0);
  }

  @Test
  void weekendsAreComparedWithWeekends() {
    // Weekends carry 400 articles, weekdays 1,000. "markets" is in 3% of weekday articles
    // and 0.75% of weekend ones; "sport" in 1% of weekday articles and 5% of weekend ones.
    Map<LocalDate, Long> volumes = series(d -> TrendScore.isWeekend(d) ? 400 : 1000);
    Map<LocalDate, Long> markets = series(d -> TrendScore.isWeekend(d) ? 3 : 30);
    Map<LocalDate, Long> sport = series(d -> TrendScore.isWeekend(d) ? 20 : 10);
    // Saturday against the 8 weekend days: exactly what was expected.
    assertThat(TrendScore.baseline(SATURDAY, volumes, markets, DEFAULTS)).hasValue(3.0);
    assertThat(TrendScore.baseline(SATURDAY, volumes, sport, DEFAULTS)).hasValue(20.0);
    // Monday against the 20 weekdays: the same.
    assertThat(TrendScore.baseline(LAST_MONDAY, volumes, markets, DEFAULTS)).hasValue(30.0);
    // Against all 28 days the weekend would read as a drop of markets and a rise of sport:
    // markets: 400 · (20 · 30 + 8 · 3) / (20 · 1000 + 8 · 400) = 400 · 624 / 23,200 = 10.7586;
    // sport:   400 · (20 · 10 + 8 · 20) / 23,200 = 6.2069, and 20 of it scores 4.38.
    TrendSettings allDays = TrendSettings.DEFAULTS.withMinLikeDays(9);
    double marketsAll = TrendScore.baseline(SATURDAY, volumes, markets, allDays).getAsDouble();
    double sportAll = TrendScore.baseline(SATURDAY, volumes, sport, allDays).getAsDouble();
    assertThat(marketsAll).isCloseTo(10.758621, within(1e-6));
    assertThat(TrendScore.score(3, marketsAll)).isCloseTo(-2.802619, within(1e-6));
    assertThat(sportAll).isCloseTo(6.206897, within(1e-6));
    assertThat(TrendScore.score(20, sportAll)).isCloseTo(4.383679, within(1e-6));
  }

  @Test
  void tooFewLikeDaysCompareWithEveryDay() {
    assertThat(TrendScore.compared(SATURDAY, 4, 10, 4)).isEqualTo(Compared.WEEKENDS);
    assertThat(TrendScore.compared(SATURDAY, 3, 20, 4)).isEqualTo(Compared.ALL_DAYS);
    assertThat(TrendScore.compared(WEDNESDAY, 0, 4, 4)).isEqualTo(Compared.WEEKDAYS);
    assertThat(TrendScore.compared(WEDNESDAY, 8, 3, 4)).isEqualTo(Compared.ALL_DAYS);
    // A corpus with no weekend articles: a Saturday's window has 0 like days with articles.
    Map<LocalDate, Long> volumes = series(d -> TrendScore.isWeekend(d) ? 0 : 1000);
    Map<LocalDate, Long> counts = series(d -> 10);
    // All days: 20 weekdays with 10 of 1,000 each, 8 weekend days with 10 of nothing;
    // Saturday itself has no articles, so e is the floor.
    assertThat(TrendScore.baseline(SATURDAY, volumes, counts, DEFAULTS)).hasValue(1.0);
  }

  @Test
  void aShortHistoryHasNoBaseline() {
    Map<LocalDate, Long> volumes = series(d -> 1000);
    Map<LocalDate, Long> counts = series(d -> 10);
    // MONDAY + 6 has 6 days before it in the series, MONDAY + 7 has 7.
    assertThat(TrendScore.baseline(MONDAY.plusDays(6), volumes, counts, DEFAULTS)).isEmpty();
    assertThat(TrendScore.baseline(MONDAY.plusDays(7), volumes, counts, DEFAULTS)).isPresent();
    // Days without articles are no history: only weekdays have articles here.
    Map<LocalDate, Long> weekdays = series(d -> TrendScore.isWeekend(d) ? 0 : 1000);
    assertThat(TrendScore.baseline(MONDAY.plusDays(8), weekdays, counts, DEFAULTS)).isEmpty();
    assertThat(TrendScore.baseline(MONDAY.plusDays(9), weekdays, counts, DEFAULTS)).isPresent();
  }

  @Test
  void weekendsAreSaturdayAndSunday() {
    for (int i = 0; i < 7; i++) {
      LocalDate d = MONDAY.plusDays(i);
      assertThat(TrendScore.isWeekend(d)).as(d.getDayOfWeek().toString()).isEqualTo(i >= 5);
    }
  }

  /** The 35 days from {@link #MONDAY}, each with a value. */
  private static Map<LocalDate, Long> series(ToLongFunction<LocalDate> value) {
    Map<LocalDate, Long> series = new HashMap<>();
    for (int i = 0; i < 35; i++) {
      LocalDate d = MONDAY.plusDays(i);
      series.put(d, value.applyAsLong(d));
    }
    return series;
  }
}
