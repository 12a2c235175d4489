package org.gazette.entity;

import java.util.ArrayList;
import java.util.List;
import org.gazette.entity.EntityLinker.ArticleEntity;

/**
 * The pairs of entities an article names together, with the number of its sentences that name both.
 * An article naming n entities holds n(n-1)/2 pairs; only its {@code limit} most mentioned entities
 * are paired, which bounds the pairs per article at limit(limit-1)/2, and the pairs left out are
 * counted.
 */
public final class CoOccurrence {

  /** A pair, {@code a < b} (by id), and the sentences naming both. */
  public record Pair(String a, String b, int sentences) {}

  /** The pairs of an article and how many the limit left out. */
  public record Pairs(List<Pair> pairs, long dropped) {}

  private CoOccurrence() {}

  /**
   * The pairs among {@code entities}, which must be ordered most mentioned first (as {@link
   * EntityLinker#link} returns them).
   */
  public static Pairs of(List<ArticleEntity> entities, int limit) {
    if (limit < 2) {
      throw new IllegalArgumentException("the pair limit must be at least 2, not " + limit);
    }
    int n = entities.size();
    int kept = Math.min(n, limit);
    List<Pair> pairs = new ArrayList<>(kept * (kept - 1) / 2);
    for (int i = 0; i < kept; i++) {
      for (int j = i + 1; j < kept; j++) {
        ArticleEntity x = entities.get(i);
        ArticleEntity y = entities.get(j);
        int shared = intersection(x.sentences(), y.sentences());
        pairs.add(
            x.id().compareTo(y.id()) < 0
                ? new Pair(x.id(), y.id(), shared)
                : new Pair(y.id(), x.id(), shared));
      }
    }
    long all = (long) n * (n - 1) / 2;
    return new Pairs(pairs, all - pairs.size());
  }

  /** Size of the intersection of two ascending arrays. */
  static int intersection(int[] a, int[] b) {
    int i = 0;
    int j = 0;
    int shared = 0;
    while (i < a.length && j < b.length) {
      if (a[i] == b[j]) {
        shared++;
        i++;
        j++;
      } else if (a[i] < b[j]) {
        i++;
      } else {
        j++;
      }
    }
    return shared;
  }
}
