package org.gazette.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Token tables of the analysis chains. Each table is written in {@link AnalyzedToken}'s notation:
 * {@code (de)} is a stop word, {@code |jour} starts a new phrase (punctuation, a line break, a
 * number or a symbol stood before it). The French sentences come from a user's example article (a
 * Reuters dispatch on Sergei Shoigu's visit to Pyongyang).
 */
class TokenAnalyzerTest {

  private static final TokenAnalyzer ANALYZER =
      new TokenAnalyzer(LanguageProfiles.of(Reference.bundled()));

  private static List<String> analyze(String language, String text) {
    Tokens tokens = new Tokens();
    ANALYZER.analyze(text, language, tokens);
    return AnalyzedToken.notation(tokens);
  }

  // French

  @Test
  void elidedArticleIsRemovedAndStopWordsMarked() {
    assertThat(analyze("fr", "selon l’Agence centrale de presse coréenne (KCNA)"))
        .containsExactly("|(selon)", "agence", "centrale", "(de)", "presse", "coréenne", "|kcna");
  }

  @Test
  void elisionOfDe() {
    assertThat(analyze("fr", "Kim ayant installé d’immenses portraits de Poutine"))
        .containsExactly("|kim", "(ayant)", "installé", "immenses", "portraits", "(de)", "poutine");
  }

  @Test
  void elisionWithEitherApostropheAndInCapitals() {
    assertThat(analyze("fr", "L’ONU et l'OTAN, jusqu’à Paris, qu’un missile"))
        .containsExactly("|onu", "(et)", "otan", "|(à)", "paris", "|(un)", "missile");
  }

  @Test
  void typographicAndAsciiApostrophesGiveOneTerm() {
    assertThat(analyze("fr", "aujourd’hui aujourd'hui"))
        .containsExactly("|(aujourd'hui)", "(aujourd'hui)");
  }

  @Test
  void quotesBreakPhrasesOnBothSides() {
    assertThat(analyze("fr", "Ce jour est célébré comme le “Jour de la Victoire” chaque année."))
        .containsExactly(
            "|(ce)",
            "jour",
            "(est)",
            "célébré",
            "(comme)",
            "(le)",
            "|jour",
            "(de)",
            "(la)",
            "victoire",
            "|(chaque)",
            "année");
  }

  @Test
  void hyphenatedWordsStayWhole() {
    assertThat(
            analyze("fr", "le missile Hwasong-17 du dirigeant nord-coréen, basée aux États-Unis"))
        .containsExactly(
            "|(le)",
            "missile",
            "hwasong-17",
            "(du)",
            "dirigeant",
            "nord-coréen",
            "|basée",
            "(aux)",
            "états-unis");
  }

  @Test
  void invertedVerbOfStopWordsIsAStopWord() {
    assertThat(analyze("fr", "des décombres”, a-t-il déclaré."))
        .containsExactly("|(des)", "décombres", "|(a-t-il)", "(déclaré)");
  }

  @Test
  void numbersAndOrdinalsAreNotTokensAndBreakPhrases() {
    assertThat(analyze("fr", "ont assisté au 70e anniversaire de la fin"))
        .containsExactly("|(ont)", "assisté", "(au)", "|anniversaire", "(de)", "(la)", "fin");
    assertThat(analyze("fr", "Une personne a été tuée et 10 personnes ont demandé"))
        .containsExactly(
            "|(une)", "personne", "(a)", "(été)", "tuée", "(et)", "|personnes", "(ont)", "demandé");
    assertThat(analyze("fr", "les essais nucléaires 2023 inquiètent le 1er mai"))
        .containsExactly("|(les)", "essais", "nucléaires", "|inquiètent", "(le)", "|mai");
  }

  @Test
  void referenceAdditionsAreStopWords() {
    assertThat(analyze("fr", "il a été plus loin"))
        .containsExactly("|(il)", "(a)", "(été)", "(plus)", "loin");
  }

  @Test
  void abbreviationPointBreaksAndLoneLetterIsAStopWord() {
    assertThat(analyze("fr", "Dans cette lettre, M. Poutine remercie le gouvernement"))
        .containsExactly(
            "|(dans)", "(cette)", "lettre", "|(m)", "|poutine", "remercie", "(le)", "gouvernement");
  }

  @Test
  void lineBreakBreaksPhrases() {
    assertThat(analyze("fr", "la Corée du Nord\nNations unies"))
        .containsExactly("|(la)", "corée", "(du)", "nord", "|nations", "unies");
  }

  @Test
  void offsetsPointIntoTheText() {
    String text = "l’Agence nord-coréenne";
    Tokens tokens = new Tokens();
    ANALYZER.analyze(text, "fr", tokens);

    assertThat(AnalyzedToken.of(tokens))
        .containsExactly(
            new AnalyzedToken("agence", false, true, 0, 8),
            new AnalyzedToken("nord-coréenne", false, false, 9, 22));
    assertThat(text.substring(tokens.textStart(1), tokens.textEnd(1))).isEqualTo("nord-coréenne");
    assertThat(tokens.wordCount()).isEqualTo(2);
    assertThat(tokens.truncated()).isFalse();
  }

  // English

  @Test
  void englishPossessiveIsRemoved() {
    assertThat(analyze("en", "Putin's visit, Putin’s war, Kim Jong Un's regime"))
        .containsExactly("|putin", "visit", "|putin", "war", "|kim", "jong", "un", "regime");
  }

  @Test
  void possessiveAloneIsNoTerm() {
    // U+02BC is a letter, so "ʼs" is a token of its own; the possessive leaves nothing of it.
    assertThat(analyze("en", "the Kremlin ʼs line, the Kremlinʼs line"))
        .containsExactly("|(the)", "kremlin", "|line", "|(the)", "kremlin", "line");
  }

  @Test
  void possessiveIsTakenFromTheTermAfterTheElidedArticle() {
    TokenAnalyzer withEnglishElision =
        new TokenAnalyzer(
            LanguageProfiles.of(Reference.builder().elisions(List.of("en: l")).build()));
    Tokens tokens = new Tokens();
    withEnglishElision.analyze("l's l’hôtel’s", "en", tokens);

    assertThat(AnalyzedToken.notation(tokens)).containsExactly("|(s)", "hôtel");
  }

  @Test
  void usAbbreviationAsItIs() {
    // "U.S." keeps its inner point and loses the last one, which then breaks the phrase;
    // "US" without points is the pronoun "us", a stop word.
    assertThat(analyze("en", "U.S. officials said the US will"))
        .containsExactly("|u.s", "|officials", "(said)", "(the)", "(us)", "(will)");
  }

  @Test
  void englishHyphensOrdinalsAndContractions() {
    assertThat(analyze("en", "a state-of-the-art e-mail in the 21st century, it's done"))
        .containsExactly(
            "|(a)", "state-of-the-art", "e-mail", "(in)", "(the)", "|century", "|(it)", "(done)");
  }

  // Scripts without spaces, lower-casing, symbols

  @Test
  void thaiIsSegmentedIntoWords() {
    assertThat(analyze("th", "ประเทศไทยมีประชากรมาก"))
        .containsExactly("|ประเทศไทย", "(มี)", "ประชากร", "(มาก)");
  }

  @Test
  void chineseIsSegmentedIntoWords() {
    assertThat(analyze("zh", "我们在北京学习中文。")).containsExactly("|我们", "在", "北京", "学习", "中文");
    assertThat(analyze("zh", "中华人民共和国成立了")).containsExactly("|中华", "人民", "共和国", "成立", "了");
  }

  @Test
  void latinWordsInChineseTextStillJoinHyphens() {
    assertThat(analyze("zh", "朝鲜 Hwasong-17 发射")).containsExactly("|朝鲜", "hwasong-17", "发射");
  }

  @Test
  void turkishLowerCasesTheDottedAndDotlessI() {
    assertThat(analyze("tr", "İstanbul ISTANBUL Işık"))
        .containsExactly("|istanbul", "ıstanbul", "ışık");
    // Other languages fold both to "istanbul", without a combining dot above.
    assertThat(analyze("en", "İstanbul ISTANBUL")).containsExactly("|istanbul", "istanbul");
  }

  @Test
  void greekLowerCasingFoldsFinalSigmaAndAccents() {
    assertThat(analyze("el", "ΟΔΟΣ Αθήνα")).containsExactly("|οδοσ", "αθηνα");
  }

  @Test
  void emojiBreakPhrases() {
    assertThat(analyze("en", "missiles 🚀 fired 👍🏽 today"))
        .containsExactly("|missiles", "|fired", "|today");
    assertThat(analyze("zh", "北京😀上海")).containsExactly("|北京", "|上海");
  }

  @Test
  void undeterminedLanguageHasOnlyLoneLettersAsStopWords() {
    assertThat(analyze("und", "the cat a dog")).containsExactly("|the", "cat", "(a)", "dog");
    assertThat(analyze(null, "the cat a dog")).containsExactly("|the", "cat", "(a)", "dog");
  }

  @Test
  void emptyTextAndTextWithoutWordsGiveNoTokens() {
    assertThat(analyze("fr", "")).isEmpty();
    assertThat(analyze("fr", "10 000, 2023 — 70e !")).isEmpty();
  }

  @Test
  void tokensAreClearedBetweenTexts() {
    Tokens tokens = new Tokens();
    ANALYZER.analyze("une longue phrase de plusieurs mots", "fr", tokens);
    ANALYZER.analyze("Pyongyang", "fr", tokens);

    assertThat(AnalyzedToken.notation(tokens)).containsExactly("|pyongyang");
    assertThat(tokens.wordCount()).isEqualTo(1);
  }

  @Test
  void longTextIsTruncatedAtMaxTokens() {
    Tokens tokens = new Tokens();
    ANALYZER.analyze("mot ".repeat(TokenAnalyzer.MAX_TOKENS), "fr", tokens);
    assertThat(tokens.truncated()).isFalse();
    assertThat(tokens.size()).isEqualTo(TokenAnalyzer.MAX_TOKENS);

    ANALYZER.analyze("mot ".repeat(TokenAnalyzer.MAX_TOKENS + 10), "fr", tokens);
    assertThat(tokens.truncated()).isTrue();
    assertThat(tokens.size()).isEqualTo(TokenAnalyzer.MAX_TOKENS);
    assertThat(tokens.term(tokens.size() - 1)).isEqualTo("mot");
  }

  @Test
  void narrowNoBreakSpaceSeparatesWords() {
    assertThat(analyze("fr", "le «\u202FJour de la Victoire\u202F» ; Vladimir\u202FPoutine"))
        .containsExactly("|(le)", "|jour", "(de)", "(la)", "victoire", "|vladimir", "poutine");
  }

  @Test
  void profileIsTheLanguagesProfile() {
    assertThat(ANALYZER.profile("fr").language()).isEqualTo("fr");
    assertThat(ANALYZER.profile("tr").lowerCase()).isEqualTo(LanguageProfile.LowerCase.TURKISH);
    assertThat(ANALYZER.profile("en").englishPossessive()).isTrue();
    assertThat(ANALYZER.profile("fr").englishPossessive()).isFalse();
  }
}
