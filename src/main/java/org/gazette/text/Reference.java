package org.gazette.text;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The reference data users can extend (folder {@code data/reference/}): additions to and removals
 * from Lucene's stop word lists, the elided articles of each language, and the languages the
 * detector may answer.
 *
 * <p>Small and serialisable: the driver loads it once and Spark ships it to the executors, which
 * build their analyzers from it once per JVM (see {@link LanguageProfiles#of}).
 */
public final class Reference implements Serializable {

  private static final long serialVersionUID = 1L;

  /** Where the reference folder is bundled inside the jar. */
  static final String CLASSPATH_ROOT = "org/gazette/reference/";

  /** Languages whose files the bundled copy is searched for; a folder is listed instead. */
  private static final List<String> KNOWN_LANGUAGES =
      List.of(
          "ar", "bg", "bn", "ca", "ckb", "cs", "da", "de", "el", "en", "es", "et", "eu", "fa", "fi",
          "fr", "ga", "gl", "hi", "hu", "hy", "id", "it", "ja", "ko", "lt", "lv", "ne", "nl", "no",
          "pl", "pt", "ro", "ru", "sr", "sv", "ta", "te", "th", "tr", "uk", "zh");

  private final String origin;
  private final Map<String, Set<String>> stopWordsAdded;
  private final Map<String, Set<String>> stopWordsRemoved;
  private final Map<String, Set<String>> elidedArticles;
  private final Set<String> detectableLanguages;

  private Reference(
      String origin,
      Map<String, Set<String>> added,
      Map<String, Set<String>> removed,
      Map<String, Set<String>> elided,
      Set<String> detectable) {
    this.origin = origin;
    this.stopWordsAdded = freeze(added);
    this.stopWordsRemoved = freeze(removed);
    this.elidedArticles = freeze(elided);
    this.detectableLanguages = Collections.unmodifiableSet(new TreeSet<>(detectable));
  }

  /** The copy of {@code data/reference} bundled in the jar at build time. */
  public static Reference bundled() {
    Builder builder = new Builder("bundled");
    for (String language : KNOWN_LANGUAGES) {
      try (InputStream in = resource("stopwords/" + language + ".txt")) {
        if (in != null) {
          builder.stopWords(language, readLines(in));
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    try (InputStream in = resource("elision.txt")) {
      if (in != null) {
        builder.elisions(readLines(in));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    try (InputStream in = resource("languages.txt")) {
      if (in != null) {
        builder.detectableLanguages(readLines(in));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return builder.build();
  }

  /** Reads a reference folder laid out like {@code data/reference}. */
  public static Reference load(Path folder) {
    if (!Files.isDirectory(folder)) {
      throw new IllegalArgumentException("reference folder not found: " + folder);
    }
    Builder builder = new Builder(folder.toString());
    Path stopWords = folder.resolve("stopwords");
    try {
      if (Files.isDirectory(stopWords)) {
        try (Stream<Path> files = Files.list(stopWords)) {
          for (Path file : (Iterable<Path>) files.sorted()::iterator) {
            String name = file.getFileName().toString();
            if (name.endsWith(".txt")) {
              builder.stopWords(
                  name.substring(0, name.length() - 4), readLines(Files.newInputStream(file)));
            }
          }
        }
      }
      Path elision = folder.resolve("elision.txt");
      if (Files.isRegularFile(elision)) {
        builder.elisions(readLines(Files.newInputStream(elision)));
      }
      Path languages = folder.resolve("languages.txt");
      if (Files.isRegularFile(languages)) {
        builder.detectableLanguages(readLines(Files.newInputStream(languages)));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read reference folder " + folder, e);
    }
    return builder.build();
  }

  /** Reference data given in code, for tests and embedding. */
  public static Builder builder() {
    return new Builder("code");
  }

  /** Words to add to Lucene's stop list for {@code language}. */
  public Set<String> stopWordsAdded(String language) {
    return stopWordsAdded.getOrDefault(language, Set.of());
  }

  /** Words to take out of Lucene's stop list for {@code language}. */
  public Set<String> stopWordsRemoved(String language) {
    return stopWordsRemoved.getOrDefault(language, Set.of());
  }

  /** Articles that elide before a vowel ("l" in "l’agence"), or an empty set. */
  public Set<String> elidedArticles(String language) {
    return elidedArticles.getOrDefault(language, Set.of());
  }

  /** Languages the detector may answer (ISO 639-1); empty: all it knows. */
  public Set<String> detectableLanguages() {
    return detectableLanguages;
  }

  /** Where this reference data came from, for logs. */
  public String origin() {
    return origin;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Reference r
        && stopWordsAdded.equals(r.stopWordsAdded)
        && stopWordsRemoved.equals(r.stopWordsRemoved)
        && elidedArticles.equals(r.elidedArticles)
        && detectableLanguages.equals(r.detectableLanguages);
  }

  @Override
  public int hashCode() {
    return Objects.hash(stopWordsAdded, stopWordsRemoved, elidedArticles, detectableLanguages);
  }

  private static InputStream resource(String name) {
    return Reference.class.getClassLoader().getResourceAsStream(CLASSPATH_ROOT + name);
  }

  /** Lines of a UTF-8 list file without comments ({@code #} to the end of line) and blanks. */
  static List<String> readLines(InputStream in) throws IOException {
    List<String> lines = new ArrayList<>();
    try (BufferedReader reader =
        new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String line;
      while ((line = reader.readLine()) != null) {
        int hash = line.indexOf('#');
        String content = (hash >= 0 ? line.substring(0, hash) : line).strip();
        if (!content.isEmpty()) {
          lines.add(content);
        }
      }
    }
    return lines;
  }

  private static Map<String, Set<String>> freeze(Map<String, Set<String>> map) {
    Map<String, Set<String>> copy = new TreeMap<>();
    map.forEach((k, v) -> copy.put(k, Collections.unmodifiableSet(new TreeSet<>(v))));
    return Collections.unmodifiableMap(copy);
  }

  /** Collects reference entries; lower-cases words with {@link Locale#ROOT}. */
  public static final class Builder {
    private final String origin;
    private final Map<String, Set<String>> added = new TreeMap<>();
    private final Map<String, Set<String>> removed = new TreeMap<>();
    private final Map<String, Set<String>> elided = new TreeMap<>();
    private final Set<String> detectable = new TreeSet<>();

    private Builder(String origin) {
      this.origin = origin;
    }

    /** Lines of a stop word file: a word to add, or {@code -word} to remove one. */
    public Builder stopWords(String language, List<String> lines) {
      for (String line : lines) {
        String word = line.toLowerCase(Locale.ROOT).replace('\u2019', '\'');
        if (word.startsWith("-") && word.length() > 1) {
          removed.computeIfAbsent(language, k -> new TreeSet<>()).add(word.substring(1));
        } else {
          added.computeIfAbsent(language, k -> new TreeSet<>()).add(word);
        }
      }
      return this;
    }

    /** Lines of {@code elision.txt}: {@code language: article article ...}. */
    public Builder elisions(List<String> lines) {
      for (String line : lines) {
        int colon = line.indexOf(':');
        if (colon <= 0) {
          throw new IllegalArgumentException(
              "elision.txt: expected 'language: article article ...', found '" + line + "'");
        }
        String language = line.substring(0, colon).strip();
        for (String article : line.substring(colon + 1).strip().split("\\s+")) {
          if (!article.isEmpty()) {
            elided
                .computeIfAbsent(language, k -> new TreeSet<>())
                .add(article.toLowerCase(Locale.ROOT));
          }
        }
      }
      return this;
    }

    /** Lines of {@code languages.txt}: one ISO 639-1 code each. */
    public Builder detectableLanguages(List<String> lines) {
      for (String line : lines) {
        String code = LanguageCodes.normalize(line);
        if (code == null) {
          throw new IllegalArgumentException("languages.txt: not a language code: '" + line + "'");
        }
        detectable.add(code);
      }
      return this;
    }

    public Reference build() {
      return new Reference(origin, added, removed, elided, detectable);
    }
  }
}
