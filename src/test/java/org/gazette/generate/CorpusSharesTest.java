package org.gazette.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.gazette.generate.ArticleGenerator.Article;
import org.gazette.generate.ArticleGenerator.Kind;
import org.junit.jupiter.api.Test;

/**
 * The shares of {@link CorpusSpec#of} show in 20,000 rows. Tolerances are about four standard
 * deviations of a binomial share at that size.
 */
class CorpusSharesTest {

  private static final List<Article> ROWS = GeneratedCorpus.rows();

  private static double share(long count) {
    return (double) count / ROWS.size();
  }

  @Test
  void languagesAreAboutThirtyFiveThirtyFiveTenTenTen() {
    Map<String, Long> counts = new TreeMap<>();
    for (Article a : ROWS) {
      counts.merge(GeneratedCorpus.languageOf(a), 1L, Long::sum);
    }
    assertThat(counts).containsOnlyKeys("fr", "en", "de", "es", "it");
    assertThat(share(counts.get("fr"))).isCloseTo(0.35, within(0.015));
    assertThat(share(counts.get("en"))).isCloseTo(0.35, within(0.015));
    assertThat(share(counts.get("de"))).isCloseTo(0.10, within(0.01));
    assertThat(share(counts.get("es"))).isCloseTo(0.10, within(0.01));
    assertThat(share(counts.get("it"))).isCloseTo(0.10, within(0.01));
  }

  @Test
  void kindsFollowTheSpecShares() {
    Map<Kind, Long> counts = new EnumMap<>(Kind.class);
    for (Article a : ROWS) {
      counts.merge(a.kind(), 1L, Long::sum);
    }
    long invalid =
        counts.entrySet().stream()
            .filter(
                e ->
                    e.getKey() != Kind.ORIGINAL
                        && e.getKey() != Kind.DUPLICATE
                        && e.getKey() != Kind.NEAR_DUPLICATE)
            .mapToLong(Map.Entry::getValue)
            .sum();
    assertThat(share(invalid)).isCloseTo(0.01, within(0.003));
    assertThat(share(counts.get(Kind.DUPLICATE))).isCloseTo(0.03, within(0.005));
    assertThat(share(counts.get(Kind.NEAR_DUPLICATE))).isCloseTo(0.02, within(0.004));
    assertThat(share(counts.get(Kind.ORIGINAL))).isCloseTo(0.94, within(0.008));
    // the six invalid kinds are drawn alike: each shows up, none takes over
    for (Kind kind :
        List.of(
            Kind.MISSING_ID,
            Kind.MISSING_DATE,
            Kind.BAD_DATE,
            Kind.NO_TEXT,
            Kind.MARKUP_ONLY,
            Kind.ID_REPEAT)) {
      assertThat(counts.get(kind)).as(kind.toString()).isBetween(10L, 70L);
    }
  }

  @Test
  void rejectedKindsAreTheFiveUnusableOnes() {
    assertThat(Arrays.stream(Kind.values()).filter(Kind::isRejected))
        .containsExactlyInAnyOrder(
            Kind.MISSING_ID, Kind.MISSING_DATE, Kind.BAD_DATE, Kind.NO_TEXT, Kind.MARKUP_ONLY);
  }

  @Test
  void aboutFifteenPercentOfBodiesAreHtml() {
    long html = ROWS.stream().filter(a -> a.body() != null && a.body().contains("<p>")).count();
    // rendered rows (all but the 1% invalid ones) are HTML with probability 0.15
    assertThat(share(html)).isCloseTo(0.15, within(0.012));
    long escaped =
        ROWS.stream()
            .filter(
                a ->
                    a.body() != null
                        && a.body().contains("<p>")
                        && a.kind() == Kind.ORIGINAL
                        && a.body().contains("&"))
            .count();
    assertThat(escaped).as("HTML bodies carry entities").isGreaterThan(html / 2);
  }

  @Test
  void aboutTwentyPercentOfLanguageFieldsAreMissing() {
    long missing =
        ROWS.stream()
            .filter(
                a -> a.language() == null || a.language().isEmpty() || a.language().equals("und"))
            .count();
    assertThat(share(missing)).isCloseTo(0.20, within(0.012));
    // the missing ones are split 50/25/25 between null, "" and "und"
    long none = ROWS.stream().filter(a -> a.language() == null).count();
    assertThat(share(none)).isCloseTo(0.10, within(0.01));
  }

  @Test
  void presentLanguageFieldsNameTheArticleLanguage() {
    Map<String, Long> variants = new TreeMap<>();
    for (Article a : ROWS) {
      String field = a.language();
      if (field == null || field.isEmpty() || field.equals("und")) {
        continue;
      }
      String code = GeneratedCorpus.languageOf(a);
      String iso3 = Locale.forLanguageTag(code).getISO3Language();
      assertThat(field)
          .isIn(
              code,
              code.toUpperCase(Locale.ROOT),
              code + "-" + code.toUpperCase(Locale.ROOT),
              iso3);
      if (!field.equals(code)) {
        variants.merge(field, 1L, Long::sum);
      }
    }
    assertThat(variants).containsKeys("FR", "en-EN", "deu");
    long variantCount = variants.values().stream().mapToLong(Long::longValue).sum();
    assertThat(share(variantCount)).isCloseTo(0.05, within(0.01));
  }

  @Test
  void weekendDaysHaveFewerArticlesThanWeekdays() {
    Map<LocalDate, Integer> perDay = new TreeMap<>();
    ArticleGenerator generator = GeneratedCorpus.generator();
    LocalDate previous = GeneratedCorpus.START;
    for (int i = 0; i < ROWS.size(); i++) {
      LocalDate date = generator.dateOf(i);
      assertThat(date).as("rows are in date order").isAfterOrEqualTo(previous);
      previous = date;
      perDay.merge(date, 1, Integer::sum);
    }
    assertThat(perDay).hasSize(GeneratedCorpus.DAYS);
    assertThat(perDay.keySet()).first().isEqualTo(GeneratedCorpus.START);
    int weekendMax = 0;
    int weekdayMin = Integer.MAX_VALUE;
    double weekend = 0;
    double weekday = 0;
    int weekendDays = 0;
    for (Map.Entry<LocalDate, Integer> day : perDay.entrySet()) {
      DayOfWeek d = day.getKey().getDayOfWeek();
      if (d == DayOfWeek.SATURDAY || d == DayOfWeek.SUNDAY) {
        weekendMax = Math.max(weekendMax, day.getValue());
        weekend += day.getValue();
        weekendDays++;
      } else {
        weekdayMin = Math.min(weekdayMin, day.getValue());
        weekday += day.getValue();
      }
    }
    // a weekday carries 0.85 to 1.15 of the base volume, Saturday and Sunday 0.6 and 0.5 of it
    assertThat(weekendMax).isLessThan(weekdayMin);
    double ratio = (weekend / weekendDays) / (weekday / (GeneratedCorpus.DAYS - weekendDays));
    assertThat(ratio).isCloseTo(0.55, within(0.08));
  }
}
