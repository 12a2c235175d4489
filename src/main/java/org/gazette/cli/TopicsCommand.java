package org.gazette.cli;

import java.util.Optional;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import org.gazette.spark.DateRange;
import org.gazette.spark.job.TopicsTrainJob;
import org.gazette.spark.tables.TopicTraining;
import org.gazette.topic.TrackedTopics;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code gazette topics}: train topic models on the stored terms of the articles. */
@Command(
    name = "topics",
    mixinStandardHelpOptions = true,
    description = "Topic models over the terms the nightly runs stored.",
    subcommands = {TopicsCommand.Train.class})
public final class TopicsCommand implements Runnable {

  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new picocli.CommandLine.ParameterException(
        spec.commandLine(), "name a subcommand: train");
  }

  /** {@code gazette topics train}. */
  @Command(
      name = "train",
      mixinStandardHelpOptions = true,
      description = {
        "Fit a topic model per language (Gazette's online LDA) on the article_terms of the",
        "given dates, with a vocabulary from their term_frequencies; save it under",
        "<output>/topic_models/<model_id> and list its topics in the topics table. Topics that",
        "match the previous model's keep their ids and labels. The next nightly runs use it."
      })
  public static final class Train implements Callable<Integer> {

    @Option(
        names = "--output",
        defaultValue = "out",
        paramLabel = "FOLDER",
        description = "folder of the output tables (default: ${DEFAULT-VALUE})")
    String output;

    @Mixin DateOptions dates;

    @Mixin TopicOptions topics;

    @Mixin TrackedOptions tracked;

    @Mixin ReferenceOption reference;

    @Mixin SparkOptions spark;

    @Override
    public Integer call() {
      DateRange range = dates.range();
      TopicTraining.Settings settings = topics.settings();
      Optional<TrackedTopics> trackedTopics = tracked.load(reference);
      spark.check();
      PathChecks.existing("--output", output, "; run `gazette nightly` on the articles first");
      SparkSession session = spark.session("topics train");
      try {
        TopicsTrainJob.train(session, output, range, settings, trackedTopics);
        return 0;
      } finally {
        session.stop();
      }
    }
  }
}
