package org.gazette.spark.tables;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.round;
import static org.apache.spark.sql.functions.sum;

import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.gazette.spark.RowValues;
import org.gazette.spark.store.Table;
import org.gazette.topic.TopicInference;
import org.gazette.topic.TopicModel;
import org.gazette.topic.TrackedTopics;

/**
 * {@code topic_timeline}: each article's topic mixture, inferred with the newest model from the
 * terms the nightly pass counted, and the tracked topics its terms and entities match, summed per
 * date, model, topic and language. Per task, articles are summed in memory, so only a few rows per
 * date and topic leave it; an article's own rows leave as it is read.
 */
public final class TopicTimeline {

  /** The model id of the topics users define in the reference data. */
  public static final String TRACKED = "tracked";

  /** Rows of {@link #parts}: an article's topic, or a partial sum of a task. */
  static final int ARTICLE = 0;

  static final int SUM = 1;

  private static final StructType PARTS =
      DataTypes.createStructType(
          List.of(
              DataTypes.createStructField("kind", DataTypes.IntegerType, false),
              DataTypes.createStructField("date", DataTypes.DateType, false),
              DataTypes.createStructField("id", DataTypes.StringType, true),
              DataTypes.createStructField("model_id", DataTypes.StringType, false),
              DataTypes.createStructField("topic_id", DataTypes.IntegerType, false),
              DataTypes.createStructField("language", DataTypes.StringType, false),
              DataTypes.createStructField("doc_count", DataTypes.LongType, false),
              DataTypes.createStructField("weight", DataTypes.DoubleType, false)));

  private TopicTimeline() {}

  /**
   * One pass of inference over {@code articles} (original articles with {@code date, id, language,
   * terms, term_counts, entity_ids}) for {@code model} and {@code tracked}, either of which may be
   * null: each article's main topic and tracked topics, and per task the sums of the mixtures.
   * Worth caching: {@link #timeline} and {@link #articleTopics} both read it.
   */
  public static Dataset<Row> parts(Dataset<Row> articles, TopicModel model, TrackedTopics tracked) {
    return articles
        .select("date", "id", "language", "terms", "term_counts", "entity_ids")
        .mapPartitions(new Summing(model, tracked), Encoders.row(PARTS));
  }

  /** {@code topic_timeline} from the {@link #parts} of {@code articles}. */
  public static Dataset<Row> timeline(Dataset<Row> parts, Dataset<Row> articles) {
    Dataset<Row> summed =
        parts
            .where(col("kind").equalTo(SUM))
            .groupBy("date", "model_id", "topic_id", "language")
            .agg(sum("doc_count").as("doc_count"), sum("weight").as("weight"));
    Dataset<Row> volumes = articles.groupBy("date", "language").agg(count(lit(1)).as("articles"));
    return DailyTables.conform(
        summed
            .join(volumes, new String[] {"date", "language"})
            // Rounded: sums of fractions in another order differ in their last bits, and the
            // table must not depend on how the work was split.
            .withColumn("share", round(col("weight").divide(col("articles")), 9))
            .withColumn("weight", round(col("weight"), 9)),
        Table.TOPIC_TIMELINE);
  }

  /** {@code article_topics} from {@link #parts}. */
  public static Dataset<Row> articleTopics(Dataset<Row> parts) {
    return DailyTables.conform(
        parts.where(col("kind").equalTo(ARTICLE)).withColumn("weight", round(col("weight"), 9)),
        Table.ARTICLE_TOPICS);
  }

  /** Sums the mixtures and tracked matches of a task's articles. */
  private static final class Summing implements MapPartitionsFunction<Row, Row> {
    private static final long serialVersionUID = 1L;

    private final TopicModel model;
    private final TrackedTopics tracked;

    Summing(TopicModel model, TrackedTopics tracked) {
      this.model = model;
      this.tracked = tracked;
    }

    private record Key(LocalDate date, String modelId, int topicId, String language) {}

    @Override
    public Iterator<Row> call(Iterator<Row> rows) {
      return new Iterator<>() {
        private final Map<Key, double[]> sums = new HashMap<>();
        private final ArrayDeque<Row> ready = new ArrayDeque<>();
        private final TopicModel.Scratch scratch = new TopicModel.Scratch();
        private final Set<String> termSet = new HashSet<>();
        private final Set<String> entitySet = new HashSet<>();
        private boolean summed;

        @Override
        public boolean hasNext() {
          while (ready.isEmpty() && rows.hasNext()) {
            add(rows.next());
          }
          if (ready.isEmpty() && !summed) {
            summed = true;
            for (Map.Entry<Key, double[]> e : sums.entrySet()) {
              Key k = e.getKey();
              ready.add(
                  RowFactory.create(
                      SUM,
                      k.date(),
                      null,
                      k.modelId(),
                      k.topicId(),
                      k.language(),
                      (long) e.getValue()[0],
                      e.getValue()[1]));
            }
            sums.clear();
          }
          return !ready.isEmpty();
        }

        @Override
        public Row next() {
          if (!hasNext()) {
            throw new NoSuchElementException();
          }
          return ready.poll();
        }

        /** Queues an article's rows and adds it to the sums, which stay per date and topic. */
        private void add(Row r) {
          LocalDate date = RowValues.localDate(r.get(0));
          String id = r.getString(1);
          String language = r.getString(2);
          String[] terms =
              r.isNullAt(3) ? new String[0] : r.<String>getList(3).toArray(new String[0]);
          long[] counts = new long[terms.length];
          if (!r.isNullAt(4)) {
            List<Long> c = r.getList(4);
            for (int i = 0; i < counts.length; i++) {
              counts[i] = c.get(i);
            }
          }
          if (model != null) {
            double[] mixture = model.mixture(language, terms, counts, scratch);
            if (mixture != null) {
              List<TopicModel.Topic> topics = model.languages().get(language).topics();
              int main = TopicInference.dominant(mixture);
              ready.add(
                  RowFactory.create(
                      ARTICLE,
                      date,
                      id,
                      model.modelId(),
                      topics.get(main).id(),
                      language,
                      1L,
                      mixture[main]));
              for (int t = 0; t < mixture.length; t++) {
                double[] s =
                    sums.computeIfAbsent(
                        new Key(date, model.modelId(), topics.get(t).id(), language),
                        k -> new double[2]);
                s[0] += t == main ? 1 : 0;
                s[1] += mixture[t];
              }
            }
          }
          if (tracked != null) {
            termSet.clear();
            entitySet.clear();
            for (String term : terms) {
              termSet.add(term);
            }
            if (!r.isNullAt(5)) {
              entitySet.addAll(r.<String>getList(5));
            }
            int[] matched = tracked.matching(termSet, entitySet);
            for (int topic : matched) {
              double[] s =
                  sums.computeIfAbsent(new Key(date, TRACKED, topic, language), k -> new double[2]);
              s[0] += 1;
              s[1] += 1.0 / matched.length;
              ready.add(
                  RowFactory.create(
                      ARTICLE, date, id, TRACKED, topic, language, 1L, 1.0 / matched.length));
            }
          }
        }
      };
    }
  }
}
