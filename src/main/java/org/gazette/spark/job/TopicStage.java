package org.gazette.spark.job;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.gazette.spark.DateRange;
import org.gazette.spark.Fmt;
import org.gazette.spark.RowValues;
import org.gazette.spark.store.Table;
import org.gazette.spark.store.TopicModelStore;
import org.gazette.spark.tables.TopicTables;
import org.gazette.spark.tables.TopicTimeline;
import org.gazette.spark.tables.TopicTraining;
import org.gazette.topic.TopicModel;
import org.gazette.topic.TrackedTopics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code topic_timeline}, {@code article_topics} and {@code topics}: each original article's
 * learned topics and the tracked topics it matches, summed per date. The model a pass uses is the
 * one its dates were given before (so that a date run again gets the rows it had), else the newest
 * trained on dates up to the run's last date, else one trained on the pass's own articles.
 */
public final class TopicStage implements Stage {

  /** The tables it writes, in order. */
  public static final List<Table> TABLES =
      List.of(Table.TOPIC_TIMELINE, Table.ARTICLE_TOPICS, Table.TOPICS);

  private static final Logger LOG = LoggerFactory.getLogger(TopicStage.class);

  /**
   * @param model how a first model is trained; absent: no learned topics, tracked ones only
   * @param tracked the tracked topics; absent: none
   */
  public record Settings(Optional<TopicTraining.Settings> model, Optional<TrackedTopics> tracked) {
    public Settings {
      if (model.isEmpty() && tracked.isEmpty()) {
        throw new IllegalArgumentException("a topic stage needs a model or tracked topics");
      }
    }

    /** Topics of a learned model, trained with {@code training} when none fits; none tracked. */
    public static Settings learning(TopicTraining.Settings training) {
      return new Settings(Optional.of(training), Optional.empty());
    }

    /** The same stage, with {@code topics} tracked too. */
    public Settings withTracked(TrackedTopics topics) {
      return new Settings(model, Optional.of(topics));
    }
  }

  private final Settings settings;

  public TopicStage(Settings settings) {
    this.settings = settings;
  }

  @Override
  public String name() {
    return "topics";
  }

  @Override
  public List<Table> tables() {
    return TABLES;
  }

  @Override
  public void run(Night night) {
    Pass pass = night.pass();
    TopicModelStore models = new TopicModelStore(night.spark(), pass.store());
    TopicModel model = null;
    boolean trained = false;
    if (settings.model().isPresent()) {
      model = modelOfTheDates(night, models);
      if (model == null) {
        model = models.newest(night.runLastDate());
      }
      if (model == null) {
        model = pass.job("train a first topic model", () -> train(night));
        if (model != null) {
          models.save(model);
          trained = true;
        }
      }
      if (model != null) {
        LOG.info("inferring topics with model {}", model.modelId());
      }
    }
    TrackedTopics tracked = settings.tracked().orElse(null);
    Dataset<Row> parts = pass.keep(TopicTimeline.parts(night.originals(), model, tracked));
    night.write(Table.TOPIC_TIMELINE, TopicTimeline.timeline(parts, night.originals()));
    night.write(Table.ARTICLE_TOPICS, TopicTimeline.articleTopics(parts));
    night.write(
        Table.TOPICS,
        TopicTables.topicsTable(night.spark(), pass.store(), trained ? model : null, tracked));
  }

  /**
   * The learned model the committed {@code topic_timeline} of the pass's dates was inferred with,
   * when they agree on one and it is still stored; else null.
   */
  private static TopicModel modelOfTheDates(Night night, TopicModelStore models) {
    Dataset<Row> stored = night.current(Table.TOPIC_TIMELINE);
    if (stored == null) {
      return null;
    }
    List<Row> ids =
        night
            .dates()
            .filter(stored)
            .where(col("model_id").notEqual(TopicTimeline.TRACKED))
            .select("model_id")
            .distinct()
            .limit(2)
            .collectAsList();
    return ids.size() == 1 ? models.find(ids.get(0).getString(0)) : null;
  }

  /** A first model, trained on the pass's own articles; null when no language has enough. */
  private TopicModel train(Night night) {
    TopicTraining.Settings training = settings.model().orElseThrow();
    Dataset<Row> articleTerms = night.staged(Table.ARTICLE_TERMS);
    long began = System.nanoTime();
    TopicModel model =
        TopicTraining.train(
            night.spark(),
            TopicModelStore.newModelId(Instant.now()),
            trainedOn(articleTerms).toString(),
            articleTerms,
            night.staged(Table.TERM_FREQUENCIES),
            training,
            null);
    if (model == null) {
      LOG.warn(
          "no topic model: no language has {} articles with terms in this run; "
              + "topic_timeline holds tracked topics only",
          training.minArticles());
    } else {
      LOG.info("trained topic model {} in {}", model.modelId(), Fmt.since(began));
    }
    return model;
  }

  /** The dates {@code articleTerms} hold, from the first to the last. */
  static DateRange trainedOn(Dataset<Row> articleTerms) {
    Row span = articleTerms.agg(min("date"), max("date")).first();
    if (span.isNullAt(0)) {
      return DateRange.ALL;
    }
    LocalDate first = RowValues.localDate(span.get(0));
    LocalDate last = RowValues.localDate(span.get(1));
    return new DateRange(first, last);
  }
}
