package org.gazette.generate;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * What the generator planted, read where only its own package can see it: the topic each article
 * was drawn from, and the text material of each topic, for the quality benchmarks.
 *
 * <p>{@link #plantedTopic} repeats the first draws of {@code ArticleGenerator.base}: the language,
 * then the topic from the day's mixture. {@link #plantedLanguage} lets a caller check that the two
 * still agree (see {@code TopicQualityBenchmark}).
 */
public final class PlantedContent {

  /** {@code ArticleGenerator.LANGUAGE_SHARE}. */
  private static final double[] LANGUAGE_SHARE = {0.35, 0.35, 0.10, 0.10, 0.10};

  private final CorpusSpec spec;
  private final ArticleGenerator generator;

  public PlantedContent(CorpusSpec spec) {
    this.spec = spec;
    this.generator = new ArticleGenerator(spec);
  }

  public ArticleGenerator generator() {
    return generator;
  }

  /** The topics in truth order. */
  public static List<String> topics() {
    return Content.TOPICS;
  }

  /** How much a bursting topic's share of the day's articles is multiplied by. */
  public static double burstBoost() {
    return CorpusPlan.BURST_BOOST;
  }

  /** The language the article at {@code index} was written in. */
  public String plantedLanguage(long index) {
    SplittableRandom r = new SplittableRandom(Mixing.mix(spec.seed(), index * 2));
    return Content.LANGUAGES.get(weighted(r.nextDouble()));
  }

  /** The topic (index into {@link #topics()}) the article at {@code index} was drawn from. */
  public int plantedTopic(long index) {
    SplittableRandom r = new SplittableRandom(Mixing.mix(spec.seed(), index * 2));
    int day = generator.plan().dayOf(index);
    r.nextDouble(); // the language
    return generator.plan().topicOf(day, r.nextDouble());
  }

  /**
   * The text a topic's articles are made of in {@code language}: its nouns, the names and roles of
   * its entities, and the literal parts of its titles and sentences.
   */
  public List<String> topicText(String language, String topic) {
    Content content = generator.content();
    Content.Topic t = content.languages.get(language).topics().get(topic);
    List<String> text = new ArrayList<>(t.nouns());
    for (Content.Entity e : content.entities) {
      if (e.topic().equals(topic)) {
        text.add(e.name(language));
        if (e.role(language) != null) {
          text.add(e.role(language));
        }
      }
    }
    addLiterals(t.titles(), text);
    addLiterals(t.sentences(), text);
    return text;
  }

  /** The literal parts of the sentences every topic shares in {@code language}. */
  public List<String> generalText(String language) {
    List<String> text = new ArrayList<>();
    addLiterals(generator.content().languages.get(language).general(), text);
    return text;
  }

  /** The names, in every language, of the entities of {@code topic}. */
  public List<String> entityNames(String topic) {
    List<String> names = new ArrayList<>();
    for (Content.Entity e : generator.content().entities) {
      if (e.topic().equals(topic)) {
        for (String language : Content.LANGUAGES) {
          names.add(e.name(language));
        }
      }
    }
    return names;
  }

  private static void addLiterals(List<Template> templates, List<String> text) {
    for (Template template : templates) {
      for (Template.Part part : template.parts()) {
        if (part.slot() == null) {
          text.add(part.text());
        }
      }
    }
  }

  private static int weighted(double u) {
    double sum = 0;
    for (int i = 0; i < LANGUAGE_SHARE.length; i++) {
      sum += LANGUAGE_SHARE[i];
      if (u < sum) {
        return i;
      }
    }
    return LANGUAGE_SHARE.length - 1;
  }
}
