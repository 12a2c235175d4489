package org.gazette.bench;

import static org.apache.spark.sql.functions.col;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import org.gazette.generate.CorpusSpec;
import org.gazette.spark.DateRange;
import org.gazette.spark.SparkSessions;
import org.gazette.spark.input.ArticleInput;
import org.gazette.spark.job.NightlyJob;
import org.gazette.spark.job.TopicStage;
import org.gazette.spark.store.RunCounts;
import org.gazette.topic.TrackedTopics;

/**
 * Does a night's run cost grow with the history the output holds? Generates a corpus of {@code
 * --days} + 1 days ({@code --per-day} articles a day), laid out as a scheduler's input would be,
 * one {@code date=} folder per day, then builds two outputs: one holding the 30 days before the
 * last day, one holding all {@code --days} (each built by a one-pass nightly run, entities, topics,
 * tracked topics and trends on). Then times {@code nightly --date LAST} on each, {@code --repeat}
 * times, alternating, and reports the medians and their ratio: a run that reads its history only as
 * stored daily results costs the same on both.
 */
public final class IncrementalBenchmark {

  private static final int SHORT_HISTORY = 30;

  private IncrementalBenchmark() {}

  public static void main(String[] args) throws Exception {
    Map<String, String> options =
        PipelineBenchmark.parse(args, "--days 300 --per-day 300 --repeat 3 --work PATH --master M");
    int days = Integer.parseInt(options.getOrDefault("days", "300"));
    int perDay = Integer.parseInt(options.getOrDefault("per-day", "300"));
    int repeat = Integer.parseInt(options.getOrDefault("repeat", "3"));
    Path work = Path.of(options.getOrDefault("work", "target/bench-incremental"));
    SparkSession spark =
        SparkSessions.create(
            "gazette incremental benchmark",
            options.get("master"),
            Map.of("spark.ui.enabled", "false"));
    try {
      run(spark, work, days, perDay, repeat);
    } finally {
      spark.stop();
    }
  }

  private static void run(SparkSession spark, Path work, int days, int perDay, int repeat)
      throws Exception {
    LocalDate start = LocalDate.of(2023, 1, 1);
    LocalDate last = start.plusDays(days);
    CorpusSpec spec = CorpusSpec.of((long) perDay * (days + 1), days + 1, start, 1);
    Path generated = work.resolve("corpus-" + days + "x" + perDay);
    PipelineBenchmark.generate(spark, spec, generated);
    Path byDay = work.resolve("by-day-" + days + "x" + perDay);
    if (!Files.exists(byDay.resolve("_SUCCESS"))) {
      // The input columns as generated, filed by the UTC date of publication.
      ArticleInput.read(spark, generated.toString(), Map.of())
          .select(
              col("id"),
              col("published_at_raw").as("published_at"),
              col("source"),
              col("url"),
              col("language"),
              col("title"),
              col("body"),
              col("date"))
          .write()
          .mode("overwrite")
          .partitionBy("date")
          .parquet(byDay.toString());
    }
    long lastDayRows =
        spark
            .read()
            .parquet(byDay.toString())
            .where(col("date").equalTo(java.sql.Date.valueOf(last)))
            .count();
    System.out.printf(
        Locale.ROOT,
        "corpus %s: %d days of %d articles, %,d rows on %s%n",
        byDay,
        days + 1,
        perDay,
        lastDayRows,
        last);

    Path shortOut = work.resolve("out-" + SHORT_HISTORY);
    Path longOut = work.resolve("out-" + days);
    build(spark, byDay, shortOut, new DateRange(last.minusDays(SHORT_HISTORY), last.minusDays(1)));
    build(spark, byDay, longOut, new DateRange(start, last.minusDays(1)));

    List<Double> shortTimes = new ArrayList<>();
    List<Double> longTimes = new ArrayList<>();
    for (int i = 0; i < repeat; i++) {
      shortTimes.add(night(spark, byDay, shortOut, last));
      longTimes.add(night(spark, byDay, longOut, last));
      System.out.printf(
          Locale.ROOT,
          "round %d: after %d days %.1f s, after %d days %.1f s%n",
          i + 1,
          SHORT_HISTORY,
          shortTimes.get(i),
          days,
          longTimes.get(i));
    }
    double shortMedian = median(shortTimes);
    double longMedian = median(longTimes);
    System.out.printf(
        Locale.ROOT,
        "nightly --date %s (%,d rows): median %.1f s after %d days"
            + " of history, %.1f s after %d days: ratio %.2f%n",
        last,
        lastDayRows,
        shortMedian,
        SHORT_HISTORY,
        longMedian,
        days,
        longMedian / shortMedian);
  }

  private static NightlyJob.Settings settings(Path input, Path out) {
    return NightlyJob.Settings.defaults(input.toString(), out.toString())
        .with(
            new TopicStage(
                TopicStage.Settings.learning(PipelineBenchmark.TOPICS)
                    .withTracked(TrackedTopics.bundled())));
  }

  /** The history: every date of {@code range} in one pass, unless built already. */
  private static void build(SparkSession spark, Path input, Path out, DateRange range)
      throws Exception {
    if (Files.exists(out.resolve("_done").resolve("date=" + range.to()))) {
      return;
    }
    long t = System.nanoTime();
    RunCounts counts = NightlyJob.run(spark, settings(input, out), range);
    System.out.printf(
        Locale.ROOT,
        "history %s: %,d articles in %.1f s%n",
        range,
        counts.accepted(),
        PipelineBenchmark.seconds(t));
  }

  private static double night(SparkSession spark, Path input, Path out, LocalDate day) {
    long t = System.nanoTime();
    NightlyJob.run(spark, settings(input, out), DateRange.of(day));
    return PipelineBenchmark.seconds(t);
  }

  private static double median(List<Double> values) {
    List<Double> sorted = new ArrayList<>(values);
    sorted.sort(null);
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }
}
