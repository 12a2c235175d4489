package org.gazette.spark.job;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.gazette.UsageException;
import org.gazette.spark.DateRange;
import org.gazette.spark.store.Table;
import org.gazette.spark.store.TopicModelStore;
import org.gazette.spark.tables.TopicTables;
import org.gazette.spark.tables.TopicTraining;
import org.gazette.topic.TopicModel;
import org.gazette.topic.TrackedTopics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code topics train}: fits a topic model on the stored {@code article_terms} and {@code
 * term_frequencies} of a date range, saves it under the output folder (versioned: models are never
 * replaced) and lists its topics in {@code topics}, in one pass of its run frame.
 */
public final class TopicsTrainJob {

  private static final Logger LOG = LoggerFactory.getLogger(TopicsTrainJob.class);

  private TopicsTrainJob() {}

  /** Trains and saves a model over {@code range} of the tables in {@code output}; returns it. */
  public static TopicModel train(
      SparkSession spark,
      String output,
      DateRange range,
      TopicTraining.Settings settings,
      Optional<TrackedTopics> tracked) {
    try (RunFrame frame = RunFrame.open(spark, output, "topics train", range.toString());
        Pass pass = frame.pass(range)) {
      Dataset<Row> articleTerms = pass.current(Table.ARTICLE_TERMS);
      Dataset<Row> termFrequencies = pass.current(Table.TERM_FREQUENCIES);
      if (articleTerms == null || termFrequencies == null) {
        throw pass.fail(
            new UsageException(
                "no article_terms in " + output + ": run `gazette nightly` on the articles first"));
      }
      try {
        Dataset<Row> articles = range.filter(articleTerms);
        TopicModelStore models = new TopicModelStore(spark, pass.store());
        TopicModel previous = models.newest();
        TopicModel model =
            pass.job(
                "train topic models on " + range,
                () ->
                    TopicTraining.train(
                        spark,
                        TopicModelStore.newModelId(Instant.now()),
                        TopicStage.trainedOn(articles).toString(),
                        articles,
                        range.filter(termFrequencies),
                        settings,
                        previous));
        if (model == null) {
          throw new UsageException(
              "no language has "
                  + settings.minArticles()
                  + " articles with terms in "
                  + range
                  + " in "
                  + output
                  + ": widen the dates or lower --min-articles");
        }
        models.save(model);
        pass.write(
            Table.TOPICS,
            TopicTables.topicsTable(spark, pass.store(), model, tracked.orElse(null)));
        pass.commit(true); // a table that is not daily, and no date done
        LOG.info(
            "saved topic model {} ({} languages, {} topics) to {}",
            model.modelId(),
            model.languages().size(),
            model.languages().values().stream().mapToInt(l -> l.topics().size()).sum(),
            output);
        return model;
      } catch (Exception e) { // SparkException too, which Spark throws undeclared
        throw pass.fail(e);
      }
    }
  }

  /** The tables a run of {@code topics train} writes. */
  public static List<Table> tables() {
    return List.of(Table.TOPICS);
  }
}
