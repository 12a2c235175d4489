package org.gazette.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.gazette.generate.ArticleGenerator.Article;
import org.gazette.generate.ArticleGenerator.Kind;
import org.gazette.generate.PublishedAt.Format;
import org.junit.jupiter.api.Test;

/** published_at comes in three shapes, and every valid one falls on the row's UTC date. */
class PublishedAtTest {

  private static final List<Article> ROWS = GeneratedCorpus.rows();

  private static boolean hasValidDate(Article a) {
    return a.kind() != Kind.MISSING_DATE && a.kind() != Kind.BAD_DATE;
  }

  @Test
  void allThreeFormatsOccurInTheirShares() {
    Map<Format, Integer> counts = new EnumMap<>(Format.class);
    int valid = 0;
    for (Article a : ROWS) {
      if (hasValidDate(a)) {
        valid++;
        Format format = PublishedAt.formatOf(a.publishedAt());
        assertThat(format).as("%s", a.publishedAt()).isNotNull();
        counts.merge(format, 1, Integer::sum);
      }
    }
    assertThat((double) counts.get(Format.ISO_UTC) / valid).isCloseTo(0.7, within(0.02));
    assertThat((double) counts.get(Format.ISO_OFFSET) / valid).isCloseTo(0.2, within(0.02));
    assertThat((double) counts.get(Format.EPOCH_SECONDS) / valid).isCloseTo(0.1, within(0.015));
  }

  @Test
  void offsetsAreTwoHoursAheadOfUtc() {
    for (Article a : ROWS) {
      if (hasValidDate(a) && PublishedAt.formatOf(a.publishedAt()) == Format.ISO_OFFSET) {
        assertThat(a.publishedAt()).endsWith("+02:00");
      }
    }
  }

  @Test
  void everyValidDateIsATimeOnTheRowsUtcDate() {
    ArticleGenerator generator = GeneratedCorpus.generator();
    int nextDayLocally = 0;
    for (int i = 0; i < ROWS.size(); i++) {
      Article a = ROWS.get(i);
      if (!hasValidDate(a)) {
        continue;
      }
      Instant instant = PublishedAt.parse(a.publishedAt());
      assertThat(instant).as("row %d: %s", i, a.publishedAt()).isNotNull();
      LocalDate date = generator.dateOf(i);
      assertThat(instant.atOffset(ZoneOffset.UTC).toLocalDate())
          .as("row %d: %s", i, a.publishedAt())
          .isEqualTo(date);
      if (a.publishedAt().endsWith("+02:00") && !a.publishedAt().startsWith(date.toString())) {
        nextDayLocally++; // after 22:00 UTC the local date is the next day: still this date
      }
    }
    assertThat(nextDayLocally).as("rows late in the UTC day").isPositive();
  }

  @Test
  void theUrlCarriesTheRowsDate() {
    ArticleGenerator generator = GeneratedCorpus.generator();
    for (int i = 0; i < ROWS.size(); i += 7) {
      Article a = ROWS.get(i);
      String path = generator.dateOf(i).toString().replace('-', '/');
      assertThat(a.url())
          .as("row %d", i)
          .startsWith("https://www." + a.source() + "/" + path + "/");
    }
  }

  @Test
  void publicationTimesClusterAroundMidday() {
    int daytime = 0;
    int valid = 0;
    for (Article a : ROWS) {
      if (hasValidDate(a)) {
        valid++;
        int hour = PublishedAt.parse(a.publishedAt()).atOffset(ZoneOffset.UTC).getHour();
        daytime += hour >= 7 && hour < 19 ? 1 : 0;
      }
    }
    // 13:00 UTC plus or minus 4 hours (one sigma): about 86% between 07:00 and 19:00
    assertThat((double) daytime / valid).isCloseTo(0.86, within(0.03));
  }
}
