package org.gazette.generate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.gazette.generate.ArticleGenerator.Article;
import org.gazette.generate.ArticleGenerator.Kind;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Planted duplicates are what nightly's duplicate resolution must find: once cleaned, a DUPLICATE
 * has the title and body of an earlier row (HTML or plain may differ), a NEAR_DUPLICATE differs
 * from it by one change.
 */
class DuplicatesTest {

  /** Cleaned title and body. */
  private record Text(String title, String body) {
    static Text of(int row) {
      return new Text(GeneratedCorpus.cleanTitle(row), GeneratedCorpus.cleanBody(row));
    }
  }

  private static final List<Article> ROWS = GeneratedCorpus.rows();
  private static final List<Text> CLEANED = new ArrayList<>();

  /** Rows by cleaned text, each mapped to the first row that shows it. */
  private static final Map<Text, Integer> FIRST_ROW = new HashMap<>();

  @BeforeAll
  static void clean() {
    for (int i = 0; i < ROWS.size(); i++) {
      Text text = Text.of(i);
      CLEANED.add(text);
      FIRST_ROW.putIfAbsent(text, i);
    }
  }

  /** The earlier row a duplicate copies, or -1. */
  private static int earlierCopy(int row) {
    Integer first = FIRST_ROW.get(CLEANED.get(row));
    return first != null && first < row ? first : -1;
  }

  @Test
  void cleanedHtmlAndPlainTextOfTheSameContentAreEqual() {
    // the rows with an HTML copy and a plain copy of the same text
    int mixed = 0;
    for (int i = 0; i < ROWS.size(); i++) {
      int earlier = earlierCopy(i);
      if (earlier >= 0
          && ROWS.get(i).kind() == Kind.DUPLICATE
          && isHtml(ROWS.get(i)) != isHtml(ROWS.get(earlier))) {
        mixed++;
        assertThat(ROWS.get(i).body()).isNotEqualTo(ROWS.get(earlier).body());
      }
    }
    assertThat(mixed).as("duplicates where one side is HTML, the other plain").isGreaterThan(50);
  }

  @Test
  void almostEveryDuplicateRepeatsTheCleanedTextOfAnEarlierRow() {
    int duplicates = 0;
    int found = 0;
    for (int i = 0; i < ROWS.size(); i++) {
      if (ROWS.get(i).kind() != Kind.DUPLICATE) {
        continue;
      }
      duplicates++;
      int earlier = earlierCopy(i);
      if (earlier >= 0) {
        found++;
        Article copy = ROWS.get(i);
        Article original = ROWS.get(earlier);
        assertThat(i - earlier).as("copies come from the 300 rows before").isLessThanOrEqualTo(300);
        assertThat(copy.id()).isNotEqualTo(original.id());
        assertThat(GeneratedCorpus.languageOf(copy))
            .isEqualTo(GeneratedCorpus.languageOf(original));
        assertThat(CLEANED.get(i).body()).isNotBlank();
      }
    }
    assertThat(duplicates).isGreaterThan(400);
    // see everyDuplicateRepeatsTheCleanedTextOfAnEarlierRow for the missing few
    assertThat((double) found / duplicates).isGreaterThan(0.9);
  }

  @Test
  void everyDuplicateRepeatsTheCleanedTextOfAnEarlierRow() {
    List<Integer> orphans = new ArrayList<>();
    for (int i = 0; i < ROWS.size(); i++) {
      if (ROWS.get(i).kind() == Kind.DUPLICATE && earlierCopy(i) < 0) {
        orphans.add(i);
      }
    }
    assertThat(orphans).as("DUPLICATE rows whose text no earlier row shows").isEmpty();
  }

  @Test
  void nearDuplicateDiffersFromTheRowItIsNearByOneChange() {
    // A near duplicate is an earlier row whose title got a time stamp, "(Tuesday, 14:32)",
    // and whose body is the same or lost one paragraph.
    Map<String, List<Integer>> rowsOfTitle = new HashMap<>();
    int nears = 0;
    int found = 0;
    int shortened = 0;
    for (int i = 0; i < ROWS.size(); i++) {
      Text text = CLEANED.get(i);
      if (ROWS.get(i).kind() == Kind.NEAR_DUPLICATE) {
        nears++;
        int stamp = text.title().lastIndexOf(" (");
        assertThat(stamp).as("row %d title %s", i, text.title()).isPositive();
        assertThat(text.title()).endsWith(")");
        List<String> paragraphs = List.of(text.body().split("\n"));
        for (int j : rowsOfTitle.getOrDefault(text.title().substring(0, stamp), List.of())) {
          List<String> original = List.of(CLEANED.get(j).body().split("\n"));
          if (original.equals(paragraphs)) {
            found++;
            break;
          }
          if (original.size() == paragraphs.size() + 1 && oneRemoved(original, paragraphs)) {
            found++;
            shortened++;
            break;
          }
        }
      }
      rowsOfTitle.computeIfAbsent(text.title(), k -> new ArrayList<>()).add(i);
    }
    assertThat(nears).isGreaterThan(300);
    assertThat((double) found / nears).isGreaterThan(0.9);
    assertThat(shortened).isBetween(nears / 4, 3 * nears / 4);
  }

  /** True when {@code fewer} is {@code all} with one element left out. */
  private static boolean oneRemoved(List<String> all, List<String> fewer) {
    for (int k = 0; k < all.size(); k++) {
      List<String> copy = new ArrayList<>(all);
      copy.remove(k);
      if (copy.equals(fewer)) {
        return true;
      }
    }
    return false;
  }

  @Test
  void nearDuplicateIsNoExactCopyOfAnEarlierRow() {
    List<Integer> exact = new ArrayList<>();
    for (int i = 0; i < ROWS.size(); i++) {
      if (ROWS.get(i).kind() == Kind.NEAR_DUPLICATE && earlierCopy(i) >= 0) {
        exact.add(i);
      }
    }
    assertThat(exact).as("NEAR_DUPLICATE rows equal to an earlier row once cleaned").isEmpty();
  }

  @Test
  void wireDuplicatesComeFromTheLanguageAgency() {
    Content content = GeneratedCorpus.generator().content();
    long wire = 0;
    long duplicates = 0;
    for (Article a : ROWS) {
      if (a.kind() == Kind.DUPLICATE) {
        duplicates++;
        String language = GeneratedCorpus.languageOf(a);
        wire += a.source().equals(content.languages.get(language).wire()) ? 1 : 0;
      }
    }
    // half the copies are agency dispatches republished verbatim
    assertThat((double) wire / duplicates).isBetween(0.4, 0.6);
  }

  private static boolean isHtml(Article a) {
    return a.body() != null && a.body().contains("<p>");
  }
}
