package org.gazette.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Zipf draws: rank r comes with probability proportional to 1 / (r + 1)^s. */
class ZipfTest {

  private static final int DRAWS = 100_000;

  private static int[] histogram(int n, double s, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    int[] counts = new int[n];
    for (int i = 0; i < DRAWS; i++) {
      counts[ArticleGenerator.zipf(n, s, random)]++;
    }
    return counts;
  }

  @Test
  void rankZeroComesTenToTheSTimesAsOftenAsRankNine() {
    for (double s : new double[] {0.5, 0.8, 1.0}) {
      int[] counts = histogram(10, s, 11);
      double expected = Math.pow(10, s);
      assertThat((double) counts[0] / counts[9])
          .as("s = %s", s)
          .isCloseTo(expected, within(expected * 0.12));
    }
  }

  @Test
  void frequenciesMatchTheNormalisedWeights() {
    int n = 50;
    double s = 1.0;
    int[] counts = histogram(n, s, 12);
    double total = 0;
    for (int rank = 0; rank < n; rank++) {
      total += 1 / (rank + 1.0);
    }
    for (int rank : new int[] {0, 1, 4, 19, 49}) {
      double expected = DRAWS / (rank + 1.0) / total;
      // five standard deviations of a binomial count
      assertThat((double) counts[rank])
          .as("rank %d", rank)
          .isCloseTo(expected, within(5 * Math.sqrt(expected) + 1));
    }
  }

  @Test
  void ranksStayInRangeAndDecrease() {
    int[] counts = histogram(7, 1.2, 13);
    for (int rank = 1; rank < counts.length; rank++) {
      assertThat(counts[rank]).as("rank %d", rank).isPositive().isLessThan(counts[rank - 1]);
    }
    SplittableRandom random = new SplittableRandom(14);
    for (int i = 0; i < 1000; i++) {
      assertThat(ArticleGenerator.zipf(1, 1.0, random)).isZero();
    }
  }

  @Test
  void exponentZeroIsUniform() {
    int[] counts = histogram(4, 0.0, 15);
    for (int count : counts) {
      assertThat((double) count).isCloseTo(DRAWS / 4.0, within(800.0));
    }
  }

  @Test
  void tablesOfDifferentParametersDoNotCollide() {
    SplittableRandom random = new SplittableRandom(16);
    assertThat(ArticleGenerator.zipf(1, 10.0, random)).isZero();
    int ones = 0;
    for (int i = 0; i < 1000; i++) {
      ones += ArticleGenerator.zipf(2, 0.0, random);
    }
    assertThat(ones).as("s = 0 over two ranks is a fair coin").isBetween(400, 600);
  }
}
