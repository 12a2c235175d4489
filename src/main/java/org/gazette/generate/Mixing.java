package org.gazette.generate;

/** SplitMix64's finaliser: turns (seed, index) pairs into well-spread, reproducible seeds. */
final class Mixing {

  private Mixing() {}

  static long mix(long seed, long value) {
    long z = seed * 0x9E3779B97F4A7C15L + value;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
