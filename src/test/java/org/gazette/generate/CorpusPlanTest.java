package org.gazette.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The day-level plan: volumes, topic mixtures, planted bursts, and the truth file. */
class CorpusPlanTest {

  private static final CorpusPlan PLAN = GeneratedCorpus.generator().plan();

  @Test
  void thereAreAtLeastOneBurstPerFourDays() {
    List<CorpusPlan.Burst> bursts = PLAN.bursts();
    assertThat(bursts).hasSizeGreaterThanOrEqualTo(GeneratedCorpus.DAYS / 4);
    CorpusPlan.Burst previous = null;
    for (CorpusPlan.Burst b : bursts) {
      assertThat(b.length()).as("%s", b).isBetween(1, 3);
      assertThat(b.startDay()).isBetween(0, GeneratedCorpus.DAYS - 1);
      assertThat(b.startDay() + b.length()).isLessThanOrEqualTo(GeneratedCorpus.DAYS);
      assertThat(b.topic()).isBetween(0, Content.TOPICS.size() - 1);
      assertThat(b.entity() >= 0)
          .as("an entity burst or a noun burst: %s", b)
          .isNotEqualTo(b.noun() >= 0);
      if (previous != null) {
        assertThat(b.startDay()).as("sorted by start").isGreaterThanOrEqualTo(previous.startDay());
      }
      previous = b;
    }
    assertThat(new CorpusPlan(CorpusSpec.of(10, 1, GeneratedCorpus.START, 1), 5).bursts())
        .as("even one day has a burst")
        .hasSize(1);
  }

  /**
   * The mean share of {@code topic} on the days of {@code day}'s weekday when it does not burst.
   */
  private static double usualShare(int day, int topic) {
    double sum = 0;
    int days = 0;
    for (int other = day % 7; other < GeneratedCorpus.DAYS; other += 7) {
      if (PLAN.burst(other, topic) == null) {
        sum += PLAN.topicShare(other, topic);
        days++;
      }
    }
    assertThat(days).isPositive();
    return sum / days;
  }

  private static long topicsBurstingOn(int day) {
    return PLAN.bursts().stream().filter(b -> b.covers(day)).count();
  }

  @Test
  void everyBurstRaisesItsTopicAboveTheSameWeekdaysOnOneOfItsDays() {
    for (CorpusPlan.Burst b : PLAN.bursts()) {
      boolean raised = false;
      for (int day = b.startDay(); day < b.startDay() + b.length(); day++) {
        assertThat(PLAN.burst(day, b.topic())).isNotNull();
        raised |= PLAN.topicShare(day, b.topic()) > usualShare(day, b.topic());
      }
      assertThat(raised).as("%s", b).isTrue();
    }
  }

  @Test
  void aLoneBurstRaisesItsTopicAboveTheSameWeekdaysOutsideIt() {
    int checked = 0;
    for (CorpusPlan.Burst b : PLAN.bursts()) {
      for (int day = b.startDay(); day < b.startDay() + b.length(); day++) {
        if (topicsBurstingOn(day) > 1) {
          continue; // see everyBurstRaisesItsTopicAboveTheSameWeekdaysOutsideIt
        }
        checked++;
        assertThat(PLAN.topicShare(day, b.topic()))
            .as("%s on day %d", b, day)
            .isGreaterThan(usualShare(day, b.topic()));
      }
    }
    assertThat(checked).isPositive();
  }

  @Test
  void everyBurstRaisesItsTopicAboveTheSameWeekdaysOutsideIt() {
    for (CorpusPlan.Burst b : PLAN.bursts()) {
      for (int day = b.startDay(); day < b.startDay() + b.length(); day++) {
        assertThat(PLAN.topicShare(day, b.topic()))
            .as("%s on day %d", b, day)
            .isGreaterThan(usualShare(day, b.topic()));
      }
    }
  }

  @Test
  void topicSharesOfADayAddUpToOne() {
    for (int day = 0; day < GeneratedCorpus.DAYS; day++) {
      double sum = 0;
      for (int topic = 0; topic < Content.TOPICS.size(); topic++) {
        double share = PLAN.topicShare(day, topic);
        assertThat(share).isStrictlyBetween(0.0, 1.0);
        sum += share;
      }
      assertThat(sum).isCloseTo(1.0, within(1e-9));
      // topicOf inverts the cumulative shares
      assertThat(PLAN.topicOf(day, 0.0)).isZero();
      assertThat(PLAN.topicOf(day, 0.999_999_999)).isEqualTo(Content.TOPICS.size() - 1);
      assertThat(PLAN.topicOf(day, PLAN.topicShare(day, 0) + 1e-12)).isEqualTo(1);
    }
  }

  @Test
  void everyRowHasADayAndDaysCoverAllRows() {
    assertThat(PLAN.dayOf(0)).isZero();
    assertThat(PLAN.dayOf(GeneratedCorpus.ROWS - 1)).isEqualTo(GeneratedCorpus.DAYS - 1);
    int previous = 0;
    for (long i = 0; i < GeneratedCorpus.ROWS; i += 13) {
      int day = PLAN.dayOf(i);
      assertThat(day).isBetween(previous, GeneratedCorpus.DAYS - 1);
      previous = day;
    }
  }

  @Test
  void specRejectsBadValuesNamingThem() {
    LocalDate start = GeneratedCorpus.START;
    assertThatThrownBy(() -> CorpusSpec.of(-1, 30, start, 1))
        .hasMessage("--articles must be 0 or more, was -1");
    assertThatThrownBy(() -> CorpusSpec.of(10, 0, start, 1))
        .hasMessage("--days must be at least 1, was 0");
    assertThatThrownBy(() -> new CorpusSpec(10, 1, start, 1, 0.5, 0.4, 0.2, 0, 0))
        .hasMessage(
            "--invalid-share must be at most 1 with --duplicate-share and"
                + " --near-duplicate-share, was 0.5 + 0.4 + 0.2");
    assertThatThrownBy(() -> new CorpusSpec(10, 1, start, 1, 0, 0, 0, 1.5, 0))
        .hasMessage("--html-share must be from 0 to 1, was 1.5");
  }

  @Test
  void truthJsonLooksValid() {
    String json = GeneratedCorpus.generator().truthJson();
    assertThat(json).startsWith("{").endsWith("}\n").contains("\"bursts\"", "\"topics\"");
    Deque<Character> open = new ArrayDeque<>();
    boolean inString = false;
    for (int i = 0; i < json.length(); i++) {
      char c = json.charAt(i);
      if (inString) {
        if (c == '\\') {
          i++;
        } else if (c == '"') {
          inString = false;
        }
      } else if (c == '"') {
        inString = true;
      } else if (c == '{' || c == '[') {
        open.push(c);
      } else if (c == '}' || c == ']') {
        assertThat(open).as("closing %s at %d", c, i).isNotEmpty();
        assertThat(open.pop()).as("closing %s at %d", c, i).isEqualTo(c == '}' ? '{' : '[');
      }
    }
    assertThat(inString).isFalse();
    assertThat(open).isEmpty();
  }

  @Test
  void truthListsEachBurstWithATermInEveryLanguage() throws Exception {
    ArticleGenerator generator = GeneratedCorpus.generator();
    // Jackson comes with Spark; here it only reads the file back
    JsonNode truth = new ObjectMapper().readTree(generator.truthJson());
    assertThat(truth.get("articles").asLong()).isEqualTo(GeneratedCorpus.ROWS);
    assertThat(truth.get("days").asInt()).isEqualTo(GeneratedCorpus.DAYS);
    assertThat(truth.get("start").asText()).isEqualTo("2023-07-01");
    assertThat(truth.get("seed").asLong()).isEqualTo(GeneratedCorpus.SEED);
    assertThat(truth.get("topics")).hasSize(Content.TOPICS.size());
    for (JsonNode topic : truth.get("topics")) {
      assertThat(topic.get("name").asText()).isIn(Content.TOPICS.toArray());
      for (String language : Content.LANGUAGES) {
        assertThat(topic.get("nouns").get(language)).as(language).hasSize(10);
      }
    }
    JsonNode bursts = truth.get("bursts");
    assertThat(bursts).hasSize(PLAN.bursts().size());
    for (int i = 0; i < bursts.size(); i++) {
      CorpusPlan.Burst burst = PLAN.bursts().get(i);
      JsonNode b = bursts.get(i);
      assertThat(b.get("from").asText())
          .isEqualTo(GeneratedCorpus.START.plusDays(burst.startDay()).toString());
      assertThat(b.get("to").asText())
          .isEqualTo(
              GeneratedCorpus.START.plusDays(burst.startDay() + burst.length() - 1).toString());
      assertThat(b.get("topic").asText()).isEqualTo(Content.TOPICS.get(burst.topic()));
      assertThat(b.get("kind").asText()).isEqualTo(burst.entity() >= 0 ? "entity" : "noun");
      JsonNode term = b.get("term");
      assertThat(term.size()).isEqualTo(5);
      for (String language : Content.LANGUAGES) {
        assertThat(term.get(language).asText())
            .as("burst %d, %s", i, language)
            .isNotBlank()
            .isEqualTo(generator.burstTerm(burst, language));
      }
    }
  }

  @Test
  void burstTermsStandOutInTheirArticles() {
    ArticleGenerator generator = GeneratedCorpus.generator();
    List<ArticleGenerator.Article> rows = GeneratedCorpus.rows();
    for (CorpusPlan.Burst burst : PLAN.bursts()) {
      int inBurst = 0;
      int withTerm = 0;
      int outside = 0;
      int outsideWithTerm = 0;
      for (int i = 0; i < rows.size(); i++) {
        ArticleGenerator.Article a = rows.get(i);
        boolean during = burst.covers(PLAN.dayOf(i));
        if (a.kind() != ArticleGenerator.Kind.ORIGINAL || !during && i % 4 != 0) {
          continue; // a quarter of the other days is baseline enough
        }
        String term = generator.burstTerm(burst, GeneratedCorpus.languageOf(a));
        boolean has =
            GeneratedCorpus.cleanTitle(i).contains(term)
                || GeneratedCorpus.cleanBody(i).contains(term);
        if (during) {
          inBurst++;
          withTerm += has ? 1 : 0;
        } else {
          outside++;
          outsideWithTerm += has ? 1 : 0;
        }
      }
      double shareDuring = (double) withTerm / inBurst;
      double otherwise = (double) outsideWithTerm / outside;
      assertThat(shareDuring)
          .as("%s: share of articles with its term during the burst", burst)
          .isGreaterThan(2 * otherwise);
    }
  }

  @Test
  void truthQuotesStrings() {
    assertThat(Truth.quote("a \"b\" c\\d\ne\u0001")).isEqualTo("\"a \\\"b\\\" c\\\\d\\ne\\u0001\"");
  }
}
