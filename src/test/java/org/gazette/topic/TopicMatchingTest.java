package org.gazette.topic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.gazette.topic.TopicMatching.Match;
import org.junit.jupiter.api.Test;

/** Expected cosines were computed separately (Python, plain sums over the union). */
class TopicMatchingTest {

  private static final List<Map<String, Double>> PREVIOUS =
      List.of(
          Map.of("élection", 0.3, "vote", 0.25, "candidat", 0.2, "scrutin", 0.15, "président", 0.1),
          Map.of("corée", 0.3, "missile", 0.25, "kim", 0.2, "pyongyang", 0.15, "président", 0.1),
          Map.of("match", 0.3, "but", 0.25, "équipe", 0.2, "championnat", 0.15, "entraîneur", 0.1),
          Map.of("inflation", 0.3, "prix", 0.25, "banque", 0.2, "taux", 0.15, "croissance", 0.1));

  /**
   * The previous topics retrained: sport, politics and korea permuted, reweighted and with a new
   * term each; economy gone, weather in its place (sharing only "prix"); culture added.
   */
  private static final List<Map<String, Double>> CURRENT =
      List.of(
          Map.of(
              "match",
              0.25,
              "but",
              0.3,
              "équipe",
              0.15,
              "championnat",
              0.15,
              "entraîneur",
              0.1,
              "joueur",
              0.05),
          Map.of("météo", 0.4, "pluie", 0.3, "orages", 0.15, "chaleur", 0.1, "prix", 0.05),
          Map.of(
              "élection",
              0.35,
              "vote",
              0.2,
              "candidat",
              0.2,
              "scrutin",
              0.1,
              "président",
              0.1,
              "sondage",
              0.05),
          Map.of(
              "corée",
              0.25,
              "missile",
              0.3,
              "kim",
              0.2,
              "pyongyang",
              0.1,
              "président",
              0.1,
              "séoul",
              0.05),
          Map.of("festival", 0.4, "film", 0.3, "cinéma", 0.3));

  @Test
  void retrainedTopicsKeepTheirIdsAndNewOnesGetNone() {
    List<Match> matches = TopicMatching.match(PREVIOUS, CURRENT);

    // current topic: previous topic, cosine
    Match[] expected = {
      new Match(2, 0.9775928757350019),
      new Match(-1, 0.04936240647992437), // weather: only "prix" in common with economy
      new Match(0, 0.977777777777778),
      new Match(1, 0.9775252199076787),
      new Match(-1, 0.0)
    }; // culture
    assertThat(matches).hasSize(expected.length);
    for (int i = 0; i < expected.length; i++) {
      assertThat(matches.get(i).previous()).as("topic %d", i).isEqualTo(expected[i].previous());
      assertThat(matches.get(i).similarity())
          .as("topic %d", i)
          .isCloseTo(expected[i].similarity(), within(1e-12));
    }
    assertThat(matches.get(0).matched()).isTrue();
    assertThat(matches.get(1).matched()).isFalse();
  }

  @Test
  void optimalAssignmentBeatsGreedy() {
    // Greedy takes the best pair, current 0 with previous 0 (0.945), and leaves current 1 with
    // previous 1 (0): one match. The optimum pairs them crosswise: 0.756 + 0.707.
    List<Map<String, Double>> previous =
        List.of(Map.of("a", 1.0, "b", 1.0), Map.of("b", 1.0, "c", 1.0));
    List<Map<String, Double>> current =
        List.of(Map.of("a", 2.0, "b", 3.0, "c", 1.0), Map.of("a", 1.0));

    double[][] similarity = TopicMatching.similarities(previous, current);
    assertThat(similarity[0])
        .containsExactly(new double[] {0.9449111825230679, 0.7559289460184544}, within(1e-12));
    assertThat(similarity[1]).containsExactly(new double[] {0.7071067811865475, 0}, within(1e-12));
    List<Match> matches = TopicMatching.match(previous, current);
    assertThat(matches.get(0).previous()).isEqualTo(1);
    assertThat(matches.get(1).previous()).isEqualTo(0);
    assertThat(TopicMatching.assign(new double[][] {{0.9, 0.8}, {0.85, 0.1}}))
        .containsExactly(1, 0);
  }

  @Test
  void thresholdKeepsPairsAtLeastAsSimilar() {
    // cosine of {x} and {x, y, z, w} is 1 / 2
    List<Map<String, Double>> previous = List.of(Map.of("x", 1.0, "y", 1.0, "z", 1.0, "w", 1.0));
    List<Map<String, Double>> current = List.of(Map.of("x", 1.0));

    assertThat(TopicMatching.match(previous, current, 0.5)).containsExactly(new Match(0, 0.5));
    assertThat(TopicMatching.match(previous, current, 0.6)).containsExactly(new Match(-1, 0.5));
  }

  @Test
  void withoutPreviousTopicsEveryTopicIsNew() {
    assertThat(TopicMatching.match(List.of(), CURRENT))
        .containsOnly(new Match(-1, 0.0))
        .hasSize(CURRENT.size());
    assertThat(TopicMatching.match(PREVIOUS, List.of())).isEmpty();
    assertThat(TopicMatching.assign(new double[0][0])).isEmpty();
    assertThat(TopicMatching.assign(new double[2][0])).containsExactly(-1, -1);
  }

  @Test
  void moreCurrentThanPreviousAndTheReverse() {
    double[][] tall = {
      {0.1, 0.2},
      {0.9, 0.3},
      {0.4, 0.8}
    };
    assertThat(TopicMatching.assign(tall)).containsExactly(-1, 0, 1);
    double[][] wide = {
      {0.1, 0.9, 0.4},
      {0.2, 0.3, 0.8}
    };
    assertThat(TopicMatching.assign(wide)).containsExactly(1, 2);
  }

  @Test
  void assignmentIsOptimalOnRandomMatrices() {
    Random random = new Random(5);
    for (int round = 0; round < 300; round++) {
      int rows = random.nextInt(6);
      int columns = random.nextInt(6);
      double[][] score = new double[rows][columns];
      for (double[] row : score) {
        for (int j = 0; j < columns; j++) {
          row[j] = random.nextInt(4) == 0 ? 0.5 : random.nextDouble(); // some ties
        }
      }
      int[] assigned = TopicMatching.assign(score);

      double total = 0;
      boolean[] taken = new boolean[columns];
      int matched = 0;
      for (int i = 0; i < rows; i++) {
        if (assigned[i] >= 0) {
          assertThat(taken[assigned[i]]).as("column %d twice", assigned[i]).isFalse();
          taken[assigned[i]] = true;
          total += score[i][assigned[i]];
          matched++;
        }
      }
      assertThat(matched).isEqualTo(Math.min(rows, columns));
      assertThat(total)
          .as("round %d", round)
          .isCloseTo(bestByBruteForce(score, 0, new boolean[columns]), within(1e-9));
    }
  }

  /** The best total of rows {@code row..} over free columns, each row taking one or none. */
  private static double bestByBruteForce(double[][] score, int row, boolean[] taken) {
    if (row == score.length) {
      return 0;
    }
    double best = bestByBruteForce(score, row + 1, taken);
    for (int j = 0; j < taken.length; j++) {
      if (!taken[j]) {
        taken[j] = true;
        best = Math.max(best, score[row][j] + bestByBruteForce(score, row + 1, taken));
        taken[j] = false;
      }
    }
    return best;
  }

  @Test
  void resultDoesNotDependOnMapOrderOrScale() {
    List<Map<String, Double>> reordered = new ArrayList<>();
    List<Map<String, Double>> scaled = new ArrayList<>();
    for (Map<String, Double> topic : CURRENT) {
      List<String> terms = new ArrayList<>(new TreeMap<>(topic).keySet());
      Collections.reverse(terms);
      Map<String, Double> reverse = new LinkedHashMap<>();
      Map<String, Double> times = new HashMap<>();
      for (String term : terms) {
        reverse.put(term, topic.get(term));
        times.put(term, 250 * topic.get(term)); // a lambda row rather than probabilities
      }
      reordered.add(reverse);
      scaled.add(times);
    }
    double[][] expected = TopicMatching.similarities(PREVIOUS, CURRENT);

    assertThat(TopicMatching.similarities(PREVIOUS, reordered)).isDeepEqualTo(expected);
    double[][] fromScaled = TopicMatching.similarities(PREVIOUS, scaled);
    for (int i = 0; i < expected.length; i++) {
      assertThat(fromScaled[i]).containsExactly(expected[i], within(1e-12));
    }
  }

  @Test
  void cosineOfEmptyOrDisjointTopicsIsZero() {
    assertThat(TopicMatching.cosine(Map.of(), Map.of("a", 1.0))).isZero();
    assertThat(TopicMatching.cosine(Map.of("a", 0.0), Map.of("a", 1.0))).isZero();
    assertThat(TopicMatching.cosine(Map.of("b", 2.0), Map.of("a", 1.0))).isZero();
    assertThat(TopicMatching.cosine(Map.of("a", 2.0, "b", 1.0), Map.of("b", 3.0, "a", 6.0)))
        .isCloseTo(1.0, within(1e-15));
  }

  @Test
  void badInputIsRejectedWithTheBadValue() {
    assertThatThrownBy(() -> TopicMatching.match(PREVIOUS, CURRENT, 1.5))
        .hasMessage("threshold must be within 0..1, was 1.5");
    assertThatThrownBy(() -> TopicMatching.match(PREVIOUS, List.of(Map.of("a", -1.0))))
        .hasMessage("current topic 0: weight of 'a' must be finite and non-negative, was -1.0");
    assertThatThrownBy(() -> TopicMatching.assign(new double[][] {{1, 2}, {3}}))
        .hasMessage("row 1 has 1 values, row 0 2");
    assertThatThrownBy(() -> TopicMatching.assign(new double[][] {{1, Double.NaN}}))
        .hasMessage("score[0][1] is NaN");
  }
}
