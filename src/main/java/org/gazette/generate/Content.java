package org.gazette.generate;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The hand-written material of the synthetic corpus: per language, the sentence and title templates
 * and noun phrases of each topic; the people, organisations and places of each topic in every
 * language. Parsed from the files described in {@code generate/FORMAT.md}.
 */
final class Content {

  static final List<String> TOPICS =
      List.of(
          "conflict", "economy", "politics", "climate", "health", "technology", "sport", "culture");
  static final String GENERAL = "general";
  static final List<String> LANGUAGES = List.of("fr", "en", "de", "es", "it");

  private static final String ROOT = "org/gazette/generate/";

  /** One language's material. */
  record Language(
      String code,
      String honorific,
      String honorificFemale,
      List<String> days,
      List<String> sources,
      String wire,
      Map<String, Topic> topics,
      List<Template> general) {}

  /** One topic in one language. */
  record Topic(String name, List<String> nouns, List<Template> titles, List<Template> sentences) {}

  /** A person, organisation, place or other name, in every language. */
  record Entity(
      String type,
      String topic,
      Map<String, String> names,
      Map<String, String> shorts,
      Map<String, String> roles,
      boolean female) {

    String name(String language) {
      return names.getOrDefault(language, names.get("en"));
    }

    /** The surname or short form: explicit, else the last word of the name. */
    String shortName(String language) {
      String s = shorts.get(language);
      if (s == null) {
        s = shorts.get("");
      }
      if (s == null) {
        String full = name(language);
        s = full.substring(full.lastIndexOf(' ') + 1);
      }
      return s;
    }

    String role(String language) {
      return roles.getOrDefault(language, roles.get("en"));
    }
  }

  final Map<String, Language> languages;
  final List<Entity> entities;

  private Content(Map<String, Language> languages, List<Entity> entities) {
    this.languages = languages;
    this.entities = entities;
  }

  /** Loads the bundled content. */
  static Content load() {
    Map<String, Language> languages = new LinkedHashMap<>();
    for (String code : LANGUAGES) {
      languages.put(code, parseLanguage(code, lines("lang/" + code + ".txt")));
    }
    List<Entity> entities = new ArrayList<>();
    for (String line : lines("entities.txt")) {
      entities.add(parseEntity(line));
    }
    return new Content(languages, entities);
  }

  static Language parseLanguage(String code, List<String> lines) {
    String honorific = "{S}";
    String honorificFemale = null;
    List<String> days = List.of();
    List<String> sources = List.of();
    String wire = null;
    Map<String, Topic> topics = new LinkedHashMap<>();
    List<Template> general = new ArrayList<>();
    String topic = null;
    String section = null;
    Map<String, List<String>> current = new HashMap<>();
    for (String line : lines) {
      if (line.startsWith("@")) {
        int space = line.indexOf(' ');
        String directive = space < 0 ? line : line.substring(0, space);
        String value = space < 0 ? "" : line.substring(space + 1).strip();
        switch (directive) {
          case "@language" -> {
            if (!value.equals(code)) {
              throw new IllegalStateException("lang/" + code + ".txt says @language " + value);
            }
          }
          case "@honorific" -> honorific = value;
          case "@honorific.f" -> honorificFemale = value;
          case "@days" -> days = split(value);
          case "@sources" -> sources = split(value);
          case "@wire" -> wire = value;
          case "@topic" -> {
            finishTopic(topic, current, topics, general);
            topic = value;
            section = null;
            current = new HashMap<>();
          }
          case "@nouns", "@titles", "@sentences" -> section = directive.substring(1);
          default -> throw new IllegalStateException("lang/" + code + ".txt: unknown " + line);
        }
        continue;
      }
      if (section == null) {
        throw new IllegalStateException("lang/" + code + ".txt: text outside a section: " + line);
      }
      current.computeIfAbsent(section, k -> new ArrayList<>()).add(line);
    }
    finishTopic(topic, current, topics, general);
    for (String t : TOPICS) {
      if (!topics.containsKey(t)) {
        throw new IllegalStateException("lang/" + code + ".txt has no topic " + t);
      }
    }
    if (days.size() != 7 || sources.isEmpty() || wire == null) {
      throw new IllegalStateException("lang/" + code + ".txt needs @days (7), @sources, @wire");
    }
    return new Language(
        code,
        honorific,
        honorificFemale == null ? honorific : honorificFemale,
        days,
        sources,
        wire,
        topics,
        general);
  }

  private static void finishTopic(
      String topic,
      Map<String, List<String>> sections,
      Map<String, Topic> topics,
      List<Template> general) {
    if (topic == null) {
      return;
    }
    List<Template> sentences = templates(sections.get("sentences"));
    if (topic.equals(GENERAL)) {
      general.addAll(sentences);
      return;
    }
    topics.put(
        topic,
        new Topic(
            topic,
            List.copyOf(sections.getOrDefault("nouns", List.of())),
            templates(sections.get("titles")),
            sentences));
  }

  private static List<Template> templates(List<String> lines) {
    List<Template> out = new ArrayList<>();
    if (lines != null) {
      for (String line : lines) {
        out.add(Template.parse(line));
      }
    }
    return List.copyOf(out);
  }

  static Entity parseEntity(String line) {
    String[] fields = line.split("\t");
    if (fields.length != 3) {
      throw new IllegalStateException("entities.txt: expected 3 tab-separated fields: " + line);
    }
    Map<String, String> names = new HashMap<>();
    Map<String, String> shorts = new HashMap<>();
    Map<String, String> roles = new HashMap<>();
    boolean female = false;
    for (String pair : fields[2].split("\\|")) {
      String p = pair.strip();
      int eq = p.indexOf('=');
      String key = p.substring(0, eq).strip();
      String value = p.substring(eq + 1).strip();
      if (key.equals("short")) {
        shorts.put("", value);
      } else if (key.startsWith("short.")) {
        shorts.put(key.substring(6), value);
      } else if (key.startsWith("role.")) {
        roles.put(key.substring(5), value);
      } else if (key.equals("gender")) {
        female = value.equals("f");
      } else {
        names.put(key, value);
      }
    }
    if (!names.containsKey("en")) {
      throw new IllegalStateException("entities.txt: no English name: " + line);
    }
    return new Entity(
        fields[0].strip().toUpperCase(Locale.ROOT),
        fields[1].strip(),
        names,
        shorts,
        roles,
        female);
  }

  private static List<String> split(String value) {
    List<String> parts = new ArrayList<>();
    for (String p : value.split("\\|")) {
      if (!p.isBlank()) {
        parts.add(p.strip());
      }
    }
    return List.copyOf(parts);
  }

  private static List<String> lines(String name) {
    try (InputStream in = Content.class.getClassLoader().getResourceAsStream(ROOT + name)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + ROOT + name);
      }
      List<String> lines = new ArrayList<>();
      try (BufferedReader r =
          new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
        String line;
        while ((line = r.readLine()) != null) {
          String l = line.strip();
          if (!l.isEmpty() && !l.startsWith("#")) {
            lines.add(l);
          }
        }
      }
      return lines;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
