package org.gazette.topic;

import java.util.Random;

/**
 * The model side of online variational Bayes for LDA (Hoffman, Blei, Bach 2010), with the settings
 * and updates of Spark MLlib's {@code OnlineLDAOptimizer}: lambda starts as Gamma(100, 1/100)
 * draws, the topic-word prior eta and the initial document-topic prior alpha are 1/k, each
 * mini-batch moves lambda by rho = (tau0 + t)^-kappa towards eta + (D / batch) · sstats, and alpha
 * takes MLlib's Newton step (Blei's {@code update_alpha}) when {@code optimizeAlpha}.
 *
 * <p>The E-step is {@link TopicInference#accumulate}, run wherever the documents are; this class
 * only holds lambda and alpha and applies a mini-batch's summed statistics. Plain Java, so that
 * Gazette can train every language's model in one Spark job per iteration instead of one MLlib job
 * per language and iteration.
 */
public final class OnlineLda {

  private final int topics;
  private final int vocabularySize;
  private final long documents;
  private final double tau0;
  private final double kappa;
  private final boolean optimizeAlpha;
  private final double eta;

  /** lambda, topic-major: {@code lambda[topic][term]}. */
  private final double[][] lambda;

  private final double[] alpha;
  private int iteration;

  /**
   * A model of {@code topics} topics over {@code vocabularySize} terms for a corpus of {@code
   * documents} documents, its lambda drawn with {@code seed}.
   */
  public OnlineLda(
      int topics,
      int vocabularySize,
      long documents,
      double tau0,
      double kappa,
      boolean optimizeAlpha,
      long seed) {
    if (topics < 1 || vocabularySize < 1 || documents < 1) {
      throw new IllegalArgumentException(
          "need topics, terms and documents, got "
              + topics
              + ", "
              + vocabularySize
              + ", "
              + documents);
    }
    this.topics = topics;
    this.vocabularySize = vocabularySize;
    this.documents = documents;
    this.tau0 = tau0;
    this.kappa = kappa;
    this.optimizeAlpha = optimizeAlpha;
    this.eta = 1.0 / topics;
    this.alpha = new double[topics];
    java.util.Arrays.fill(alpha, 1.0 / topics);
    this.lambda = new double[topics][vocabularySize];
    Random random = new Random(seed);
    for (double[] row : lambda) {
      for (int w = 0; w < vocabularySize; w++) {
        row[w] = gamma100(random);
      }
    }
  }

  /** A Gamma(100, 1/100) draw (Marsaglia and Tsang's method; shape above 1). */
  private static double gamma100(Random random) {
    double d = 100 - 1.0 / 3;
    double c = 1 / Math.sqrt(9 * d);
    while (true) {
      double x = random.nextGaussian();
      double v = 1 + c * x;
      if (v <= 0) {
        continue;
      }
      v = v * v * v;
      double u = random.nextDouble();
      if (Math.log(u) < 0.5 * x * x + d - d * v + d * Math.log(v)) {
        return d * v / 100;
      }
    }
  }

  /** The current model, for the E-step of the next mini-batch and for inference. */
  public TopicInference inference() {
    return new TopicInference(lambda, alpha);
  }

  /**
   * Applies a mini-batch of {@code batchDocuments} non-empty documents whose {@link
   * TopicInference#accumulate} summed to {@code sstats} (term-major) and {@code logTheta}. A batch
   * without documents leaves the model as it is.
   */
  public void update(double[] sstats, double[] logTheta, long batchDocuments) {
    if (sstats.length != topics * vocabularySize || logTheta.length != topics) {
      throw new IllegalArgumentException("statistics of the wrong size");
    }
    iteration++;
    if (batchDocuments <= 0) {
      return;
    }
    double rho = Math.pow(tau0 + iteration, -kappa);
    double scale = (double) documents / batchDocuments;
    for (int t = 0; t < topics; t++) {
      double[] row = lambda[t];
      for (int w = 0; w < vocabularySize; w++) {
        row[w] = (1 - rho) * row[w] + rho * (eta + scale * sstats[w * topics + t]);
      }
    }
    if (optimizeAlpha) {
      updateAlpha(logTheta, batchDocuments, rho);
    }
  }

  /** MLlib's {@code updateAlpha}: one Newton step on alpha, taken only if it stays positive. */
  private void updateAlpha(double[] logThetaSum, long batchDocuments, double rho) {
    double n = batchDocuments;
    double alphaSum = 0;
    for (double a : alpha) {
      alphaSum += a;
    }
    double digammaOfSum = TopicInference.digamma(alphaSum);
    double[] gradient = new double[topics];
    double[] q = new double[topics];
    double sumGradientOverQ = 0;
    double sumInverseQ = 0;
    for (int t = 0; t < topics; t++) {
      double logPHat = logThetaSum[t] / n;
      gradient[t] = n * (-(TopicInference.digamma(alpha[t]) - digammaOfSum) + logPHat);
      q[t] = -n * trigamma(alpha[t]);
      sumGradientOverQ += gradient[t] / q[t];
      sumInverseQ += 1 / q[t];
    }
    double c = n * trigamma(alphaSum);
    double b = sumGradientOverQ / (1 / c + sumInverseQ);
    double[] updated = new double[topics];
    for (int t = 0; t < topics; t++) {
      updated[t] = alpha[t] + rho * (-(gradient[t] - b) / q[t]);
      if (!(updated[t] > 0)) {
        return;
      }
    }
    System.arraycopy(updated, 0, alpha, 0, topics);
  }

  /**
   * The trigamma function, the derivative of digamma, for x > 0: the recurrence psi'(x) = psi'(x +
   * 1) + 1/x² up to x >= 6, then the asymptotic series to the x^-11 term, whose error there is
   * below 1e-10.
   */
  static double trigamma(double x) {
    double result = 0;
    while (x < 6) {
      result += 1 / (x * x);
      x += 1;
    }
    double inv = 1 / x;
    double inv2 = inv * inv;
    return result
        + inv
        + inv2 / 2
        + inv
            * inv2
            * (1.0 / 6
                - inv2 * (1.0 / 30 - inv2 * (1.0 / 42 - inv2 * (1.0 / 30 - inv2 * 5.0 / 66))));
  }

  /** lambda, topic-major; the live array. */
  public double[][] lambda() {
    return lambda;
  }

  /** alpha, the document-topic prior; the live array. */
  public double[] alpha() {
    return alpha;
  }

  public int topics() {
    return topics;
  }
}
