package org.gazette.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Invariants of cleaning, analysing and counting, checked on random texts (fixed seed) that mix
 * scripts, digits, punctuation, white space, apostrophes, hyphens, emoji and HTML. Texts are
 * cleaned before they are analysed, as the nightly job does (uncleaned text can give terms holding
 * U+202F: see {@code TokenAnalyzerTest.narrowNoBreakSpaceSeparatesWords}).
 */
class TextInvariantsTest {

  private static final long SEED = 20_230_731L;
  private static final int TEXTS = 500;

  private static final String[] LANGUAGES = {
    "fr", "en", "de", "it", "tr", "el", "ru", "ar", "th", "zh", "ja", "und"
  };

  private static final String[] ALPHABETS = {
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ",
    "éèêëàâçîïôùûüÉÈÀÇœæßİıŞşĞğ",
    "абвгдежзийклмнопрстуфхцчшщыэюяАБВГДЕЖЗИЙ",
    "αβγδεζηθικλμνξοπρστυφχψωςάέήΑΒΓΔΣΩ",
    "ابتثجحخدذرزسشصضطظعغفقكلمنهوي",
    "אבגדהוזחטיכלמנסעפצקרשת",
    "กขคงจฉชซญดตถทนบปผพฟมยรลวสหอะาิีึืุูเแโใไ่้็",
    "的一是不了人我在有他这中大来上国个到说们为子和你地出道也时年北京上海共和",
    "あいうえおかきくけこさしすせそたちつてとなにぬねのアイウエオカキクケコ",
    "한국어서울에만났다",
    "अआइईउऊकखगघचछजझटठडढणतथदधनप",
  };

  private static final String[] SEPARATORS = {
    " ", " ", " ", " ", "  ", "\t", "\n", "\n\n", "\r\n", "\u00A0", "\u202F", "\u2009", "\u3000",
    ", ", ". ", "; ", ": ", "! ", "? ", " (", ") ", " « ", " » ", "“", "”", "\"", " — ", " – ", "/",
    "...", "'", "’", "ʼ", "-", "‐", "‑", " - ", "&", "<", ">", "#", "@", "%", "+",
  };

  private static final String[] SYMBOLS = {
    "😀",
    "🚀",
    "👍🏽",
    "👩\u200D💻",
    "🇫🇷",
    "❤️",
    "©",
    "€",
    "½",
    "\u0301",
    "\u00AD",
    "\u200B",
    "\uFEFF",
    "\u200E",
  };

  private static final String[] MARKUP = {
    "<p>",
    "</p>",
    "<br>",
    "<br/>",
    "<div>",
    "</div>",
    "<b>",
    "</b>",
    "<i>x</i>",
    "<script>var a = 'b';</script>",
    "<style>p{}</style>",
    "<!-- c -->",
    "&amp;",
    "&rsquo;",
    "&nbsp;",
    "&#233;",
    "&#x2019;",
    "&lt;",
    "&gt;",
    "&quot;",
    "<a href=\"x\">lien</a>",
  };

  private static final Pattern WHITE_SPACE = Pattern.compile("[\\s\\p{Z}]");

  private static List<String> texts;
  private static List<String> languages;
  private static List<String> cleaned;

  /** The tokens of each cleaned text, from one analyzer that saw the texts in order. */
  private static List<List<AnalyzedToken>> analyzed;

  private static List<Integer> wordCounts;

  /** The analyzer that produced {@link #analyzed}. */
  private static TokenAnalyzer firstAnalyzer;

  @BeforeAll
  static void generateCleanAndAnalyze() {
    Random random = new Random(SEED);
    texts = new ArrayList<>(TEXTS);
    languages = new ArrayList<>(TEXTS);
    cleaned = new ArrayList<>(TEXTS);
    analyzed = new ArrayList<>(TEXTS);
    wordCounts = new ArrayList<>(TEXTS);
    firstAnalyzer = newAnalyzer();
    Tokens tokens = new Tokens();
    for (int t = 0; t < TEXTS; t++) {
      texts.add(randomText(random));
      languages.add(LANGUAGES[random.nextInt(LANGUAGES.length)]);
      cleaned.add(TextCleaner.clean(texts.get(t)));
      firstAnalyzer.analyze(cleaned.get(t), languages.get(t), tokens);
      analyzed.add(AnalyzedToken.of(tokens));
      wordCounts.add(tokens.wordCount());
    }
  }

  private static String randomText(Random random) {
    StringBuilder text = new StringBuilder();
    int pieces = random.nextInt(60);
    for (int p = 0; p < pieces; p++) {
      int kind = random.nextInt(20);
      if (kind < 11) {
        String alphabet = ALPHABETS[random.nextInt(ALPHABETS.length)];
        int length = 1 + random.nextInt(random.nextInt(10) == 0 ? 80 : 9);
        for (int i = 0; i < length; i++) {
          text.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
      } else if (kind < 13) {
        int digits = 1 + random.nextInt(5);
        for (int i = 0; i < digits; i++) {
          text.append((char) ('0' + random.nextInt(10)));
        }
        if (random.nextBoolean()) {
          text.append(random.nextBoolean() ? "e" : "th");
        }
      } else if (kind < 18) {
        text.append(SEPARATORS[random.nextInt(SEPARATORS.length)]);
      } else if (kind < 19) {
        text.append(SYMBOLS[random.nextInt(SYMBOLS.length)]);
      } else {
        text.append(MARKUP[random.nextInt(MARKUP.length)]);
      }
    }
    return text.toString();
  }

  @Test
  void generatedTextsCoverWhatTheyShould() {
    assertThat(String.join("", texts))
        .contains("<p>", "&rsquo;", "😀", "’", "-", "\u202F", "\n", "ก", "北", "я", "ς");
    assertThat(analyzed.stream().filter(rows -> !rows.isEmpty()).count())
        .isGreaterThan(TEXTS * 8L / 10);
    assertThat(analyzed.stream().mapToInt(List::size).sum()).isGreaterThan(10 * TEXTS);
  }

  @Test
  void cleanedTextIsFoldedAndTrimmed() {
    for (int t = 0; t < TEXTS; t++) {
      assertThat(cleaned.get(t))
          .as("clean(%s)", texts.get(t))
          .doesNotContain(
              "\t", "\r", "\u00A0", "\u202F", "\u2009", "\u3000", "\u00AD", "\u200B", "\uFEFF",
              "  ", "\n\n", " \n", "\n ")
          .doesNotStartWith(" ")
          .doesNotEndWith(" ")
          .doesNotStartWith("\n")
          .doesNotEndWith("\n");
    }
  }

  @Test
  void termsAreNonEmptyWordsWithoutWhiteSpace() {
    for (int t = 0; t < TEXTS; t++) {
      List<AnalyzedToken> rows = analyzed.get(t);
      for (AnalyzedToken row : rows) {
        String term = row.term();
        assertThat(term)
            .as("%s in %s", row, cleaned.get(t))
            .isNotEmpty()
            .hasSizeLessThanOrEqualTo(TokenAnalyzer.MAX_TERM_LENGTH)
            .doesNotContainPattern(WHITE_SPACE)
            .doesNotContain("’", "‘", "ʼ", "\u00AD");
        assertThat(TokenAnalyzer.hasLetter(term.toCharArray(), 0, term.length()))
            .as("%s has a letter", row)
            .isTrue();
      }
      assertThat(wordCounts.get(t)).isEqualTo(rows.size());
      if (!rows.isEmpty()) {
        assertThat(rows.get(0).breakBefore()).as("first token of %s", cleaned.get(t)).isTrue();
      }
    }
  }

  @Test
  void offsetsAreWithinTheTextAndIncreasing() {
    TokenAnalyzer analyzer = newAnalyzer();
    Tokens tokens = new Tokens();
    for (int t = 0; t < TEXTS; t++) {
      assertOffsets(cleaned.get(t), analyzed.get(t));
      analyzer.analyze(texts.get(t), languages.get(t), tokens);
      assertOffsets(texts.get(t), AnalyzedToken.of(tokens));
    }
  }

  private static void assertOffsets(String text, List<AnalyzedToken> rows) {
    int previousEnd = 0;
    for (AnalyzedToken row : rows) {
      assertThat(row.start())
          .as("start of %s in %s", row, text)
          .isGreaterThanOrEqualTo(previousEnd)
          .isLessThan(row.end());
      assertThat(row.end()).as("end of %s in %s", row, text).isLessThanOrEqualTo(text.length());
      previousEnd = row.end();
    }
  }

  @Test
  void sameTextSameTokens() {
    // The analyzer that saw every text sees them again, in the reverse order, and so does a
    // fresh one: chains reused across texts and languages keep no state.
    TokenAnalyzer fresh = newAnalyzer();
    Tokens tokens = new Tokens();
    for (int t = TEXTS - 1; t >= 0; t--) {
      firstAnalyzer.analyze(cleaned.get(t), languages.get(t), tokens);
      assertThat(AnalyzedToken.of(tokens))
          .as("again: %s", cleaned.get(t))
          .isEqualTo(analyzed.get(t));
      fresh.analyze(cleaned.get(t), languages.get(t), tokens);
      assertThat(AnalyzedToken.of(tokens))
          .as("fresh analyzer: %s", cleaned.get(t))
          .isEqualTo(analyzed.get(t));
    }
  }

  @Test
  void phrasesHaveOneToThreeWordsAndAggregationKeepsTotals() {
    TokenAnalyzer analyzer = newAnalyzer();
    Tokens tokens = new Tokens();
    PhraseCounter counter = new PhraseCounter(3);
    TermAggregator aggregator = new TermAggregator(3, Integer.MAX_VALUE);
    TermDictionary dictionary = new TermDictionary();
    CountTable table = new CountTable();
    StringBuilder scratch = new StringBuilder();
    Map<String, long[]> expected = new HashMap<>(); // day|language|term -> count, documents
    long expectedTotal = 0;
    for (int t = 0; t < TEXTS; t++) {
      int day = t % 3;
      String language = languages.get(t);
      analyzer.analyze(cleaned.get(t), language, tokens);

      dictionary.clear();
      table.clear(4096);
      counter.count(tokens, dictionary, table, t);
      for (int slot = 0; slot < table.capacity(); slot++) {
        if (!table.isUsed(slot)) {
          continue;
        }
        long key = table.key(slot);
        int words = PhraseKey.length(key);
        String term = PhraseKey.text(key, dictionary, scratch);
        assertThat(words).isBetween(1, 3);
        assertThat(term.split(" ", -1)).as("words of '%s'", term).hasSize(words).doesNotContain("");
        long[] sum = expected.computeIfAbsent(day + "|" + language + "|" + term, k -> new long[2]);
        sum[0] += table.count(slot);
        sum[1]++;
        expectedTotal += table.count(slot);
      }
      aggregator.addArticle(day, language, tokens);
    }

    Map<String, long[]> aggregated = addTo(new HashMap<>(), aggregator.drain());
    assertThat(aggregated.keySet()).isEqualTo(expected.keySet());
    long total = 0;
    for (Map.Entry<String, long[]> e : expected.entrySet()) {
      assertThat(aggregated.get(e.getKey())).as(e.getKey()).containsExactly(e.getValue());
      total += aggregated.get(e.getKey())[0];
    }
    assertThat(total).isEqualTo(expectedTotal).isPositive();
  }

  @Test
  void drainingWhenFullGivesTheSameTotals() {
    TokenAnalyzer analyzer = newAnalyzer();
    Tokens tokens = new Tokens();
    TermAggregator whole = new TermAggregator(3, Integer.MAX_VALUE);
    TermAggregator parts = new TermAggregator(3, 100);
    Map<String, long[]> partSums = new HashMap<>();
    int drains = 0;
    for (int t = 0; t < TEXTS; t++) {
      analyzer.analyze(cleaned.get(t), languages.get(t), tokens);
      whole.addArticle(t % 3, languages.get(t), tokens);
      if (parts.isFull()) {
        addTo(partSums, parts.drain());
        drains++;
      }
      parts.addArticle(t % 3, languages.get(t), tokens);
    }
    addTo(partSums, parts.drain());

    Map<String, long[]> wholeSums = addTo(new HashMap<>(), whole.drain());
    assertThat(drains).isGreaterThan(5);
    assertThat(partSums.keySet()).isEqualTo(wholeSums.keySet());
    wholeSums.forEach((key, sum) -> assertThat(partSums.get(key)).as(key).containsExactly(sum));
  }

  /** Adds drained counts to {@code sums}: day|language|term to count, documents. */
  private static Map<String, long[]> addTo(
      Map<String, long[]> sums, Iterator<TermAggregator.TermCount> drained) {
    while (drained.hasNext()) {
      TermAggregator.TermCount c = drained.next();
      assertThat(c.words()).isBetween(1, 3);
      assertThat(c.count()).isPositive();
      assertThat(c.documents()).isBetween(1, (int) c.count());
      long[] sum =
          sums.computeIfAbsent(c.day() + "|" + c.language() + "|" + c.term(), k -> new long[2]);
      sum[0] += c.count();
      sum[1] += c.documents();
    }
    return sums;
  }

  private static TokenAnalyzer newAnalyzer() {
    return new TokenAnalyzer(LanguageProfiles.of(Reference.bundled()));
  }
}
