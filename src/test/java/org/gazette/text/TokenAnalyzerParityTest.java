package org.gazette.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.el.GreekLowerCaseFilter;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.icu.segmentation.ICUTokenizer;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.TypeAttribute;
import org.apache.lucene.analysis.tr.TurkishLowerCaseFilter;
import org.apache.lucene.analysis.util.ElisionFilter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link TokenAnalyzer} normalises each token in one fused pass; this test checks, on random tokens
 * (fixed seed), that the pass gives the terms of the Lucene chain it replaces, for every profile
 * the project ships: the same tokenizer, then {@link ApostropheFilter}, {@link ElisionFilter} with
 * the profile's articles, the profile's lower-casing ({@link LowerCaseFilter}, or Lucene's Turkish
 * or Greek filter) and, where the profile says so, {@link EnglishPossessiveFilter}.
 *
 * <p>Tokens mix typographic and ASCII apostrophes, elided articles in any case (those of every
 * language of the reference data, in every profile), possessives, Turkish İ and ı, Greek final
 * sigma, letters outside the BMP (cased Deseret, Adlam and Osage, CJK extension B), emoji, digits,
 * and mixed case; some texts hold Chinese, Japanese or Thai, which switch the analyzer to ICU's
 * dictionaries. Every analyzer token must match the chain's token at the same offsets, and every
 * chain token the analyzer left out must be one its rules drop (no letter, an ordinal, too long, an
 * emoji, empty).
 *
 * <p>For Turkish and Greek the analyzer lower-cases before it looks the elided article up, the
 * chain after; the reference data elides no article in those languages, so that order shows in no
 * shipped profile.
 */
class TokenAnalyzerParityTest {

  private static final long SEED = 20_261_208L;
  private static final int TOKENS_PER_PROFILE = 10_000;
  private static final int TOKENS_PER_TEXT = 20;

  /** Mismatches listed in a failure, at most: enough to see a pattern. */
  private static final int MISMATCHES_SHOWN = 20;

  private static final Reference REFERENCE = Reference.bundled();
  private static final LanguageProfiles PROFILES = LanguageProfiles.of(REFERENCE);
  private static final TokenAnalyzer ANALYZER = new TokenAnalyzer(PROFILES);

  private static final String APOSTROPHES = "'’ʼ‘′＇";

  /**
   * The apostrophes a word may hold: UAX#29 keeps ' ’ ‘ ＇ between letters, and ʼ is a letter; it
   * splits words at the prime (′), which therefore reaches the normalisation in no token.
   */
  private static final String APOSTROPHES_IN_WORDS = "'’ʼ‘＇";

  private static final String LATIN =
      "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
          + "àâäçéèêëîïôöûùüÿœæßñÀÂÄÇÉÈÊËÎÏÔÖÛÙÜŸŒÆẞÑĳĲǅǆǄǈǋǲ";
  private static final String VOWELS = "aeiouyhAEIOUYHàéèîôÀÉÈÎÔ";
  private static final String OTHER_CASED =
      "абвгдеёжзиклмнАБВГДЕЁЖЗИКЛМНіїєІЇЄ" // Cyrillic
          + "աբգդեԱԲԳԴԵ" // Armenian
          + "ႠႡႢႣⴀⴁⴂⴃ" // Georgian, whose capitals lower-case outside their block
          + "ᎠᎡᎢᎣꭰꭱꭲꭳ"; // Cherokee, whose small letters came later, elsewhere in the BMP
  private static final String TURKISH = "İıIiŞşĞğÇçÖöÜüAaEeKkLlMmNnRrTt";
  private static final String GREEK =
      "ΑΒΓΔΕΖΗΘΙΚΛΜΝΞΟΠΡΣΤΥΦΧΨΩαβγδεζηθικλμνξοπρστυφχψωςάέήίόύώΆΈΉΊΌΎΏΐΰϊϋΪΫ";
  private static final String UNSPACED = "北京上海中国人民共和国学习成立あいうえおアイウエオประเทศไทยมีประชากร";
  private static final String[] EMOJI = {"😀", "🚀", "👍🏽", "🇫🇷", "❤️", "👩\u200D💻"};

  /** Code point ranges of letters outside the BMP: cased scripts, CJK extension B, math. */
  private static final int[][] SUPPLEMENTARY = {
    {0x10400, 0x1044F}, // Deseret, capital and small
    {0x104B0, 0x104FB}, // Osage, capital and small
    {0x1E900, 0x1E943}, // Adlam, capital and small
    {0x20000, 0x2A6DF}, // CJK extension B
    {0x1D400, 0x1D433}, // mathematical bold letters, which have no case mapping
  };

  /** The elided articles of every language of the reference data, tried in every profile. */
  private static final List<String> ALL_ARTICLES = allArticles();

  /**
   * Every profile the project ships: the languages Lucene has stop words for, those the detector
   * may answer, every language whose profile is not the default one (articles, Turkish or Greek
   * lower-casing, English possessive), and "und".
   */
  static List<String> shippedLanguages() {
    Set<String> languages = new TreeSet<>(LanguageProfiles.languagesWithLuceneStopWords());
    languages.addAll(REFERENCE.detectableLanguages());
    for (String code : Locale.getISOLanguages()) {
      if (!isDefault(PROFILES.profile(code))) {
        languages.add(code);
      }
    }
    languages.add(LanguageCodes.UNDETERMINED);
    return List.copyOf(languages);
  }

  private static boolean isDefault(LanguageProfile profile) {
    return profile.elidedArticles().isEmpty()
        && profile.lowerCase() == LanguageProfile.LowerCase.DEFAULT
        && !profile.englishPossessive();
  }

  private static List<String> allArticles() {
    Set<String> articles = new TreeSet<>();
    for (String code : Locale.getISOLanguages()) {
      articles.addAll(REFERENCE.elidedArticles(code));
    }
    return List.copyOf(articles);
  }

  @Test
  void shippedProfilesCoverEveryKindOfNormalisation() {
    assertThat(shippedLanguagesWhere(p -> !p.elidedArticles().isEmpty()))
        .containsExactly("ca", "fr", "ga", "it");
    assertThat(shippedLanguagesWhere(p -> p.lowerCase() == LanguageProfile.LowerCase.TURKISH))
        .containsExactly("az", "tr");
    assertThat(shippedLanguagesWhere(p -> p.lowerCase() == LanguageProfile.LowerCase.GREEK))
        .containsExactly("el");
    assertThat(shippedLanguagesWhere(LanguageProfile::englishPossessive)).containsExactly("en");
    assertThat(shippedLanguages()).contains("und", "zh", "ja", "th", "he").hasSizeGreaterThan(40);
    assertThat(ALL_ARTICLES).contains("l", "d", "qu", "j", "jusqu", "dell", "b");
  }

  private static List<String> shippedLanguagesWhere(Predicate<LanguageProfile> test) {
    return shippedLanguages().stream().filter(l -> test.test(PROFILES.profile(l))).toList();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("shippedLanguages")
  void fusedNormalisationGivesTheTermsOfTheLuceneChain(String language) throws IOException {
    LanguageProfile profile = PROFILES.profile(language);
    long seed = SEED + language.hashCode();
    TokenGenerator generator = new TokenGenerator(new Random(seed), profile);
    Coverage coverage = new Coverage();
    List<String> mismatches = new ArrayList<>();
    Tokens tokens = new Tokens();
    try (Analyzer standardChain = luceneChain(profile, false);
        Analyzer dictionaryChain = luceneChain(profile, true)) {
      for (int generated = 0; generated < TOKENS_PER_PROFILE; generated += TOKENS_PER_TEXT) {
        Sample sample = generator.text(TOKENS_PER_TEXT);
        String text = sample.text();
        boolean dictionary = sample.dictionary();
        coverage.countGenerated(text);
        Map<Integer, LuceneToken> expected =
            luceneTokens(dictionary ? dictionaryChain : standardChain, text);
        ANALYZER.analyze(text, language, tokens);
        for (int i = 0; i < tokens.size(); i++) {
          String source = text.substring(tokens.textStart(i), tokens.textEnd(i));
          LuceneToken lucene = expected.remove(tokens.textStart(i));
          if (lucene == null
              || lucene.end() != tokens.textEnd(i)
              || !lucene.term().equals(tokens.term(i))) {
            mismatches.add(
                String.format(
                    Locale.ROOT,
                    "%s: TokenAnalyzer %s, Lucene chain %s",
                    describe(source),
                    describe(tokens.term(i)),
                    lucene == null ? "no token at these offsets" : describe(lucene.term())));
          }
          coverage.countCompared(source, tokens, i, dictionary);
        }
        for (Map.Entry<Integer, LuceneToken> left : expected.entrySet()) {
          LuceneToken lucene = left.getValue();
          if (!droppedByTheAnalyzer(lucene)) {
            mismatches.add(
                String.format(
                    Locale.ROOT,
                    "%s: TokenAnalyzer no token, Lucene chain %s %s",
                    describe(text.substring(left.getKey(), lucene.end())),
                    describe(lucene.term()),
                    lucene.type()));
          }
        }
      }
    }

    assertThat(mismatches.subList(0, Math.min(mismatches.size(), MISMATCHES_SHOWN)))
        .as(
            "profile %s, seed %d (SEED %d + \"%s\".hashCode()), first %d of %d mismatches",
            language,
            seed,
            SEED,
            language,
            Math.min(mismatches.size(), MISMATCHES_SHOWN),
            mismatches.size())
        .isEmpty();
    coverage.check(profile, seed);
  }

  /** The chain TokenAnalyzer's fused pass replaces, after the tokenizer it uses for the text. */
  private static Analyzer luceneChain(LanguageProfile profile, boolean dictionary) {
    return new Analyzer() {
      @Override
      protected TokenStreamComponents createComponents(String fieldName) {
        Tokenizer tokenizer = dictionary ? new ICUTokenizer() : new StandardTokenizer();
        TokenStream stream = new ApostropheFilter(tokenizer);
        stream = new ElisionFilter(stream, profile.elidedArticles());
        stream =
            switch (profile.lowerCase()) {
              case TURKISH -> new TurkishLowerCaseFilter(stream);
              case GREEK -> new GreekLowerCaseFilter(stream);
              case DEFAULT -> new LowerCaseFilter(stream);
            };
        if (profile.englishPossessive()) {
          stream = new EnglishPossessiveFilter(stream);
        }
        return new TokenStreamComponents(tokenizer, stream);
      }
    };
  }

  private record LuceneToken(String term, int end, String type) {}

  /** The chain's tokens of {@code text}, by start offset, in order. */
  private static Map<Integer, LuceneToken> luceneTokens(Analyzer chain, String text)
      throws IOException {
    Map<Integer, LuceneToken> byStart = new LinkedHashMap<>();
    try (TokenStream stream = chain.tokenStream("text", text)) {
      CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
      OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
      TypeAttribute type = stream.addAttribute(TypeAttribute.class);
      stream.reset();
      while (stream.incrementToken()) {
        byStart.put(
            offset.startOffset(),
            new LuceneToken(term.toString(), offset.endOffset(), type.type()));
      }
      stream.end();
    }
    return byStart;
  }

  /** True for a term TokenAnalyzer's rules leave out: they are not what this test compares. */
  private static boolean droppedByTheAnalyzer(LuceneToken token) {
    char[] term = token.term().toCharArray();
    return term.length == 0
        || term.length > TokenAnalyzer.MAX_TERM_LENGTH
        || "<EMOJI>".equals(token.type())
        || !TokenAnalyzer.hasLetter(term, 0, term.length)
        || TokenAnalyzer.isOrdinal(term, 0, term.length);
  }

  /** {@code "ʼs" (U+02BC U+0073)}: the string, and its code points, which may not print. */
  private static String describe(String s) {
    StringBuilder out = new StringBuilder("\"").append(s).append("\" (");
    s.codePoints()
        .forEach(
            c -> {
              if (out.charAt(out.length() - 1) != '(') {
                out.append(' ');
              }
              out.append(String.format(Locale.ROOT, "U+%04X", c));
            });
    return out.append(')').toString();
  }

  /**
   * A random text, and whether it holds a script written without spaces (see {@link #UNSPACED}).
   */
  private record Sample(String text, boolean dictionary) {}

  /** Random tokens for one profile, joined by spaces into texts. */
  private static final class TokenGenerator {
    private final Random random;
    private final List<String> ownArticles;
    private boolean wroteUnspacedScript;

    TokenGenerator(Random random, LanguageProfile profile) {
      this.random = random;
      List<String> articles = new ArrayList<>();
      for (Object article : profile.elidedArticles()) {
        articles.add(new String((char[]) article));
      }
      articles.sort(null); // CharArraySet's order is its hash table's
      this.ownArticles = List.copyOf(articles);
    }

    /**
     * A text of {@code tokenCount} tokens. About one in eight holds Chinese, Japanese or Thai,
     * which switch the analyzer to ICU's dictionaries for the whole text.
     */
    Sample text(int tokenCount) {
      boolean withUnspacedScript = random.nextInt(8) == 0;
      wroteUnspacedScript = false;
      StringBuilder text = new StringBuilder();
      for (int t = 0; t < tokenCount; t++) {
        if (t > 0) {
          text.append(' ');
        }
        appendToken(text, withUnspacedScript && random.nextInt(4) == 0);
      }
      return new Sample(text.toString(), wroteUnspacedScript);
    }

    private void appendToken(StringBuilder out, boolean withUnspacedScript) {
      if (random.nextInt(50) == 0) { // a possessive alone: "ʼs"
        out.append(apostrophe()).append(random.nextBoolean() ? 's' : 'S');
        return;
      }
      if (random.nextInt(10) < 3) { // "l’", "QU'", "Dell‘"
        appendArticle(out);
        out.append(apostrophe());
        if (random.nextInt(30) == 0) { // the article alone: "lʼ"
          return;
        }
        if (random.nextBoolean()) {
          out.append(VOWELS.charAt(random.nextInt(VOWELS.length())));
        }
      }
      int pieces = 1 + random.nextInt(3);
      int unspaced = withUnspacedScript ? random.nextInt(pieces) : -1;
      for (int p = 0; p < pieces; p++) {
        appendPiece(out, p == unspaced);
        if (p < pieces - 1 && random.nextInt(4) == 0) { // "aujourd’hui", "o'clock"
          out.append(apostrophe());
        }
      }
      if (random.nextInt(5) == 0) { // "Putin’s", "PUTIN'S"
        out.append(apostrophe()).append(random.nextBoolean() ? 's' : 'S');
      }
    }

    private char apostrophe() {
      return APOSTROPHES.charAt(random.nextInt(APOSTROPHES.length()));
    }

    private void appendArticle(StringBuilder out) {
      List<String> from =
          !ownArticles.isEmpty() && random.nextInt(3) > 0 ? ownArticles : ALL_ARTICLES;
      String article = from.get(random.nextInt(from.size()));
      switch (random.nextInt(4)) {
        case 0 -> out.append(article.toUpperCase(Locale.ROOT));
        case 1 ->
            out.append(Character.toUpperCase(article.charAt(0)))
                .append(article, 1, article.length());
        default -> out.append(article);
      }
    }

    private void appendPiece(StringBuilder out, boolean unspacedScript) {
      int length = 1 + random.nextInt(8);
      if (unspacedScript) {
        appendFrom(out, UNSPACED, length);
        wroteUnspacedScript = true;
        return;
      }
      int kind = random.nextInt(20);
      if (kind < 7) {
        appendFrom(out, LATIN, length);
      } else if (kind < 9) {
        appendFrom(out, OTHER_CASED, length);
      } else if (kind < 11) {
        appendFrom(out, TURKISH, length);
        if (random.nextInt(5) == 0) {
          out.append(random.nextBoolean() ? "I\u0307" : "i\u0307"); // a combining dot above
        }
      } else if (kind < 13) {
        appendFrom(out, GREEK, length);
        if (random.nextBoolean()) {
          out.append("Σςσ".charAt(random.nextInt(3)));
        }
      } else if (kind < 16) {
        int[] range = SUPPLEMENTARY[random.nextInt(SUPPLEMENTARY.length)];
        for (int i = 0; i < length; i++) {
          out.appendCodePoint(range[0] + random.nextInt(range[1] - range[0] + 1));
          if (random.nextInt(4) == 0) {
            out.append(LATIN.charAt(random.nextInt(LATIN.length())));
          }
        }
      } else if (kind < 17) {
        appendFrom(out, LATIN, length / 2);
        out.append(EMOJI[random.nextInt(EMOJI.length)]);
      } else if (kind < 18) {
        for (int i = 0; i < 1 + length / 2; i++) {
          out.append((char) ('0' + random.nextInt(10)));
        }
        if (random.nextBoolean()) {
          out.append(random.nextBoolean() ? "e" : "th");
        }
      } else {
        out.append(VOWELS.charAt(random.nextInt(VOWELS.length())));
        appendFrom(out, LATIN, length);
      }
    }

    private void appendFrom(StringBuilder out, String alphabet, int length) {
      for (int i = 0; i < length; i++) {
        out.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
    }
  }

  /** How many compared tokens held each kind of case the generator means to cover. */
  private static final class Coverage {
    private final int[] apostrophesGenerated = new int[APOSTROPHES.length()];
    private final int[] apostrophesCompared = new int[APOSTROPHES_IN_WORDS.length()];
    private int compared;
    private int elided;
    private int possessives;
    private int turkishI;
    private int sigma;
    private int supplementary;
    private int dictionary;

    void countGenerated(String text) {
      for (int i = 0; i < text.length(); i++) {
        int a = APOSTROPHES.indexOf(text.charAt(i));
        if (a >= 0) {
          apostrophesGenerated[a]++;
        }
      }
    }

    void countCompared(String source, Tokens tokens, int i, boolean inDictionaryText) {
      compared++;
      for (int a = 0; a < apostrophesCompared.length; a++) {
        if (source.indexOf(APOSTROPHES_IN_WORDS.charAt(a)) >= 0) {
          apostrophesCompared[a]++;
        }
      }
      if (tokens.phraseLength(i) > tokens.termLength(i)) {
        elided++;
      }
      int n = source.length();
      if (n > 2
          && APOSTROPHES.indexOf(source.charAt(n - 2)) >= 0
          && (source.charAt(n - 1) == 's' || source.charAt(n - 1) == 'S')) {
        possessives++;
      }
      if (source.indexOf('İ') >= 0 || source.indexOf('ı') >= 0) {
        turkishI++;
      }
      if (source.indexOf('Σ') >= 0 || source.indexOf('ς') >= 0) {
        sigma++;
      }
      if (source.codePoints().anyMatch(Character::isSupplementaryCodePoint)) {
        supplementary++;
      }
      if (inDictionaryText) {
        dictionary++;
      }
    }

    void check(LanguageProfile profile, long seed) {
      String about = "profile %s, seed %d: %s";
      String language = profile.language();
      assertThat(compared)
          .as(about, language, seed, "tokens compared")
          .isGreaterThanOrEqualTo(TOKENS_PER_PROFILE);
      for (int a = 0; a < apostrophesGenerated.length; a++) {
        String apostrophe = String.format(Locale.ROOT, "U+%04X", (int) APOSTROPHES.charAt(a));
        assertThat(apostrophesGenerated[a])
            .as(about, language, seed, apostrophe + " generated")
            .isGreaterThan(100);
      }
      for (int a = 0; a < apostrophesCompared.length; a++) {
        String apostrophe =
            String.format(Locale.ROOT, "U+%04X", (int) APOSTROPHES_IN_WORDS.charAt(a));
        assertThat(apostrophesCompared[a])
            .as(about, language, seed, "tokens compared with " + apostrophe)
            .isGreaterThan(100);
      }
      assertThat(possessives).as(about, language, seed, "possessives").isGreaterThan(100);
      assertThat(turkishI).as(about, language, seed, "tokens with İ or ı").isGreaterThan(100);
      assertThat(sigma).as(about, language, seed, "tokens with Σ or ς").isGreaterThan(100);
      assertThat(supplementary)
          .as(about, language, seed, "tokens with a surrogate pair")
          .isGreaterThan(100);
      assertThat(dictionary)
          .as(about, language, seed, "tokens of texts with Chinese, Japanese or Thai")
          .isGreaterThan(100);
      if (profile.elidedArticles().isEmpty()) {
        assertThat(elided).as(about, language, seed, "elided articles").isZero();
      } else {
        assertThat(elided).as(about, language, seed, "elided articles").isGreaterThan(100);
      }
    }
  }
}
