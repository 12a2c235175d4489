package org.gazette.topic;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Matches the topics of a retrained model to those of the previous model, so that topic ids carry
 * over: the one-to-one assignment of maximum total similarity (the Hungarian algorithm), of which
 * only the pairs at least as similar as a threshold are kept.
 *
 * <p>Similarity is the cosine of the two topics' term distributions over the union of their
 * vocabularies (a term a model lacks weighs 0 there). Cosine, not 1 - Jensen-Shannon distance,
 * because a topic is known by its head: squares make cosine depend on the few dozen terms that hold
 * most of the weight, while Jensen-Shannon weighs every unit of probability alike, and an LDA topic
 * spreads much of its mass over a long tail (the prior eta on every term of the vocabulary) that
 * changes with the vocabulary and the corpus of each retrain. The same theme retrained then scores
 * low under Jensen-Shannon for reasons that are not the theme's. Cosine also ignores scale, so
 * lambda rows, probabilities or counts may be given as they are, and truncating each topic to its
 * top few hundred terms changes it little.
 *
 * <p>The default threshold, {@value #DEFAULT_THRESHOLD}, means that the two heads share most of
 * their weight: two topics of one theme retrained on overlapping months share their leading terms,
 * while topics of different themes share only the corpus's everyday words and stay well below it.
 * It is a starting point; log the similarities of a few retrains and adjust.
 *
 * <p>Deterministic: terms are put in sorted order before anything is added up, so the result does
 * not depend on the maps' iteration order.
 */
public final class TopicMatching {

  /** Pairs less similar than this are not matched. */
  public static final double DEFAULT_THRESHOLD = 0.5;

  private TopicMatching() {}

  /**
   * What a new topic became: the index of the previous topic whose id it takes, or -1 for a new id.
   * {@code similarity} is that pair's cosine; for an unmatched topic it is its highest cosine with
   * any previous topic (0 when there is none), so that a topic left out because a closer one took
   * its predecessor (a split) shows as such.
   */
  public record Match(int previous, double similarity) {

    public boolean matched() {
      return previous >= 0;
    }
  }

  /** {@link #match(List, List, double)} at {@link #DEFAULT_THRESHOLD}. */
  public static List<Match> match(
      List<? extends Map<String, Double>> previous, List<? extends Map<String, Double>> current) {
    return match(previous, current, DEFAULT_THRESHOLD);
  }

  /**
   * For each topic of {@code current} (term to weight), in order, the topic of {@code previous} it
   * continues: the optimal one-to-one assignment by cosine, keeping pairs whose cosine is at least
   * {@code threshold} (0 to 1).
   */
  public static List<Match> match(
      List<? extends Map<String, Double>> previous,
      List<? extends Map<String, Double>> current,
      double threshold) {
    if (!(threshold >= 0 && threshold <= 1)) {
      throw new IllegalArgumentException("threshold must be within 0..1, was " + threshold);
    }
    double[][] similarity = similarities(previous, current);
    int[] assigned = assign(similarity);
    List<Match> matches = new ArrayList<>(current.size());
    for (int i = 0; i < current.size(); i++) {
      int j = assigned[i];
      if (j >= 0 && similarity[i][j] >= threshold) {
        matches.add(new Match(j, similarity[i][j]));
      } else {
        double best = 0;
        for (double s : similarity[i]) {
          best = Math.max(best, s);
        }
        matches.add(new Match(-1, best));
      }
    }
    return matches;
  }

  /** Cosine of each topic of {@code current} (rows) with each of {@code previous} (columns). */
  public static double[][] similarities(
      List<? extends Map<String, Double>> previous, List<? extends Map<String, Double>> current) {
    TreeMap<String, Integer> ids = new TreeMap<>();
    for (List<? extends Map<String, Double>> model : List.of(previous, current)) {
      for (Map<String, Double> topic : model) {
        for (String term : topic.keySet()) {
          ids.put(term, 0);
        }
      }
    }
    int next = 0;
    for (Map.Entry<String, Integer> entry : ids.entrySet()) {
      entry.setValue(next++);
    }
    Sparse[] old = new Sparse[previous.size()];
    for (int j = 0; j < old.length; j++) {
      old[j] = Sparse.unit(previous.get(j), ids, "previous topic " + j);
    }
    Sparse[] now = new Sparse[current.size()];
    for (int i = 0; i < now.length; i++) {
      now[i] = Sparse.unit(current.get(i), ids, "current topic " + i);
    }
    double[][] similarity = new double[now.length][old.length];
    double[] dense = new double[ids.size()];
    for (int j = 0; j < old.length; j++) {
      old[j].scatter(dense);
      for (int i = 0; i < now.length; i++) {
        // Rounding may take a unit vector's cosine with itself a hair above 1.
        similarity[i][j] = Math.min(1, now[i].dot(dense));
      }
      old[j].clear(dense);
    }
    return similarity;
  }

  /** Cosine similarity of two topics (term to non-negative weight); 0 if either is empty. */
  public static double cosine(Map<String, Double> a, Map<String, Double> b) {
    return similarities(List.of(a), List.of(b))[0][0];
  }

  /** A topic as sorted term ids and weights scaled to unit length. */
  private record Sparse(int[] ids, double[] values) {

    static Sparse unit(Map<String, Double> topic, TreeMap<String, Integer> ids, String name) {
      TreeMap<Integer, Double> sorted = new TreeMap<>();
      for (Map.Entry<String, Double> entry : topic.entrySet()) {
        Double value = entry.getValue();
        if (value == null || !(value >= 0) || value.isInfinite()) {
          throw new IllegalArgumentException(
              name
                  + ": weight of '"
                  + entry.getKey()
                  + "' must be finite and non-negative, was "
                  + value);
        }
        if (value > 0) {
          sorted.put(ids.get(entry.getKey()), value);
        }
      }
      int[] termIds = new int[sorted.size()];
      double[] values = new double[sorted.size()];
      double squares = 0;
      int at = 0;
      for (Map.Entry<Integer, Double> entry : sorted.entrySet()) {
        termIds[at] = entry.getKey();
        values[at] = entry.getValue();
        squares += values[at] * values[at];
        at++;
      }
      double norm = Math.sqrt(squares);
      for (int i = 0; i < values.length; i++) {
        values[i] /= norm;
      }
      return new Sparse(termIds, values);
    }

    void scatter(double[] dense) {
      for (int i = 0; i < ids.length; i++) {
        dense[ids[i]] = values[i];
      }
    }

    void clear(double[] dense) {
      for (int id : ids) {
        dense[id] = 0;
      }
    }

    double dot(double[] dense) {
      double sum = 0;
      for (int i = 0; i < ids.length; i++) {
        sum += values[i] * dense[ids[i]];
      }
      return sum;
    }
  }

  /**
   * The one-to-one assignment of rows to columns of maximum total {@code score} (rows of equal
   * length, finite values): for each row its column, or -1 when there are more rows than columns
   * and the row is left out. The Hungarian algorithm with potentials, O(n² m) for n the smaller
   * side and m the larger.
   */
  public static int[] assign(double[][] score) {
    int rows = score.length;
    int columns = rows == 0 ? 0 : score[0].length;
    for (int i = 0; i < rows; i++) {
      if (score[i].length != columns) {
        throw new IllegalArgumentException(
            "row " + i + " has " + score[i].length + " values, row 0 " + columns);
      }
      for (int j = 0; j < columns; j++) {
        if (!Double.isFinite(score[i][j])) {
          throw new IllegalArgumentException("score[" + i + "][" + j + "] is " + score[i][j]);
        }
      }
    }
    int[] result = new int[rows];
    Arrays.fill(result, -1);
    if (rows == 0 || columns == 0) {
      return result;
    }
    if (rows <= columns) {
      int[] columnOfRow = minimumCost(rows, columns, (i, j) -> -score[i][j]);
      System.arraycopy(columnOfRow, 0, result, 0, rows);
    } else {
      int[] rowOfColumn = minimumCost(columns, rows, (j, i) -> -score[i][j]);
      for (int j = 0; j < columns; j++) {
        result[rowOfColumn[j]] = j;
      }
    }
    return result;
  }

  private interface Cost {
    double at(int row, int column);
  }

  /**
   * For n <= m, the column of each row in the assignment of minimum total cost. The shortest
   * augmenting path form of the Hungarian algorithm: rows are added one at a time and the
   * potentials u, v keep every reduced cost non-negative.
   */
  private static int[] minimumCost(int n, int m, Cost cost) {
    // 1-based, with row 0 / column 0 as the virtual start of each augmenting path.
    double[] u = new double[n + 1];
    double[] v = new double[m + 1];
    int[] rowOf = new int[m + 1];
    int[] way = new int[m + 1];
    double[] minimum = new double[m + 1];
    boolean[] used = new boolean[m + 1];
    for (int i = 1; i <= n; i++) {
      rowOf[0] = i;
      int j0 = 0;
      Arrays.fill(minimum, Double.POSITIVE_INFINITY);
      Arrays.fill(used, false);
      do {
        used[j0] = true;
        int i0 = rowOf[j0];
        double delta = Double.POSITIVE_INFINITY;
        int j1 = 0;
        for (int j = 1; j <= m; j++) {
          if (!used[j]) {
            double reduced = cost.at(i0 - 1, j - 1) - u[i0] - v[j];
            if (reduced < minimum[j]) {
              minimum[j] = reduced;
              way[j] = j0;
            }
            if (minimum[j] < delta) {
              delta = minimum[j];
              j1 = j;
            }
          }
        }
        for (int j = 0; j <= m; j++) {
          if (used[j]) {
            u[rowOf[j]] += delta;
            v[j] -= delta;
          } else {
            minimum[j] -= delta;
          }
        }
        j0 = j1;
      } while (rowOf[j0] != 0);
      do {
        int j1 = way[j0];
        rowOf[j0] = rowOf[j1];
        j0 = j1;
      } while (j0 != 0);
    }
    int[] columnOf = new int[n];
    for (int j = 1; j <= m; j++) {
      if (rowOf[j] != 0) {
        columnOf[rowOf[j] - 1] = j - 1;
      }
    }
    return columnOf;
  }
}
