package org.gazette.topic;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A readable label for one topic: its most relevant terms, phrases in place of the words they
 * contain ("corée du nord · missiles balistiques · kim jong un").
 *
 * <p>Relevance is that of Sievert and Shirley (2014, LDAvis): {@code lambda · log p(w|t) + (1 -
 * lambda) · log(p(w|t) / p(w))}, with {@code lambda = 0.6}, the value their user study found best.
 * Ranking by {@code p(w|t)} alone puts the corpus's everyday words ("président", "pays") at the top
 * of many topics; the lift term favours the words that set this topic apart, and {@code lambda}
 * keeps rare words with a large lift from taking over.
 *
 * <p>Terms are Gazette's analysed terms: lower-case words and phrases of up to three words joined
 * by one space. The label takes the three most relevant terms that say something new:
 *
 * <ol>
 *   <li>a term that contains all the words of chosen terms replaces them, in the place of the
 *       first, when it adds a word or merges two of them, and its other words are not shown by the
 *       remaining chosen terms: "missiles balistiques" replaces "missiles", "corée du nord"
 *       replaces "corée" and "nord", "emmanuel macron" replaces "emmanuel" and "macron" (one slot
 *       instead of two, and it reads better). Otherwise it is skipped: "nord kim" after "corée du
 *       nord" and "kim" would only repeat "nord";
 *   <li>a term whose words are all shown already is skipped: "nord" after "corée du nord",
 *       "missiles" after "missiles balistiques", "nord kim" after "corée du nord" and "kim jong
 *       un";
 *   <li>any other term is added, even when some of its words are shown: "corée du sud" after "corée
 *       du nord" names another country.
 * </ol>
 *
 * <p>Words are compared without an elided article: inside a phrase a word keeps its article
 * ("pouvoir d'achat") that the same word alone has lost ("achat"), so "d'achat" counts as "achat".
 * What stands before a word's first apostrophe is dropped without a list of articles ("aujourd'hui"
 * counts as "hui"), which is harmless since every term is compared the same way. Ties in relevance
 * go to the more probable term, then to the earlier in the vocabulary, so the same input always
 * gives the same label.
 */
public final class TopicLabels {

  /** Sievert and Shirley's recommended weight of {@code log p(w|t)} against the lift. */
  public static final double DEFAULT_LAMBDA = 0.6;

  /** Terms in a label. */
  public static final int LABEL_TERMS = 3;

  /** Between the terms of a label. */
  public static final String SEPARATOR = " · ";

  /** A term and its probability in the topic, {@code p(w|t)}. */
  public record TermWeight(String term, double weight) implements java.io.Serializable {}

  private final String[] vocabulary;

  /** p(w|t): the weights as given, normalised to sum to 1. */
  private final double[] probability;

  /** Negative infinity for terms the topic does not use. */
  private final double[] relevance;

  /** The topic of {@code weights} with relevance at {@link #DEFAULT_LAMBDA}. */
  public TopicLabels(String[] vocabulary, double[] weights, double[] overall) {
    this(vocabulary, weights, overall, DEFAULT_LAMBDA);
  }

  /**
   * The topic whose weight on term {@code vocabulary[i]} is {@code weights[i]} (probabilities or
   * the topic's row of lambda: they are normalised), in a corpus where the term has weight {@code
   * overall[i]} (normalised too; see {@link #overall(double[][])}).
   */
  public TopicLabels(String[] vocabulary, double[] weights, double[] overall, double lambda) {
    if (weights.length != vocabulary.length || overall.length != vocabulary.length) {
      throw new IllegalArgumentException(
          "vocabulary has "
              + vocabulary.length
              + " terms, weights "
              + weights.length
              + ", overall "
              + overall.length);
    }
    if (!(lambda >= 0 && lambda <= 1)) {
      throw new IllegalArgumentException("lambda must be within 0..1, was " + lambda);
    }
    double weightSum = sum(weights, "weights", vocabulary);
    double overallSum = sum(overall, "overall", vocabulary);
    if (weightSum == 0) {
      throw new IllegalArgumentException("the topic has no weight on any term");
    }
    this.vocabulary = vocabulary;
    this.probability = new double[weights.length];
    this.relevance = new double[weights.length];
    for (int w = 0; w < weights.length; w++) {
      if (vocabulary[w] == null) {
        throw new IllegalArgumentException("vocabulary[" + w + "] is null");
      }
      double p = weights[w] / weightSum;
      probability[w] = p;
      if (p == 0) {
        relevance[w] = Double.NEGATIVE_INFINITY;
        continue;
      }
      if (overall[w] == 0) {
        throw new IllegalArgumentException(
            "term '" + vocabulary[w] + "' has weight in the topic but none in the corpus");
      }
      // lambda log p + (1 - lambda) log(p / q) = log p - (1 - lambda) log q
      relevance[w] = Math.log(p) - (1 - lambda) * Math.log(overall[w] / overallSum);
    }
  }

  private static double sum(double[] values, String name, String[] vocabulary) {
    double sum = 0;
    for (int w = 0; w < values.length; w++) {
      double v = values[w];
      if (!(v >= 0) || Double.isInfinite(v)) {
        throw new IllegalArgumentException(
            name + " of '" + vocabulary[w] + "' must be finite and non-negative, was " + v);
      }
      sum += v;
    }
    return sum;
  }

  /**
   * The corpus-wide weight of each term from a model's lambda (k rows of topics, V columns): the
   * sum over topics. Lambda holds each topic's expected count of each term plus the prior, so the
   * sum estimates the term's count in the training corpus.
   */
  public static double[] overall(double[][] lambda) {
    if (lambda.length == 0) {
      throw new IllegalArgumentException("lambda has no topic");
    }
    double[] overall = new double[lambda[0].length];
    for (double[] topic : lambda) {
      if (topic.length != overall.length) {
        throw new IllegalArgumentException(
            "lambda's rows have " + overall.length + " and " + topic.length + " terms");
      }
      for (int w = 0; w < overall.length; w++) {
        overall[w] += topic[w];
      }
    }
    return overall;
  }

  /** The {@code n} most probable terms of the topic, most probable first. */
  public List<TermWeight> topTerms(int n) {
    return weights(top(n, false));
  }

  /** The {@code n} most relevant terms of the topic, most relevant first. */
  public List<TermWeight> relevantTerms(int n) {
    return weights(top(n, true));
  }

  /** The label of {@link #LABEL_TERMS} terms. */
  public String label() {
    return label(LABEL_TERMS);
  }

  /** The label of up to {@code terms} terms (fewer when the topic has fewer). */
  public String label(int terms) {
    return String.join(SEPARATOR, labelTerms(terms));
  }

  /** The terms of {@link #label(int)}, in order. */
  public List<String> labelTerms(int terms) {
    if (terms < 1) {
      throw new IllegalArgumentException("a label needs at least one term, not " + terms);
    }
    // Most candidates are taken at once; the ranking is widened only when redundant terms
    // used them up.
    int candidates = 8 * terms + 16;
    while (true) {
      int[] ranked = top(candidates, true);
      List<String> chosen = choose(ranked, terms);
      if (chosen.size() == terms || ranked.length < candidates) {
        return chosen;
      }
      candidates *= 4;
    }
  }

  private List<String> choose(int[] ranked, int terms) {
    List<String> chosen = new ArrayList<>();
    List<Set<String>> chosenWords = new ArrayList<>();
    for (int r = 0; r < ranked.length && chosen.size() < terms; r++) {
      String term = vocabulary[ranked[r]];
      Set<String> words = words(term);
      List<Integer> contained = new ArrayList<>();
      for (int c = 0; c < chosen.size(); c++) {
        if (words.containsAll(chosenWords.get(c))) {
          contained.add(c);
        }
      }
      Set<String> shownElsewhere = new HashSet<>();
      Set<String> rest = new HashSet<>(words);
      for (int c = 0; c < chosen.size(); c++) {
        if (contained.contains(c)) {
          rest.removeAll(chosenWords.get(c));
        } else {
          shownElsewhere.addAll(chosenWords.get(c));
        }
      }
      if (contained.isEmpty()) {
        if (!shownElsewhere.containsAll(words)) {
          chosen.add(term);
          chosenWords.add(words);
        }
        continue;
      }
      boolean restIsNew = true;
      for (String word : rest) {
        restIsNew &= !shownElsewhere.contains(word);
      }
      if (!restIsNew || (rest.isEmpty() && contained.size() == 1)) {
        continue; // it repeats shown words, or says what one chosen term says
      }
      int first = contained.get(0);
      chosen.set(first, term);
      chosenWords.set(first, words);
      for (int i = contained.size() - 1; i >= 1; i--) {
        int c = contained.get(i);
        chosen.remove(c);
        chosenWords.remove(c);
      }
    }
    return chosen;
  }

  /** The words of a term, each without an elided article ("d'achat" is "achat"). */
  static Set<String> words(String term) {
    Set<String> words = new HashSet<>();
    for (String word : term.split(" ")) {
      if (word.isEmpty()) {
        continue;
      }
      int apostrophe = -1;
      for (int i = 0; i < word.length() && apostrophe < 0; i++) {
        char c = word.charAt(i);
        if (c == '\'' || c == '\u2019') {
          apostrophe = i;
        }
      }
      words.add(
          apostrophe > 0 && apostrophe < word.length() - 1 ? word.substring(apostrophe + 1) : word);
    }
    return words;
  }

  private List<TermWeight> weights(int[] terms) {
    List<TermWeight> list = new ArrayList<>(terms.length);
    for (int w : terms) {
      list.add(new TermWeight(vocabulary[w], probability[w]));
    }
    return list;
  }

  /** True when term a ranks before term b. */
  private boolean before(int a, int b, boolean byRelevance) {
    if (byRelevance && relevance[a] != relevance[b]) {
      return relevance[a] > relevance[b];
    }
    if (probability[a] != probability[b]) {
      return probability[a] > probability[b];
    }
    return a < b;
  }

  /**
   * The {@code n} best terms with a positive probability, best first: a bounded heap whose root is
   * the worst kept term, so a vocabulary of V terms costs V log n, not a sort of V.
   */
  private int[] top(int n, boolean byRelevance) {
    if (n < 0) {
      throw new IllegalArgumentException("n must not be negative, was " + n);
    }
    int[] heap = new int[Math.min(n, probability.length)];
    int size = 0;
    for (int w = 0; w < probability.length; w++) {
      if (probability[w] == 0) {
        continue;
      }
      if (size < heap.length) {
        heap[size] = w;
        siftUp(heap, size++, byRelevance);
      } else if (size > 0 && before(w, heap[0], byRelevance)) {
        heap[0] = w;
        siftDown(heap, size, byRelevance);
      }
    }
    int[] sorted = new int[size];
    for (int i = size - 1; i >= 0; i--) {
      sorted[i] = heap[0];
      heap[0] = heap[i];
      siftDown(heap, i, byRelevance);
    }
    return sorted;
  }

  private void siftUp(int[] heap, int at, boolean byRelevance) {
    while (at > 0) {
      int parent = (at - 1) / 2;
      if (!before(heap[parent], heap[at], byRelevance)) {
        return;
      }
      swap(heap, parent, at);
      at = parent;
    }
  }

  private void siftDown(int[] heap, int size, boolean byRelevance) {
    int at = 0;
    while (true) {
      int worst = at;
      int left = 2 * at + 1;
      int right = left + 1;
      if (left < size && before(heap[worst], heap[left], byRelevance)) {
        worst = left;
      }
      if (right < size && before(heap[worst], heap[right], byRelevance)) {
        worst = right;
      }
      if (worst == at) {
        return;
      }
      swap(heap, at, worst);
      at = worst;
    }
  }

  private static void swap(int[] heap, int i, int j) {
    int t = heap[i];
    heap[i] = heap[j];
    heap[j] = t;
  }
}
