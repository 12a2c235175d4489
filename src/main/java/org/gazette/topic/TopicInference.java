package org.gazette.topic;

import java.io.Serializable;
import java.util.Arrays;

/**
 * Infers the topic mixture of one document under an LDA model trained by Spark MLlib's online
 * optimizer, with the variational inference of MLlib's {@code
 * OnlineLDAOptimizer.variationalTopicInference} (Hoffman, Blei, Bach 2010), so that Gazette can
 * assign topics inside its own per-partition pass instead of a separate {@code transform}.
 *
 * <p>Differences from MLlib, all deliberate:
 *
 * <ul>
 *   <li>gamma starts at {@code alpha_k + N / k} ({@code N} the document's total count) instead of a
 *       random Gamma(100, 1/100) draw, so the same document always gets the same mixture, whatever
 *       the partitioning or the seed. Both start points reach the same fixed point on documents
 *       whose topics are clear; on ambiguous ones MLlib's answer depends on its seed;
 *   <li>at most {@value #MAX_ITERATIONS} iterations (MLlib loops until it converges), so one
 *       pathological document cannot hold a task; the stopping rule is otherwise MLlib's: stop once
 *       the mean absolute change of gamma is at most {@value #CONVERGENCE};
 *   <li>a document without any counted term gets the prior mean {@code alpha / sum(alpha)} (what
 *       the iteration gives when there is no evidence), where MLlib returns zeros; callers that
 *       want "no topic" for such documents must test for them first;
 *   <li>exp(E[log beta]) is held in {@code float}, each term's row scaled so its largest value is
 *       1: the updates only use ratios within a term's row, so the scale cancels, and the model
 *       takes half the memory of MLlib's broadcast without rare terms underflowing.
 * </ul>
 *
 * <p>Immutable and {@link Serializable}: build it once on the driver, broadcast it, and share it
 * between the threads of an executor. Each thread brings its own {@link Scratch}, or calls {@link
 * #mixture(int[], double[], int)}, which allocates one per call.
 */
public final class TopicInference implements Serializable {

  private static final long serialVersionUID = 1L;

  /** MLlib's threshold on the mean absolute change of gamma between two iterations. */
  public static final double CONVERGENCE = 1e-3;

  /** Iterations at most per document (Hoffman's onlineldavb uses the same bound). */
  public static final int MAX_ITERATIONS = 100;

  /** MLlib adds it to each term's normaliser so that a term no topic explains divides by 1e-100. */
  private static final double PHI_NORM_FLOOR = 1e-100;

  private final int topics;
  private final int vocabularySize;
  private final double[] alpha;
  private final double alphaSum;

  /** exp(E[log beta]), term-major ({@code [term * topics + topic]}), each row scaled to max 1. */
  private final float[] expElogBeta;

  /**
   * The model of {@code lambda} (k rows of topics, V columns of terms: MLlib's {@code
   * topicsMatrix}, V×k, transposed) and {@code alpha} (MLlib's {@code docConcentration}, the
   * effective one, k positive values).
   */
  public TopicInference(double[][] lambda, double[] alpha) {
    this(checkTopics(lambda, alpha), width(lambda), alpha, (topic, term) -> lambda[topic][term]);
  }

  /**
   * The model of MLlib's {@code topicsMatrix().toArray()}: V×k in column-major order, that is topic
   * after topic, V values each; saves building a {@code double[k][V]} on the driver.
   */
  public static TopicInference fromColumnMajor(
      double[] topicsMatrix, int vocabularySize, double[] alpha) {
    if (vocabularySize <= 0 || topicsMatrix.length % vocabularySize != 0) {
      throw new IllegalArgumentException(
          "topics matrix of "
              + topicsMatrix.length
              + " values is not V×k for vocabulary size "
              + vocabularySize);
    }
    int k = topicsMatrix.length / vocabularySize;
    if (alpha.length != k) {
      throw new IllegalArgumentException(
          "alpha has " + alpha.length + " values for " + k + " topics");
    }
    return new TopicInference(
        k, vocabularySize, alpha, (topic, term) -> topicsMatrix[topic * vocabularySize + term]);
  }

  private interface Lambda {
    double at(int topic, int term);
  }

  private TopicInference(int topics, int vocabularySize, double[] alpha, Lambda lambda) {
    if (topics < 1) {
      throw new IllegalArgumentException("a model needs at least one topic");
    }
    if ((long) topics * vocabularySize > Integer.MAX_VALUE - 8) {
      throw new IllegalArgumentException(
          "model too large: " + topics + " topics × " + vocabularySize + " terms");
    }
    this.topics = topics;
    this.vocabularySize = vocabularySize;
    this.alpha = alpha.clone();
    double sum = 0;
    for (int t = 0; t < topics; t++) {
      if (!(alpha[t] > 0) || Double.isInfinite(alpha[t])) {
        throw new IllegalArgumentException("alpha[" + t + "] must be positive, was " + alpha[t]);
      }
      sum += alpha[t];
    }
    this.alphaSum = sum;
    double[] digammaOfRowSum = new double[topics];
    for (int t = 0; t < topics; t++) {
      double rowSum = 0;
      for (int w = 0; w < vocabularySize; w++) {
        double value = lambda.at(t, w);
        if (!(value >= 0) || Double.isInfinite(value)) {
          throw new IllegalArgumentException(
              "lambda[" + t + "][" + w + "] must be finite and non-negative, was " + value);
        }
        rowSum += value;
      }
      if (!(rowSum > 0)) {
        throw new IllegalArgumentException("topic " + t + " has no weight on any term");
      }
      digammaOfRowSum[t] = digamma(rowSum);
    }
    this.expElogBeta = new float[topics * vocabularySize];
    double[] row = new double[topics];
    for (int w = 0; w < vocabularySize; w++) {
      // Exponents, not their exp, are compared: exp(-800) is 0 but still larger than exp(-900).
      double max = Double.NEGATIVE_INFINITY;
      for (int t = 0; t < topics; t++) {
        row[t] = digamma(lambda.at(t, w)) - digammaOfRowSum[t];
        max = Math.max(max, row[t]);
      }
      int base = w * topics;
      for (int t = 0; t < topics; t++) {
        expElogBeta[base + t] =
            max == Double.NEGATIVE_INFINITY ? 0f : (float) Math.exp(row[t] - max);
      }
    }
  }

  private static int checkTopics(double[][] lambda, double[] alpha) {
    if (lambda.length == 0) {
      throw new IllegalArgumentException("lambda has no topic");
    }
    if (alpha.length != lambda.length) {
      throw new IllegalArgumentException(
          "alpha has " + alpha.length + " values for " + lambda.length + " topics");
    }
    int width = lambda[0].length;
    for (int t = 1; t < lambda.length; t++) {
      if (lambda[t].length != width) {
        throw new IllegalArgumentException(
            "lambda[" + t + "] has " + lambda[t].length + " terms, lambda[0] " + width);
      }
    }
    return lambda.length;
  }

  private static int width(double[][] lambda) {
    if (lambda[0].length == 0) {
      throw new IllegalArgumentException("lambda has no term");
    }
    return lambda[0].length;
  }

  /** Number of topics, k. */
  public int topics() {
    return topics;
  }

  /** Number of terms, V: term indices run from 0 to V - 1. */
  public int vocabularySize() {
    return vocabularySize;
  }

  /** The working arrays of one inference; reuse it for the documents of one thread. */
  public static final class Scratch {
    private final double[] gamma;
    private final double[] expElogTheta;
    private final double[] weighted;

    private Scratch(int topics) {
      gamma = new double[topics];
      expElogTheta = new double[topics];
      weighted = new double[topics];
    }
  }

  /** A scratch for this model's number of topics; not thread-safe. */
  public Scratch newScratch() {
    return new Scratch(topics);
  }

  /**
   * The topic mixture (theta, k values that sum to 1) of the document whose first {@code n} entries
   * of {@code termIndices} and {@code counts} give its terms (0 to V - 1) and counts (finite,
   * non-negative; a term given twice counts as the sum of both).
   */
  public double[] mixture(int[] termIndices, double[] counts, int n) {
    double[] theta = new double[topics];
    mixture(termIndices, counts, n, newScratch(), theta);
    return theta;
  }

  /**
   * Writes the mixture of the document (see {@link #mixture(int[], double[], int)}) into {@code
   * theta} and returns the number of iterations it took: 0 for a document without counts, {@value
   * #MAX_ITERATIONS} when it stopped before converging. Allocates nothing.
   */
  public int mixture(int[] termIndices, double[] counts, int n, Scratch scratch, double[] theta) {
    if (theta.length != topics || scratch.gamma.length != topics) {
      throw new IllegalArgumentException(
          "theta has "
              + theta.length
              + " values, scratch "
              + scratch.gamma.length
              + ", for "
              + topics
              + " topics");
    }
    double total = total(termIndices, counts, n);
    if (total == 0) {
      for (int t = 0; t < topics; t++) {
        theta[t] = alpha[t] / alphaSum;
      }
      return 0;
    }
    int iterations = iterate(termIndices, counts, n, total, scratch);
    double[] gamma = scratch.gamma;
    double sum = 0;
    for (int t = 0; t < topics; t++) {
      sum += gamma[t];
    }
    for (int t = 0; t < topics; t++) {
      theta[t] = gamma[t] / sum;
    }
    return iterations;
  }

  /**
   * The E-step of online LDA for one document of a mini-batch: infers its mixture as {@link
   * #mixture(int[], double[], int, Scratch, double[])} does, then adds its sufficient statistics to
   * {@code sstats} (term-major, {@code [term * k + topic]}: the count of each term times its
   * topic's share, phi, which is MLlib's {@code sstats} already multiplied by exp(E[log beta])) and
   * its E[log theta] to {@code logTheta} (k values, for the update of alpha). Returns false, adding
   * nothing, for a document without counts.
   */
  public boolean accumulate(
      int[] termIndices,
      double[] counts,
      int n,
      Scratch scratch,
      double[] sstats,
      double[] logTheta) {
    if (sstats.length != topics * vocabularySize || logTheta.length != topics) {
      throw new IllegalArgumentException(
          "sstats needs " + topics * vocabularySize + " values and logTheta " + topics);
    }
    double total = total(termIndices, counts, n);
    if (total == 0) {
      return false;
    }
    iterate(termIndices, counts, n, total, scratch);
    int k = topics;
    double[] expElogTheta = scratch.expElogTheta;
    float[] beta = expElogBeta;
    for (int i = 0; i < n; i++) {
      double count = counts[i];
      if (count == 0) {
        continue;
      }
      int base = termIndices[i] * k;
      // Each row of beta is scaled to a maximum of 1; the scale cancels in beta / norm.
      double ratio = share(beta, base, expElogTheta, count);
      for (int t = 0; t < k; t++) {
        sstats[base + t] += expElogTheta[t] * beta[base + t] * ratio;
      }
    }
    // E[log theta] itself, not the log of its exp, which underflows for tiny alphas.
    double[] gamma = scratch.gamma;
    double sum = 0;
    for (int t = 0; t < k; t++) {
      sum += gamma[t];
    }
    double digammaOfSum = digamma(sum);
    for (int t = 0; t < k; t++) {
      logTheta[t] += digamma(gamma[t]) - digammaOfSum;
    }
    return true;
  }

  /** The sum of the first {@code n} counts, each checked with its term index. */
  private double total(int[] termIndices, double[] counts, int n) {
    if (n < 0 || n > termIndices.length || n > counts.length) {
      throw new IllegalArgumentException(
          "n = "
              + n
              + " for "
              + termIndices.length
              + " term indices and "
              + counts.length
              + " counts");
    }
    double total = 0;
    for (int i = 0; i < n; i++) {
      int term = termIndices[i];
      double count = counts[i];
      if (term < 0 || term >= vocabularySize) {
        throw new IllegalArgumentException(
            "term index " + term + " outside the vocabulary of " + vocabularySize + " terms");
      }
      if (!(count >= 0) || Double.isInfinite(count)) {
        throw new IllegalArgumentException(
            "count of term " + term + " must be finite and " + "non-negative, was " + count);
      }
      total += count;
    }
    return total;
  }

  /**
   * Iterates gamma for a document whose counts sum to {@code total} (positive) until it converges
   * or {@value #MAX_ITERATIONS} iterations; leaves gamma and exp(E[log theta]) in {@code scratch}.
   * Returns the iterations.
   */
  private int iterate(int[] termIndices, double[] counts, int n, double total, Scratch scratch) {
    int k = topics;
    double[] gamma = scratch.gamma;
    double[] expElogTheta = scratch.expElogTheta;
    double[] weighted = scratch.weighted;
    double start = total / k;
    for (int t = 0; t < k; t++) {
      gamma[t] = alpha[t] + start;
    }
    expectedLogTheta(gamma, expElogTheta);
    float[] beta = expElogBeta;
    int iterations = 0;
    while (iterations < MAX_ITERATIONS) {
      iterations++;
      Arrays.fill(weighted, 0);
      for (int i = 0; i < n; i++) {
        double count = counts[i];
        if (count == 0) {
          continue;
        }
        int base = termIndices[i] * k;
        double ratio = share(beta, base, expElogTheta, count);
        for (int t = 0; t < k; t++) {
          weighted[t] += beta[base + t] * ratio;
        }
      }
      double change = 0;
      for (int t = 0; t < k; t++) {
        double updated = expElogTheta[t] * weighted[t] + alpha[t];
        change += Math.abs(updated - gamma[t]);
        gamma[t] = updated;
      }
      expectedLogTheta(gamma, expElogTheta);
      if (change / k <= CONVERGENCE) {
        break;
      }
    }
    return iterations;
  }

  /**
   * A term's count over the norm of its phi: phi, unnormalised, is beta[w][t] * expElogTheta[t];
   * each topic's share of the count is beta[w][t] times this (MLlib's ctsVector / phiNorm).
   */
  private double share(float[] beta, int base, double[] expElogTheta, double count) {
    double norm = 0;
    for (int t = 0; t < topics; t++) {
      norm += beta[base + t] * expElogTheta[t];
    }
    return count / (norm + PHI_NORM_FLOOR);
  }

  /** exp(E[log theta]) under Dirichlet(gamma): exp(digamma(gamma_t) - digamma(sum gamma)). */
  private static void expectedLogTheta(double[] gamma, double[] out) {
    double sum = 0;
    for (double g : gamma) {
      sum += g;
    }
    double digammaOfSum = digamma(sum);
    for (int t = 0; t < gamma.length; t++) {
      out[t] = Math.exp(digamma(gamma[t]) - digammaOfSum);
    }
  }

  /** The index of the largest value of {@code mixture}, the lowest on ties; -1 when empty. */
  public static int dominant(double[] mixture) {
    int best = -1;
    for (int t = 0; t < mixture.length; t++) {
      if (best < 0 || mixture[t] > mixture[best]) {
        best = t;
      }
    }
    return best;
  }

  /**
   * The digamma function, d/dx ln Gamma(x), for x > 0 (negative infinity at 0, NaN below): the
   * recurrence psi(x) = psi(x + 1) - 1/x up to x >= 6, then the asymptotic series to the x^-10
   * term, whose error there is below 1e-11.
   */
  static double digamma(double x) {
    if (!(x > 0)) {
      return x == 0 ? Double.NEGATIVE_INFINITY : Double.NaN;
    }
    double result = 0;
    while (x < 6) {
      result -= 1 / x;
      x += 1;
    }
    double inv = 1 / x;
    double inv2 = inv * inv;
    return result
        + Math.log(x)
        - 0.5 * inv
        - inv2
            * (1.0 / 12
                - inv2 * (1.0 / 120 - inv2 * (1.0 / 252 - inv2 * (1.0 / 240 - inv2 / 132))));
  }
}
