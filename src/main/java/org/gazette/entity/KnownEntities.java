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
import java.util.Map;
import java.util.Objects;
import org.gazette.ner.EntityType;

/**
 * The entities the reference data names, by the key ({@link Names#key}) of every alias: the
 * cross-lingual alias table ({@code entities/aliases.tsv}: Poutine, Putin and Путин are one
 * id) and the places ({@code entities/places.tsv}: countries, capitals and large cities in
 * many languages). A name both list is taken from the alias table, which users curate.
 */
public final class KnownEntities implements Serializable {

  private static final long serialVersionUID = 1L;

  /** Where the reference folder's entity files are bundled inside the jar. */
  static final String CLASSPATH_ROOT = "org/gazette/reference/entities/";

  /** An entity of the reference data. */
  public record Known(String id, EntityType type, String name) implements Serializable {}

  private final Map<String, Known> byKey;

  private KnownEntities(Map<String, Known> byKey) {
    this.byKey = byKey;
  }

  /** No entity known: every name gets an id of its own spelling. */
  public static KnownEntities none() {
    return new KnownEntities(Map.of());
  }

  /** The bundled reference data. */
  public static KnownEntities bundled() {
    Builder builder = new Builder();
    ClassLoader loader = KnownEntities.class.getClassLoader();
    for (String file : new String[] {"places.tsv", "place-aliases.tsv", "aliases.tsv"}) {
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
    for (String file : new String[] {"places.tsv", "place-aliases.tsv", "aliases.tsv"}) {
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

  /** Number of alias keys. */
  public int size() {
    return byKey.size();
  }

  /** Reads the files in a fixed order: places first, so that the alias table overrides them. */
  static final class Builder {
    private final Map<String, Known> byKey = new HashMap<>();
    private final Map<String, Long> population = new HashMap<>();

    /** Reads one file, by its name's format. */
    Builder read(String file, InputStream in) throws IOException {
      BufferedReader reader = new BufferedReader(new InputStreamReader(in,
          StandardCharsets.UTF_8));
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
        } else {
          readAlias(file, number, fields);
        }
      }
      return this;
    }

    /** {@code id, kind, country, population, names}: a place; the most populous wins a name. */
    private void readPlace(String file, int number, String[] fields) {
      require(fields.length >= 5, file, number, "expected 5 tab-separated columns");
      if (fields[0].equals("id")) {
        return;
      }
      long people = fields[3].isBlank() ? 0 : parseLong(fields[3], file, number);
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

    /** {@code id, type, name, aliases}: an entity and every spelling of it. */
    private void readAlias(String file, int number, String[] fields) {
      require(fields.length >= 4, file, number, "expected 4 tab-separated columns");
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
      for (String alias : fields[3].split("\\|")) {
        String key = Names.key(alias.trim());
        if (!key.isEmpty()) {
          byKey.put(key, known);
          population.put(key, Long.MAX_VALUE);
        }
      }
      population.put(Names.key(known.name()), Long.MAX_VALUE);
    }

    KnownEntities build() {
      return new KnownEntities(Map.copyOf(byKey));
    }

    private static long parseLong(String value, String file, int number) {
      try {
        return Long.parseLong(value.trim());
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(file + " line " + number
            + ": population is not a number: '" + value + "'");
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
    return o instanceof KnownEntities k && byKey.equals(k.byKey);
  }

  @Override
  public int hashCode() {
    return Objects.hash(byKey);
  }
}
