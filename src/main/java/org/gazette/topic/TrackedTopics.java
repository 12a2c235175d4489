package org.gazette.topic;

import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.gazette.text.Reference;

/**
 * The topics users track ({@code data/reference/topics/tracked.txt}, format in the README beside
 * it), and which of them an article matches.
 *
 * <p>Small, immutable and serialisable: the driver parses the file once (a mistake fails the run
 * before Spark starts, with file and line) and Spark ships the rules to the executors. Thread-safe.
 */
public final class TrackedTopics implements Serializable {

  private static final long serialVersionUID = 1L;

  /** The file's place in a reference folder, and in the jar under {@link #CLASSPATH_ROOT}. */
  public static final String FILE = "topics/tracked.txt";

  /** Where the build copies {@code data/reference} inside the jar. */
  static final String CLASSPATH_ROOT = "org/gazette/reference/";

  private static final int[] NONE = new int[0];

  private final String origin;
  private final TrackedTopic[] topics;

  private TrackedTopics(String origin, List<TrackedTopic> topics) {
    this.origin = origin;
    this.topics =
        topics.stream()
            .sorted(Comparator.comparingInt(TrackedTopic::id))
            .toArray(TrackedTopic[]::new);
  }

  /** No topic tracked. */
  public static TrackedTopics none() {
    return new TrackedTopics("none", List.of());
  }

  /** The file bundled in the jar, analysed with the bundled reference data. */
  public static TrackedTopics bundled() {
    return bundled(Reference.bundled());
  }

  /**
   * The file bundled in the jar, its words analysed as {@code reference} analyses articles; {@link
   * #none()} when the jar holds none.
   */
  public static TrackedTopics bundled(Reference reference) {
    String source = "bundled " + FILE;
    try (InputStream in =
        TrackedTopics.class.getClassLoader().getResourceAsStream(CLASSPATH_ROOT + FILE)) {
      if (in == null) {
        return none();
      }
      return parse(source, new String(in.readAllBytes(), StandardCharsets.UTF_8), reference);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the " + source, e);
    }
  }

  /**
   * The file of a reference folder laid out like {@code data/reference}; {@link #none()} when the
   * folder has none. {@code reference} should be read from the same folder.
   */
  public static TrackedTopics fromFolder(Path referenceFolder, Reference reference) {
    Path file = referenceFolder.resolve(FILE);
    return Files.isRegularFile(file) ? load(file, reference) : none();
  }

  /** Reads a tracked-topics file, analysing its words with the bundled reference data. */
  public static TrackedTopics load(Path file) {
    return load(file, Reference.bundled());
  }

  /**
   * Reads a tracked-topics file, its words analysed as {@code reference} analyses articles.
   *
   * @throws TopicSyntaxException naming the file and line of the first mistake
   */
  public static TrackedTopics load(Path file, Reference reference) {
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException("tracked topics file not found: " + file);
    }
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + " (UTF-8 expected)", e);
    }
    return parse(file.toString(), text, reference);
  }

  /**
   * Parses the text of a tracked-topics file; {@code source} names it in error messages.
   *
   * @throws TopicSyntaxException naming the source and line of the first mistake
   */
  public static TrackedTopics parse(String source, String text, Reference reference) {
    return new FileReader(source, new LiteralAnalyzer(reference)).read(text);
  }

  /** The topics, by ascending id. */
  public List<TrackedTopic> topics() {
    return List.of(topics);
  }

  /** The topic with this id. */
  public Optional<TrackedTopic> topic(int id) {
    for (TrackedTopic topic : topics) {
      if (topic.id() == id) {
        return Optional.of(topic);
      }
    }
    return Optional.empty();
  }

  public int size() {
    return topics.length;
  }

  public boolean isEmpty() {
    return topics.length == 0;
  }

  /** Where the topics came from, for logs. */
  public String origin() {
    return origin;
  }

  /**
   * The ids, ascending, of the topics an article with these terms and entity ids matches; see
   * {@link TopicRule#matches(Set, Set)}.
   */
  public int[] matching(Set<String> terms, Set<String> entityIds) {
    return matching((Predicate<String>) terms::contains, entityIds::contains);
  }

  /**
   * The ids, ascending, of the topics an article matches whose terms and entity ids are those the
   * predicates accept. Allocates only when some topic matches.
   */
  public int[] matching(Predicate<? super String> terms, Predicate<? super String> entityIds) {
    int[] ids = null;
    int count = 0;
    for (int i = 0; i < topics.length; i++) {
      if (topics[i].rule().matches(terms, entityIds)) {
        if (ids == null) {
          ids = new int[topics.length - i];
        }
        ids[count++] = topics[i].id();
      }
    }
    return ids == null ? NONE : count == ids.length ? ids : Arrays.copyOf(ids, count);
  }

  /** Every term form some rule looks up, for {@link TrackedTerms}. */
  Set<String> termForms() {
    Set<String> forms = new LinkedHashSet<>();
    for (TrackedTopic topic : topics) {
      topic.rule().addTermForms(forms);
    }
    return forms;
  }

  @Override
  public String toString() {
    return "TrackedTopics[" + origin + ", " + topics.length + " topics]";
  }

  /**
   * Reads the file's lines: {@code id | name | rule} starts a topic; an indented line continues the
   * rule above; blank lines and lines starting with {@code #} are skipped.
   */
  private static final class FileReader {
    private final String source;
    private final TopicRuleParser parser;
    private final List<TrackedTopic> topics = new ArrayList<>();
    private final Map<Integer, Integer> lineOfId = new HashMap<>();
    private final Map<String, Integer> lineOfName = new HashMap<>();
    private int id;
    private String name;
    private List<TopicRuleParser.Fragment> rule;

    FileReader(String source, LiteralAnalyzer literals) {
      this.source = source;
      this.parser = new TopicRuleParser(source, literals);
    }

    TrackedTopics read(String text) {
      if (text.startsWith("\uFEFF")) {
        text = text.substring(1); // a byte order mark some editors write
      }
      String[] lines = text.split("\r\n|\r|\n", -1);
      for (int i = 0; i < lines.length; i++) {
        int number = i + 1;
        String line = lines[i];
        String content = line.strip();
        if (content.isEmpty() || content.startsWith("#")) {
          continue;
        }
        if (Character.isWhitespace(line.charAt(0)) || Character.isSpaceChar(line.charAt(0))) {
          if (rule == null) {
            throw error(
                number,
                "an indented line continues the rule of the topic above, but"
                    + " there is none; a topic starts at the beginning of a line with"
                    + " 'id | name | rule'");
          }
          rule.add(new TopicRuleParser.Fragment(number, 1, line));
          continue;
        }
        finishTopic();
        startTopic(number, line);
      }
      finishTopic();
      return new TrackedTopics(source, topics);
    }

    private void startTopic(int number, String line) {
      int first = line.indexOf('|');
      int second = first < 0 ? -1 : line.indexOf('|', first + 1);
      if (second < 0) {
        throw error(number, "expected 'id | name | rule', found '" + abbreviate(line) + "'");
      }
      String idText = line.substring(0, first).strip();
      if (!idText.matches("[0-9]{1,10}")
          || Long.parseLong(idText) > Integer.MAX_VALUE
          || Long.parseLong(idText) == 0) {
        throw error(
            number,
            "topic id '"
                + idText
                + "' is not a positive whole number (1 to "
                + Integer.MAX_VALUE
                + ")");
      }
      id = Integer.parseInt(idText);
      Integer previous = lineOfId.putIfAbsent(id, number);
      if (previous != null) {
        throw error(
            number,
            "duplicate topic id "
                + id
                + ": line "
                + previous
                + " already uses it (ids must be unique and stay with their topic)");
      }
      name = line.substring(first + 1, second).strip();
      if (name.isEmpty()) {
        throw error(number, "topic " + id + " has no name");
      }
      Integer named = lineOfName.putIfAbsent(name.toLowerCase(Locale.ROOT), number);
      if (named != null) {
        throw error(
            number, "duplicate topic name '" + name + "': line " + named + " already uses it");
      }
      rule = new ArrayList<>();
      rule.add(new TopicRuleParser.Fragment(number, second + 2, line.substring(second + 1)));
    }

    private void finishTopic() {
      if (rule == null) {
        return;
      }
      topics.add(new TrackedTopic(id, name, parser.parse(rule)));
      rule = null;
    }

    private TopicSyntaxException error(int line, String problem) {
      return new TopicSyntaxException(source, line, problem);
    }

    private static String abbreviate(String line) {
      String s = line.strip();
      return s.length() <= 60 ? s : s.substring(0, 57) + "...";
    }
  }
}
