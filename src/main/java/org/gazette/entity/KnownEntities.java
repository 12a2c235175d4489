package org.gazette.entity;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.gazette.ner.EntityType;

/**
 * The entities the reference data names, by the key ({@link Names#key}) of every alias: the
 * cross-lingual alias table ({@code entities/aliases.tsv}: Poutine, Putin and Путин are one id) and
 * the places ({@code entities/places.tsv}: countries, capitals and large cities in many languages).
 * A name both list is taken from the alias table, which users curate. It also knows the first names
 * of {@code entities/first-names.tsv}.
 */
public final class KnownEntities implements Serializable {

  private static final long serialVersionUID = 1L;

  /** Where the reference folder's entity files are bundled inside the jar. */
  static final String CLASSPATH_ROOT = "org/gazette/reference/entities/";

  /** The files read, in this order: places first, so that the alias table overrides them. */
  private static final String[] FILES = {
    "places.tsv", "place-aliases.tsv", "aliases.tsv", "first-names.tsv"
  };

  /** An entity of the reference data. */
  public record Known(String id, EntityType type, String name) implements Serializable {}

  private final Map<String, Known> byKey;

  /** For the first word of every alias of several words, the most words such an alias has. */
  private final Map<String, Integer> longestByFirstWord;

  /** The first words (one or more) of every known name of several words. */
  private final Set<String> prefixes;

  /** Keys of the first names of {@code first-names.tsv} that are not also common words. */
  private final Set<String> firstNames;

  private KnownEntities(Map<String, Known> byKey, Set<String> firstNames) {
    this.byKey = byKey;
    this.firstNames = firstNames;
    Map<String, Integer> longest = new HashMap<>();
    for (String key : byKey.keySet()) {
      int space = key.indexOf(' ');
      if (space > 0) {
        int words = Names.words(key).size();
        longest.merge(key.substring(0, space), words, Math::max);
      }
    }
    this.longestByFirstWord = Map.copyOf(longest);
    Set<String> prefixes = new HashSet<>();
    for (String key : byKey.keySet()) {
      for (int space = key.indexOf(' '); space > 0; space = key.indexOf(' ', space + 1)) {
        prefixes.add(key.substring(0, space));
      }
    }
    this.prefixes = Set.copyOf(prefixes);
  }

  /** Whether some known name of several words begins with the words of {@code key}. */
  public boolean beginsSomeName(String key) {
    return prefixes.contains(key);
  }

  /** No entity known: every name gets an id of its own spelling. */
  public static KnownEntities none() {
    return new KnownEntities(Map.of(), Set.of());
  }

  /** The bundled reference data. */
  public static KnownEntities bundled() {
    Builder builder = new Builder();
    ClassLoader loader = KnownEntities.class.getClassLoader();
    for (String file : FILES) {
      try (InputStream in = loader.getResourceAsStream(CLASSPATH_ROOT + file)) {
        if (in != null) {
          builder.read(file, in);
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read the bundled " + file, e);
      }
    }
    return builder.build();
  }

  /** The entity files of a reference folder ({@code data/reference}); missing files are empty. */
  public static KnownEntities fromFolder(Path reference) {
    Builder builder = new Builder();
    Path folder = reference.resolve("entities");
    for (String file : FILES) {
      Path path = folder.resolve(file);
      if (Files.isRegularFile(path)) {
        try (InputStream in = Files.newInputStream(path)) {
          builder.read(file, in);
        } catch (IOException e) {
          throw new UncheckedIOException("cannot read " + path, e);
        }
      }
    }
    return builder.build();
  }

  /** The entity one of whose aliases has this key, or null. */
  public Known lookup(String key) {
    return byKey.get(key);
  }

  /**
   * The most words of a known alias of several words that starts with the word {@code key}; 0 when
   * none does.
   */
  public int longestStartingWith(String key) {
    return longestByFirstWord.getOrDefault(key, 0);
  }

  /** Whether {@code key} is a first name that is not also a common word. */
  public boolean isFirstName(String key) {
    return firstNames.contains(key);
  }

  /** Number of alias keys. */
  public int size() {
    return byKey.size();
  }

  /** Reads the files in a fixed order: places first, so that the alias table overrides them. */
  static final class Builder {
    private final Map<String, Known> byKey = new HashMap<>();
    private final Map<String, Long> population = new HashMap<>();
    private final Set<String> firstNames = new HashSet<>();

    /** Reads one file, by its name's format. */
    Builder read(String file, InputStream in) throws IOException {
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      String line;
      int number = 0;
      while ((line = reader.readLine()) != null) {
        number++;
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] fields = line.split("\t", -1);
        if (file.equals("places.tsv")) {
          readPlace(file, number, fields);
        } else if (file.equals("first-names.tsv")) {
          // name, langs, ambiguous (the languages where it is also a common word)
          if (!fields[0].equals("name") && (fields.length < 3 || fields[2].isBlank())) {
            firstNames.add(Names.key(fields[0]));
          }
        } else {
          readAlias(file, number, fields);
        }
      }
      return this;
    }

    /**
     * {@code id, kind, country, population, names[, ambiguous]}: a place; a country, else the most
     * populous place, wins a name.
     */
    private void readPlace(String file, int number, String[] fields) {
      require(fields.length >= 5, file, number, "expected 5 tab-separated columns");
      if (fields[0].equals("id")) {
        return;
      }
      // A country's name is the country's, whatever city shares it (countries list no
      // population).
      long people =
          fields[1].trim().equals("country")
              ? Long.MAX_VALUE - 1
              : fields[3].isBlank() ? 0 : parseLong(fields[3], file, number);
      String[] names = fields[4].split("\\|");
      Known place = new Known(fields[0].trim(), EntityType.LOC, names[0].trim());
      for (String name : names) {
        String key = Names.key(name.trim());
        if (key.isEmpty()) {
          continue;
        }
        Long other = population.get(key);
        if (other == null || other < people) {
          byKey.put(key, place);
          population.put(key, people);
        }
      }
    }

    /** {@code id, type, name[, aliases]}: an entity and every spelling of it. */
    private void readAlias(String file, int number, String[] fields) {
      require(
          fields.length >= 3,
          file,
          number,
          "expected 3 or 4 tab-separated columns: id, type, name[, aliases]");
      if (fields[0].equals("id")) {
        return;
      }
      EntityType type;
      try {
        type = EntityType.parse(fields[1].trim());
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(file + " line " + number + ": " + e.getMessage());
      }
      Known known = new Known(fields[0].trim(), type, fields[2].trim());
      byKey.put(Names.key(known.name()), known);
      for (String alias : (fields.length > 3 ? fields[3] : "").split("\\|")) {
        String key = Names.key(alias.trim());
        if (!key.isEmpty()) {
          byKey.put(key, known);
          population.put(key, Long.MAX_VALUE);
        }
      }
      population.put(Names.key(known.name()), Long.MAX_VALUE);
    }

    KnownEntities build() {
      return new KnownEntities(Map.copyOf(byKey), Set.copyOf(firstNames));
    }

    private static long parseLong(String value, String file, int number) {
      try {
        return Long.parseLong(value.trim());
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(
            file + " line " + number + ": population is not a number: '" + value + "'");
      }
    }

    private static void require(boolean ok, String file, int number, String problem) {
      if (!ok) {
        throw new IllegalArgumentException(file + " line " + number + ": " + problem);
      }
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof KnownEntities k && byKey.equals(k.byKey) && firstNames.equals(k.firstNames);
  }

  @Override
  public int hashCode() {
    return Objects.hash(byKey);
  }
}
