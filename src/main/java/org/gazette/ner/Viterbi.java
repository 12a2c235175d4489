package org.gazette.ner;

/**
 * Best BIO label sequence of a segment of scored tokens, between two O tokens. I-X follows only B-X
 * or I-X.
 */
final class Viterbi {

  private static final int L = NameModel.LABELS;

  private float[] score = new float[64 * L];
  private int[] back = new int[64 * L];

  /**
   * Decodes {@code m} tokens whose label scores are {@code emissions[t * L + label]} into {@code
   * labels[0..m)}.
   */
  void decode(float[] emissions, int m, float[] transitions, int[] labels) {
    if (score.length < m * L) {
      score = new float[m * L * 2];
      back = new int[m * L * 2];
    }
    for (int l = 0; l < L; l++) {
      score[l] =
          NameModel.allowed(NameModel.O, l)
              ? emissions[l] + transitions[NameModel.O * L + l]
              : Float.NEGATIVE_INFINITY;
      back[l] = -1;
    }
    for (int t = 1; t < m; t++) {
      int base = t * L;
      int prevBase = base - L;
      for (int l = 0; l < L; l++) {
        float best;
        int arg;
        if (NameModel.isInside(l)) {
          // I-X follows B-X (l - 1) or I-X (l) only
          float fromBegin = score[prevBase + l - 1] + transitions[(l - 1) * L + l];
          float fromInside = score[prevBase + l] + transitions[l * L + l];
          if (fromInside > fromBegin) {
            best = fromInside;
            arg = l;
          } else {
            best = fromBegin;
            arg = l - 1;
          }
        } else {
          best = score[prevBase] + transitions[l];
          arg = 0;
          for (int p = 1; p < L; p++) {
            float s = score[prevBase + p] + transitions[p * L + l];
            if (s > best) {
              best = s;
              arg = p;
            }
          }
        }
        score[base + l] = best + emissions[base + l];
        back[base + l] = arg;
      }
    }
    int lastBase = (m - 1) * L;
    float best = Float.NEGATIVE_INFINITY;
    int arg = 0;
    for (int l = 0; l < L; l++) {
      float s = score[lastBase + l] + transitions[l * L + NameModel.O];
      if (s > best) {
        best = s;
        arg = l;
      }
    }
    for (int t = m - 1; t >= 0; t--) {
      labels[t] = arg;
      arg = back[t * L + arg];
    }
  }
}
