package org.gazette.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.gazette.UsageException;
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
    assertThat(NightlyJob.passes(r(1, 10), new NightlyJob.Plan(true, 3), Set.of()))
        .containsExactly(r(1, 3), r(4, 6), r(7, 9), r(10, 10));
    // Done dates split the passes; the rest keep their order.
    assertThat(NightlyJob.passes(r(1, 10), new NightlyJob.Plan(true, 3),
        Set.of(d(1), d(2), d(5), d(10))))
        .containsExactly(r(3, 4), r(6, 8), r(9, 9));
    assertThat(NightlyJob.passes(r(1, 3), new NightlyJob.Plan(true, 7), Set.of(d(1), d(2), d(3))))
        .isEmpty();
  }

  @Test
  void forcedOrOnePassRunsEveryDate() {
    Set<LocalDate> done = Set.of(d(2));
    assertThat(NightlyJob.passes(r(1, 4), new NightlyJob.Plan(false, 2), done))
        .containsExactly(r(1, 2), r(3, 4));
    assertThat(NightlyJob.passes(r(1, 31), NightlyJob.Plan.ONE_PASS, done))
        .containsExactly(r(1, 31));
    assertThat(NightlyJob.passes(DateRange.ALL, new NightlyJob.Plan(true, 1), done))
        .isEqualTo(List.of(DateRange.ALL));
  }

  @Test
  void aChunkHasAtLeastOneDay() {
    assertThatThrownBy(() -> new NightlyJob.Plan(true, 0)).isInstanceOf(UsageException.class)
        .hasMessageContaining("--chunk-days");
  }
}
