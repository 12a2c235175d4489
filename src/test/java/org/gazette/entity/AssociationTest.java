package org.gazette.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class AssociationTest {

  // 10 articles; A in 4, B in 5, both in 3. Worked by hand:
  // pmi = ln(0.3 / (0.4 * 0.5)) = ln 1.5 = 0.405465; npmi = 0.405465 / 1.203973 = 0.336773.
  // G² = 2 [3 ln(3·10/(4·5)) + 1 ln(1·10/(4·5)) + 2 ln(2·10/(6·5)) + 4 ln(4·10/(6·5))]
  //    = 2 [1.216395 - 0.693147 - 0.810930 + 1.150728] = 1.726092.
  @Test
  void handWorkedTable() {
    assertThat(Association.npmi(3, 4, 5, 10)).isCloseTo(0.336773, within(1e-6));
    assertThat(Association.llr(3, 4, 5, 10)).isCloseTo(1.726092, within(1e-6));
  }

  @Test
  void independentEntitiesScoreZero() {
    // p(a,b) = 0.25 = p(a) p(b): no association at all.
    assertThat(Association.npmi(25, 50, 50, 100)).isCloseTo(0.0, within(1e-12));
    assertThat(Association.llr(25, 50, 50, 100)).isCloseTo(0.0, within(1e-12));
  }

  @Test
  void alwaysTogetherIsOneAndNeverTogetherIsMinusOne() {
    assertThat(Association.npmi(7, 7, 7, 20)).isCloseTo(1.0, within(1e-12));
    assertThat(Association.npmi(10, 10, 10, 10)).isEqualTo(1.0);
    assertThat(Association.npmi(0, 5, 5, 20)).isEqualTo(-1.0);
  }

  @Test
  void moreEvidenceRaisesLlrButNotNpmi() {
    double few = Association.llr(2, 4, 4, 100);
    double many = Association.llr(200, 400, 400, 10_000);
    assertThat(many).isGreaterThan(50 * few);
    assertThat(Association.npmi(200, 400, 400, 10_000))
        .isCloseTo(Association.npmi(2, 4, 4, 100), within(0.2));
  }

  @Test
  void impossibleCountsAreNaN() {
    assertThat(Association.npmi(6, 5, 9, 10)).isNaN();
    assertThat(Association.llr(1, 8, 8, 10)).isNaN();
    assertThat(Association.llr(1, 1, 1, 0)).isNaN();
  }
}
