package org.gazette.ner;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Precision, recall and F1 of predicted names against gold ones, per type and overall, counting a
 * name right only when its tokens and its type are exactly those of a gold name (CoNLL).
 */
public final class SpanScores {

  private static final int TYPES = EntityType.values().length;

  private final long[] truePositives = new long[TYPES];
  private final long[] falsePositives = new long[TYPES];
  private final long[] falseNegatives = new long[TYPES];

  /** Adds one text's gold and predicted names. */
  public void add(List<NameSpan> gold, List<NameSpan> predicted) {
    Set<Long> goldKeys = new HashSet<>();
    for (NameSpan g : gold) {
      goldKeys.add(key(g));
    }
    Set<Long> predictedKeys = new HashSet<>();
    for (NameSpan p : predicted) {
      long k = key(p);
      predictedKeys.add(k);
      if (goldKeys.contains(k)) {
        truePositives[p.type().ordinal()]++;
      } else {
        falsePositives[p.type().ordinal()]++;
      }
    }
    for (NameSpan g : gold) {
      if (!predictedKeys.contains(key(g))) {
        falseNegatives[g.type().ordinal()]++;
      }
    }
  }

  private static long key(NameSpan s) {
    return ((long) s.start() << 34) | ((long) s.end() << 3) | s.type().ordinal();
  }

  public long truePositives(EntityType type) {
    return truePositives[type.ordinal()];
  }

  public long falsePositives(EntityType type) {
    return falsePositives[type.ordinal()];
  }

  public long falseNegatives(EntityType type) {
    return falseNegatives[type.ordinal()];
  }

  /** Precision of one type (null: all types); 0 when nothing was predicted. */
  public double precision(EntityType type) {
    long tp = sum(truePositives, type);
    long fp = sum(falsePositives, type);
    return tp + fp == 0 ? 0 : (double) tp / (tp + fp);
  }

  /** Recall of one type (null: all types); 0 when there is nothing to find. */
  public double recall(EntityType type) {
    long tp = sum(truePositives, type);
    long fn = sum(falseNegatives, type);
    return tp + fn == 0 ? 0 : (double) tp / (tp + fn);
  }

  /** Harmonic mean of precision and recall (null: all types). */
  public double f1(EntityType type) {
    double p = precision(type);
    double r = recall(type);
    return p + r == 0 ? 0 : 2 * p * r / (p + r);
  }

  /** Gold names of one type (null: all). */
  public long gold(EntityType type) {
    return sum(truePositives, type) + sum(falseNegatives, type);
  }

  private static long sum(long[] counts, EntityType type) {
    if (type != null) {
      return counts[type.ordinal()];
    }
    long s = 0;
    for (long c : counts) {
      s += c;
    }
    return s;
  }

  /** A table: one line per type with gold names, then the overall line. */
  public String table() {
    StringBuilder out =
        new StringBuilder(
            String.format(Locale.ROOT, "%-8s %8s %8s %8s %8s%n", "type", "gold", "P", "R", "F1"));
    for (EntityType t : EntityType.values()) {
      if (gold(t) + sum(falsePositives, t) > 0) {
        out.append(line(t.name(), t));
      }
    }
    out.append(line("overall", null));
    return out.toString();
  }

  private String line(String name, EntityType t) {
    return String.format(
        Locale.ROOT, "%-8s %8d %8.4f %8.4f %8.4f%n", name, gold(t), precision(t), recall(t), f1(t));
  }
}
