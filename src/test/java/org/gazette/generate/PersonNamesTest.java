package org.gazette.generate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.gazette.generate.ArticleGenerator.Article;
import org.gazette.generate.ArticleGenerator.Kind;
import org.junit.jupiter.api.Test;

/**
 * People are named as the press names them: in full at the first mention in the body, then by
 * surname or honorific ("M. Macron", "Mme Lagarde", "Mr Kerry", "Ms Yellen").
 */
class PersonNamesTest {

  private static final Content CONTENT = GeneratedCorpus.generator().content();
  private static final List<Content.Entity> PEOPLE =
      CONTENT.entities.stream().filter(e -> e.type().equals("PER")).toList();

  enum Form {
    FULL,
    HONORIFIC,
    SURNAME
  }

  /** A mention of a person at a position of a cleaned body. */
  record Mention(int at, Form form, String text) {}

  /** How one person is named in one language. */
  private record Names(
      Content.Entity person,
      String full,
      String surname,
      String honorific,
      boolean sharedSurname) {}

  private static final Map<String, List<Names>> NAMES = new HashMap<>();

  /** The people's names in {@code language}. */
  private static synchronized List<Names> names(String language) {
    return NAMES.computeIfAbsent(
        language,
        code -> {
          Content.Language lang = CONTENT.languages.get(code);
          List<Names> names = new ArrayList<>();
          for (Content.Entity p : PEOPLE) {
            String surname = p.shortName(code);
            String honorific =
                (p.female() ? lang.honorificFemale() : lang.honorific()).replace("{S}", surname);
            // Kim Jong Un and Kim Yo Jong are both "Kim": a bare "Kim" names either
            boolean shared =
                PEOPLE.stream().anyMatch(q -> q != p && q.shortName(code).equals(surname));
            names.add(new Names(p, p.name(code), surname, honorific, shared));
          }
          return List.copyOf(names);
        });
  }

  /** The mentions of every person named in {@code body}, each list in text order. */
  static Map<Content.Entity, List<Mention>> mentions(String language, String body) {
    // characters covered by a full name or honorific: the surname inside "Emmanuel Macron"
    // or "M. Macron" is no mention of its own
    boolean[] covered = new boolean[body.length()];
    Map<Content.Entity, List<Mention>> all = new HashMap<>();
    List<Names> names = new ArrayList<>();
    for (Names n : names(language)) {
      // cheap first: without the surname less its first letter, no form of the name is there
      if (body.contains(n.surname().substring(1)) || body.contains(n.full().substring(1))) {
        names.add(n);
      }
    }
    for (Names n : names) {
      for (int at : occurrences(body, n.full())) {
        Arrays.fill(covered, at, at + n.full().length(), true);
        all.computeIfAbsent(n.person(), k -> new ArrayList<>())
            .add(new Mention(at, Form.FULL, body.substring(at, at + n.full().length())));
      }
    }
    for (Names n : names) {
      if (n.honorific().equals(n.surname())) {
        continue; // German, Spanish, Italian: the bare surname
      }
      for (int at : occurrences(body, n.honorific())) {
        Arrays.fill(covered, at, at + n.honorific().length(), true);
        all.computeIfAbsent(n.person(), k -> new ArrayList<>())
            .add(new Mention(at, Form.HONORIFIC, n.honorific()));
      }
    }
    for (Names n : names) {
      for (int at : occurrences(body, n.surname())) {
        if (!covered[at]) {
          all.computeIfAbsent(n.person(), k -> new ArrayList<>())
              .add(new Mention(at, Form.SURNAME, body.substring(at, at + n.surname().length())));
        }
      }
    }
    for (List<Mention> mentions : all.values()) {
      mentions.sort((a, b) -> Integer.compare(a.at(), b.at()));
    }
    return all;
  }

  /**
   * Where {@code name} occurs in {@code text} as whole words, with its first letter as written or
   * upper-cased (a sentence may start with "Al-Jaber").
   */
  private static List<Integer> occurrences(String text, String name) {
    List<Integer> found = new ArrayList<>();
    String upper = name.substring(0, 1).toUpperCase(Locale.ROOT) + name.substring(1);
    for (String variant : upper.equals(name) ? List.of(name) : List.of(name, upper)) {
      for (int at = text.indexOf(variant); at >= 0; at = text.indexOf(variant, at + 1)) {
        int end = at + variant.length();
        boolean startsWord =
            at == 0 || !isWordChar(text.charAt(at - 1)) && text.charAt(at - 1) != '-';
        boolean endsWord = end == text.length() || !isWordChar(text.charAt(end));
        if (startsWord && endsWord) {
          found.add(at);
        }
      }
    }
    return found;
  }

  private static boolean isWordChar(char c) {
    return Character.isLetterOrDigit(c);
  }

  private static Names namesOf(Content.Entity person, String language) {
    return names(language).stream().filter(n -> n.person() == person).findFirst().orElseThrow();
  }

  /**
   * The first person named at least three times in row {@code row}, honorific and bare surname
   * among the mentions, and not named in full in the title; or null.
   */
  private static Content.Entity namedOften(int row, String language) {
    Map<Content.Entity, List<Mention>> all = mentions(language, GeneratedCorpus.cleanBody(row));
    for (Content.Entity p : PEOPLE) {
      List<Mention> mentions = all.getOrDefault(p, List.of());
      if (mentions.size() >= 3
          && !namesOf(p, language).sharedSurname()
          && !GeneratedCorpus.cleanTitle(row).contains(p.name(language))
          && mentions.stream().anyMatch(m -> m.form() == Form.HONORIFIC)
          && mentions.stream().anyMatch(m -> m.form() == Form.SURNAME)) {
        return p;
      }
    }
    return null;
  }

  private void assertNamedInFullFirstThenShort(String language, String mister, String madam) {
    List<Article> rows = GeneratedCorpus.rows();
    int found = 0;
    for (int i = 0; i < rows.size() && found < 3; i++) {
      Article a = rows.get(i);
      if (a.kind() != Kind.ORIGINAL || !GeneratedCorpus.languageOf(a).equals(language)) {
        continue;
      }
      Content.Entity person = namedOften(i, language);
      if (person == null) {
        continue;
      }
      found++;
      String full = person.name(language);
      String surname = person.shortName(language);
      String body = GeneratedCorpus.cleanBody(i);
      List<Mention> mentions = mentions(language, body).get(person);
      String where = "row " + i + ", " + full + ": " + mentions;
      // the first mention is the full name, before any short form
      assertThat(mentions.get(0).form()).as(where).isEqualTo(Form.FULL);
      assertThat(mentions.get(0).at()).as(where).isEqualTo(body.indexOf(full));
      assertThat(body.indexOf(surname))
          .as(where)
          .isEqualTo(body.indexOf(full) + full.indexOf(surname));
      // later: the honorific of the person's gender, and the bare surname
      String honorific = (person.female() ? madam : mister) + " " + surname;
      assertThat(body)
          .as(where)
          .contains(honorific)
          .doesNotContain((person.female() ? mister : madam) + " " + surname);
      assertThat(body.indexOf(honorific)).as(where).isGreaterThan(body.indexOf(full));
      assertThat(mentions.subList(1, mentions.size()))
          .as(where)
          .anySatisfy(m -> assertThat(m.form()).isEqualTo(Form.SURNAME));
    }
    assertThat(found).as("%s articles naming a person three times", language).isEqualTo(3);
  }

  @Test
  void frenchArticlesNameInFullFirstThenMonsieurOrMadameOrSurname() {
    assertNamedInFullFirstThenShort("fr", "M.", "Mme");
  }

  @Test
  void englishArticlesNameInFullFirstThenMrOrMsOrSurname() {
    assertNamedInFullFirstThenShort("en", "Mr", "Ms");
  }

  @Test
  void germanHonorificIsTheBareSurname() {
    int german = 0;
    for (int i = 0; i < 3_000; i++) {
      if (GeneratedCorpus.languageOf(GeneratedCorpus.rows().get(i)).equals("de")) {
        german++;
        assertThat(GeneratedCorpus.cleanBody(i)).doesNotContain("Herr ", "Frau ", "M. ", "Mr ");
      }
    }
    assertThat(german).isGreaterThan(200);
  }

  @Test
  void honorificsFollowGender() {
    List<Article> rows = GeneratedCorpus.rows();
    int women = 0;
    int men = 0;
    for (int i = 0; i < rows.size(); i += 2) {
      String language = GeneratedCorpus.languageOf(rows.get(i));
      if (!language.equals("fr") && !language.equals("en")) {
        continue;
      }
      String body = GeneratedCorpus.cleanBody(i);
      String mister = language.equals("fr") ? "M. " : "Mr ";
      String madam = language.equals("fr") ? "Mme " : "Ms ";
      if (!body.contains(mister) && !body.contains(madam)) {
        continue;
      }
      for (String prefix : List.of(mister, madam)) {
        for (int at = body.indexOf(prefix); at >= 0; at = body.indexOf(prefix, at + 1)) {
          for (Names n : names(language)) {
            if (n.sharedSurname() || !body.startsWith(n.surname(), at + prefix.length())) {
              continue; // "Mr Kim" and "Ms Kim" are both right
            }
            boolean female = n.person().female();
            assertThat(prefix)
                .as("row %d: %s%s", i, prefix, n.surname())
                .isEqualTo(female ? madam : mister);
            women += female ? 1 : 0;
            men += female ? 0 : 1;
          }
        }
      }
    }
    assertThat(women).isGreaterThan(100);
    assertThat(men).isGreaterThan(women);
  }

  /**
   * The mentions of people named in ORIGINAL rows (every second one), skipping shared surnames and,
   * if asked, people the title names in full; the lists whose first mention is not the full name go
   * to {@code failures}.
   */
  private static int checkFirstMentions(boolean skipTitlesWithFullName, List<String> failures) {
    List<Article> rows = GeneratedCorpus.rows();
    int checked = 0;
    for (int i = 0; i < rows.size(); i += 2) {
      Article a = rows.get(i);
      if (a.kind() != Kind.ORIGINAL) {
        continue;
      }
      String language = GeneratedCorpus.languageOf(a);
      for (var entry : mentions(language, GeneratedCorpus.cleanBody(i)).entrySet()) {
        Content.Entity p = entry.getKey();
        if (namesOf(p, language).sharedSurname()
            || skipTitlesWithFullName && GeneratedCorpus.cleanTitle(i).contains(p.name(language))) {
          continue;
        }
        checked++;
        if (entry.getValue().get(0).form() != Form.FULL) {
          failures.add("row " + i + " [" + GeneratedCorpus.cleanTitle(i) + "] " + entry.getValue());
        }
      }
    }
    return checked;
  }

  @Test
  void firstMentionInTheBodyIsTheFullName() {
    List<String> failures = new ArrayList<>();
    int checked = checkFirstMentions(true, failures);
    assertThat(checked).isGreaterThan(5_000);
    assertThat(failures).isEmpty();
  }

  @Test
  void titleWithRoleDoesNotTakeTheFirstMention() {
    List<String> failures = new ArrayList<>();
    checkFirstMentions(false, failures);
    assertThat(failures).isEmpty();
  }

  private static boolean sharesSurname(
      Content.Entity person, java.util.Set<Content.Entity> others, Article a) {
    String language = GeneratedCorpus.languageOf(a);
    return others.stream()
        .anyMatch(o -> o != person && o.shortName(language).equals(person.shortName(language)));
  }

  @Test
  void laterMentionsAreNeverTheFullNameAgain() {
    List<Article> rows = GeneratedCorpus.rows();
    List<String> repeated = new ArrayList<>();
    int named = 0;
    for (int i = 0; i < rows.size(); i += 2) {
      Article a = rows.get(i);
      if (a.kind() != Kind.ORIGINAL) {
        continue;
      }
      Map<Content.Entity, List<Mention>> byPerson =
          mentions(GeneratedCorpus.languageOf(a), GeneratedCorpus.cleanBody(i));
      for (Map.Entry<Content.Entity, List<Mention>> e : byPerson.entrySet()) {
        List<Mention> mentions = e.getValue();
        if (mentions.size() < 2 || sharesSurname(e.getKey(), byPerson.keySet(), a)) {
          continue; // "Kim" alone cannot say whether Kim Jong Un or Kim Yo Jong is meant
        }
        named++;
        if (mentions.subList(1, mentions.size()).stream().anyMatch(m -> m.form() == Form.FULL)) {
          repeated.add("row " + i + ": " + mentions);
        }
      }
    }
    assertThat(named).isGreaterThan(2_000);
    assertThat(repeated)
        .as("%d of %d people named more than once", repeated.size(), named)
        .isEmpty();
  }
}
