package org.gazette.entity;

/**
 * How strongly two entities are associated on one date, from document counts: {@code both} articles
 * name both, {@code a} and {@code b} articles name each, of {@code total} articles.
 *
 * <p>Normalised pointwise mutual information (Bouma 2009) ranges from -1 (never together) through 0
 * (independent) to 1 (only ever together). Dunning's log-likelihood ratio (G², 1993) grows with the
 * evidence against independence, so that a pair seen in 200 articles outranks one seen twice with
 * the same ratio; above 10.83 independence is rejected at p &lt; 0.001.
 */
public final class Association {

  private Association() {}

  /**
   * Normalised PMI: {@code ln(p(a,b) / (p(a) p(b))) / -ln p(a,b)}; 1 when both always occur
   * together in every article, NaN when the counts are impossible.
   */
  public static double npmi(long both, long a, long b, long total) {
    if (!consistent(both, a, b, total) || both == 0) {
      return both == 0 && consistent(both, a, b, total) ? -1.0 : Double.NaN;
    }
    double pBoth = (double) both / total;
    if (both == total) {
      return 1.0;
    }
    double pmi = Math.log(pBoth / (((double) a / total) * ((double) b / total)));
    return pmi / -Math.log(pBoth);
  }

  /**
   * Dunning's log-likelihood ratio G² = 2 Σ k ln(k / E) over the 2×2 table of articles with and
   * without each entity, where E is the count expected under independence.
   */
  public static double llr(long both, long a, long b, long total) {
    if (!consistent(both, a, b, total)) {
      return Double.NaN;
    }
    long onlyA = a - both;
    long onlyB = b - both;
    long neither = total - a - b + both;
    double g2 =
        term(both, a, b, total)
            + term(onlyA, a, total - b, total)
            + term(onlyB, total - a, b, total)
            + term(neither, total - a, total - b, total);
    return Math.max(0.0, 2.0 * g2);
  }

  /** One cell's k ln(k N / (row col)); an empty cell adds nothing. */
  private static double term(long k, long row, long column, long total) {
    return k == 0 ? 0.0 : k * Math.log((double) k * total / ((double) row * column));
  }

  private static boolean consistent(long both, long a, long b, long total) {
    return total > 0
        && both >= 0
        && both <= Math.min(a, b)
        && a <= total
        && b <= total
        && a + b - both <= total;
  }
}
