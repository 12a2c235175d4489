package org.gazette.topic;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.gazette.text.LanguageCodes;
import org.gazette.text.LanguageProfiles;
import org.gazette.text.Reference;
import org.gazette.text.TextCleaner;
import org.gazette.text.TokenAnalyzer;
import org.gazette.text.Tokens;

/**
 * Turns a word or phrase of a rule into the article terms it stands for, by running the nightly
 * job's own analysis ({@link TextCleaner}, {@link TokenAnalyzer}, the phrase rules of {@code
 * PhraseCounter}) on it in every language of the corpus, or in the one language the rule names:
 * "L’Ukraine" is the term "ukraine" in French and Italian, "l'ukraine" elsewhere, and the rule
 * accepts both.
 *
 * <p>Not thread-safe (it holds an analyzer): one per file parsed.
 */
final class LiteralAnalyzer {

  /** Terms have at most three words: the longest phrases the nightly job counts. */
  static final int MAX_WORDS = 3;

  /** The usual form first: shortest (elided, without possessive), then alphabetical. */
  private static final Comparator<String> USUAL_FIRST =
      Comparator.comparingInt(String::length).thenComparing(Comparator.naturalOrder());

  private final TokenAnalyzer analyzer;
  private final List<String> languages;
  private final Tokens tokens = new Tokens();

  LiteralAnalyzer(Reference reference) {
    this.analyzer = new TokenAnalyzer(LanguageProfiles.of(reference));
    this.languages = corpusLanguages(reference);
  }

  /**
   * The languages whose stop words judge a literal: those the reference data says a corpus holds
   * ({@code languages.txt}), else every language Lucene has a stop word list for.
   */
  static List<String> corpusLanguages(Reference reference) {
    Set<String> languages =
        new TreeSet<>(
            reference.detectableLanguages().isEmpty()
                ? LanguageProfiles.languagesWithLuceneStopWords()
                : reference.detectableLanguages());
    languages.remove(LanguageCodes.UNDETERMINED);
    return List.copyOf(languages);
  }

  /** Why a literal is not a term; the parser adds the place. */
  static final class Rejected extends Exception {
    private static final long serialVersionUID = 1L;

    Rejected(String problem) {
      super(problem, null, false, false);
    }
  }

  /**
   * The forms {@code literal} takes as an article term, the usual one first.
   *
   * <p>Without a {@code language}, the literal is analysed in every corpus language and must be a
   * term in each, so that a stop word ("the", "les missiles") is caught rather than silently never
   * matched; its forms are those of all the languages. With one, it is analysed in that language
   * only, which is how a word that is a stop word elsewhere ("war" is German for "was") is tracked
   * where it is a word.
   *
   * @param language ISO 639-1 code, or null for every corpus language
   * @param shown the literal as error messages name it, with its place
   */
  List<String> forms(String literal, String language, String shown) throws Rejected {
    String text = TextCleaner.clean(literal);
    Set<String> forms = new LinkedHashSet<>();
    List<String> termIn = new ArrayList<>();
    List<String> stopIn = new ArrayList<>();
    String problem = null;
    int words = 0;
    for (String judged : language == null ? languages : List.of(language)) {
      analyzer.analyze(text, judged, tokens);
      String structural = structuralProblem(text, shown);
      if (structural != null) {
        problem = structural;
        continue;
      }
      words = tokens.size();
      if (tokens.isStopWord(0) || tokens.isStopWord(words - 1)) {
        stopIn.add(judged);
      } else {
        forms.add(form());
        termIn.add(judged);
      }
    }
    if (forms.isEmpty() && stopIn.isEmpty()) {
      throw new Rejected(problem != null ? problem : shown + " gives no term");
    }
    if (!stopIn.isEmpty()) {
      String stop =
          words == 1 ? shown + " is a stop word" : shown + " starts or ends with a stop word";
      if (forms.isEmpty()) {
        throw new Rejected(
            stop + (language != null ? " in " + language : " in every language of the corpus"));
      }
      stop += " in " + String.join(", ", stopIn);
      String example =
          exampleLanguage(termIn) + ":" + (words == 1 ? literal : "\"" + literal + "\"");
      throw new Rejected(
          stop
              + "; leave "
              + (words == 1 ? "it" : "the stop word")
              + " out, or write the language "
              + (words == 1 ? "it" : "the phrase")
              + " belongs to before it ("
              + example
              + ") to analyse it in that language only");
    }
    if (language == null) {
      // Articles of unknown language are analysed without stop words, elision or possessive.
      analyzer.analyze(text, LanguageCodes.UNDETERMINED, tokens);
      if (structuralProblem(text, shown) == null) {
        forms.add(form());
      }
    }
    List<String> sorted = new ArrayList<>(forms);
    sorted.sort(USUAL_FIRST);
    return List.copyOf(sorted);
  }

  /** A language the literal is a term in, for the error message's example. */
  private static String exampleLanguage(List<String> termIn) {
    for (String language : List.of("en", "fr", "de", "es", "it")) {
      if (termIn.contains(language)) {
        return language;
      }
    }
    return termIn.get(0);
  }

  /**
   * What keeps the analysed literal from being one term whatever the language: nothing left, too
   * many words, or characters the analysis leaves out (numbers, punctuation, symbols), which would
   * silently shorten it ("covid 19" would become "covid").
   */
  private String structuralProblem(String text, String shown) {
    int n = tokens.size();
    if (n == 0) {
      return shown
          + " gives no term: numbers, symbols, punctuation and single letters are"
          + " not terms";
    }
    int covered = 0;
    for (int i = 0; i <= n; i++) {
      int start = i < n ? tokens.textStart(i) : text.length();
      for (int c = covered; c < start; c++) {
        if (!Character.isWhitespace(text.charAt(c)) && !Character.isSpaceChar(text.charAt(c))) {
          int end = c;
          while (end < start
              && !Character.isWhitespace(text.charAt(end))
              && !Character.isSpaceChar(text.charAt(end))) {
            end++;
          }
          return "'"
              + text.substring(c, end)
              + "' in "
              + shown
              + " is not part of any term"
              + " (numbers, symbols and punctuation are left out of terms, and a term does not"
              + " run across punctuation)";
        }
      }
      if (i < n) {
        covered = tokens.textEnd(i);
      }
    }
    for (int i = 1; i < n; i++) {
      if (tokens.breaksBefore(i)) {
        return shown + " runs across a break; a term does not run across punctuation";
      }
    }
    if (n > MAX_WORDS) {
      return shown
          + " has "
          + n
          + " words; terms are single words and phrases of 2 or 3"
          + " words";
    }
    return null;
  }

  /** The term of the analysed literal, as {@code PhraseCounter} spells it. */
  private String form() {
    char[] chars = tokens.chars();
    StringBuilder form = new StringBuilder();
    form.append(chars, tokens.termStart(0), tokens.termLength(0));
    for (int i = 1; i < tokens.size(); i++) {
      // Inside a phrase a word keeps its elided article: "pouvoir d'achat".
      form.append(' ').append(chars, tokens.phraseStart(i), tokens.phraseLength(i));
    }
    return form.toString();
  }
}
