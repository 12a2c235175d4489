package org.gazette.spark.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.gazette.UsageException;
import org.gazette.spark.DateRange;
import org.junit.jupiter.api.Test;

/** How a backfill splits its dates into passes, without Spark. */
class NightlyPlanTest {

  private static LocalDate d(int day) {
    return LocalDate.of(2023, 7, day);
  }

  private static DateRange r(int from, int to) {
    return new DateRange(d(from), d(to));
  }

  @Test
  void aBackfillGoesInDateOrderInChunksAndSkipsTheDatesDone() {
    assertThat(NightlyJob.passes(r(1, 10), NightlyJob.Plan.backfill(false, 3), Set.of()))
        .containsExactly(r(1, 3), r(4, 6), r(7, 9), r(10, 10));
    // Done dates split the passes; the rest keep their order.
    assertThat(
            NightlyJob.passes(
                r(1, 10), NightlyJob.Plan.backfill(false, 3), Set.of(d(1), d(2), d(5), d(10))))
        .containsExactly(r(3, 4), r(6, 8), r(9, 9));
    assertThat(
            NightlyJob.passes(
                r(1, 3), NightlyJob.Plan.backfill(false, 7), Set.of(d(1), d(2), d(3))))
        .isEmpty();
  }

  @Test
  void forcedOrOnePassRunsEveryDate() {
    Set<LocalDate> done = Set.of(d(2));
    assertThat(NightlyJob.passes(r(1, 4), NightlyJob.Plan.backfill(true, 2), done))
        .containsExactly(r(1, 2), r(3, 4));
    assertThat(NightlyJob.passes(r(1, 31), NightlyJob.Plan.ONE_PASS, done))
        .containsExactly(r(1, 31));
    assertThat(NightlyJob.passes(DateRange.ALL, NightlyJob.Plan.backfill(false, 1), done))
        .isEqualTo(List.of(DateRange.ALL));
  }

  @Test
  void aChunkHasAtLeastOneDay() {
    assertThatThrownBy(() -> NightlyJob.Plan.backfill(false, 0))
        .isInstanceOf(UsageException.class)
        .hasMessageContaining("--chunk-days");
  }

  // --- a run over every date, split by the rows a pass may take --------------------------------

  private static java.util.SortedMap<LocalDate, Long> rows(long... perDay) {
    java.util.SortedMap<LocalDate, Long> rows = new java.util.TreeMap<>();
    for (int i = 0; i < perDay.length; i++) {
      if (perDay[i] > 0) {
        rows.put(d(i + 1), perDay[i]);
      }
    }
    return rows;
  }

  @Test
  void aRunOverEveryDateSplitsIntoConsecutiveDatesOfAtMostTheRowsAPassTakes() {
    assertThat(PassPlanner.split(rows(40, 30, 30, 50, 10, 60), 100))
        .containsExactly(r(1, 3), r(4, 5), r(6, 6));
    // A date with more rows than a pass takes is a pass of its own; dates without rows are in
    // none, and the passes around them may span them.
    assertThat(PassPlanner.split(rows(10, 250, 0, 0, 20, 30), 100))
        .containsExactly(r(1, 1), r(2, 2), r(5, 6));
    assertThat(PassPlanner.split(rows(10, 20), 100)).containsExactly(r(1, 2));
    assertThat(PassPlanner.split(rows(), 100)).isEmpty();
  }

  @Test
  void aPassTakesTheRowsHalfTheFreeLocalDiskHolds() {
    // 1,000,000 rows in 225 MB of Parquet need about 24 times that on disk at the peak.
    long perRow = (long) (PassPlanner.DISK_PER_INPUT_BYTE * 225);
    assertThat(PassPlanner.maxRows(100L * perRow * 2, 1_000_000, 225_000_000)).isEqualTo(100);
    assertThat(PassPlanner.maxRows(0, 1_000_000, 225_000_000)).isEqualTo(1);
  }

  @Test
  void aPlanRefusesANegativeBoundOnRows() {
    assertThatThrownBy(() -> new NightlyJob.Plan(false, 7, -1))
        .isInstanceOf(UsageException.class)
        .hasMessage(
            "--max-pass-rows must be 0 (one pass, unless the local disk needs more) or"
                + " more, was -1");
  }
}
