package org.gazette.generate;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.gazette.generate.ArticleGenerator.Article;
import org.gazette.text.TextCleaner;

/**
 * One corpus of 20,000 rows over 30 days with the default shares, generated once (a few seconds)
 * and shared by the test classes of this package, which only read it.
 */
final class GeneratedCorpus {

  static final LocalDate START = LocalDate.of(2023, 7, 1); // a Saturday
  static final int DAYS = 30;
  static final int ROWS = 20_000;
  static final long SEED = 20_230_701L;
  static final CorpusSpec SPEC = CorpusSpec.of(ROWS, DAYS, START, SEED);

  private GeneratedCorpus() {}

  private static final class Holder {
    static final ArticleGenerator GENERATOR = new ArticleGenerator(SPEC);
    static final List<Article> ROWS = generateAll(GENERATOR);
    static final Map<String, String> LANGUAGE_OF_SOURCE = languageOfSource(GENERATOR.content());

    private static List<Article> generateAll(ArticleGenerator generator) {
      List<Article> rows = new ArrayList<>(GeneratedCorpus.ROWS);
      for (int i = 0; i < GeneratedCorpus.ROWS; i++) {
        rows.add(generator.generate(i));
      }
      return List.copyOf(rows);
    }

    private static Map<String, String> languageOfSource(Content content) {
      Map<String, String> map = new HashMap<>();
      for (Content.Language language : content.languages.values()) {
        for (String source : language.sources()) {
          map.put(source, language.code());
        }
        map.put(language.wire(), language.code());
      }
      return map;
    }
  }

  /** Titles and bodies as nightly reads them, cleaned by {@link TextCleaner}. */
  private static final class CleanedHolder {
    static final List<String> TITLES = cleanAll(true);
    static final List<String> BODIES = cleanAll(false);

    private static List<String> cleanAll(boolean titles) {
      List<String> out = new ArrayList<>(GeneratedCorpus.ROWS);
      for (Article a : Holder.ROWS) {
        out.add(TextCleaner.clean(titles ? a.title() : a.body()));
      }
      return List.copyOf(out);
    }
  }

  static ArticleGenerator generator() {
    return Holder.GENERATOR;
  }

  /** Row {@code i} of the corpus is element {@code i}. */
  static List<Article> rows() {
    return Holder.ROWS;
  }

  /** The title of row {@code i}, cleaned ("" for none). */
  static String cleanTitle(int i) {
    return CleanedHolder.TITLES.get(i);
  }

  /** The body of row {@code i}, cleaned ("" for none). */
  static String cleanBody(int i) {
    return CleanedHolder.BODIES.get(i);
  }

  /**
   * The language an article was written in, told by its outlet: every outlet publishes in one
   * language, and unlike the language field it is never missing.
   */
  static String languageOf(Article article) {
    String language = Holder.LANGUAGE_OF_SOURCE.get(article.source());
    if (language == null) {
      throw new IllegalArgumentException("no language publishes on " + article.source());
    }
    return language;
  }
}
