package org.gazette.spark;

import java.util.Locale;

/** How Gazette's log lines write counts and durations: "12,345 rows in 4.2 s". */
public final class Fmt {

  private Fmt() {}

  /** {@code n} with thousands separators. */
  public static String count(long n) {
    return String.format(Locale.ROOT, "%,d", n);
  }

  /** The seconds since {@code startNanos} ({@link System#nanoTime()}), to a tenth. */
  public static String since(long startNanos) {
    return String.format(Locale.ROOT, "%.1f s", (System.nanoTime() - startNanos) / 1e9);
  }
}
