package org.gazette.spark.tables;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.array_distinct;
import static org.apache.spark.sql.functions.array_intersect;
import static org.apache.spark.sql.functions.array_position;
import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.dayofweek;
import static org.apache.spark.sql.functions.element_at;
import static org.apache.spark.sql.functions.inline;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min_by;
import static org.apache.spark.sql.functions.posexplode;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.transform;
import static org.apache.spark.sql.functions.udf;
import static org.apache.spark.sql.functions.unix_date;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.types.DataTypes.DateType;
import static org.apache.spark.sql.types.DataTypes.DoubleType;
import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;

import java.util.Arrays;
import java.util.Optional;
import java.util.function.Predicate;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.api.java.UDF2;
import org.apache.spark.sql.api.java.UDF3;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.Metadata;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.gazette.spark.DateRange;
import org.gazette.spark.store.Table;
import org.gazette.trend.TrendScore;
import org.gazette.trend.TrendScore.Compared;
import org.gazette.trend.TrendSettings;

/**
 * {@code term_trends}: per date and language, the terms and entities whose article count that day
 * stands out against their own recent past, scored by {@link TrendScore}.
 *
 * <p>Every function here is a transformation without I/O. A run over a bounded range reads the
 * stored daily counts of {@link #history} only and passes them together with the rows of its own
 * dates; a run over all dates passes its own rows only.
 */
public final class Trends {

  /** {@code kind} of a term's row. */
  public static final String TERM = "term";

  /** {@code kind} of an entity's row; its {@code term} is the entity id. */
  public static final String ENTITY = "entity";

  /** Article ids kept per row. */
  static final int ARTICLE_IDS = 3;

  /** The columns of {@code term_trends}. */
  static final StructType SCHEMA = Table.TERM_TRENDS.schema();

  private static final UserDefinedFunction EXPECTED =
      udf((UDF3<Long, Long, Long, Double>) TrendScore::expected, DoubleType).asNonNullable();
  private static final UserDefinedFunction SCORE =
      udf((UDF2<Long, Double, Double>) TrendScore::score, DoubleType).asNonNullable();

  private Trends() {}

  /**
   * The earlier dates whose stored {@code term_frequencies}, {@code corpus_stats} and {@code
   * articles} a run over {@code range} needs: the window before its first day. Empty for all dates,
   * which are all the run's own.
   */
  public static Optional<DateRange> history(DateRange range, TrendSettings settings) {
    if (range.isAll()) {
      return Optional.empty();
    }
    return Optional.of(
        new DateRange(range.from().minusDays(settings.windowDays()), range.from().minusDays(1)));
  }

  /**
   * The trending terms of the dates of {@code range}.
   *
   * @param termCounts {@code term_frequencies} rows of the range and of its {@link #history}
   * @param volumes {@code corpus_stats} rows of the same dates
   * @param articleTerms rows of the range's original articles: {@code date, id, language, terms}
   *     (array of strings) and {@code counts} (array of integers, parallel to terms)
   * @return rows of {@code date, language, kind, term, count, baseline, score, article_ids}
   */
  public static Dataset<Row> termTrends(
      Dataset<Row> termCounts,
      Dataset<Row> volumes,
      Dataset<Row> articleTerms,
      DateRange range,
      TrendSettings settings) {
    require(termCounts, "term_frequencies", "date", "date", isDate());
    require(termCounts, "term_frequencies", "language", "string", isString());
    require(termCounts, "term_frequencies", "term", "string", isString());
    require(termCounts, "term_frequencies", "doc_count", "an integer", Trends::isIntegral);
    requireVolumes(volumes);
    require(articleTerms, "article_terms", "date", "date", isDate());
    require(articleTerms, "article_terms", "id", "string", isString());
    require(articleTerms, "article_terms", "language", "string", isString());
    require(articleTerms, "article_terms", "terms", "array<string>", arrayOf(isString()));
    require(
        articleTerms, "article_terms", "counts", "array of integers", arrayOf(Trends::isIntegral));
    Dataset<Row> counts =
        termCounts
            .where(within(history(range, settings), range))
            .select(
                col("date"),
                col("language"),
                col("term"),
                col("doc_count").cast(LongType).as("count"));
    Dataset<Row> trending =
        trending(counts, dayVolumes(volumes, range, settings), range, settings, true);
    // Each article meets the day's few trending terms in one hashed array_intersect: exploding
    // every (article, term) pair first would make hundreds of rows per article.
    Dataset<Row> wanted =
        trending.groupBy("date", "language").agg(collect_list("term").as("wanted"));
    Dataset<Row> hits =
        articleTerms
            .where(inRange(range))
            // Broadcast: at most topN terms per date and language of the run, however many
            // articles; shuffling the article bags to meet them would cost far more.
            .join(broadcast(wanted), new String[] {"date", "language"})
            .select(
                col("date"),
                col("language"),
                col("id"),
                inline(
                    transform(
                        array_intersect(col("terms"), col("wanted")),
                        t ->
                            struct(
                                t.as("term"),
                                element_at(
                                        col("counts"),
                                        array_position(col("terms"), t).cast(IntegerType))
                                    .cast(LongType)
                                    .as("n")))));
    Dataset<Row> ids =
        hits.groupBy("date", "language", "term")
            .agg(
                min_by(col("id"), struct(col("n").unary_$minus(), col("id")), ARTICLE_IDS)
                    .as("article_ids"));
    return withIds(trending, ids, TERM);
  }

  /**
   * The trending entities of the dates of {@code range}: an entity's count is the number of
   * original articles of the day and language whose {@code entity_ids} hold it.
   *
   * @param articles {@code articles} rows ({@code date, id, language, entity_ids, duplicate_of}) of
   *     the range and of its {@link #history}
   * @param volumes {@code corpus_stats} rows of the same dates
   * @return rows of {@code date, language, kind, term, count, baseline, score, article_ids}, the
   *     entity id in {@code term}
   */
  public static Dataset<Row> entityTrends(
      Dataset<Row> articles, Dataset<Row> volumes, DateRange range, TrendSettings settings) {
    require(articles, "articles", "date", "date", isDate());
    require(articles, "articles", "id", "string", isString());
    require(articles, "articles", "language", "string", isString());
    require(articles, "articles", "entity_ids", "array<string>", arrayOf(isString()));
    require(articles, "articles", "duplicate_of", "string", isString());
    requireVolumes(volumes);
    Dataset<Row> named =
        articles
            .where(col("duplicate_of").isNull().and(within(history(range, settings), range)))
            .select(
                col("date"),
                col("language"),
                col("id"),
                posexplode(array_distinct(col("entity_ids")))
                    .as(new String[] {"position", "term"}));
    Dataset<Row> counts = named.groupBy("date", "language", "term").agg(count(lit(1)).as("count"));
    Dataset<Row> trending = trending(counts, dayVolumes(volumes, range, settings), range, settings);
    // entity_ids lists the most mentioned first, so an earlier position shows the entity more.
    Dataset<Row> ids =
        named
            .where(inRange(range))
            .join(
                broadcast(trending.select("date", "language", "term")), // topN per day
                new String[] {"date", "language", "term"},
                "left_semi")
            .groupBy("date", "language", "term")
            .agg(
                min_by(col("id"), struct(col("position"), col("id")), ARTICLE_IDS)
                    .as("article_ids"));
    return withIds(trending, ids, ENTITY);
  }

  /**
   * {@code term_trends}: the rows of {@link #termTrends} and {@link #entityTrends}, entities named
   * from {@code entities} (the {@code entities} table, or null for no names).
   */
  public static Dataset<Row> table(
      Dataset<Row> termTrends, Dataset<Row> entityTrends, Dataset<Row> entities) {
    Column noName = lit(null).cast(StringType).as("name");
    Dataset<Row> named;
    if (entities == null) {
      named = entityTrends.withColumn("name", noName);
    } else {
      require(entities, "entities", "entity_id", "string", isString());
      require(entities, "entities", "name", "string", isString());
      // The entities grow with the corpus, and Spark guesses their size from compressed files.
      named =
          entityTrends.join(
              entities.select(col("entity_id").as("term"), col("name")).hint("merge"),
              new String[] {"term"},
              "left");
    }
    Dataset<Row> rows = termTrends.withColumn("name", noName).unionByName(named);
    return rows.select(
        Arrays.stream(SCHEMA.fieldNames())
            .map(name -> col(name).cast(SCHEMA.apply(name).dataType()).as(name))
            .toArray(Column[]::new));
  }

  /**
   * The rows of {@code counts} ({@code date, language, term, count}) in {@code range} that trend,
   * with their {@code baseline} and {@code score}, the best {@code topN} per date and language.
   */
  static Dataset<Row> trending(
      Dataset<Row> counts, Dataset<Row> dayVolumes, DateRange range, TrendSettings settings) {
    return trending(counts, dayVolumes, range, settings, false);
  }

  /**
   * {@link #trending}; with {@code collapse}, a term is left out when a longer trending phrase of
   * the same day and language holds it and is found in at least {@link #COLLAPSE} as many articles:
   * "ajay banga" stands for "ajay" and "banga", which only repeat it.
   */
  static Dataset<Row> trending(
      Dataset<Row> counts,
      Dataset<Row> dayVolumes,
      DateRange range,
      TrendSettings settings,
      boolean collapse) {
    Column scored = inRange(range).and(col("count").geq(settings.minSupport()));
    // Only the past of terms that could trend: most terms never reach minSupport on any day.
    Dataset<Row> candidates = counts.where(scored).select("language", "term").distinct();
    WindowSpec past =
        Window.partitionBy("language", "term")
            .orderBy(col("day"))
            .rangeBetween(-settings.windowDays(), -1);
    Column weekend = isWeekend(col("date"));
    // One select, one window spec: Spark sorts each (language, term) once for both sums.
    Dataset<Row> withPast =
        counts
            .join(candidates, new String[] {"language", "term"}, "left_semi")
            .withColumn("day", unix_date(col("date")))
            .select(
                col("date"),
                col("language"),
                col("term"),
                col("count"),
                sum("count").over(past).as("c_all"),
                sum(when(weekend, col("count")).otherwise(0L)).over(past).as("c_weekend"))
            .where(scored);
    Column compared = col("compared");
    Column windowCount =
        coalesce(
            when(compared.equalTo(Compared.WEEKENDS.name()), col("c_weekend"))
                .when(
                    compared.equalTo(Compared.WEEKDAYS.name()),
                    col("c_all").minus(col("c_weekend")))
                .otherwise(col("c_all")),
            lit(0L));
    WindowSpec best =
        Window.partitionBy("date", "language").orderBy(col("score").desc(), col("term"));
    Dataset<Row> scoredRows =
        withPast
            .join(dayVolumes, new String[] {"date", "language"})
            .withColumn("baseline", EXPECTED.apply(col("n_day"), windowCount, col("n_window")))
            .withColumn("score", SCORE.apply(col("count"), col("baseline")))
            .where(col("score").geq(settings.minScore()).and(col("count").gt(col("baseline"))));
    if (collapse) {
      scoredRows = withoutParts(scoredRows);
    }
    return scoredRows
        .withColumn("rank", row_number().over(best))
        .where(col("rank").leq(settings.topN()))
        .select("date", "language", "term", "count", "baseline", "score");
  }

  /** Share of a term's articles a longer phrase must have to stand for it. */
  static final double COLLAPSE = 0.8;

  /** The rows of {@code scored} that no longer phrase of theirs stands for (see COLLAPSE). */
  static Dataset<Row> withoutParts(Dataset<Row> scored) {
    Dataset<Row> longer =
        scored
            .where(col("term").contains(" "))
            .select(
                col("date").as("l_date"),
                col("language").as("l_language"),
                col("term").as("l_term"),
                col("count").as("l_count"));
    Column holds =
        concat(lit(" "), col("l_term"), lit(" ")).contains(concat(lit(" "), col("term"), lit(" ")));
    return scored.join(
        longer,
        col("date")
            .equalTo(col("l_date"))
            .and(col("language").equalTo(col("l_language")))
            .and(col("l_term").notEqual(col("term")))
            .and(holds)
            .and(col("l_count").geq(col("count").multiply(COLLAPSE))),
        "left_anti");
  }

  /**
   * Per date of {@code range} and language with enough history: the day's articles ({@code n_day}),
   * the days of the window it is compared with ({@code compared}, a {@link Compared} name) and
   * their articles ({@code n_window}).
   */
  static Dataset<Row> dayVolumes(Dataset<Row> volumes, DateRange range, TrendSettings settings) {
    WindowSpec past =
        Window.partitionBy("language").orderBy(col("day")).rangeBetween(-settings.windowDays(), -1);
    Column weekend = isWeekend(col("date"));
    Column hasArticles = col("n_day").gt(0);
    Column weekendDays = col("weekend_days");
    Column weekdays = col("weekdays");
    Column compared =
        when(
                weekend,
                when(weekendDays.geq(settings.minLikeDays()), lit(Compared.WEEKENDS.name()))
                    .otherwise(lit(Compared.ALL_DAYS.name())))
            .otherwise(
                when(weekdays.geq(settings.minLikeDays()), lit(Compared.WEEKDAYS.name()))
                    .otherwise(lit(Compared.ALL_DAYS.name())));
    Column nAll = coalesce(col("n_all"), lit(0L));
    Column nWeekend = coalesce(col("n_weekend"), lit(0L));
    return volumes
        .where(within(history(range, settings), range))
        .groupBy("date", "language")
        .agg(sum("articles").cast(LongType).as("n_day"))
        .withColumn("day", unix_date(col("date")))
        .select(
            col("date"),
            col("language"),
            col("n_day"),
            count(when(hasArticles.and(weekend), lit(1))).over(past).as("weekend_days"),
            count(when(hasArticles.and(weekend.unary_$bang()), lit(1))).over(past).as("weekdays"),
            sum("n_day").over(past).as("n_all"),
            sum(when(weekend, col("n_day")).otherwise(0L)).over(past).as("n_weekend"))
        .where(inRange(range).and(weekendDays.plus(weekdays).geq(settings.minHistoryDays())))
        .withColumn("compared", compared)
        .withColumn(
            "n_window",
            when(col("compared").equalTo(Compared.WEEKENDS.name()), nWeekend)
                .when(col("compared").equalTo(Compared.WEEKDAYS.name()), nAll.minus(nWeekend))
                .otherwise(nAll))
        .select("date", "language", "n_day", "compared", "n_window");
  }

  /** Saturday or Sunday, as {@link TrendScore#isWeekend}: Spark counts Sunday 1, Saturday 7. */
  static Column isWeekend(Column date) {
    return dayofweek(date).isin(1, 7);
  }

  private static Dataset<Row> withIds(Dataset<Row> trending, Dataset<Row> ids, String kind) {
    return trending
        .join(ids, new String[] {"date", "language", "term"}, "left")
        .select(
            col("date"),
            col("language"),
            lit(kind).as("kind"),
            col("term"),
            col("count"),
            col("baseline"),
            col("score"),
            coalesce(col("article_ids"), array().cast(DataTypes.createArrayType(StringType, true)))
                .as("article_ids"));
  }

  /** The dates of {@code range}. */
  private static Column inRange(DateRange range) {
    return range.holds(col("date"));
  }

  /** The dates of {@code range} and of its {@code history}. */
  private static Column within(Optional<DateRange> history, DateRange range) {
    return history
        .map(h -> new DateRange(h.from(), range.to()))
        .orElse(DateRange.ALL)
        .holds(col("date"));
  }

  private static void requireVolumes(Dataset<Row> volumes) {
    require(volumes, "corpus_stats", "date", "date", isDate());
    require(volumes, "corpus_stats", "language", "string", isString());
    require(volumes, "corpus_stats", "articles", "an integer", Trends::isIntegral);
  }

  private static void require(
      Dataset<Row> rows, String input, String column, String expected, Predicate<DataType> fits) {
    StructType schema = rows.schema();
    if (!Arrays.asList(schema.fieldNames()).contains(column)) {
      throw new IllegalArgumentException(
          input
              + " has no column "
              + column
              + " ("
              + expected
              + "); its columns: "
              + String.join(", ", schema.fieldNames()));
    }
    DataType found = schema.apply(column).dataType();
    if (!fits.test(found)) {
      throw new IllegalArgumentException(
          input + "." + column + " must be " + expected + ", found " + found.simpleString());
    }
  }

  private static Predicate<DataType> isDate() {
    return type -> type.equals(DateType);
  }

  private static Predicate<DataType> isString() {
    return type -> type instanceof org.apache.spark.sql.types.StringType;
  }

  private static boolean isIntegral(DataType type) {
    return type.equals(IntegerType) || type.equals(LongType) || type.equals(DataTypes.ShortType);
  }

  private static Predicate<DataType> arrayOf(Predicate<DataType> element) {
    return type -> type instanceof ArrayType a && element.test(a.elementType());
  }

  private static StructField field(String name, DataType type, boolean nullable, String doc) {
    return new StructField(
        name,
        type,
        nullable,
        Metadata.fromJson("{\"comment\":\"" + doc.replace("\"", "\\\"") + "\"}"));
  }
}
