package org.gazette.spark.store;

import static org.apache.spark.sql.types.DataTypes.BooleanType;
import static org.apache.spark.sql.types.DataTypes.DateType;
import static org.apache.spark.sql.types.DataTypes.DoubleType;
import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;
import static org.apache.spark.sql.types.DataTypes.TimestampType;

import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.Metadata;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * The output tables and their schemas: the one place where a column is named and typed. README's
 * "Output tables" section documents the same columns; a test keeps them in step.
 */
public enum Table {
  ARTICLES(
      "articles",
      true,
      col("date", DateType, false, "UTC date of published_at"),
      col("id", StringType, false, "the article's id"),
      col("published_at", TimestampType, false, "publication time, UTC"),
      col("source", StringType, true, "outlet, as given"),
      col("url", StringType, true, "as given"),
      col("language", StringType, false, "ISO 639-1 code, given or detected; und when unknown"),
      col("language_detected", BooleanType, false, "true when Gazette detected the language"),
      col("title", StringType, true, "cleaned title"),
      col("token_count", IntegerType, false, "words in title and body, stop words included"),
      col(
          "text_truncated",
          BooleanType,
          false,
          "true when the text was longer than the 250,000 words analysed"),
      col(
          "duplicate_of",
          StringType,
          true,
          "id of the earlier article with identical cleaned text; null for originals"),
      col("id_repeats", IntegerType, false, "input rows with this id collapsed into this one"),
      col(
          "entity_ids",
          DataTypes.createArrayType(StringType, true),
          false,
          "ids of the entities the article names, most mentioned first")),

  REJECTED_ARTICLES(
      "rejected_articles",
      true,
      col("date", DateType, true, "UTC date of published_at when it parses"),
      col("id", StringType, true, "the row's id, if any"),
      col("reason", StringType, false, "why the row cannot be used"),
      col("published_at", StringType, true, "published_at as found in the input"),
      col("source", StringType, true, "as given"),
      col("url", StringType, true, "as given"),
      col("language", StringType, true, "ISO 639-1 code of the language given; und when none"),
      col("title", StringType, true, "the title as given, at most 500 characters"),
      col("body_chars", IntegerType, true, "length of the body as given")),

  TERM_FREQUENCIES(
      "term_frequencies",
      true,
      col("date", DateType, false, "UTC date"),
      col("language", StringType, false, "ISO 639-1 code or und"),
      col("term", StringType, false, "lower-case word or phrase, words joined by one space"),
      col("n", IntegerType, false, "words in the term: 1, 2 or 3"),
      col("count", LongType, false, "occurrences in that day's articles"),
      col("doc_count", LongType, false, "articles that contain the term")),

  ARTICLE_TERMS(
      "article_terms",
      true,
      col("date", DateType, false, "UTC date"),
      col("id", StringType, false, "the article's id; duplicates are left out"),
      col("language", StringType, false, "ISO 639-1 code or und"),
      col(
          "terms",
          DataTypes.createArrayType(StringType, false),
          false,
          "the article's words and phrases, most frequent first, at most 256"),
      col(
          "counts",
          DataTypes.createArrayType(IntegerType, false),
          false,
          "occurrences of each term in the article, in the order of terms")),

  TERM_TRENDS(
      "term_trends",
      true,
      col("date", DateType, false, "UTC date"),
      col("language", StringType, false, "ISO 639-1 code or und"),
      col("kind", StringType, false, "term or entity"),
      col("term", StringType, false, "the term, or the entity's id"),
      col("name", StringType, true, "the entity's canonical name; null for terms"),
      col("count", LongType, false, "articles that day that show it"),
      col(
          "baseline",
          DoubleType,
          false,
          "articles expected that day from its share of the like days before, at least 1"),
      col("score", DoubleType, false, "signed Poisson deviance of count from baseline"),
      col(
          "article_ids",
          DataTypes.createArrayType(StringType, true),
          false,
          "up to three articles that show it, those naming it most first")),

  TOPICS(
      "topics",
      false,
      col("model_id", StringType, false, "the model: lda-<time of training>, or tracked"),
      col(
          "topic_id",
          IntegerType,
          false,
          "the topic; carried over from the previous model when the topics match"),
      col("language", StringType, true, "the language of the topic; null for tracked topics"),
      col("label", StringType, false, "readable label from the topic's most telling terms"),
      col(
          "terms",
          DataTypes.createArrayType(Types.TERM_WEIGHT, false),
          false,
          "top terms with their probability in the topic; a tracked topic's terms with 1.0"),
      col("rule", StringType, true, "a tracked topic's rule; null for learned topics"),
      col(
          "matched_model_id",
          StringType,
          true,
          "the earlier model whose topic this one continues; null for a new topic"),
      col(
          "similarity",
          DoubleType,
          true,
          "cosine similarity of the term distributions with that earlier topic")),

  ARTICLE_TOPICS(
      "article_topics",
      true,
      col("date", DateType, false, "UTC date"),
      col("id", StringType, false, "the article; duplicates are left out"),
      col("model_id", StringType, false, "the model, or tracked for user-defined topics"),
      col(
          "topic_id",
          IntegerType,
          false,
          "the article's main topic; for tracked topics, one row per topic it matches"),
      col("language", StringType, false, "ISO 639-1 code"),
      col(
          "weight",
          DoubleType,
          false,
          "the topic's share of the article's mixture; 1/n for each of n tracked topics")),

  TOPIC_TIMELINE(
      "topic_timeline",
      true,
      col("date", DateType, false, "UTC date"),
      col("model_id", StringType, false, "the model, or tracked for user-defined topics"),
      col("topic_id", IntegerType, false, "the topic"),
      col("language", StringType, false, "ISO 639-1 code"),
      col(
          "doc_count",
          LongType,
          false,
          "articles whose main topic it is; for tracked topics, articles matching its rule"),
      col("weight", DoubleType, false, "sum of the articles' topic mixtures"),
      col("share", DoubleType, false, "weight over the day's articles in that language")),

  CORPUS_STATS(
      "corpus_stats",
      true,
      col("date", DateType, false, "UTC date"),
      col("language", StringType, false, "ISO 639-1 code or und"),
      col("source", StringType, true, "outlet; null when the input has none"),
      col("articles", LongType, false, "accepted articles, duplicates excluded"),
      col("duplicates", LongType, false, "duplicate articles and collapsed id repeats"),
      col("rejected", LongType, false, "rejected rows with this date"),
      col("tokens", LongType, false, "words in accepted articles, stop words included"),
      col(
          "pairs_dropped",
          LongType,
          false,
          "entity pairs left out of entity_cooccurrence by the per-article bound")),

  ENTITIES(
      "entities",
      false,
      col(
          "entity_id",
          StringType,
          false,
          "stable id: the reference data's (vladimir-putin, country:PRK) or the name's key"),
      col("name", StringType, false, "canonical name"),
      col("type", StringType, false, "PER, ORG, LOC or MISC"),
      col(
          "aliases",
          DataTypes.createArrayType(StringType, true),
          false,
          "spellings seen in the articles, in the order first seen, at most 50"),
      col("known", BooleanType, false, "true when the reference data names the entity"),
      col("first_seen", DateType, false, "first date the entity was mentioned"),
      col("last_seen", DateType, false, "last date the entity was mentioned")),

  ENTITY_MENTIONS(
      "entity_mentions",
      true,
      col("date", DateType, false, "UTC date"),
      col("entity_id", StringType, false, "the entity"),
      col("name", StringType, false, "its canonical name"),
      col("type", StringType, false, "PER, ORG, LOC or MISC"),
      col("mentions", LongType, false, "times that day's articles name it"),
      col("doc_count", LongType, false, "articles that name it"),
      col("source_count", LongType, false, "sources whose articles name it")),

  ENTITY_COOCCURRENCE(
      "entity_cooccurrence",
      true,
      col("date", DateType, false, "UTC date"),
      col("entity_a", StringType, false, "one entity; entity_a < entity_b"),
      col("entity_b", StringType, false, "the other"),
      col("doc_count", LongType, false, "articles naming both"),
      col("sentence_count", LongType, false, "sentences naming both"),
      col(
          "npmi",
          DoubleType,
          false,
          "normalised pointwise mutual information over that day's articles, -1 to 1"),
      col(
          "llr",
          DoubleType,
          false,
          "Dunning's log-likelihood ratio over that day's articles; > 10.83: p < 0.001")),

  RUNS(
      "runs",
      false,
      col("run_id", StringType, false, "unique id of the run"),
      col("command", StringType, false, "the command that ran"),
      col("started_at", TimestampType, false, "UTC"),
      col("finished_at", TimestampType, false, "UTC"),
      col("status", StringType, false, "succeeded or failed"),
      col("dates", StringType, false, "dates processed: all, a date, or from..to"),
      col("rows_read", LongType, false, "input rows read for those dates"),
      col("accepted", LongType, false, "articles accepted, duplicates excluded"),
      col("duplicates", LongType, false, "duplicates and collapsed id repeats"),
      col("rejected", LongType, false, "rows rejected"),
      col(
          "rows_written",
          org.apache.spark.sql.types.DataTypes.createMapType(StringType, LongType, false),
          false,
          "rows committed per table (empty for a failed run)"),
      col("gazette_version", StringType, false, "version of Gazette"),
      col("message", StringType, true, "error message of a failed run"),
      col(
          "committed",
          DataTypes.createArrayType(DateType, false),
          true,
          "dates the run committed, in order (empty for a failed run)"),
      col(
          "stage_seconds",
          DataTypes.createMapType(StringType, DoubleType, false),
          true,
          "seconds of each stage of the run, by its name"));

  private final String tableName;
  private final boolean daily;
  private final StructType schema;

  Table(String tableName, boolean daily, StructField... fields) {
    this.tableName = tableName;
    this.daily = daily;
    this.schema = DataTypes.createStructType(fields);
  }

  /** Folder name under the output folder. */
  public String tableName() {
    return tableName;
  }

  /** Daily tables are partitioned by {@code date}; a run replaces the dates it processed. */
  public boolean isDaily() {
    return daily;
  }

  public StructType schema() {
    return schema;
  }

  public List<String> columnNames() {
    return Arrays.asList(schema.fieldNames());
  }

  /** Types used by several columns; a holder, since enum constants cannot read statics. */
  static final class Types {
    static final org.apache.spark.sql.types.StructType TERM_WEIGHT =
        DataTypes.createStructType(
            new StructField[] {
              DataTypes.createStructField("term", StringType, false),
              DataTypes.createStructField("weight", DoubleType, false)
            });

    private Types() {}
  }

  private static StructField col(String name, DataType type, boolean nullable, String doc) {
    return new StructField(
        name,
        type,
        nullable,
        Metadata.fromJson("{\"comment\":\"" + doc.replace("\"", "\\\"") + "\"}"));
  }
}
