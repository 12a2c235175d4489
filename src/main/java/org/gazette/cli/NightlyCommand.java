package org.gazette.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import org.gazette.spark.DateRange;
import org.gazette.spark.job.NightlyJob;
import org.gazette.spark.job.Stage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code gazette nightly}: annotate the given dates once and write every daily table. */
@Command(
    name = "nightly",
    mixinStandardHelpOptions = true,
    description = {
      "Annotate the articles of the given dates once, then write every daily table for those",
      "dates. Without date options: every date in the input. Re-running a date replaces that",
      "date's partitions and nothing else."
    })
public final class NightlyCommand implements Callable<Integer> {

  @Mixin InputOptions input;

  @Option(
      names = "--output",
      defaultValue = "out",
      paramLabel = "FOLDER",
      description = "folder of the output tables (default: ${DEFAULT-VALUE})")
  String output;

  @Mixin DateOptions dates;

  @Mixin PassOptions passes;

  @Mixin AnalysisOptions analysis;

  @Mixin EntityOptions entities;

  @Mixin NightTopicOptions topics;

  @Mixin TrendOptions trends;

  @Mixin SparkOptions spark;

  /** The night the options describe, checked: a bad value is a usage error naming its option. */
  NightlyJob.Settings settings(DateRange range) {
    PathChecks.creatable("--output", output);
    List<Stage> stages = new ArrayList<>();
    stages.add(analysis.articles());
    entities.stage(analysis.reference()).ifPresent(stages::add);
    trends.stage().ifPresent(stages::add);
    topics.stage(analysis.reference()).ifPresent(stages::add);
    return new NightlyJob.Settings(
        input.settings(), output, analysis.settings(), passes.plan(range, dates), stages);
  }

  @Override
  public Integer call() {
    DateRange range = dates.range();
    NightlyJob.Settings settings = settings(range);
    SparkSession session = spark.session("nightly");
    try {
      NightlyJob.run(session, settings, range);
      return 0;
    } finally {
      session.stop();
    }
  }
}
