package org.gazette.topic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.gazette.topic.TopicRuleTest.set;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.gazette.text.Reference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The tracked-topics file: its layout, loading it, and which topics an article matches. */
class TrackedTopicsTest {

  private static final Reference REFERENCE = Reference.bundled();

  private static final String FILE =
      """
      # Topics of the Korea desk.

      12 | Korean missiles | (missile OR missiles OR "essai nucléaire")   # any test
          AND (@kim-jong-un OR @country:PRK
               OR "Corée du Nord")                                     # the name, too
      # between topics
      3 | Russia and North Korea | @vladimir-putin AND @kim-jong-un
      7 | War in Ukraine |
          # the rule may start on the next line
          (guerre OR en:war) AND L’Ukraine
      """;

  private static TrackedTopics parse(String text) {
    return TrackedTopics.parse("tracked.txt", text, REFERENCE);
  }

  @Test
  void oneTopicPerHeaderLineWithItsRuleContinuedOnIndentedLines() {
    TrackedTopics topics = parse(FILE);

    assertThat(topics.topics())
        .extracting(TrackedTopic::id, TrackedTopic::name, topic -> topic.rule().toString())
        .containsExactly(
            tuple(3, "Russia and North Korea", "@vladimir-putin AND @kim-jong-un"),
            tuple(7, "War in Ukraine", "(guerre OR en:war) AND ukraine"),
            tuple(
                12,
                "Korean missiles",
                "(missile OR missiles OR \"essai nucléaire\") AND"
                    + " (@kim-jong-un OR @country:PRK OR \"corée du nord\")"));
    assertThat(topics.topic(12).orElseThrow().literals())
        .containsExactly(
            "missile",
            "missiles",
            "essai nucléaire",
            "@kim-jong-un",
            "@country:PRK",
            "corée du nord");
    assertThat(topics.topic(4)).isEmpty();
    assertThat(topics.origin()).isEqualTo("tracked.txt");
  }

  @Test
  void windowsLineEndsAndAByteOrderMarkReadTheSame() {
    String windows = "\uFEFF" + FILE.replace("\n", "\r\n");
    assertThat(parse(windows).topics()).isEqualTo(parse(FILE).topics());
  }

  @Test
  void aHashInsideAPhraseIsNoComment() {
    // Were it a comment, the rule would be 'missile OR' and the phrase never closed.
    assertThatThrownBy(() -> parse("1 | A | missile OR \"c# langage\""))
        .hasMessageStartingWith("tracked.txt:1: '#' in \"c# langage\"");
  }

  @ParameterizedTest(name = "terms [{0}], entities [{1}]: topics {2}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      # article terms                        | entity ids                     | topics
      missiles, corée du nord                |                                | 12
      missile                                | country:PRK, vladimir-putin    | 12
      missiles                               | vladimir-putin, kim-jong-un    | 3, 12
      guerre, ukraine, missiles              | kim-jong-un, vladimir-putin    | 3, 7, 12
      war, l'ukraine                         |                                | 7
      guerre, ukraine                        | country:UKR                    | 7
      guerre                                 | country:UKR                    |
      missiles                               |                                |
                                             |                                |
      """)
  void theIdsOfTheTopicsAnArticleMatchesAscending(String terms, String entities, String ids) {
    int[] expected = set(ids).stream().mapToInt(Integer::parseInt).sorted().toArray();
    assertThat(parse(FILE).matching(set(terms), set(entities))).containsExactly(expected);
  }

  @Test
  void predicatesAreAskedOnlyAboutWhatTheRulesName() {
    TrackedTopics topics = parse(FILE);
    // An article whose every term is "missile" (no phrase, nothing else) and entity is PRK.
    assertThat(topics.matching(term -> term.equals("missile"), id -> id.equals("country:PRK")))
        .containsExactly(12);
    assertThat(topics.matching(term -> false, id -> false)).isEmpty();
  }

  @Test
  void matchingFromManyThreadsGivesWhatOneThreadGives() {
    TrackedTopics topics = parse(FILE);
    List<Set<String>> articles =
        List.of(
            set("missiles, corée du nord"),
            set("guerre"),
            set("war, ukraine"),
            set("missile"),
            set("essai nucléaire, missile"));
    Set<String> entities = set("kim-jong-un");
    List<List<Integer>> sequential =
        IntStream.range(0, 2_000)
            .mapToObj(i -> ids(topics.matching(articles.get(i % 5), entities)))
            .toList();
    List<List<Integer>> parallel =
        IntStream.range(0, 2_000)
            .parallel()
            .mapToObj(i -> ids(topics.matching(articles.get(i % 5), entities)))
            .toList();
    assertThat(parallel).isEqualTo(sequential);
  }

  private static List<Integer> ids(int[] ids) {
    return IntStream.of(ids).boxed().toList();
  }

  @Test
  void loadsAFileAndNamesItInErrors(@TempDir Path folder) throws IOException {
    Path file = folder.resolve("mine.txt");
    Files.writeString(file, FILE, StandardCharsets.UTF_8);
    assertThat(TrackedTopics.load(file, REFERENCE).topics()).isEqualTo(parse(FILE).topics());
    assertThat(TrackedTopics.load(file).origin()).isEqualTo(file.toString());

    Files.writeString(file, FILE + "12 | Again | missile\n", StandardCharsets.UTF_8);
    assertThatThrownBy(() -> TrackedTopics.load(file, REFERENCE))
        .isInstanceOf(TopicSyntaxException.class)
        .hasMessage(
            file
                + ":11: duplicate topic id 12: line 3 already uses it (ids must be"
                + " unique and stay with their topic)");
    assertThatThrownBy(() -> TrackedTopics.load(folder.resolve("missing.txt"), REFERENCE))
        .hasMessage("tracked topics file not found: " + folder.resolve("missing.txt"));
  }

  @Test
  void aReferenceFolderWithoutTheFileTracksNothing(@TempDir Path folder) throws IOException {
    assertThat(TrackedTopics.fromFolder(folder, REFERENCE).isEmpty()).isTrue();

    Files.createDirectories(folder.resolve("topics"));
    Files.writeString(folder.resolve("topics/tracked.txt"), FILE, StandardCharsets.UTF_8);
    TrackedTopics topics = TrackedTopics.fromFolder(folder, REFERENCE);
    assertThat(topics.size()).isEqualTo(3);
    assertThat(topics.origin()).isEqualTo(folder.resolve("topics/tracked.txt").toString());
  }

  @Test
  void anEmptyFileTracksNothing() {
    TrackedTopics topics = parse("# nothing tracked yet\n\n");
    assertThat(topics.topics()).isEmpty();
    assertThat(topics.matching(Set.of("missile"), Set.of())).isEmpty();
    assertThat(TrackedTopics.none().matching(Set.of("missile"), Set.of())).isEmpty();
  }

  @Test
  void survivesJavaSerialisation() throws IOException, ClassNotFoundException {
    TrackedTopics topics = parse(FILE);
    TrackedTopics copy = TopicRuleTest.roundTrip(topics);

    assertThat(copy.topics()).isEqualTo(topics.topics());
    assertThat(copy.matching(set("guerre, ukraine, missiles"), set("kim-jong-un, vladimir-putin")))
        .containsExactly(3, 7, 12);
  }

  // The bundled file

  @Test
  void theBundledFileIsTheOneInDataReference() {
    TrackedTopics bundled = TrackedTopics.bundled();
    TrackedTopics folder = TrackedTopics.fromFolder(Path.of("data/reference"), REFERENCE);

    assertThat(bundled.topics()).isEqualTo(folder.topics());
    assertThat(bundled.topics())
        .extracting(TrackedTopic::id, TrackedTopic::name)
        .containsExactly(
            tuple(1, "Korean peninsula and missiles"),
            tuple(2, "War in Ukraine"),
            tuple(3, "Russia and North Korea"),
            tuple(4, "Inflation and interest rates"),
            tuple(5, "Heat and wildfires"),
            tuple(6, "Elections"),
            tuple(7, "Vaccines and epidemics"),
            tuple(8, "Artificial intelligence and chips"));
  }

  @ParameterizedTest(name = "topic {0} on terms [{1}], entities [{2}]: {3}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      # topic | article terms                                    | entity ids                    | matches
      1       | missiles balistiques, missiles, corée du nord    |                               | true
      1       | misiles                                          | kim-jong-un                   | true
      1       | raketen, nordkorea                               |                               | true
      1       | missiles                                         | country:RUS                   | false
      1       | corée du nord, sommet                            | country:PRK                   | false
      2       | guerre, invasion, ukraine                        | country:UKR                   | true
      2       | krieg                                            | city:703448                   | true
      2       | war, ucraina                                     |                               | true
      2       | guerre, corée                                    | country:KOR                   | false
      3       |                                                  | vladimir-putin, kim-jong-un   | true
      3       |                                                  | sergei-shoigu, country:PRK    | true
      3       |                                                  | vladimir-putin, country:UKR   | false
      4       | inflation                                        |                               | true
      4       | taux directeurs                                  | ecb                           | true
      4       | tipos de interés, banco central                  |                               | true
      4       | taux d'intérêt, crédit immobilier                |                               | false
      5       | canicule, incendies                              |                               | true
      5       | dürre                                            |                               | true
      5       | canicule, film, festival                         |                               | false
      6       | elecciones, campaña electoral                    |                               | true
      6       | élections, législatives                          | country:FRA                   | true
      6       | sondaggi                                         |                               | false
      7       | impfstoff, pandemie                              |                               | true
      7       |                                                  | who                           | true
      7       | krankenhaus                                      |                               | false
      8       | künstliche intelligenz                           |                               | true
      8       | semi-conducteurs                                 | country:TWN                   | true
      8       | intelligence, renseignement                      |                               | false
      """)
  void eachBundledTopicMatchesItsArticlesAndNotOthers(
      int topic, String terms, String entities, boolean matches) {
    assertThat(
            TrackedTopics.bundled().topic(topic).orElseThrow().matches(set(terms), set(entities)))
        .isEqualTo(matches);
  }
}
