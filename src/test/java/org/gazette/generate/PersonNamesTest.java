package org.gazette.generate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gazette.generate.ArticleGenerator.Article;
import org.gazette.generate.ArticleGenerator.Kind;
import org.junit.jupiter.api.Disabled;
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
    FULL, HONORIFIC, SURNAME
  }

  /** A mention of a person at a position of a cleaned body. */
  record Mention(int at, Form form, String text) {}

  /** The mentions of {@code person} in {@code body}, in text order. */
  static List<Mention> mentions(Content.Entity person, String language, String body) {
    String full = person.name(language);
    String surname = person.shortName(language);
    Content.Language lang = CONTENT.languages.get(language);
    String honorific = (person.female() ? lang.honorificFemale() : lang.honorific())
        .replace("{S}", surname);
    // characters covered by a full name: the surname inside "Emmanuel Macron", or the "Kim"
    // of "Kim Yo Jong" when looking for Kim Jong Un, is no mention of its own
    boolean[] covered = new boolean[body.length()];
    List<Mention> mentions = new ArrayList<>();
    for (Content.Entity p : PEOPLE) {
      Matcher m = word(p.name(language)).matcher(body);
      while (m.find()) {
        java.util.Arrays.fill(covered, m.start(), m.end(), true);
        if (p == person) {
          mentions.add(new Mention(m.start(), Form.FULL, m.group()));
        }
      }
    }
    if (!honorific.equals(surname)) {
      Matcher m = word(honorific).matcher(body);
      while (m.find()) {
        java.util.Arrays.fill(covered, m.start(), m.end(), true);
        mentions.add(new Mention(m.start(), Form.HONORIFIC, m.group()));
      }
    }
    Matcher m = word(surname).matcher(body);
    while (m.find()) {
      if (!covered[m.start()]) {
        mentions.add(new Mention(m.start(), Form.SURNAME, m.group()));
      }
    }
    mentions.sort((a, b) -> Integer.compare(a.at(), b.at()));
    return mentions;
  }

  /** {@code name} as a whole word, its first letter in either case (sentences start upper). */
  private static Pattern word(String name) {
    String first = name.substring(0, 1);
    String capitalFirst = "[" + Pattern.quote(first) + Pattern.quote(first.toUpperCase(
        java.util.Locale.ROOT)) + "]";
    return Pattern.compile("(?<![\\p{L}\\p{N}-])" + capitalFirst
        + Pattern.quote(name.substring(1)) + "(?![\\p{L}\\p{N}])");
  }

  /** A person with at least {@code minimum} mentions, the honorific among them, or null. */
  private static Content.Entity namedOften(int row, String language, int minimum) {
    for (Content.Entity p : PEOPLE) {
      if (GeneratedCorpus.cleanTitle(row).contains(p.name(language))) {
        continue; // see titleWithRoleDoesNotTakeTheFirstMention
      }
      List<Mention> mentions = mentions(p, language, GeneratedCorpus.cleanBody(row));
      if (mentions.size() >= minimum
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
      Content.Entity person = namedOften(i, language, 3);
      if (person == null) {
        continue;
      }
      found++;
      String full = person.name(language);
      String surname = person.shortName(language);
      String body = GeneratedCorpus.cleanBody(i);
      List<Mention> mentions = mentions(person, language, body);
      String where = "row " + i + ", " + full + ": " + mentions;
      assertThat(mentions.get(0).form()).as(where).isEqualTo(Form.FULL);
      assertThat(body.indexOf(full)).as(where).isEqualTo(mentions.get(0).at());
      String honorific = (person.female() ? madam : mister) + " " + surname;
      assertThat(mentions).as(where).anySatisfy(m -> assertThat(m.text()).isEqualTo(honorific))
          .anySatisfy(m -> assertThat(m.text()).isEqualToIgnoringCase(surname));
      assertThat(body).as(where)
          .doesNotContain((person.female() ? mister : madam) + " " + surname);
    }
    assertThat(found).as("%s articles naming a person three times", language).isEqualTo(3);
  }

  @Test
  void frenchArticleNamesInFullFirstThenMonsieurOrMadameOrSurname() {
    assertNamedInFullFirstThenShort("fr", "M.", "Mme");
  }

  @Test
  void englishArticleNamesInFullFirstThenMrOrMsOrSurname() {
    assertNamedInFullFirstThenShort("en", "Mr", "Ms");
  }

  @Test
  void germanHonorificIsTheBareSurname() {
    for (Article a : GeneratedCorpus.rows().subList(0, 3_000)) {
      if (a.body() != null && GeneratedCorpus.languageOf(a).equals("de")) {
        assertThat(a.body()).doesNotContain("Herr ", "Frau ", "M. ", "Mr ");
      }
    }
  }

  @Test
  void honorificsFollowGender() {
    int women = 0;
    List<Article> rows = GeneratedCorpus.rows();
    for (int i = 0; i < rows.size(); i += 3) {
      String language = GeneratedCorpus.languageOf(rows.get(i));
      if (!language.equals("fr") && !language.equals("en")) {
        continue;
      }
      String body = GeneratedCorpus.cleanBody(i);
      for (Content.Entity p : PEOPLE) {
        String surname = p.shortName(language);
        if (PEOPLE.stream().anyMatch(q -> q.female() != p.female()
            && q.shortName(language).equals(surname))) {
          continue; // Kim Jong Un and Kim Yo Jong: "Mr Kim" and "Ms Kim" are both right
        }
        String wrong = language.equals("fr") ? (p.female() ? "M. " : "Mme ") + surname
            : (p.female() ? "Mr " : "Ms ") + surname;
        assertThat(body).as("row %d", i).doesNotContain(wrong);
        String right = language.equals("fr") ? (p.female() ? "Mme " : "M. ") + surname
            : (p.female() ? "Ms " : "Mr ") + surname;
        women += p.female() && body.contains(right) ? 1 : 0;
      }
    }
    assertThat(women).isGreaterThan(20);
  }

  /** Every (row, person) of ORIGINAL rows where the title does not name the person in full. */
  private static int checkFirstMentions(boolean skipTitlesWithFullName, List<String> failures) {
    List<Article> rows = GeneratedCorpus.rows();
    int checked = 0;
    for (int i = 0; i < rows.size(); i += 2) {
      Article a = rows.get(i);
      if (a.kind() != Kind.ORIGINAL) {
        continue;
      }
      String language = GeneratedCorpus.languageOf(a);
      for (Content.Entity p : PEOPLE) {
        if (skipTitlesWithFullName && GeneratedCorpus.cleanTitle(i).contains(p.name(language))) {
          continue;
        }
        List<Mention> mentions = mentions(p, language, GeneratedCorpus.cleanBody(i));
        if (mentions.isEmpty()) {
          continue;
        }
        checked++;
        if (mentions.get(0).form() != Form.FULL) {
          failures.add("row " + i + " [" + GeneratedCorpus.cleanTitle(i) + "] " + mentions);
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
    // a surname of one person can be a word of another's name or of an organisation's (two
    // Kims); allow a few such look-alikes, far fewer than the bug below gives
    assertThat(failures.size()).as("%s", failures.stream().limit(5).toList())
        .isLessThan(checked / 200);
  }

  @Disabled("BUG: a title with {ROLE} {PER} counts as the person's first mention (Writer.role "
      + "merges into mentions even for a title, while Writer.person does not), so the body "
      + "then names the person by surname or honorific only, never in full, e.g. title "
      + "'Sommet de crise : le président russe Vladimir Poutine appelle…', body 'M. Poutine…'")
  @Test
  void titleWithRoleDoesNotTakeTheFirstMention() {
    List<String> failures = new ArrayList<>();
    int checked = checkFirstMentions(false, failures);
    assertThat(failures.size()).as("%s", failures.stream().limit(5).toList())
        .isLessThan(checked / 200);
  }

  @Disabled("BUG: {ROLE} {PER} always writes the role and the full name, even when the "
      + "article has already named the person, so about one person in seven is named in full "
      + "again after 'M. Macron' or 'Macron' ('... a tranché le président de la République "
      + "Emmanuel Macron'); later mentions should be the surname or honorific")
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
      String language = GeneratedCorpus.languageOf(a);
      for (Content.Entity p : PEOPLE) {
        List<Mention> mentions = mentions(p, language, GeneratedCorpus.cleanBody(i));
        if (mentions.size() < 2) {
          continue;
        }
        named++;
        if (mentions.subList(1, mentions.size()).stream().anyMatch(m -> m.form() == Form.FULL)) {
          repeated.add("row " + i + ": " + mentions);
        }
      }
    }
    assertThat(named).isGreaterThan(2_000);
    assertThat(repeated).as("%d of %d named in full twice", repeated.size(), named).isEmpty();
  }
}
