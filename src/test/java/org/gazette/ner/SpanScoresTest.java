package org.gazette.ner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class SpanScoresTest {

  private static NameSpan span(int start, int end, EntityType type) {
    return new NameSpan(start, end, type, start, end, "x".repeat(end - start));
  }

  @Test
  void exactSpanAndTypeCountAsRight() {
    // gold: PER [0,2), LOC [5,6), ORG [8,10); predicted: PER [0,2) right, LOC [5,6) typed ORG
    // (one false positive ORG, one missed LOC), ORG [8,9) too short (false positive and
    // missed), MISC [12,13) invented
    List<NameSpan> gold =
        List.of(
            span(0, 2, EntityType.PER), span(5, 6, EntityType.LOC), span(8, 10, EntityType.ORG));
    List<NameSpan> predicted =
        List.of(
            span(0, 2, EntityType.PER),
            span(5, 6, EntityType.ORG),
            span(8, 9, EntityType.ORG),
            span(12, 13, EntityType.MISC));
    SpanScores scores = new SpanScores();
    scores.add(gold, predicted);

    assertThat(scores.precision(null)).isCloseTo(1 / 4.0, within(1e-9));
    assertThat(scores.recall(null)).isCloseTo(1 / 3.0, within(1e-9));
    assertThat(scores.f1(null)).isCloseTo(2 * (0.25 * (1 / 3.0)) / (0.25 + 1 / 3.0), within(1e-9));
    assertThat(scores.f1(EntityType.PER)).isEqualTo(1.0);
    assertThat(scores.precision(EntityType.ORG)).isZero();
    assertThat(scores.falsePositives(EntityType.ORG)).isEqualTo(2);
    assertThat(scores.falseNegatives(EntityType.LOC)).isEqualTo(1);
    assertThat(scores.falseNegatives(EntityType.ORG)).isEqualTo(1);
    assertThat(scores.gold(null)).isEqualTo(3);
    assertThat(scores.table()).contains("overall").contains("0.2500").contains("0.3333");
  }

  @Test
  void nothingPredictedScoresZeroNotNaN() {
    SpanScores scores = new SpanScores();
    scores.add(List.of(span(0, 1, EntityType.LOC)), List.of());
    assertThat(scores.precision(null)).isZero();
    assertThat(scores.recall(null)).isZero();
    assertThat(scores.f1(null)).isZero();
  }
}
