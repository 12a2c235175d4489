package org.gazette.cli;

import java.util.Optional;
import org.gazette.spark.job.TopicStage;
import org.gazette.spark.tables.TopicTraining;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The topics of a night: learned ones with the newest model, and tracked ones. */
public final class NightTopicOptions {

  @Option(
      names = "--topics",
      negatable = true,
      defaultValue = "true",
      fallbackValue = "true",
      description =
          "infer each article's topics with the newest model in <output>/topic_models "
              + "(training one on this run's articles when there is none) and write topic_timeline "
              + "(default: ${DEFAULT-VALUE}; --no-topics: tracked topics only)")
  boolean topics;

  @Mixin TrackedOptions tracked;

  @Mixin TopicOptions training;

  /** The topic stage, checked; empty with neither learned nor tracked topics. */
  public Optional<TopicStage> stage(ReferenceOption reference) {
    var model =
        topics ? Optional.of(training.settings()) : Optional.<TopicTraining.Settings>empty();
    var trackedTopics = tracked.load(reference);
    return model.isEmpty() && trackedTopics.isEmpty()
        ? Optional.empty()
        : Optional.of(new TopicStage(new TopicStage.Settings(model, trackedTopics)));
  }
}
