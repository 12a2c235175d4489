package org.gazette.spark.tables;

import static org.apache.spark.sql.functions.col;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.gazette.spark.store.Table;
import org.gazette.spark.store.TableStore;
import org.gazette.spark.store.TopicModelStore;
import org.gazette.topic.TopicLabels;
import org.gazette.topic.TopicModel;
import org.gazette.topic.TrackedTopics;

/** The {@code topics} table: the topics of every stored model and the tracked topics. */
public final class TopicTables {

  private TopicTables() {}

  /**
   * The {@code topics} table: the stored rows of earlier models, those of {@code model} (null: none
   * new), and the tracked topics as they are defined now.
   */
  public static Dataset<Row> topicsTable(
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
