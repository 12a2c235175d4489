package org.gazette.spark;

import static org.apache.spark.sql.functions.array_sort;
import static org.apache.spark.sql.functions.array_union;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.count_distinct;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.slice;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.transform;
import static org.apache.spark.sql.functions.udf;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.api.java.UDF4;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.DataTypes;
import org.gazette.entity.Association;

/**
 * The entity tables, derived from the entities and pairs the annotation pass put on each
 * original article (duplicates are left out, as for terms).
 */
public final class EntityTables {

  /** Spellings kept per entity in {@code entities.aliases}. */
  static final int MAX_ALIASES = 50;

  private static final UserDefinedFunction NPMI = udf(
      (UDF4<Long, Long, Long, Long, Double>) Association::npmi, DataTypes.DoubleType)
      .asNonNullable();
  private static final UserDefinedFunction LLR = udf(
      (UDF4<Long, Long, Long, Long, Double>) Association::llr, DataTypes.DoubleType)
      .asNonNullable();

  private EntityTables() {}

  /** One row per original article and entity it names. */
  static Dataset<Row> mentions(Dataset<Row> originals) {
    return originals.select(col("date"), col("source"), explode(col("entities")).as("e"))
        .select(col("date"), col("source"), col("e.id").as("entity_id"),
            col("e.type").as("type"), col("e.name").as("name"), col("e.known").as("known"),
            col("e.mentions").as("mentions"), col("e.spellings").as("spellings"));
  }

  /**
   * {@code entities}: every entity of this run's {@code mentions}, merged with the table as
   * it was ({@code previous}, or null). An entity keeps the name and type it was first given,
   * so that dashboards see one name per id; its aliases and dates grow.
   */
  public static Dataset<Row> entities(Dataset<Row> mentions, Dataset<Row> previous) {
    Dataset<Row> typed = mentions.groupBy("entity_id", "type", "name")
        .agg(sum("mentions").as("m"), min("date").as("first_seen"),
            max("date").as("last_seen"), max("known").as("known"));
    Dataset<Row> named = typed.groupBy("entity_id").agg(
        // Ties go to the greater type and name, so that no partitioning changes the choice.
        max(struct(col("m"), col("type"))).getField("type").as("type"),
        max(struct(col("m"), col("name"))).getField("name").as("name"),
        max("known").as("known"),
        min("first_seen").as("first_seen"), max("last_seen").as("last_seen"));
    Dataset<Row> spellings = mentions
        .select(col("entity_id"), explode(col("spellings")).as("spelling"), col("mentions"))
        .groupBy("entity_id", "spelling").agg(sum("mentions").as("m"))
        .withColumn("rank", row_number().over(Window.partitionBy("entity_id")
            .orderBy(col("m").desc(), col("spelling"))))
        .where(col("rank").leq(MAX_ALIASES))
        .groupBy("entity_id").agg(array_sort(collect_list(struct(col("rank"),
            col("spelling")))).as("ranked"))
        .select(col("entity_id"), transform(col("ranked"), r -> r.getField("spelling"))
            .as("aliases"));
    Dataset<Row> current = named.join(spellings, "entity_id");
    if (previous == null) {
      return DailyTables.conform(current, Table.ENTITIES);
    }
    Dataset<Row> old = previous.select(col("entity_id"), col("name").as("old_name"),
        col("type").as("old_type"), col("aliases").as("old_aliases"),
        col("known").as("old_known"),
        col("first_seen").as("old_first"), col("last_seen").as("old_last"));
    Dataset<Row> merged = current.join(old, seq("entity_id"), "full_outer").select(
        col("entity_id"),
        coalesce(col("old_name"), col("name")).as("name"),
        coalesce(col("old_type"), col("type")).as("type"),
        slice(coalesce(array_union(col("old_aliases"), col("aliases")), col("old_aliases"),
            col("aliases")), 1, MAX_ALIASES).as("aliases"),
        coalesce(col("known"), col("old_known")).as("known"),
        least(col("old_first"), col("first_seen")).as("first_seen"),
        greatest(col("old_last"), col("last_seen")).as("last_seen"));
    return DailyTables.conform(merged, Table.ENTITIES);
  }

  /**
   * {@code entity_mentions}: per date and entity, mentions, articles and sources, with the
   * name and type of {@code entities}.
   */
  public static Dataset<Row> entityMentions(Dataset<Row> mentions, Dataset<Row> entities) {
    Dataset<Row> daily = mentions.groupBy("date", "entity_id").agg(
        sum("mentions").as("mentions"), count(lit(1)).as("doc_count"),
        count_distinct(col("source")).as("source_count"));
    return DailyTables.conform(daily.join(entities.select("entity_id", "name", "type"),
        "entity_id"), Table.ENTITY_MENTIONS);
  }

  /**
   * {@code entity_cooccurrence}: per date and pair seen in at least {@code minDocs} articles,
   * the articles and sentences naming both, and their association over that day's articles.
   */
  public static Dataset<Row> entityCooccurrence(Dataset<Row> originals, Dataset<Row> mentions,
      int minDocs) {
    Dataset<Row> pairs = originals.select(col("date"), explode(col("entity_pairs")).as("p"))
        .groupBy(col("date"), col("p.a").as("entity_a"), col("p.b").as("entity_b"))
        .agg(count(lit(1)).as("doc_count"), sum("p.sentences").as("sentence_count"))
        .where(col("doc_count").geq(minDocs));
    Dataset<Row> docs = mentions.groupBy("date", "entity_id").agg(count(lit(1)).as("docs"));
    Dataset<Row> totals = originals.groupBy("date").agg(count(lit(1)).as("total"));
    Column both = col("doc_count");
    Dataset<Row> scored = pairs
        .join(docs.withColumnRenamed("entity_id", "entity_a").withColumnRenamed("docs", "a_docs"),
            seq("date", "entity_a"))
        .join(docs.withColumnRenamed("entity_id", "entity_b").withColumnRenamed("docs", "b_docs"),
            seq("date", "entity_b"))
        .join(totals, "date")
        .withColumn("npmi", NPMI.apply(both, col("a_docs"), col("b_docs"), col("total")))
        .withColumn("llr", LLR.apply(both, col("a_docs"), col("b_docs"), col("total")));
    return DailyTables.conform(scored, Table.ENTITY_COOCCURRENCE);
  }

  private static scala.collection.immutable.Seq<String> seq(String... columns) {
    return scala.jdk.javaapi.CollectionConverters.asScala(java.util.List.of(columns)).toSeq();
  }
}
