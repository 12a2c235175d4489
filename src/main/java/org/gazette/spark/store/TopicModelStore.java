package org.gazette.spark.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.gazette.topic.TopicLabels;
import org.gazette.topic.TopicModel;
import scala.collection.immutable.ArraySeq;

/**
 * Topic models under the output folder, one folder per model id in {@code topic_models/}: {@code
 * model.json} (parameters, languages, topics with ids, labels and top terms, document
 * concentrations) and {@code weights/} (Parquet: per language and vocabulary term, its lambda in
 * every topic). A model appears whole: it is written aside and renamed into place.
 */
public final class TopicModelStore {

  static final String FOLDER = "topic_models";
  static final String METADATA = "model.json";
  static final String WEIGHTS = "weights";
  static final int FORMAT = 1;

  private static final DateTimeFormatter ID_TIME =
      DateTimeFormatter.ofPattern("yyyyMMdd-HHmmssSSS").withZone(ZoneOffset.UTC);

  static final StructType WEIGHT_ROWS =
      DataTypes.createStructType(
          List.of(
              DataTypes.createStructField("language", DataTypes.StringType, false),
              DataTypes.createStructField("term_index", DataTypes.IntegerType, false),
              DataTypes.createStructField("term", DataTypes.StringType, false),
              DataTypes.createStructField(
                  "lambda", DataTypes.createArrayType(DataTypes.DoubleType, false), false)));

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private final SparkSession spark;
  private final FileSystem fs;
  private final Path folder;

  public TopicModelStore(SparkSession spark, TableStore tables) {
    this.spark = spark;
    this.fs = tables.fileSystem();
    this.folder = new Path(tables.root(), FOLDER);
  }

  /** A new model id for a model trained at {@code time}: later models sort after. */
  public static String newModelId(Instant time) {
    return "lda-" + ID_TIME.format(time);
  }

  /** The newest model, or null when there is none. */
  public TopicModel newest() {
    List<String> ids = ids();
    return ids.isEmpty() ? null : load(ids.get(ids.size() - 1));
  }

  /**
   * The newest model trained on dates up to {@code last} (a model whose dates are not recorded,
   * {@code all}, counts as such), or null: a run over dates up to {@code last} learns nothing from
   * the dates after them, so that running its dates again later gives the same rows.
   */
  public TopicModel newest(LocalDate last) {
    List<String> ids = ids();
    for (int i = ids.size() - 1; i >= 0; i--) {
      LocalDate end = lastDate(trainedOn(ids.get(i)));
      if (end == null || !end.isAfter(last)) {
        return load(ids.get(i));
      }
    }
    return null;
  }

  /** The model {@code modelId} when it is stored, else null. */
  public TopicModel find(String modelId) {
    return ids().contains(modelId) ? load(modelId) : null;
  }

  /** The last date of a model's {@code trained_on} ("2023-07-01..2023-07-31"), null for all. */
  static LocalDate lastDate(String trainedOn) {
    if (trainedOn == null || trainedOn.isEmpty() || trainedOn.equals("all")) {
      return null;
    }
    int dots = trainedOn.indexOf("..");
    return LocalDate.parse(dots < 0 ? trainedOn : trainedOn.substring(dots + 2));
  }

  /** The ids of the stored models, oldest first. */
  private List<String> ids() {
    try {
      if (!fs.exists(folder)) {
        return List.of();
      }
      List<String> ids = new ArrayList<>();
      for (FileStatus status : fs.listStatus(folder)) {
        String name = status.getPath().getName();
        if (status.isDirectory()
            && !name.startsWith("_")
            && fs.exists(new Path(status.getPath(), METADATA))) {
          ids.add(name);
        }
      }
      java.util.Collections.sort(ids);
      return ids;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list the topic models in " + folder, e);
    }
  }

  private String trainedOn(String modelId) {
    try (InputStream in = fs.open(new Path(new Path(folder, modelId), METADATA))) {
      return JSON.readTree(in).path("trained_on").asText();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read topic model " + modelId, e);
    }
  }

  /** The model {@code modelId}. */
  public TopicModel load(String modelId) {
    Path path = new Path(folder, modelId);
    JsonNode meta;
    try (InputStream in = fs.open(new Path(path, METADATA))) {
      meta = JSON.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read topic model " + path, e);
    }
    if (meta.path("format").asInt() != FORMAT) {
      throw new IllegalStateException(
          "topic model "
              + path
              + " has format "
              + meta.path("format").asText()
              + "; this Gazette reads format "
              + FORMAT);
    }
    Map<String, List<Row>> weights = new HashMap<>();
    for (Row r :
        spark
            .read()
            .schema(WEIGHT_ROWS)
            .parquet(new Path(path, WEIGHTS).toString())
            .collectAsList()) {
      weights.computeIfAbsent(r.getString(0), k -> new ArrayList<>()).add(r);
    }
    List<TopicModel.Language> languages = new ArrayList<>();
    for (JsonNode l : meta.path("languages")) {
      String language = l.path("language").asText();
      List<Row> rows = weights.getOrDefault(language, List.of());
      rows.sort((a, b) -> Integer.compare(a.getInt(1), b.getInt(1)));
      List<TopicModel.Topic> topics = new ArrayList<>();
      for (JsonNode t : l.path("topics")) {
        List<TopicLabels.TermWeight> terms = new ArrayList<>();
        for (JsonNode tw : t.path("terms")) {
          terms.add(
              new TopicLabels.TermWeight(tw.path("term").asText(), tw.path("weight").asDouble()));
        }
        topics.add(
            new TopicModel.Topic(
                t.path("topic_id").asInt(),
                t.path("label").asText(),
                terms,
                t.hasNonNull("matched_model_id") ? t.path("matched_model_id").asText() : null,
                t.hasNonNull("similarity") ? t.path("similarity").asDouble() : null));
      }
      int k = topics.size();
      String[] vocabulary = new String[rows.size()];
      double[][] lambda = new double[k][rows.size()];
      for (int w = 0; w < rows.size(); w++) {
        Row r = rows.get(w);
        vocabulary[w] = r.getString(2);
        List<Double> values = r.getList(3);
        for (int t = 0; t < k; t++) {
          lambda[t][w] = values.get(t);
        }
      }
      double[] alpha = new double[k];
      for (int t = 0; t < k; t++) {
        alpha[t] = l.path("alpha").path(t).asDouble();
      }
      languages.add(new TopicModel.Language(language, vocabulary, lambda, alpha, topics));
    }
    Map<String, String> parameters = new LinkedHashMap<>();
    meta.path("parameters")
        .fields()
        .forEachRemaining(e -> parameters.put(e.getKey(), e.getValue().asText()));
    return new TopicModel(
        meta.path("model_id").asText(),
        Instant.parse(meta.path("trained_at").asText()),
        meta.path("trained_on").asText(),
        parameters,
        languages);
  }

  /** Writes {@code model} aside, then renames it into place. */
  public void save(TopicModel model) {
    Path target = new Path(folder, model.modelId());
    Path aside = new Path(folder, "_writing-" + model.modelId());
    try {
      if (fs.exists(target)) {
        throw new IllegalStateException("topic model " + target + " exists already");
      }
      fs.delete(aside, true);
      List<Row> rows = new ArrayList<>();
      for (TopicModel.Language l : model.languages().values()) {
        double[][] lambda = l.lambda();
        for (int w = 0; w < l.vocabulary().length; w++) {
          Double[] column = new Double[lambda.length];
          for (int t = 0; t < lambda.length; t++) {
            column[t] = lambda[t][w];
          }
          rows.add(
              RowFactory.create(
                  l.language(), w, l.vocabulary()[w], ArraySeq.unsafeWrapArray(column)));
        }
      }
      Dataset<Row> weights = spark.createDataFrame(rows, WEIGHT_ROWS);
      weights
          .coalesce(1)
          .write()
          .mode(SaveMode.Overwrite)
          .parquet(new Path(aside, WEIGHTS).toString());
      try (OutputStream out = fs.create(new Path(aside, METADATA), true)) {
        JSON.writeValue(out, metadata(model));
      }
      fs.mkdirs(folder);
      if (!fs.rename(aside, target)) {
        throw new IOException("cannot rename " + aside + " to " + target);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot save topic model " + target, e);
    }
  }

  private static ObjectNode metadata(TopicModel model) {
    ObjectNode root = JSON.createObjectNode();
    root.put("format", FORMAT);
    root.put("model_id", model.modelId());
    root.put("trained_at", model.trainedAt().toString());
    root.put("trained_on", model.trainedOn());
    ObjectNode parameters = root.putObject("parameters");
    model.parameters().forEach(parameters::put);
    ArrayNode languages = root.putArray("languages");
    for (TopicModel.Language l : model.languages().values()) {
      ObjectNode language = languages.addObject();
      language.put("language", l.language());
      language.put("vocabulary_size", l.vocabulary().length);
      ArrayNode alpha = language.putArray("alpha");
      for (double a : l.alpha()) {
        alpha.add(a);
      }
      ArrayNode topics = language.putArray("topics");
      for (TopicModel.Topic t : l.topics()) {
        ObjectNode topic = topics.addObject();
        topic.put("topic_id", t.id());
        topic.put("label", t.label());
        if (t.matchedModelId() != null) {
          topic.put("matched_model_id", t.matchedModelId());
          topic.put("similarity", t.similarity());
        }
        ArrayNode terms = topic.putArray("terms");
        for (TopicLabels.TermWeight tw : t.terms()) {
          terms.addObject().put("term", tw.term()).put("weight", tw.weight());
        }
      }
    }
    return root;
  }

  /** The rows of {@code topics} for {@code model}. */
  public static List<Row> topicRows(TopicModel model) {
    List<Row> rows = new ArrayList<>();
    for (TopicModel.Language l : model.languages().values()) {
      for (TopicModel.Topic t : l.topics()) {
        rows.add(
            RowFactory.create(
                model.modelId(),
                t.id(),
                l.language(),
                t.label(),
                termRows(t.terms()),
                null,
                t.matchedModelId(),
                t.similarity()));
      }
    }
    return rows;
  }

  public static ArraySeq<Row> termRows(List<TopicLabels.TermWeight> terms) {
    Row[] rows = new Row[terms.size()];
    for (int i = 0; i < rows.length; i++) {
      rows[i] = RowFactory.create(terms.get(i).term(), terms.get(i).weight());
    }
    return ArraySeq.unsafeWrapArray(rows);
  }
}
