package org.gazette.topic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.gazette.topic.TopicLabels.TermWeight;
import org.junit.jupiter.api.Test;

class TopicLabelsTest {

  /**
   * A topic whose terms rank in the order given: weights n, n - 1, ..., 1 over a corpus where every
   * term is as frequent, so relevance follows the weight.
   */
  private static String label(String... termsByRank) {
    int n = termsByRank.length;
    double[] weights = new double[n];
    double[] overall = new double[n];
    for (int i = 0; i < n; i++) {
      weights[i] = n - i;
      overall[i] = 1;
    }
    return new TopicLabels(termsByRank, weights, overall).label();
  }

  @Test
  void labelsTakeThreeTermsAndPreferPhrasesToTheirWords() {
    // terms by rank -> label
    assertThat(
            label(
                "corée du nord",
                "corée",
                "nord",
                "missiles",
                "missiles balistiques",
                "kim jong un",
                "kim"))
        .isEqualTo("corée du nord · missiles balistiques · kim jong un");
    assertThat(label("corée", "nord", "corée du nord", "pyongyang", "missiles"))
        .isEqualTo("corée du nord · pyongyang · missiles");
    assertThat(label("emmanuel", "macron", "emmanuel macron", "élysée", "réforme"))
        .isEqualTo("emmanuel macron · élysée · réforme");
    assertThat(label("missiles balistiques", "missiles", "tir", "essai"))
        .isEqualTo("missiles balistiques · tir · essai");
    assertThat(label("guerre", "ukraine", "russie", "kiev")).isEqualTo("guerre · ukraine · russie");
  }

  @Test
  void termsThatRepeatShownWordsAreSkipped() {
    // "nord kim" would only glue "kim" to a word already shown
    assertThat(label("corée du nord", "kim", "nord kim", "pyongyang"))
        .isEqualTo("corée du nord · kim · pyongyang");
    assertThat(label("corée du nord", "kim jong un", "nord kim", "séoul"))
        .isEqualTo("corée du nord · kim jong un · séoul");
    // the same words in another order say nothing new
    assertThat(label("nord corée", "corée nord", "séoul", "tokyo"))
        .isEqualTo("nord corée · séoul · tokyo");
    // a shared word is no reason to skip: another country
    assertThat(label("corée du nord", "corée du sud", "séoul"))
        .isEqualTo("corée du nord · corée du sud · séoul");
  }

  @Test
  void wordsAreComparedWithoutTheirElidedArticle() {
    assertThat(label("achat", "pouvoir d'achat", "inflation", "prix"))
        .isEqualTo("pouvoir d'achat · inflation · prix");
    assertThat(label("invasion de l'ukraine", "ukraine", "russie", "kiev"))
        .isEqualTo("invasion de l'ukraine · russie · kiev");
    assertThat(label("pouvoir d’achat", "achat", "salaires", "prix"))
        .isEqualTo("pouvoir d’achat · salaires · prix");
    assertThat(TopicLabels.words("pouvoir d'achat aujourd'hui"))
        .containsExactlyInAnyOrder("pouvoir", "achat", "hui");
  }

  @Test
  void labelsOfSmallTopicsHaveFewerTerms() {
    assertThat(label("guerre")).isEqualTo("guerre");
    assertThat(label("missiles", "missiles balistiques")).isEqualTo("missiles balistiques");
    TopicLabels topic =
        new TopicLabels(
            new String[] {"a", "b", "c"}, new double[] {0, 2, 0}, new double[] {1, 1, 1});
    assertThat(topic.label()).isEqualTo("b");
    assertThat(topic.topTerms(5)).containsExactly(new TermWeight("b", 1.0));
  }

  /**
   * A topic where "président" and "pays" are everyday words: p(w|t) = weight / 10, p(w) = overall /
   * 0.435.
   */
  private static final String[] VOCABULARY = {"président", "pays", "missiles", "pyongyang", "kim"};

  private static final double[] WEIGHTS = {3, 2, 2, 2, 1};
  private static final double[] OVERALL = {0.2, 0.2, 0.01, 0.005, 0.02};

  private static List<String> terms(List<TermWeight> weights) {
    return weights.stream().map(TermWeight::term).toList();
  }

  @Test
  void topTermsGoByWeightAndRelevantTermsByRelevance() {
    TopicLabels topic = new TopicLabels(VOCABULARY, WEIGHTS, OVERALL);

    assertThat(topic.topTerms(3))
        .containsExactly(
            new TermWeight("président", 0.3),
            new TermWeight("pays", 0.2),
            new TermWeight("missiles", 0.2));
    // relevance = log p - 0.4 log q: pyongyang 0.1769, missiles -0.1003, président -0.8932,
    // kim -1.0707, pays -1.2986
    assertThat(topic.relevantTerms(5))
        .containsExactly(
            new TermWeight("pyongyang", 0.2),
            new TermWeight("missiles", 0.2),
            new TermWeight("président", 0.3),
            new TermWeight("kim", 0.1),
            new TermWeight("pays", 0.2));
    assertThat(topic.label()).isEqualTo("pyongyang · missiles · président");
    assertThat(topic.label(2)).isEqualTo("pyongyang · missiles");
  }

  @Test
  void lambdaMovesBetweenProbabilityAndLift() {
    // lambda 1: probability alone; lambda 0: lift alone (17.4, 8.7, 2.18, 0.65, 0.44)
    assertThat(terms(new TopicLabels(VOCABULARY, WEIGHTS, OVERALL, 1).relevantTerms(5)))
        .containsExactly("président", "pays", "missiles", "pyongyang", "kim");
    assertThat(terms(new TopicLabels(VOCABULARY, WEIGHTS, OVERALL, 0).relevantTerms(5)))
        .containsExactly("pyongyang", "missiles", "kim", "président", "pays");
  }

  @Test
  void weightsAndOverallMayBeCountsOrLambdaRows() {
    double[] lambdaRow = Arrays.stream(WEIGHTS).map(w -> 0.37 * w).toArray();
    double[] counts = Arrays.stream(OVERALL).map(q -> 20_000 * q).toArray();
    TopicLabels topic = new TopicLabels(VOCABULARY, lambdaRow, counts);

    List<TermWeight> fromProbabilities =
        new TopicLabels(VOCABULARY, WEIGHTS, OVERALL).relevantTerms(5);
    List<TermWeight> fromCounts = topic.relevantTerms(5);
    assertThat(terms(fromCounts)).isEqualTo(terms(fromProbabilities));
    for (int i = 0; i < 5; i++) {
      assertThat(fromCounts.get(i).weight())
          .isCloseTo(fromProbabilities.get(i).weight(), within(1e-12));
    }
    assertThat(TopicLabels.overall(new double[][] {{1, 2, 3}, {4, 5, 6}})).containsExactly(5, 7, 9);
  }

  @Test
  void topTermsAgreeWithAFullSortWhateverTheTies() {
    Random random = new Random(3);
    for (int round = 0; round < 50; round++) {
      int size = 1 + random.nextInt(300);
      String[] vocabulary = new String[size];
      double[] weights = new double[size];
      double[] overall = new double[size];
      for (int w = 0; w < size; w++) {
        vocabulary[w] = "t" + w;
        weights[w] = random.nextInt(8); // many ties, some zeros
        overall[w] = 1 + random.nextInt(4);
      }
      weights[random.nextInt(size)] = 1;
      TopicLabels topic = new TopicLabels(vocabulary, weights, overall);
      List<Integer> sorted = new ArrayList<>();
      for (int w = 0; w < size; w++) {
        if (weights[w] > 0) {
          sorted.add(w);
        }
      }
      sorted.sort(
          Comparator.<Integer>comparingDouble(w -> -weights[w])
              .thenComparing(Comparator.naturalOrder()));
      int n = random.nextInt(size + 3);
      List<String> expected =
          sorted.subList(0, Math.min(n, sorted.size())).stream().map(w -> vocabulary[w]).toList();

      assertThat(terms(topic.topTerms(n)))
          .as("round %d", round)
          .containsExactlyElementsOf(expected);
    }
  }

  @Test
  void badInputIsRejectedWithTheBadValue() {
    String[] two = {"a", "b"};
    assertThatThrownBy(() -> new TopicLabels(two, new double[] {1}, new double[] {1, 1}))
        .hasMessage("vocabulary has 2 terms, weights 1, overall 2");
    assertThatThrownBy(() -> new TopicLabels(two, new double[] {1, -1}, new double[] {1, 1}))
        .hasMessage("weights of 'b' must be finite and non-negative, was -1.0");
    assertThatThrownBy(() -> new TopicLabels(two, new double[] {0, 0}, new double[] {1, 1}))
        .hasMessage("the topic has no weight on any term");
    assertThatThrownBy(() -> new TopicLabels(two, new double[] {1, 1}, new double[] {1, 0}))
        .hasMessage("term 'b' has weight in the topic but none in the corpus");
    assertThatThrownBy(() -> new TopicLabels(two, new double[] {1, 1}, new double[] {1, 1}, 2))
        .hasMessage("lambda must be within 0..1, was 2.0");
    assertThatThrownBy(
            () -> new TopicLabels(two, new double[] {1, 1}, new double[] {1, 1}).label(0))
        .hasMessage("a label needs at least one term, not 0");
  }
}
