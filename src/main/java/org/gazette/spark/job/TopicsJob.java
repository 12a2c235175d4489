package org.gazette.spark.job;

import static org.apache.spark.sql.functions.col;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.gazette.UsageException;
import org.gazette.spark.DateRange;
import org.gazette.spark.store.OutputLock;
import org.gazette.spark.store.RunLog;
import org.gazette.spark.store.Table;
import org.gazette.spark.store.TableStore;
import org.gazette.spark.store.TopicModelStore;
import org.gazette.spark.tables.TopicTimeline;
import org.gazette.spark.tables.TopicTraining;
import org.gazette.topic.TopicLabels;
import org.gazette.topic.TopicModel;
import org.gazette.topic.TrackedTopics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code topics train}: fits a topic model on the stored {@code article_terms} and {@code
 * term_frequencies} of a date range, saves it under the output folder and lists its topics in
 * {@code topics}.
 */
public final class TopicsJob {

  private static final Logger LOG = LoggerFactory.getLogger(TopicsJob.class);

  private TopicsJob() {}

  /** Trains and saves a model; returns it. */
  public static TopicModel train(
      SparkSession spark,
      String output,
      DateRange range,
      TopicTraining.Settings settings,
      TrackedTopics tracked) {
    Instant started = Instant.now();
    String runId = NightlyJob.newRunId(started);
    TableStore store = new TableStore(spark, output, runId);
    Dataset<Row> articleTerms = store.current(spark, Table.ARTICLE_TERMS);
    Dataset<Row> termFrequencies = store.current(spark, Table.TERM_FREQUENCIES);
    if (articleTerms == null || termFrequencies == null) {
      throw new UsageException(
          "no article_terms in " + output + ": run `gazette nightly` on the articles first");
    }
    String command = "topics train";
    NightlyJob.Counts none = new NightlyJob.Counts(0, 0, 0, 0);
    try (OutputLock lock =
        OutputLock.acquire(store.fileSystem(), store.root(), runId, command + " " + range)) {
      store.recover();
      TopicModel model =
          train(spark, store, output, range, settings, tracked, articleTerms, termFrequencies);
      RunLog.record(
          spark,
          store,
          runId,
          command,
          started,
          range,
          none,
          Map.of("topics", store.current(spark, Table.TOPICS).count()),
          null);
      return model;
    } catch (RuntimeException e) {
      if (!(e instanceof OutputLock.Held)) {
        RunLog.recordFailure(spark, store, runId, command, started, range, none, e);
      }
      throw e;
    }
  }

  private static TopicModel train(
      SparkSession spark,
      TableStore store,
      String output,
      DateRange range,
      TopicTraining.Settings settings,
      TrackedTopics tracked,
      Dataset<Row> articleTerms,
      Dataset<Row> termFrequencies) {
    try {
      Dataset<Row> articles = range.filter(articleTerms);
      TopicModelStore models = new TopicModelStore(spark, store);
      TopicModel previous = models.newest();
      spark.sparkContext().setJobDescription("train topic models on " + range);
      TopicModel model =
          TopicTraining.train(
              spark,
              TopicModelStore.newModelId(Instant.now()),
              range.toString(),
              articles,
              range.filter(termFrequencies),
              settings,
              previous);
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
      store.stage(Table.TOPICS, topicsTable(spark, store, model, tracked));
      store.commit(List.of(Table.TOPICS), DateRange.ALL); // not daily: no partitions
      LOG.info(
          "saved topic model {} ({} languages, {} topics) to {}",
          model.modelId(),
          model.languages().size(),
          model.languages().values().stream().mapToInt(l -> l.topics().size()).sum(),
          output);
      return model;
    } finally {
      store.cleanUp();
      spark.sparkContext().setJobDescription(null);
    }
  }

  /**
   * The {@code topics} table: the stored rows of earlier models, those of {@code model} (null: none
   * new), and the tracked topics as they are defined now.
   */
  static Dataset<Row> topicsTable(
      SparkSession spark, TableStore store, TopicModel model, TrackedTopics tracked) {
    List<Row> fresh = new ArrayList<>();
    if (model != null) {
      fresh.addAll(TopicModelStore.topicRows(model));
    }
    if (tracked != null) {
      for (org.gazette.topic.TrackedTopic t : tracked.topics()) {
        List<TopicLabels.TermWeight> terms = new ArrayList<>();
        for (String literal : t.literals()) {
          terms.add(new TopicLabels.TermWeight(literal, 1.0));
        }
        fresh.add(
            RowFactory.create(
                TopicTimeline.TRACKED,
                t.id(),
                null,
                t.name(),
                TopicModelStore.termRows(terms),
                t.rule().toString(),
                null,
                null));
      }
    }
    Dataset<Row> rows = spark.createDataFrame(fresh, Table.TOPICS.schema());
    Dataset<Row> stored = store.current(spark, Table.TOPICS);
    if (stored != null) {
      Dataset<Row> kept = stored.where(col("model_id").notEqual(TopicTimeline.TRACKED));
      if (model != null) {
        kept = kept.where(col("model_id").notEqual(model.modelId()));
      }
      // Read before the commit replaces the folder: the rows are materialised here.
      rows = spark.createDataFrame(kept.collectAsList(), Table.TOPICS.schema()).unionByName(rows);
    }
    return rows.orderBy("model_id", "language", "topic_id");
  }
}
