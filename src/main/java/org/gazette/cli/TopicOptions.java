package org.gazette.cli;

import org.gazette.spark.tables.TopicTraining;
import picocli.CommandLine.Option;

/**
 * How topic models are trained: by {@code topics train}, and by {@code nightly} when there is no
 * model yet.
 */
public final class TopicOptions {

  @Option(
      names = "--k",
      defaultValue = "20",
      description =
          "topics per language at most: a language gets one per 100 articles it is "
              + "trained on, at least 4 (default: ${DEFAULT-VALUE})")
  int topics;

  @Option(
      names = "--min-docs",
      defaultValue = "5",
      description =
          "vocabulary: terms found in at least this many articles " + "(default: ${DEFAULT-VALUE})")
  int minDocs;

  @Option(
      names = "--max-doc-share",
      defaultValue = "0.3",
      description =
          "vocabulary: terms found in at most this share of the articles "
              + "(default: ${DEFAULT-VALUE})")
  double maxDocShare;

  @Option(
      names = "--vocabulary",
      defaultValue = "20000",
      description =
          "vocabulary: at most this many terms per language, the most widespread "
              + "(default: ${DEFAULT-VALUE})")
  int vocabulary;

  @Option(
      names = "--min-articles",
      defaultValue = "100",
      description =
          "train a language only with at least this many articles " + "(default: ${DEFAULT-VALUE})")
  int minArticles;

  @Option(
      names = "--max-articles",
      defaultValue = "200000",
      description =
          "train on a random sample of at most about this many articles per "
              + "language (default: ${DEFAULT-VALUE})")
  long maxArticles;

  @Option(
      names = "--iterations",
      defaultValue = "60",
      description = "mini-batch iterations of online LDA (default: ${DEFAULT-VALUE})")
  int iterations;

  @Option(
      names = "--min-similarity",
      defaultValue = "0.5",
      description =
          "a new topic keeps the id of the previous model's topic whose term "
              + "distribution it matches with at least this cosine similarity "
              + "(default: ${DEFAULT-VALUE})")
  double minSimilarity;

  @Option(
      names = "--seed",
      defaultValue = "1",
      description = "random seed of the sample and of LDA (default: ${DEFAULT-VALUE})")
  long seed;

  /** The settings, checked: a bad value is a usage error that names the option. */
  public TopicTraining.Settings settings() {
    return new TopicTraining.Settings(
        topics,
        minDocs,
        maxDocShare,
        vocabulary,
        minArticles,
        maxArticles,
        iterations,
        minSimilarity,
        seed);
  }
}
