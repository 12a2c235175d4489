package org.gazette.topic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Mixtures of small hand-made models. The expected values come from a double-precision NumPy
 * transcription of MLlib's {@code variationalTopicInference} (scipy's digamma) started at the same
 * gamma, alpha + N / k; this class stores exp(E[log beta]) in float, hence the 1e-6.
 */
class TopicInferenceTest {

  /** Topic 0 on terms 0 and 1, topic 1 on terms 2 and 3; term 4 is shared. */
  private static final TopicInference TWO =
      new TopicInference(
          new double[][] {
            {50, 40, 1, 1, 5},
            {1, 1, 45, 45, 5}
          },
          new double[] {0.5, 0.5});

  private static final TopicInference THREE =
      new TopicInference(
          new double[][] {
            {20, 10, 5, 1, 1, 1, 2},
            {1, 2, 3, 30, 20, 1, 2},
            {2, 1, 1, 1, 3, 40, 2}
          },
          new double[] {0.2, 0.5, 0.1});

  private static double[] mixture(TopicInference model, int[] terms, double[] counts) {
    return model.mixture(terms, counts, terms.length);
  }

  @Test
  void digammaOfKnownValues() {
    // x, digamma(x) (mpmath, 30 digits)
    double[][] table = {
      {0.001, -1000.5755719318103},
      {0.1, -10.423754940411077},
      {0.5, -1.9635100260214235},
      {1, -0.57721566490153286},
      {2, 0.42278433509846714},
      {5.5, 1.6110931485817511},
      {6, 1.7061176684318005},
      {10, 2.2517525890667211},
      {100, 4.6001618527380874},
      {1e6, 13.815510057964191}
    };
    for (double[] row : table) {
      assertThat(TopicInference.digamma(row[0]))
          .as("digamma(%s)", row[0])
          .isCloseTo(row[1], within(1e-10 * Math.max(1, Math.abs(row[1]))));
    }
    assertThat(TopicInference.digamma(0)).isEqualTo(Double.NEGATIVE_INFINITY);
    assertThat(TopicInference.digamma(-1)).isNaN();
    assertThat(TopicInference.digamma(Double.NaN)).isNaN();
  }

  @Test
  void documentsOfOneTopicGetThatTopic() {
    double[] topic0 = mixture(TWO, new int[] {0, 1}, new double[] {3, 2});
    double[] topic1 = mixture(TWO, new int[] {2, 3}, new double[] {2, 3});
    double[] both = mixture(TWO, new int[] {0, 1, 2, 3}, new double[] {2, 2, 2, 2});

    assertThat(topic0[0]).isGreaterThan(0.9);
    assertThat(topic1[1]).isGreaterThan(0.9);
    assertThat(both[0]).isCloseTo(0.5, within(0.01));
    assertThat(TopicInference.dominant(topic0)).isZero();
    assertThat(TopicInference.dominant(topic1)).isOne();
  }

  @Test
  void mixturesMatchMllibsAlgorithm() {
    record Doc(TopicInference model, int[] terms, double[] counts, double[] theta) {}
    List<Doc> table =
        List.of(
            new Doc(
                TWO,
                new int[] {0, 1},
                new double[] {3, 2},
                new double[] {0.9163715372510608, 0.08362846274893918}),
            new Doc(
                TWO,
                new int[] {2, 3},
                new double[] {2, 3},
                new double[] {0.08363148135637102, 0.9163685186436289}),
            new Doc(
                TWO,
                new int[] {0, 1, 2, 3},
                new double[] {2, 2, 2, 2},
                new double[] {0.4999309784429962, 0.5000690215570037}),
            new Doc(TWO, new int[] {4}, new double[] {5}, new double[] {0.5, 0.5}),
            new Doc(
                TWO,
                new int[] {0, 1, 2},
                new double[] {4, 4, 1},
                new double[] {0.8584433883312688, 0.1415566116687313}),
            new Doc(
                THREE,
                new int[] {0, 3, 5},
                new double[] {1, 1, 1},
                new double[] {0.3036057706051921, 0.39779240001661265, 0.2986018293781951}),
            new Doc(
                THREE,
                new int[] {1, 2, 6},
                new double[] {3, 1, 7},
                new double[] {0.9394112053542865, 0.05211284936178284, 0.008475945283930714}),
            new Doc(
                THREE,
                new int[] {4, 5},
                new double[] {1, 9},
                new double[] {0.01853827362039064, 0.060691884154878514, 0.9207698422247309}),
            new Doc(
                THREE,
                new int[] {0, 1, 2, 3, 4, 5, 6},
                new double[] {1, 1, 1, 1, 1, 1, 1},
                new double[] {0.45165368355324476, 0.39463219330551585, 0.15371412314123942}));
    for (Doc doc : table) {
      double[] theta = mixture(doc.model(), doc.terms(), doc.counts());
      for (int t = 0; t < theta.length; t++) {
        assertThat(theta[t])
            .as("theta[%d] of terms %s", t, doc.terms())
            .isCloseTo(doc.theta()[t], within(1e-6));
      }
    }
  }

  @Test
  void rareTermsAreNotLostToFloatUnderflow() {
    // exp(E[log beta]) of term 2 is 1.6e-50 in topic 0 and 1.6e-46 in topic 1: both are zero
    // as floats, but the term still favours topic 1 ten thousand to one.
    TopicInference model =
        new TopicInference(
            new double[][] {
              {1e6, 3e5, 0.01, 1},
              {2e5, 1e6, 0.011, 1}
            },
            new double[] {0.5, 0.5});

    assertThat(mixture(model, new int[] {2}, new double[] {4}))
        .containsExactly(new double[] {0.10000291410328557, 0.8999970858967143}, within(1e-6));
    assertThat(mixture(model, new int[] {0, 2}, new double[] {1, 6}))
        .containsExactly(new double[] {0.08047021621941358, 0.9195297837805864}, within(1e-6));
  }

  @Test
  void documentWithoutCountsGetsThePriorMean() {
    TopicInference.Scratch scratch = THREE.newScratch();
    double[] theta = new double[3];
    double[] prior = {0.25, 0.625, 0.125};

    assertThat(THREE.mixture(new int[0], new double[0], 0, scratch, theta)).isZero();
    assertThat(theta).containsExactly(prior, within(1e-15));
    assertThat(THREE.mixture(new int[] {1, 4}, new double[] {0, 0}, 2, scratch, theta)).isZero();
    assertThat(theta).containsExactly(prior, within(1e-15));
  }

  @Test
  void onlyTheFirstNEntriesCountAndRepeatedTermsAdd() {
    double[] expected = mixture(TWO, new int[] {0, 1, 2}, new double[] {4, 4, 1});

    assertThat(TWO.mixture(new int[] {0, 1, 2, 3, 3}, new double[] {4, 4, 1, 9, 9}, 3))
        .isEqualTo(expected);
    assertThat(mixture(TWO, new int[] {0, 1, 0, 2}, new double[] {3, 4, 1, 1}))
        .containsExactly(expected, within(1e-12));
  }

  @Test
  void sameInputGivesTheSameMixtureWhateverTheThreadOrScratch() throws Exception {
    Random random = new Random(7);
    int docs = 400;
    int[][] terms = new int[docs][];
    double[][] counts = new double[docs][];
    for (int d = 0; d < docs; d++) {
      int n = 1 + random.nextInt(7);
      terms[d] = new int[n];
      counts[d] = new double[n];
      for (int i = 0; i < n; i++) {
        terms[d][i] = random.nextInt(THREE.vocabularySize());
        counts[d][i] = 1 + random.nextInt(5);
      }
    }
    double[][] first = new double[docs][];
    for (int d = 0; d < docs; d++) {
      first[d] = THREE.mixture(terms[d], counts[d], terms[d].length);
    }

    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<double[][]>> runs = new ArrayList<>();
      for (int thread = 0; thread < 4; thread++) {
        runs.add(
            pool.submit(
                () -> {
                  TopicInference.Scratch scratch = THREE.newScratch();
                  double[][] again = new double[docs][3];
                  for (int d = docs - 1; d >= 0; d--) {
                    THREE.mixture(terms[d], counts[d], terms[d].length, scratch, again[d]);
                  }
                  return again;
                }));
      }
      for (Future<double[][]> run : runs) {
        assertThat(run.get()).isDeepEqualTo(first);
      }
    } finally {
      pool.shutdown();
    }
  }

  @Test
  void columnMajorAndSerialisedModelsGiveIdenticalMixtures() throws Exception {
    // MLlib's topicsMatrix is V×k; its toArray() is column-major: topic after topic.
    double[] columnMajor = {20, 10, 5, 1, 1, 1, 2, 1, 2, 3, 30, 20, 1, 2, 2, 1, 1, 1, 3, 40, 2};
    TopicInference fromMatrix =
        TopicInference.fromColumnMajor(columnMajor, 7, new double[] {0.2, 0.5, 0.1});
    TopicInference copy = roundTrip(THREE);
    int[] terms = {0, 1, 2, 3, 4, 5, 6};
    double[] counts = {1, 2, 1, 3, 1, 5, 1};

    double[] expected = mixture(THREE, terms, counts);
    assertThat(mixture(fromMatrix, terms, counts)).isEqualTo(expected);
    assertThat(mixture(copy, terms, counts)).isEqualTo(expected);
    assertThat(copy.topics()).isEqualTo(3);
    assertThat(copy.vocabularySize()).isEqualTo(7);
  }

  private static TopicInference roundTrip(TopicInference model)
      throws IOException, ClassNotFoundException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(model);
    }
    try (ObjectInputStream in =
        new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      return (TopicInference) in.readObject();
    }
  }

  @Test
  void dominantIsTheLargestLowestIndexOnTies() {
    assertThat(TopicInference.dominant(new double[] {0.2, 0.5, 0.3})).isEqualTo(1);
    assertThat(TopicInference.dominant(new double[] {0.4, 0.2, 0.4})).isEqualTo(0);
    assertThat(TopicInference.dominant(new double[] {0.1, 0.45, 0.45})).isEqualTo(1);
    assertThat(TopicInference.dominant(new double[] {1})).isEqualTo(0);
    assertThat(TopicInference.dominant(new double[0])).isEqualTo(-1);
  }

  @Test
  void badInputIsRejectedWithTheBadValue() {
    assertThatThrownBy(() -> TWO.mixture(new int[] {5}, new double[] {1}, 1))
        .hasMessage("term index 5 outside the vocabulary of 5 terms");
    assertThatThrownBy(() -> TWO.mixture(new int[] {-1}, new double[] {1}, 1))
        .hasMessage("term index -1 outside the vocabulary of 5 terms");
    assertThatThrownBy(() -> TWO.mixture(new int[] {1}, new double[] {-2}, 1))
        .hasMessage("count of term 1 must be finite and non-negative, was -2.0");
    assertThatThrownBy(() -> TWO.mixture(new int[] {1}, new double[] {Double.NaN}, 1))
        .hasMessage("count of term 1 must be finite and non-negative, was NaN");
    assertThatThrownBy(() -> TWO.mixture(new int[] {1}, new double[] {1}, 2))
        .hasMessage("n = 2 for 1 term indices and 1 counts");
    assertThatThrownBy(
            () ->
                TWO.mixture(new int[] {1}, new double[] {1}, 1, THREE.newScratch(), new double[2]))
        .hasMessage("theta has 2 values, scratch 3, for 2 topics");
    assertThatThrownBy(() -> new TopicInference(new double[][] {{1, 2}}, new double[] {0}))
        .hasMessage("alpha[0] must be positive, was 0.0");
    assertThatThrownBy(() -> new TopicInference(new double[][] {{1, 2}, {1}}, new double[] {1, 1}))
        .hasMessage("lambda[1] has 1 terms, lambda[0] 2");
    assertThatThrownBy(() -> new TopicInference(new double[][] {{1, 2}}, new double[] {1, 1}))
        .hasMessage("alpha has 2 values for 1 topics");
    assertThatThrownBy(() -> new TopicInference(new double[][] {{1, -2}}, new double[] {1}))
        .hasMessage("lambda[0][1] must be finite and non-negative, was -2.0");
    assertThatThrownBy(() -> new TopicInference(new double[][] {{0, 0}}, new double[] {1}))
        .hasMessage("topic 0 has no weight on any term");
    assertThatThrownBy(() -> TopicInference.fromColumnMajor(new double[5], 2, new double[] {1}))
        .hasMessage("topics matrix of 5 values is not V×k for vocabulary size 2");
    assertThatThrownBy(() -> TopicInference.fromColumnMajor(new double[0], 2, new double[0]))
        .hasMessage("a model needs at least one topic");
  }
}
