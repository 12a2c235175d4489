package org.gazette.generate;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.gazette.generate.ArticleGenerator.Article;
import org.gazette.generate.ArticleGenerator.Kind;
import org.gazette.text.TextCleaner;
import org.junit.jupiter.api.Test;

/** Each invalid kind gives the defect nightly must reject or collapse, and nothing else. */
class InvalidRowsTest {

  private static final List<Article> ROWS = GeneratedCorpus.rows();
  private static final Set<String> UNPARSEABLE_DATES =
      Set.of(
          "hier",
          "2023-02-30",
          "31/12/2023 25:00",
          "not a date",
          "2023-13-01T10:00:00Z",
          "mardi dernier");

  private static List<Integer> rowsOf(Kind kind) {
    List<Integer> rows = new ArrayList<>();
    for (int i = 0; i < ROWS.size(); i++) {
      if (ROWS.get(i).kind() == kind) {
        rows.add(i);
      }
    }
    assertThat(rows).as("rows of kind %s", kind).hasSizeGreaterThan(5);
    return rows;
  }

  @Test
  void missingIdIsNullOrBlankAndTheRestIsSound() {
    Set<String> seen = new HashSet<>();
    for (int i : rowsOf(Kind.MISSING_ID)) {
      Article a = ROWS.get(i);
      assertThat(a.id()).as("row %d", i).isIn(null, " ");
      seen.add(String.valueOf(a.id()));
      assertThat(PublishedAt.parse(a.publishedAt())).isNotNull();
      assertThat(TextCleaner.clean(a.body())).isNotBlank();
      assertThat(a.title()).isNotBlank();
    }
    assertThat(seen).containsExactlyInAnyOrder("null", " ");
  }

  @Test
  void missingDateIsNullOrEmpty() {
    Set<String> seen = new HashSet<>();
    for (int i : rowsOf(Kind.MISSING_DATE)) {
      Article a = ROWS.get(i);
      assertThat(a.publishedAt()).as("row %d", i).isIn(null, "");
      seen.add(String.valueOf(a.publishedAt()));
      assertThat(a.id()).isEqualTo(GeneratedCorpus.generator().idOf(i));
      assertThat(TextCleaner.clean(a.body())).isNotBlank();
    }
    assertThat(seen).containsExactlyInAnyOrder("null", "");
  }

  @Test
  void badDateIsOneOfTheUnparseableStrings() {
    for (int i : rowsOf(Kind.BAD_DATE)) {
      Article a = ROWS.get(i);
      assertThat(a.publishedAt()).as("row %d", i).isIn(UNPARSEABLE_DATES);
      assertThat(a.id()).isEqualTo(GeneratedCorpus.generator().idOf(i));
    }
  }

  @Test
  void theUnparseableDatesDoNotParse() {
    for (String date : UNPARSEABLE_DATES) {
      assertThat(PublishedAt.parse(date)).as(date).isNull();
    }
  }

  @Test
  void noTextHasBlankOrNullTitleAndBody() {
    Set<String> titles = new HashSet<>();
    Set<String> bodies = new HashSet<>();
    for (int i : rowsOf(Kind.NO_TEXT)) {
      Article a = ROWS.get(i);
      assertThat(a.title()).as("row %d", i).isIn(null, "  ");
      assertThat(a.body()).as("row %d", i).isIn(null, "");
      titles.add(String.valueOf(a.title()));
      bodies.add(String.valueOf(a.body()));
      assertThat(a.id()).isEqualTo(GeneratedCorpus.generator().idOf(i));
      assertThat(PublishedAt.parse(a.publishedAt())).isNotNull();
    }
    assertThat(titles).hasSize(2);
    assertThat(bodies).hasSize(2);
  }

  @Test
  void markupOnlyHasNoTitleAndABodyThatCleansToNothing() {
    for (int i : rowsOf(Kind.MARKUP_ONLY)) {
      Article a = ROWS.get(i);
      assertThat(a.title()).as("row %d", i).isNull();
      assertThat(a.body()).contains("<p>", "&nbsp;", "<script>");
      assertThat(TextCleaner.clean(a.body())).as("row %d", i).isEmpty();
    }
  }

  @Test
  void idRepeatCarriesTheIdOfAnEarlierRow() {
    ArticleGenerator generator = GeneratedCorpus.generator();
    Map<String, Integer> rowOfId = new HashMap<>();
    for (int i = 0; i < ROWS.size(); i++) {
      rowOfId.put(generator.idOf(i), i);
    }
    for (int i : rowsOf(Kind.ID_REPEAT)) {
      Article a = ROWS.get(i);
      Integer earlier = rowOfId.get(a.id());
      assertThat(earlier)
          .as("row %d repeats the id of row", i)
          .isNotNull()
          .isLessThan(i)
          .isGreaterThanOrEqualTo(i - 300);
      assertThat(a.kind().isRejected())
          .as("nightly collapses repeats, it does not reject " + "them")
          .isFalse();
      // an updated version of the earlier article: same title, same or shorter body, when
      // the earlier row was rendered from its own content
      Article first = ROWS.get(earlier);
      if (first.kind() == Kind.ORIGINAL) {
        assertThat(TextCleaner.clean(a.title())).isEqualTo(TextCleaner.clean(first.title()));
        assertThat(TextCleaner.clean(first.body())).startsWith(TextCleaner.clean(a.body()));
      }
    }
  }

  @Test
  void rowZeroIsNeverAnIdRepeat() {
    // With every row invalid, row 0 would be ID_REPEAT for one seed in six, but it has no
    // earlier row whose id it could repeat: it is another kind of invalid row instead.
    int idRepeats = 0;
    for (long seed = 0; seed < 40; seed++) {
      CorpusSpec allInvalid =
          new CorpusSpec(10, 1, LocalDate.of(2023, 7, 1), seed, 1.0, 0, 0, 0, 0);
      ArticleGenerator generator = new ArticleGenerator(allInvalid);
      assertThat(generator.generate(0).kind())
          .as("seed %d", seed)
          .isNotEqualTo(Kind.ID_REPEAT)
          .matches(Kind::isRejected);
      for (long i = 1; i < 10; i++) {
        if (generator.generate(i).kind() == Kind.ID_REPEAT) {
          idRepeats++;
        }
      }
    }
    assertThat(idRepeats).as("ID_REPEAT rows after row 0").isPositive();
  }

  @Test
  void everyRowOfAnAllInvalidSpecIsInvalid() {
    CorpusSpec allInvalid = new CorpusSpec(200, 2, LocalDate.of(2023, 7, 1), 3, 1.0, 0, 0, 0, 0);
    ArticleGenerator generator = new ArticleGenerator(allInvalid);
    Set<Kind> kinds = new HashSet<>();
    for (int i = 0; i < 200; i++) {
      Kind kind = generator.generate(i).kind();
      kinds.add(kind);
    }
    assertThat(kinds)
        .containsExactlyInAnyOrder(
            Kind.MISSING_ID,
            Kind.MISSING_DATE,
            Kind.BAD_DATE,
            Kind.NO_TEXT,
            Kind.MARKUP_ONLY,
            Kind.ID_REPEAT);
  }
}
