package org.gazette.spark.tables;

import static org.apache.spark.sql.functions.array_sort;
import static org.apache.spark.sql.functions.array_union;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.count_distinct;
import static org.apache.spark.sql.functions.element_at;
import static org.apache.spark.sql.functions.exists;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.slice;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.transform;
import static org.apache.spark.sql.functions.udf;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.api.java.UDF2;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.gazette.entity.CoOccurrence;
import org.gazette.entity.EntityLinker;
import org.gazette.entity.EntityMerges;
import org.gazette.ner.EntityType;
import org.gazette.spark.pass.Annotated;
import org.gazette.spark.store.Table;

/**
 * The entity tables, derived from the entities and pairs the annotation pass put on each original
 * article (duplicates are left out, as for terms).
 */
public final class EntityTables {

  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(EntityTables.class);

  /** Spellings kept per entity in {@code entities.aliases}. */
  static final int MAX_ALIASES = 50;

  private EntityTables() {}

  /**
   * Merges shipped to the tasks at most: the spellings merged are a vocabulary of names, which
   * grows with the corpus more slowly than its articles, but grows. Past this many, the most
   * mentioned spellings are merged and the rest keep their own ids.
   */
  static final int MAX_MERGES = 100_000;

  /**
   * The corpus-wide merges of near-spellings ({@link EntityMerges}) among the entities of {@code
   * originals} and those stored before ({@code previous}, or null): variant id to target id, at
   * most {@link #MAX_MERGES} of them (the variants most mentioned), collected and shipped to the
   * tasks.
   */
  public static Map<String, String> merges(Dataset<Row> originals, Dataset<Row> previous) {
    Dataset<Row> found =
        mentions(originals)
            .groupBy("entity_id")
            .agg(
                max(struct(col("mentions"), col("name"))).getField("name").as("name"),
                max(struct(col("mentions"), col("type"))).getField("type").as("type"),
                sum("mentions").as("mentions"),
                max("known").as("stable"));
    Dataset<Row> candidates =
        previous == null
            ? found
            : found
                .unionByName(
                    previous.select(
                        col("entity_id"),
                        col("name"),
                        col("type"),
                        lit(0L).as("mentions"),
                        lit(true).as("stable")))
                .groupBy("entity_id")
                .agg(
                    max(struct(col("stable"), col("name"))).getField("name").as("name"),
                    max(struct(col("stable"), col("type"))).getField("type").as("type"),
                    sum("mentions").as("mentions"),
                    max("stable").as("stable"));
    Dataset<Row> blocks =
        candidates
            .withColumn("block", BLOCK.apply(col("name"), col("type")))
            .groupBy("block")
            .agg(
                collect_list(
                        struct(
                            col("entity_id"),
                            col("name"),
                            col("type"),
                            col("mentions"),
                            col("stable")))
                    .as("candidates"))
            .where(size(col("candidates")).gt(1));
    List<Row> merges =
        blocks
            .flatMap((FlatMapFunction<Row, Row>) EntityTables::mergesOf, Encoders.row(MERGE))
            .orderBy(col("mentions").desc(), col("from"))
            .limit(MAX_MERGES + 1)
            .collectAsList();
    if (merges.size() > MAX_MERGES) {
      LOG.warn(
          "more than {} near-spellings of entities to merge: the {} most mentioned are "
              + "merged, the others keep ids of their own",
          MAX_MERGES,
          MAX_MERGES);
      merges = merges.subList(0, MAX_MERGES);
    }
    Map<String, String> map = new HashMap<>();
    for (Row m : merges) {
      map.put(m.getString(0), m.getString(1));
    }
    return EntityMerges.resolveChains(map);
  }

  private static final StructType MERGE =
      DataTypes.createStructType(
          new StructField[] {
            DataTypes.createStructField("from", DataTypes.StringType, false),
            DataTypes.createStructField("to", DataTypes.StringType, false),
            DataTypes.createStructField("mentions", DataTypes.LongType, false)
          });

  private static final UserDefinedFunction BLOCK =
      udf((UDF2<String, String, String>) EntityMerges::block, DataTypes.StringType);

  private static Iterator<Row> mergesOf(Row block) {
    List<Row> rows = block.getList(block.fieldIndex("candidates"));
    List<EntityMerges.Candidate> candidates = new ArrayList<>(rows.size());
    Map<String, Long> mentions = new HashMap<>();
    for (Row r : rows) {
      candidates.add(
          new EntityMerges.Candidate(
              r.getString(0), r.getString(1), r.getString(2), r.getLong(3), r.getBoolean(4)));
      mentions.put(r.getString(0), r.getLong(3));
    }
    List<Row> out = new ArrayList<>();
    EntityMerges.within(candidates)
        .forEach(
            (from, to) -> out.add(RowFactory.create(from, to, mentions.getOrDefault(from, 0L))));
    return out.iterator();
  }

  /**
   * The article rows of {@code articles} with their entities renamed by {@code merges} (the
   * entities that become one are summed) and their pairs made again, bounded by the {@code
   * pairLimit} most mentioned entities ({@link CoOccurrence}). Only the articles that name a merged
   * spelling change: they are made again and held by {@code hold} (a cache, for the few rows every
   * table reads), and the others pass as they are.
   */
  public static Dataset<Row> linked(
      Dataset<Row> articles,
      Map<String, String> merges,
      int pairLimit,
      UnaryOperator<Dataset<Row>> hold) {
    if (merges.isEmpty()) {
      return articles;
    }
    // A set lookup per entity of an article: isin with many values becomes a hashed InSet.
    Object[] variants = merges.keySet().stream().sorted().toArray();
    Column affected = coalesce(exists(col("entity_ids"), id -> id.isin(variants)), lit(false));
    return hold.apply(relinked(articles.where(affected), merges, pairLimit))
        .unionByName(articles.where(affected.unary_$bang()));
  }

  private static Dataset<Row> relinked(
      Dataset<Row> articles, Map<String, String> merges, int pairLimit) {
    StructType schema = articles.schema();
    int idsAt = schema.fieldIndex("entity_ids");
    int entitiesAt = schema.fieldIndex("entities");
    int pairsAt = schema.fieldIndex("entity_pairs");
    int droppedAt = schema.fieldIndex("pairs_dropped");
    Map<String, String> shipped = Map.copyOf(merges);
    return articles.map(
        (MapFunction<Row, Row>)
            row -> {
              List<EntityLinker.ArticleEntity> entities =
                  merged(
                      row.isNullAt(entitiesAt) ? List.of() : row.<Row>getList(entitiesAt), shipped);
              CoOccurrence.Pairs pairs = CoOccurrence.of(entities, pairLimit);
              Object[] values = new Object[row.size()];
              for (int i = 0; i < values.length; i++) {
                values[i] = row.get(i);
              }
              values[idsAt] = Annotated.ids(entities);
              values[entitiesAt] = Annotated.entityRows(entities);
              values[pairsAt] = Annotated.pairRows(entities, pairs);
              values[droppedAt] = pairs.dropped();
              return RowFactory.create(values);
            },
        Encoders.row(schema));
  }

  /** An article's entity rows as entities, renamed by {@code merges}, most mentioned first. */
  static List<EntityLinker.ArticleEntity> merged(List<Row> rows, Map<String, String> merges) {
    Map<String, EntityLinker.ArticleEntity> byId = new LinkedHashMap<>();
    for (Row r : rows) {
      String id = merges.getOrDefault(r.getString(0), r.getString(0));
      List<Integer> sentenceList = r.getList(6);
      int[] sentences = sentenceList.stream().mapToInt(Integer::intValue).toArray();
      EntityLinker.ArticleEntity e =
          new EntityLinker.ArticleEntity(
              id,
              EntityType.parse(r.getString(1)),
              r.getString(2),
              r.getBoolean(3),
              r.getInt(4),
              sentences,
              r.getList(5));
      byId.merge(id, e, EntityLinker.ArticleEntity::plus);
    }
    List<EntityLinker.ArticleEntity> entities = new ArrayList<>(byId.values());
    entities.sort(
        Comparator.comparingInt(EntityLinker.ArticleEntity::mentions)
            .reversed()
            .thenComparing(EntityLinker.ArticleEntity::id));
    return entities;
  }

  /** One row per original article and entity it names. */
  public static Dataset<Row> mentions(Dataset<Row> originals) {
    return originals
        .select(col("date"), col("source"), explode(col("entities")).as("e"))
        .select(
            col("date"),
            col("source"),
            col("e.id").as("entity_id"),
            col("e.type").as("type"),
            col("e.name").as("name"),
            col("e.known").as("known"),
            col("e.mentions").as("mentions"),
            col("e.spellings").as("spellings"));
  }

  /**
   * {@code entities}: every entity of this run's {@code mentions}, merged with the table as it was
   * ({@code previous}, or null). An entity keeps the name and type it was given on the first date
   * it was mentioned (its most mentioned ones that day), so that dashboards see one name per id,
   * and its aliases in the order they were first seen (by date, then most mentioned that day): what
   * a night's run gives, so that one run over many dates, a run split into passes, a run per night
   * and a run again of a date all agree. Its dates grow.
   */
  public static Dataset<Row> entities(Dataset<Row> mentions, Dataset<Row> previous) {
    Dataset<Row> daily =
        mentions
            .groupBy("entity_id", "date", "type", "name")
            .agg(sum("mentions").as("m"), max("known").as("known"))
            .withColumn("first_seen", min("date").over(Window.partitionBy("entity_id")))
            .withColumn("last_seen", max("date").over(Window.partitionBy("entity_id")));
    // Ties go to the greater type and name, so that no partitioning changes the choice.
    Column first = col("date").equalTo(col("first_seen"));
    Dataset<Row> named =
        daily
            .groupBy("entity_id")
            .agg(
                max(when(first, struct(col("m"), col("type")))).getField("type").as("type"),
                max(when(first, struct(col("m"), col("name")))).getField("name").as("name"),
                max("known").as("known"),
                min("first_seen").as("first_seen"),
                max("last_seen").as("last_seen"));
    Dataset<Row> spellings =
        mentions
            .select(
                col("entity_id"),
                col("date"),
                explode(col("spellings")).as("spelling"),
                col("mentions"))
            .groupBy("entity_id", "spelling", "date")
            .agg(sum("mentions").as("m"))
            .withColumn("seen", min("date").over(Window.partitionBy("entity_id", "spelling")))
            .where(col("date").equalTo(col("seen")))
            .withColumn(
                "rank",
                row_number()
                    .over(
                        Window.partitionBy("entity_id")
                            .orderBy(col("seen"), col("m").desc(), col("spelling"))))
            .where(col("rank").leq(MAX_ALIASES))
            .groupBy("entity_id")
            .agg(array_sort(collect_list(struct(col("rank"), col("spelling")))).as("ranked"))
            .select(
                col("entity_id"),
                transform(col("ranked"), r -> r.getField("spelling")).as("aliases"));
    Dataset<Row> current = named.join(spellings, "entity_id");
    if (previous == null) {
      return DailyTables.conform(current, Table.ENTITIES);
    }
    Dataset<Row> old =
        previous.select(
            col("entity_id"),
            col("name").as("old_name"),
            col("type").as("old_type"),
            col("aliases").as("old_aliases"),
            col("known").as("old_known"),
            col("first_seen").as("old_first"),
            col("last_seen").as("old_last"));
    // The stored table grows with the corpus and Spark guesses its size from compressed files.
    Dataset<Row> merged =
        current
            .join(old.hint("merge"), new String[] {"entity_id"}, "full_outer")
            .select(
                col("entity_id"),
                coalesce(col("old_name"), col("name")).as("name"),
                coalesce(col("old_type"), col("type")).as("type"),
                // The stored aliases first, in their order, then the ones first seen now.
                slice(
                        coalesce(
                            array_union(col("old_aliases"), col("aliases")),
                            col("old_aliases"),
                            col("aliases")),
                        1,
                        MAX_ALIASES)
                    .as("aliases"),
                coalesce(col("known"), col("old_known")).as("known"),
                least(col("old_first"), col("first_seen")).as("first_seen"),
                greatest(col("old_last"), col("last_seen")).as("last_seen"));
    return DailyTables.conform(merged, Table.ENTITIES);
  }

  /**
   * {@code entity_mentions}: per date and entity, mentions, articles and sources, with the name and
   * type of {@code entities}.
   */
  public static Dataset<Row> entityMentions(Dataset<Row> mentions, Dataset<Row> entities) {
    Dataset<Row> daily =
        mentions
            .groupBy("date", "entity_id")
            .agg(
                sum("mentions").as("mentions"),
                count(lit(1)).as("doc_count"),
                count_distinct(col("source")).as("source_count"));
    return DailyTables.conform(
        daily.join(entities.select("entity_id", "name", "type"), "entity_id"),
        Table.ENTITY_MENTIONS);
  }

  /**
   * {@code entity_cooccurrence}: per date and pair seen in at least {@code minDocs} articles, the
   * articles and sentences naming both, and their association over that day's articles.
   */
  public static Dataset<Row> entityCooccurrence(
      Dataset<Row> originals, Dataset<Row> mentions, int minDocs) {
    Dataset<Row> pairs =
        originals
            .select(col("date"), col("entity_ids"), explode(col("entity_pairs")).as("p"))
            .groupBy(
                col("date"),
                element_at(col("entity_ids"), col("p.a").plus(1)).as("entity_a"),
                element_at(col("entity_ids"), col("p.b").plus(1)).as("entity_b"))
            .agg(count(lit(1)).as("doc_count"), sum("p.sentences").as("sentence_count"))
            .where(col("doc_count").geq(minDocs));
    Dataset<Row> docs = mentions.groupBy("date", "entity_id").agg(count(lit(1)).as("docs"));
    Dataset<Row> totals = originals.groupBy("date").agg(count(lit(1)).as("total"));
    Column both = col("doc_count");
    Dataset<Row> scored =
        pairs
            .join(
                docs.withColumnRenamed("entity_id", "entity_a").withColumnRenamed("docs", "a_docs"),
                new String[] {"date", "entity_a"})
            .join(
                docs.withColumnRenamed("entity_id", "entity_b").withColumnRenamed("docs", "b_docs"),
                new String[] {"date", "entity_b"})
            .join(totals, "date")
            .withColumn(
                "npmi", AssociationColumns.npmi(both, col("a_docs"), col("b_docs"), col("total")))
            .withColumn(
                "llr", AssociationColumns.llr(both, col("a_docs"), col("b_docs"), col("total")));
    return DailyTables.conform(scored, Table.ENTITY_COOCCURRENCE);
  }
}
