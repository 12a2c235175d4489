package org.gazette.spark.tables;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import org.apache.spark.ml.clustering.LDA;
import org.apache.spark.ml.clustering.LDAModel;
import org.apache.spark.ml.linalg.Matrix;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.ml.linalg.SparseVector;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.gazette.spark.SparkTestSession;
import org.gazette.topic.TopicInference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@link TopicInference} built from a model that Spark ML's online LDA trained gives the mixtures
 * of that model's own {@code transform}. Here, not in org.gazette.topic, for the house test
 * session.
 *
 * <p>60 documents over three disjoint vocabularies of six terms: documents 0, 3, 6, ... use
 * vocabulary 0, 1, 4, 7, ... vocabulary 1, and so on; every fourth document also takes a third of
 * its words from the next vocabulary, so that some mixtures are not near 0 or 1.
 */
class TopicInferenceParityTest {

  private static final int VOCABULARIES = 3;
  private static final int WORDS = 6;

  private static SparkSession spark;

  @BeforeAll
  static void start() {
    spark = SparkTestSession.start("local[2]");
  }

  @AfterAll
  static void stop() {
    spark.stop();
  }

  private static Dataset<Row> documents() {
    Random random = new Random(20240501);
    List<Row> rows = new ArrayList<>();
    for (int doc = 0; doc < 60; doc++) {
      int main = doc % VOCABULARIES;
      boolean mixed = doc % 4 == 0;
      int length = 12 + random.nextInt(9);
      TreeMap<Integer, Double> counts = new TreeMap<>();
      for (int i = 0; i < length; i++) {
        int vocabulary = mixed && i % 3 == 0 ? (main + 1) % VOCABULARIES : main;
        counts.merge(vocabulary * WORDS + random.nextInt(WORDS), 1.0, Double::sum);
      }
      int[] indices = counts.keySet().stream().mapToInt(Integer::intValue).toArray();
      double[] values = counts.values().stream().mapToDouble(Double::doubleValue).toArray();
      rows.add(
          RowFactory.create(
              doc, main, mixed, Vectors.sparse(VOCABULARIES * WORDS, indices, values)));
    }
    StructType schema =
        new StructType()
            .add("id", DataTypes.IntegerType, false)
            .add("main", DataTypes.IntegerType, false)
            .add("mixed", DataTypes.BooleanType, false)
            .add("features", SQLDataTypes.VectorType(), false);
    return spark.createDataFrame(rows, schema);
  }

  @Test
  void mixturesAgreeWithSparkTransform() {
    Dataset<Row> documents = documents();
    LDAModel model =
        new LDA()
            .setK(3)
            .setOptimizer("online")
            .setSeed(17)
            .setMaxIter(10)
            .setSubsamplingRate(1.0)
            .fit(documents);

    Matrix topics = model.topicsMatrix(); // V×k
    double[][] lambda = new double[topics.numCols()][topics.numRows()];
    for (int t = 0; t < topics.numCols(); t++) {
      for (int w = 0; w < topics.numRows(); w++) {
        lambda[t][w] = topics.apply(w, t);
      }
    }
    TopicInference inference = new TopicInference(lambda, model.getEffectiveDocConcentration());

    List<Row> rows = model.transform(documents).orderBy("id").collectAsList();
    assertThat(rows).hasSize(60);
    double maxDifference = 0;
    List<Set<Integer>> dominantByVocabulary = new ArrayList<>();
    for (int v = 0; v < VOCABULARIES; v++) {
      dominantByVocabulary.add(new HashSet<>());
    }
    for (Row row : rows) {
      SparseVector features = (SparseVector) row.<Vector>getAs("features");
      double[] spark = row.<Vector>getAs("topicDistribution").toArray();
      double[] ours =
          inference.mixture(features.indices(), features.values(), features.indices().length);
      for (int t = 0; t < ours.length; t++) {
        maxDifference = Math.max(maxDifference, Math.abs(ours[t] - spark[t]));
      }
      if (!row.<Boolean>getAs("mixed")) {
        dominantByVocabulary.get(row.<Integer>getAs("main")).add(TopicInference.dominant(ours));
        assertThat(ours[TopicInference.dominant(ours)])
            .as("document %d", row.getInt(0))
            .isGreaterThan(0.8);
      }
    }

    // MLlib starts gamma at random, this class at alpha + N/k: both converge to the same
    // mixtures, up to MLlib's tolerance (2.5e-5 at the time of writing).
    assertThat(maxDifference).as("largest difference of a mixture value").isLessThan(0.05);
    // The model found the three vocabularies: each has one topic, and they differ.
    Set<Integer> all = new HashSet<>();
    for (Set<Integer> dominant : dominantByVocabulary) {
      assertThat(dominant).hasSize(1);
      all.addAll(dominant);
    }
    assertThat(all).containsExactlyInAnyOrder(0, 1, 2);
  }
}
