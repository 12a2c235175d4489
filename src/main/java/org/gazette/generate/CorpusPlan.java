package org.gazette.generate;

import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The day-level shape of a synthetic corpus, derived from its spec alone: how many articles each
 * day has (weekends are quieter), how much each topic is talked about each day (slow drifts, each
 * topic with its own period), and the planted bursts, when one entity or noun of a topic suddenly
 * dominates for one to three days.
 */
final class CorpusPlan {

  /** Relative volume of the topics, in {@link Content#TOPICS} order. */
  private static final double[] TOPIC_BASE = {0.18, 0.16, 0.16, 0.10, 0.10, 0.12, 0.12, 0.06};

  /** How much a bursting topic's weight is multiplied by: well above the drift's range. */
  static final double BURST_BOOST = 4.0;

  /** Amplitude of a topic's slow drift, in log space: weights vary by e^±0.4, ×0.67 to ×1.5. */
  static final double DRIFT = 0.4;

  /**
   * A planted burst: on days {@code startDay .. startDay + length - 1}, articles of {@code topic}
   * feature the entity at {@code entity} (an index into the topic's entities of that kind) or, when
   * {@code entity < 0}, the noun of rank {@code noun}.
   */
  record Burst(int startDay, int length, int topic, int entity, int noun) {
    boolean covers(int day) {
      return day >= startDay && day < startDay + length;
    }
  }

  private final CorpusSpec spec;
  private final long[] dayEnd;
  private final double[][] cumulativeTopics;
  private final List<Burst> bursts;

  CorpusPlan(CorpusSpec spec, int entitiesPerTopic) {
    this.spec = spec;
    SplittableRandom random = new SplittableRandom(Mixing.mix(spec.seed(), 0x9A1AL));
    int days = spec.days();
    double[] volume = new double[days];
    double total = 0;
    for (int d = 0; d < days; d++) {
      DayOfWeek weekday = spec.start().plusDays(d).getDayOfWeek();
      double base = weekday == DayOfWeek.SATURDAY ? 0.6 : weekday == DayOfWeek.SUNDAY ? 0.5 : 1.0;
      volume[d] = base * (0.85 + 0.3 * random.nextDouble());
      total += volume[d];
    }
    dayEnd = new long[days];
    double running = 0;
    for (int d = 0; d < days; d++) {
      running += volume[d];
      dayEnd[d] = d == days - 1 ? spec.articles() : Math.round(spec.articles() * running / total);
    }

    int topics = Content.TOPICS.size();
    List<Burst> planted = new ArrayList<>();
    int burstCount = Math.max(1, days / 4);
    // Bursts of one topic never overlap, and at most two topics burst on one day, so that
    // each burst stands out against its topic's usual share.
    int[] burstingOn = new int[days];
    for (int attempt = 0; planted.size() < burstCount && attempt < burstCount * 20; attempt++) {
      int start = random.nextInt(days);
      int length = Math.min(1 + random.nextInt(3), days - start);
      int topic = random.nextInt(topics);
      boolean entity = random.nextDouble() < 0.6;
      int entityIndex = random.nextInt(Math.max(1, entitiesPerTopic));
      int noun = 3 + random.nextInt(20);
      boolean free = true;
      for (int d = start; d < start + length; d++) {
        free &= burstingOn[d] < 2;
        for (Burst other : planted) {
          free &= !(other.topic() == topic && other.covers(d));
        }
      }
      if (!free) {
        continue;
      }
      for (int d = start; d < start + length; d++) {
        burstingOn[d]++;
      }
      planted.add(new Burst(start, length, topic, entity ? entityIndex : -1, entity ? -1 : noun));
    }
    planted.sort((x, y) -> Integer.compare(x.startDay(), y.startDay()));
    bursts = Collections.unmodifiableList(planted);

    double[] period = new double[topics];
    double[] phase = new double[topics];
    for (int k = 0; k < topics; k++) {
      period[k] = 7 + random.nextDouble() * 35;
      phase[k] = random.nextDouble() * 2 * Math.PI;
    }
    cumulativeTopics = new double[days][topics];
    for (int d = 0; d < days; d++) {
      double sum = 0;
      for (int k = 0; k < topics; k++) {
        double w =
            TOPIC_BASE[k] * Math.exp(DRIFT * Math.sin(2 * Math.PI * d / period[k] + phase[k]));
        for (Burst burst : bursts) {
          if (burst.topic() == k && burst.covers(d)) {
            w *= BURST_BOOST;
          }
        }
        sum += w;
        cumulativeTopics[d][k] = sum;
      }
      for (int k = 0; k < topics; k++) {
        cumulativeTopics[d][k] /= sum;
      }
    }
  }

  CorpusSpec spec() {
    return spec;
  }

  List<Burst> bursts() {
    return bursts;
  }

  /** The day (0-based) of the article at {@code index}. */
  int dayOf(long index) {
    int lo = 0;
    int hi = dayEnd.length - 1;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (dayEnd[mid] > index) {
        hi = mid;
      } else {
        lo = mid + 1;
      }
    }
    return lo;
  }

  /** The topic of an article on {@code day}, for a uniform draw {@code u}. */
  int topicOf(int day, double u) {
    double[] c = cumulativeTopics[day];
    for (int k = 0; k < c.length; k++) {
      if (u < c[k]) {
        return k;
      }
    }
    return c.length - 1;
  }

  /** Share of {@code topic} among the articles of {@code day}. */
  double topicShare(int day, int topic) {
    double[] c = cumulativeTopics[day];
    return topic == 0 ? c[0] : c[topic] - c[topic - 1];
  }

  /** The burst of {@code topic} on {@code day}, or null. */
  Burst burst(int day, int topic) {
    for (Burst b : bursts) {
      if (b.topic() == topic && b.covers(day)) {
        return b;
      }
    }
    return null;
  }
}
