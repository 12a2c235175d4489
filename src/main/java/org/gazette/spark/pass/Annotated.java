package org.gazette.spark.pass;

import static org.apache.spark.sql.types.DataTypes.BooleanType;
import static org.apache.spark.sql.types.DataTypes.DateType;
import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;
import static org.apache.spark.sql.types.DataTypes.TimestampType;
import static org.apache.spark.sql.types.DataTypes.createArrayType;
import static org.apache.spark.sql.types.DataTypes.createStructField;
import static org.apache.spark.sql.types.DataTypes.createStructType;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.gazette.entity.CoOccurrence;
import org.gazette.entity.EntityLinker;
import org.gazette.text.ArticleTerms;
import scala.collection.immutable.ArraySeq;

/**
 * The rows of the annotation pass, from which every daily table is derived: one per article, one
 * per rejected input row, and rows of partial term counts. One schema for all kinds lets a single
 * Spark pass produce them all; {@code kind} tells them apart.
 *
 * <p>Partial term counts travel packed, hundreds to a row in parallel arrays ({@code terms}, {@code
 * term_words}, {@code term_counts}, {@code term_docs}), because a row per term would cost Spark
 * more to cache than the counting costs Gazette.
 *
 * <p>An article row carries its own terms in {@code terms} and {@code term_counts} (its {@link
 * ArticleTerms.Bag}), and its entities ({@code entity_ids}, most mentioned first; {@code entities}
 * with their mentions and spellings) and the pairs of them it names together ({@code entity_pairs},
 * bounded; {@code pairs_dropped} counts the pairs left out); the articles that name a near-spelling
 * merged afterwards are relinked (see {@link EntityTables#linked}).
 */
public final class Annotated {

  public static final int ARTICLE = 0;
  public static final int TERMS = 1;
  public static final int REJECTED = 2;

  /** An input row collapsed into another row of its id: counted in {@code runs}, nothing else. */
  public static final int COLLAPSED = 3;

  /** An entity of an article: id, type, display name, known, mentions and spellings. */
  public static final StructType ENTITY =
      createStructType(
          new StructField[] {
            createStructField("id", StringType, false),
            createStructField("type", StringType, false),
            createStructField("name", StringType, false),
            createStructField("known", BooleanType, false),
            createStructField("mentions", IntegerType, false),
            createStructField("spellings", createArrayType(StringType, false), false),
            createStructField("sentences", createArrayType(IntegerType, false), false),
          });

  /**
   * A pair of an article's entities, as positions in its {@code entity_ids} (ids take room in the
   * cache, positions do not), and the sentences naming both.
   */
  public static final StructType PAIR =
      createStructType(
          new StructField[] {
            createStructField("a", IntegerType, false),
            createStructField("b", IntegerType, false),
            createStructField("sentences", IntegerType, false),
          });

  public static final StructType SCHEMA =
      createStructType(
          new StructField[] {
            createStructField("kind", IntegerType, false),
            createStructField("date", DateType, true),
            createStructField("id", StringType, true),
            createStructField("published_at", TimestampType, true),
            createStructField("published_at_raw", StringType, true),
            createStructField("source", StringType, true),
            createStructField("url", StringType, true),
            createStructField("language", StringType, true),
            createStructField("language_detected", BooleanType, true),
            createStructField("title", StringType, true),
            createStructField("token_count", IntegerType, true),
            createStructField("text_truncated", BooleanType, true),
            createStructField("duplicate_of", StringType, true),
            createStructField("id_repeats", IntegerType, true),
            createStructField("reason", StringType, true),
            createStructField("body_chars", IntegerType, true),
            createStructField("terms", createArrayType(StringType, false), true),
            createStructField("term_words", createArrayType(IntegerType, false), true),
            createStructField("term_counts", createArrayType(LongType, false), true),
            createStructField("term_docs", createArrayType(LongType, false), true),
            createStructField("entity_ids", createArrayType(StringType, false), true),
            createStructField("entities", createArrayType(Annotated.ENTITY, false), true),
            createStructField("entity_pairs", createArrayType(Annotated.PAIR, false), true),
            createStructField("pairs_dropped", LongType, true),
          });

  private Annotated() {}

  /**
   * An accepted article: an original when {@code duplicateOf} is null, else a copy of the article
   * of that id; {@code idRepeats} input rows with its id were collapsed into it.
   */
  public static Row article(
      LocalDate date,
      String id,
      Instant publishedAt,
      String source,
      String url,
      String language,
      boolean detected,
      String title,
      int tokenCount,
      boolean truncated,
      String duplicateOf,
      int idRepeats,
      ArticleTerms.Bag bag,
      List<EntityLinker.ArticleEntity> entities,
      CoOccurrence.Pairs pairs) {
    return RowFactory.create(
        ARTICLE,
        date,
        id,
        publishedAt,
        null,
        source,
        url,
        language,
        detected,
        title,
        tokenCount,
        truncated,
        duplicateOf,
        idRepeats,
        null,
        null,
        ArraySeq.unsafeWrapArray(bag.terms()),
        null,
        ArraySeq.unsafeWrapArray(bag.counts()),
        null,
        ids(entities),
        entityRows(entities),
        pairRows(entities, pairs),
        pairs.dropped());
  }

  /** The ids of an article's entities, in their order. */
  public static ArraySeq<String> ids(List<EntityLinker.ArticleEntity> entities) {
    String[] ids = new String[entities.size()];
    for (int i = 0; i < ids.length; i++) {
      ids[i] = entities.get(i).id();
    }
    return ArraySeq.unsafeWrapArray(ids);
  }

  /** An article's entities as {@link #ENTITY} rows. */
  public static ArraySeq<Row> entityRows(List<EntityLinker.ArticleEntity> entities) {
    Row[] rows = new Row[entities.size()];
    for (int i = 0; i < rows.length; i++) {
      EntityLinker.ArticleEntity e = entities.get(i);
      rows[i] =
          RowFactory.create(
              e.id(),
              e.type().name(),
              e.name(),
              e.known(),
              e.mentions(),
              ArraySeq.unsafeWrapArray(e.spellings().toArray(new String[0])),
              ArraySeq.unsafeWrapArray(
                  java.util.Arrays.stream(e.sentences()).boxed().toArray(Integer[]::new)));
    }
    return ArraySeq.unsafeWrapArray(rows);
  }

  /** Pairs of {@code entities} as {@link #PAIR} rows. */
  public static ArraySeq<Row> pairRows(
      List<EntityLinker.ArticleEntity> entities, CoOccurrence.Pairs pairs) {
    java.util.Map<String, Integer> position = new java.util.HashMap<>();
    for (int i = 0; i < entities.size(); i++) {
      position.put(entities.get(i).id(), i);
    }
    Row[] rows = new Row[pairs.pairs().size()];
    for (int i = 0; i < rows.length; i++) {
      CoOccurrence.Pair p = pairs.pairs().get(i);
      rows[i] = RowFactory.create(position.get(p.a()), position.get(p.b()), p.sentences());
    }
    return ArraySeq.unsafeWrapArray(rows);
  }

  /**
   * Partial counts of terms of one date and language, in parallel arrays of one length: the terms,
   * their words, occurrences and documents. Spark sums the parts.
   */
  public static Row terms(
      LocalDate date, String language, String[] terms, int[] words, long[] counts, long[] docs) {
    return RowFactory.create(
        TERMS,
        date,
        null,
        null,
        null,
        null,
        null,
        language,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        ArraySeq.unsafeWrapArray(terms),
        ArraySeq.unsafeWrapArray(words),
        ArraySeq.unsafeWrapArray(counts),
        ArraySeq.unsafeWrapArray(docs),
        null,
        null,
        null,
        null);
  }

  /** An input row of {@code date} collapsed into another row of its id {@code id}. */
  public static Row collapsed(LocalDate date, String id) {
    return RowFactory.create(
        COLLAPSED, date, id, null, null, null, null, null, null, null, null, null, null, null, null,
        null, null, null, null, null, null, null, null, null);
  }

  /** An input row that cannot be used, with what could be read of it. */
  public static Row rejected(
      LocalDate date,
      String id,
      String publishedAtRaw,
      String source,
      String url,
      String language,
      String title,
      Integer bodyChars,
      String reason) {
    return RowFactory.create(
        REJECTED,
        date,
        id,
        null,
        publishedAtRaw,
        source,
        url,
        language,
        null,
        title,
        null,
        null,
        null,
        null,
        reason,
        bodyChars,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null);
  }
}
