package org.gazette.cli;

import java.util.Optional;
import org.gazette.spark.job.TrendStage;
import org.gazette.trend.TrendSettings;
import picocli.CommandLine.Option;

/** How {@code term_trends} is scored. */
public final class TrendOptions {

  @Option(
      names = "--trends",
      negatable = true,
      defaultValue = "true",
      fallbackValue = "true",
      description = "write term_trends (default: ${DEFAULT-VALUE})")
  boolean trends;

  @Option(
      names = "--trend-window",
      defaultValue = "28",
      description = "days before a date that make its baseline (default: ${DEFAULT-VALUE})")
  int window;

  @Option(
      names = "--trend-min-history",
      defaultValue = "7",
      description =
          "days of the window with articles needed to score a date "
              + "(default: ${DEFAULT-VALUE})")
  int minHistory;

  @Option(
      names = "--trend-min-like-days",
      defaultValue = "4",
      description =
          "weekend days (for a Saturday or Sunday) or weekdays of the window needed "
              + "to compare a date with its like days only (default: ${DEFAULT-VALUE})")
  int minLikeDays;

  @Option(
      names = "--trend-min-support",
      defaultValue = "5",
      description =
          "articles that must show a term or entity on the date " + "(default: ${DEFAULT-VALUE})")
  long minSupport;

  @Option(
      names = "--trend-min-score",
      defaultValue = "3.0",
      description = "least score kept (default: ${DEFAULT-VALUE})")
  double minScore;

  @Option(
      names = "--trend-top",
      defaultValue = "50",
      description = "rows kept per date, language and kind (default: ${DEFAULT-VALUE})")
  int top;

  /** The trend stage, checked; empty with {@code --no-trends}. */
  public Optional<TrendStage> stage() {
    TrendSettings settings =
        new TrendSettings(window, minHistory, minLikeDays, minSupport, minScore, top);
    return trends ? Optional.of(new TrendStage(settings)) : Optional.empty();
  }
}
