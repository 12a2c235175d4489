package org.gazette.topic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Online LDA's model side with the E-step of {@link TopicInference}, without Spark. */
class OnlineLdaTest {

  @Test
  void trigammaMatchesKnownValues() {
    assertThat(OnlineLda.trigamma(1)).isCloseTo(Math.PI * Math.PI / 6, within(1e-10));
    assertThat(OnlineLda.trigamma(0.5)).isCloseTo(Math.PI * Math.PI / 2, within(1e-10));
    assertThat(OnlineLda.trigamma(10)).isCloseTo(0.10516633568168575, within(1e-11));
  }

  /**
   * Three topics over 30 terms, ten terms each, documents of 40 words drawn from one or two of
   * them: online LDA with MLlib's settings finds each planted topic as one of its own.
   */
  @Test
  void recoversPlantedTopics() {
    int k = 3;
    int vocabulary = 30;
    int documents = 2_000;
    Random random = new Random(7);
    int[][] ids = new int[documents][];
    double[][] counts = new double[documents][];
    for (int d = 0; d < documents; d++) {
      int first = random.nextInt(k);
      int second = random.nextInt(k);
      double[] words = new double[vocabulary];
      for (int i = 0; i < 40; i++) {
        int topic = random.nextDouble() < 0.8 ? first : second;
        words[topic * 10 + random.nextInt(10)]++;
      }
      int n = (int) Arrays.stream(words).filter(c -> c > 0).count();
      ids[d] = new int[n];
      counts[d] = new double[n];
      for (int w = 0, j = 0; w < vocabulary; w++) {
        if (words[w] > 0) {
          ids[d][j] = w;
          counts[d][j++] = words[w];
        }
      }
    }
    OnlineLda lda = new OnlineLda(k, vocabulary, documents, 64, 0.51, true, 1);
    Random batches = new Random(3);
    for (int iteration = 0; iteration < 60; iteration++) {
      TopicInference model = lda.inference();
      TopicInference.Scratch scratch = model.newScratch();
      double[] sstats = new double[k * vocabulary];
      double[] logTheta = new double[k];
      long batch = 0;
      for (int d = 0; d < documents; d++) {
        if (batches.nextDouble() < 0.1
            && model.accumulate(ids[d], counts[d], ids[d].length, scratch, sstats, logTheta)) {
          batch++;
        }
      }
      lda.update(sstats, logTheta, batch);
    }
    // Each learned topic puts almost all its weight on one planted topic's ten terms, and
    // every planted topic is found.
    boolean[] found = new boolean[k];
    for (double[] row : lda.lambda()) {
      double total = Arrays.stream(row).sum();
      int best = -1;
      double bestShare = 0;
      for (int p = 0; p < k; p++) {
        double share = Arrays.stream(row, p * 10, p * 10 + 10).sum() / total;
        if (share > bestShare) {
          bestShare = share;
          best = p;
        }
      }
      assertThat(bestShare).isGreaterThan(0.9);
      found[best] = true;
    }
    assertThat(found).containsOnly(true);
    assertThat(Arrays.stream(lda.alpha()).min().orElseThrow()).isPositive();
  }
}
