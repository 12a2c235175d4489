package org.gazette.topic;

import java.io.Serializable;
import java.time.Instant;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A trained topic model: per language, a vocabulary, the topics' term parameters (LDA's lambda),
 * the document concentration, and each topic's stable id, label and top terms. It infers the topic
 * mixture of an article from its analysed terms.
 *
 * <p>Immutable and thread-safe once built; serialisable, so Spark ships it to the executors.
 */
public final class TopicModel implements Serializable {

  private static final long serialVersionUID = 1L;

  /** A topic as listed in the {@code topics} table. */
  public record Topic(
      int id,
      String label,
      List<TopicLabels.TermWeight> terms,
      String matchedModelId,
      Double similarity)
      implements Serializable {}

  /** The model of one language. */
  public static final class Language implements Serializable {
    private static final long serialVersionUID = 1L;

    private final String language;
    private final String[] vocabulary;
    private final double[][] lambda;
    private final double[] alpha;
    private final List<Topic> topics;
    private final Map<String, Integer> index;
    private transient TopicInference inference;

    /**
     * {@code lambda} has a row per topic and a column per vocabulary term; {@code topics} are in
     * the same order as its rows.
     */
    public Language(
        String language,
        String[] vocabulary,
        double[][] lambda,
        double[] alpha,
        List<Topic> topics) {
      if (lambda.length != topics.size() || alpha.length != topics.size()) {
        throw new IllegalArgumentException(
            "model of "
                + language
                + ": "
                + lambda.length
                + " topic rows, "
                + alpha.length
                + " concentrations, "
                + topics.size()
                + " topics");
      }
      for (double[] row : lambda) {
        if (row.length != vocabulary.length) {
          throw new IllegalArgumentException(
              "model of "
                  + language
                  + ": a topic row has "
                  + row.length
                  + " terms, the vocabulary "
                  + vocabulary.length);
        }
      }
      this.language = language;
      this.vocabulary = vocabulary;
      this.lambda = lambda;
      this.alpha = alpha;
      this.topics = List.copyOf(topics);
      Map<String, Integer> byTerm = new HashMap<>(vocabulary.length * 2);
      for (int i = 0; i < vocabulary.length; i++) {
        byTerm.put(vocabulary[i], i);
      }
      this.index = byTerm;
    }

    public String language() {
      return language;
    }

    public String[] vocabulary() {
      return vocabulary;
    }

    /** Topic-major: {@code lambda()[topic][term]}. */
    public double[][] lambda() {
      return lambda;
    }

    public double[] alpha() {
      return alpha;
    }

    public List<Topic> topics() {
      return topics;
    }

    /** Position of {@code term} in the vocabulary, or -1. */
    public int indexOf(String term) {
      Integer i = index.get(term);
      return i == null ? -1 : i;
    }

    TopicInference inference() {
      TopicInference built = inference;
      if (built == null) {
        built = new TopicInference(lambda, alpha);
        inference = built; // a benign race: every thread builds the same thing
      }
      return built;
    }
  }

  private final String modelId;
  private final Instant trainedAt;
  private final String trainedOn;
  private final Map<String, String> parameters;
  private final Map<String, Language> languages;

  public TopicModel(
      String modelId,
      Instant trainedAt,
      String trainedOn,
      Map<String, String> parameters,
      List<Language> languages) {
    this.modelId = Objects.requireNonNull(modelId);
    this.trainedAt = Objects.requireNonNull(trainedAt);
    this.trainedOn = Objects.requireNonNull(trainedOn);
    this.parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
    Map<String, Language> byCode = new LinkedHashMap<>();
    for (Language l : languages) {
      byCode.put(l.language(), l);
    }
    this.languages = Collections.unmodifiableMap(byCode);
  }

  public String modelId() {
    return modelId;
  }

  public Instant trainedAt() {
    return trainedAt;
  }

  /** The dates of the articles it was trained on: a date, from..to, or all. */
  public String trainedOn() {
    return trainedOn;
  }

  /** The training settings, by name, as given on the command line. */
  public Map<String, String> parameters() {
    return parameters;
  }

  /** The languages it has topics for, in the order given. */
  public Map<String, Language> languages() {
    return languages;
  }

  /** The largest topic id of any language, or 0 when it has none. */
  public int maxTopicId() {
    int max = 0;
    for (Language l : languages.values()) {
      for (Topic t : l.topics()) {
        max = Math.max(max, t.id());
      }
    }
    return max;
  }

  /** Reusable buffers of one thread's inferences. */
  public static final class Scratch {
    private int[] indices = new int[256];
    private double[] counts = new double[256];
  }

  /**
   * The topic mixture of an article of {@code language} with {@code terms} occurring {@code counts}
   * times, in the order of the language's topics; null when the model has no topics for the
   * language or none of the terms is in its vocabulary.
   */
  public double[] mixture(String language, String[] terms, long[] counts, Scratch scratch) {
    Language model = languages.get(language);
    if (model == null) {
      return null;
    }
    if (scratch.indices.length < terms.length) {
      scratch.indices = new int[terms.length];
      scratch.counts = new double[terms.length];
    }
    int n = 0;
    for (int i = 0; i < terms.length; i++) {
      int at = model.indexOf(terms[i]);
      if (at >= 0) {
        scratch.indices[n] = at;
        scratch.counts[n] = counts[i];
        n++;
      }
    }
    return n == 0 ? null : model.inference().mixture(scratch.indices, scratch.counts, n);
  }
}
