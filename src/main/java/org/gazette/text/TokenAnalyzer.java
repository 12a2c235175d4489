package org.gazette.text;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.el.GreekLowerCaseFilter;
import org.apache.lucene.analysis.icu.segmentation.ICUTokenizer;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.TypeAttribute;
import org.apache.lucene.analysis.tr.TurkishLowerCaseFilter;

/**
 * Splits a text into {@link Tokens}: a Lucene tokenizer (UAX#29 word boundaries; ICU's dictionaries
 * for Thai, Lao, Khmer, Myanmar, Chinese and Japanese), then, on each token, typographic
 * apostrophes made ASCII, elision ("l’Agence" gives "agence"), lower-casing for the script
 * (Lucene's Turkish and Greek filters where those rules apply), and the English possessive
 * ("Putin's" gives "putin").
 *
 * <p>On the token stream it then joins hyphenated words ("Hwasong-17", "nord-coréen"), drops
 * numbers, ordinals and symbols, marks stop words, and marks where punctuation, a line break or a
 * dropped token stands between two words, so that phrases do not cross them.
 *
 * <p>Not thread-safe: build one per task (it reuses its Lucene chains), from profiles shared by the
 * JVM.
 */
public final class TokenAnalyzer {

  /** Longer tokens are URLs, identifiers or debris, not terms. */
  static final int MAX_TERM_LENGTH = 64;

  /**
   * Tokens analysed per text at most: a book's worth (a news article has a few hundred). The rest
   * of a longer text is not analysed, and {@link Tokens#truncated()} says so.
   */
  public static final int MAX_TOKENS = 250_000;

  private final LanguageProfiles profiles;
  private final Map<String, Chain> standardChains = new HashMap<>();
  private final Map<String, Chain> dictionaryChains = new HashMap<>();

  public TokenAnalyzer(LanguageProfiles profiles) {
    this.profiles = profiles;
  }

  /** The profile this analyzer uses for {@code language}. */
  public LanguageProfile profile(String language) {
    return profiles.profile(language);
  }

  /** Analyses {@code text} as {@code language} (ISO 639-1 or "und") into {@code out}. */
  public void analyze(String text, String language, Tokens out) {
    out.clear();
    if (text.isEmpty()) {
      return;
    }
    int scripts = scan(text);
    if ((scripts & NO_BREAK_SPACE) != 0) {
      text = text.replace('\u00A0', ' ').replace('\u202F', ' ').replace('\u2007', ' ');
    }
    LanguageProfile profile = profiles.profile(language);
    Map<String, Chain> chains =
        (scripts & UNSPACED_SCRIPT) != 0 ? dictionaryChains : standardChains;
    Chain chain =
        chains.computeIfAbsent(
            profile.language(), k -> new Chain(profile, chains == dictionaryChains));
    try {
      chain.run(text, out);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a StringReader does not fail
    }
  }

  private static final int NO_BREAK_SPACE = 1;
  private static final int UNSPACED_SCRIPT = 2;

  /**
   * What the text holds that changes its analysis, in one pass: no-break spaces (UAX#29 keeps
   * U+202F inside a word, and uncleaned French text has it at every quote), and scripts written
   * without spaces between words, which need ICU's dictionaries.
   */
  static int scan(String text) {
    int flags = 0;
    for (int i = 0, n = text.length(); i < n; i++) {
      char c = text.charAt(i);
      if (c < '\u00A0') {
        continue;
      }
      if (c == '\u00A0' || c == '\u202F' || c == '\u2007') {
        flags |= NO_BREAK_SPACE;
      } else if ((c >= '\u0E00' && c <= '\u0EFF') // Thai, Lao
          || (c >= '\u1000' && c <= '\u109F') // Myanmar
          || (c >= '\u1780' && c <= '\u17FF') // Khmer
          || (c >= '\u3040' && c <= '\u30FF') // Hiragana, Katakana
          || (c >= '\u3400' && c <= '\u4DBF') // CJK extension A
          || (c >= '\u4E00' && c <= '\u9FFF') // CJK unified ideographs
          || (c >= '\uF900' && c <= '\uFAFF')) { // CJK compatibility ideographs
        flags |= UNSPACED_SCRIPT;
      }
    }
    return flags;
  }

  /** True for the characters news text uses as an apostrophe: ' ’ ‘ ʼ ′ ＇. */
  private static boolean isApostrophe(char c) {
    return c == '\''
        || (c >= '\u02BC' // letters of most scripts are below: one comparison rules them out
            && (c == '\u2019' || c == '\u2018' || c == '\u02BC' || c == '\u2032' || c == '\uFF07'));
  }

  static boolean isHyphen(char c) {
    return c == '-' || c == '\u2010' || c == '\u2011';
  }

  /** One language's Lucene chain with the attributes it fills. */
  private static final class Chain {
    private final LanguageProfile profile;
    private final Tokenizer tokenizer;
    private final TokenStream stream;
    private final CharTermAttribute term;
    private final OffsetAttribute offset;
    private final TypeAttribute type;
    private final boolean lowerCaseHere;
    private final CharArraySet articles;

    /** Characters of the elided article that {@link #normalize} found in front of the term. */
    private int elidedLength;

    Chain(LanguageProfile profile, boolean dictionary) {
      this.profile = profile;
      this.tokenizer = dictionary ? new ICUTokenizer() : new StandardTokenizer();
      // Turkish and Greek lower-casing have rules of their own: Lucene's filters apply them.
      // Everything else is done in one pass over each token (see normalize): the same steps
      // as ApostropheFilter, ElisionFilter, LowerCaseFilter and EnglishPossessiveFilter,
      // without a filter call and attribute copy per step and token. TokenAnalyzerParityTest
      // checks it against that chain (ApostropheFilter lives there, as its reference). One
      // order differs: Lucene's Turkish and Greek filters lower-case before the elided article
      // is looked up, not after; the reference data elides no article in those languages.
      this.stream =
          switch (profile.lowerCase()) {
            case TURKISH -> new TurkishLowerCaseFilter(tokenizer);
            case GREEK -> new GreekLowerCaseFilter(tokenizer);
            case DEFAULT -> tokenizer;
          };
      this.lowerCaseHere = profile.lowerCase() == LanguageProfile.LowerCase.DEFAULT;
      this.articles = profile.elidedArticles().isEmpty() ? null : profile.elidedArticles();
      this.term = stream.addAttribute(CharTermAttribute.class);
      this.offset = stream.addAttribute(OffsetAttribute.class);
      this.type = stream.addAttribute(TypeAttribute.class);
    }

    void run(String text, Tokens out) throws IOException {
      tokenizer.setReader(new StringReader(text));
      stream.reset();
      try {
        int previousEnd = -1;
        boolean lastJoinable = false;
        boolean lastPending = false; // the last token added may still grow by a hyphen
        boolean breakNext = true;
        while (stream.incrementToken()) {
          if (out.size() >= MAX_TOKENS) {
            out.markTruncated();
            break;
          }
          int start = offset.startOffset();
          int end = offset.endOffset();
          String tokenType = type.type();
          boolean joinable = isJoinable(tokenType);
          char[] buffer = term.buffer();
          int length = normalize(buffer, term.length());
          int elided = elidedLength;
          if (lastPending
              && lastJoinable
              && joinable
              && start == previousEnd + 1
              && isHyphen(text.charAt(previousEnd))) {
            out.joinToLast('-', buffer, length, end);
            previousEnd = end;
            continue;
          }
          if (lastPending && !keepLast(out)) {
            breakNext = true;
          }
          lastPending = false;
          lastJoinable = false;
          if (isSymbol(tokenType) || length == 0) {
            breakNext = true;
            previousEnd = end;
            continue;
          }
          boolean gap = previousEnd >= 0 && gapBreaksPhrase(text, previousEnd, start);
          out.add(buffer, length, elided, start, end, breakNext || gap);
          breakNext = false;
          lastPending = true;
          lastJoinable = joinable;
          previousEnd = end;
        }
        if (lastPending) {
          keepLast(out);
        }
        stream.end();
      } finally {
        stream.close();
      }
    }

    /**
     * Normalises a token in place and returns its new length: typographic apostrophes become ASCII,
     * an elided article is found ("l'agence": the term is "agence"; its length is left in {@link
     * #elidedLength}), letters are lower-cased (unless a Lucene filter did it), and an English
     * possessive is removed ("putin's").
     */
    private int normalize(char[] b, int length) {
      elidedLength = 0;
      int apostrophe = -1;
      for (int i = 0; i < length; i++) {
        char c = b[i];
        if (isApostrophe(c)) {
          b[i] = '\'';
          if (apostrophe < 0) {
            apostrophe = i;
          }
        }
      }
      if (apostrophe > 0
          && apostrophe < Byte.MAX_VALUE
          && articles != null
          && articles.contains(b, 0, apostrophe)) {
        elidedLength = apostrophe + 1; // kept in front, for phrases: "pouvoir d'achat"
      }
      if (lowerCaseHere) {
        for (int i = 0; i < length; i++) {
          char c = b[i];
          if (c < 0x80) {
            if (c >= 'A' && c <= 'Z') {
              b[i] = (char) (c + ('a' - 'A'));
            }
          } else if (Character.isHighSurrogate(c) && i + 1 < length) {
            int lower = Character.toLowerCase(Character.toCodePoint(c, b[i + 1]));
            if (Character.charCount(lower) == 2) {
              Character.toChars(lower, b, i);
            }
            i++;
          } else if (!Character.isSurrogate(c)) {
            b[i] = Character.toLowerCase(c);
          }
        }
      }
      // On the term, after the elided article, as EnglishPossessiveFilter sees it after
      // ElisionFilter: "ʼs" alone gives an empty term (dropped), not the term "'s".
      if (profile.englishPossessive()
          && length - elidedLength >= 2
          && b[length - 2] == '\''
          && (b[length - 1] == 's' || b[length - 1] == 'S')) {
        length -= 2;
      }
      return length;
    }

    /**
     * Classifies the last token once no hyphen can extend it: drops it when it is a number, an
     * ordinal or too long (returning false), else counts it and marks a stop word.
     */
    private boolean keepLast(Tokens out) {
      int i = out.size() - 1;
      char[] chars = out.chars();
      int from = out.termStart(i);
      int length = out.termLength(i);
      if (length > MAX_TERM_LENGTH
          || !hasLetter(chars, from, length)
          || isOrdinal(chars, from, length)) {
        out.dropLast();
        return false;
      }
      out.countWord();
      if (isStopWord(chars, from, length)) {
        out.markStopWord(i);
      }
      return true;
    }

    /** A stop word of the language, a lone letter, or hyphenated stop words ("a-t-il"). */
    private boolean isStopWord(char[] chars, int from, int length) {
      if (isLoneLetter(chars, from, length) || profile.isStopWord(chars, from, length)) {
        return true;
      }
      int partStart = from;
      int end = from + length;
      boolean hyphenated = false;
      for (int i = from; i <= end; i++) {
        if (i == end || chars[i] == '-') {
          if (i == end && !hyphenated) {
            return false;
          }
          hyphenated = true;
          int partLength = i - partStart;
          if (partLength == 0
              || !(isLoneLetter(chars, partStart, partLength)
                  || profile.isStopWord(chars, partStart, partLength))) {
            return false;
          }
          partStart = i + 1;
        }
      }
      return true;
    }
  }

  /** Word-like token types that a hyphen may join; not ideographs, kana or emoji. */
  private static boolean isJoinable(String type) {
    return "<ALPHANUM>".equals(type) || "<NUM>".equals(type);
  }

  private static boolean isSymbol(String type) {
    return "<EMOJI>".equals(type);
  }

  /** Between two tokens, anything but spaces (punctuation, a line break) ends a phrase. */
  static boolean gapBreaksPhrase(String text, int from, int to) {
    for (int i = from; i < to; i++) {
      char c = text.charAt(i);
      if (c != ' ' && !(Character.isSpaceChar(c) && c != '\u2028' && c != '\u2029') && c != '\t') {
        return true;
      }
    }
    return false;
  }

  static boolean hasLetter(char[] chars, int from, int length) {
    for (int i = from, end = from + length; i < end; i++) {
      char c = chars[i];
      if (Character.isLetter(c)) {
        return true;
      }
      if (Character.isHighSurrogate(c)
          && i + 1 < end
          && Character.isLetter(Character.toCodePoint(c, chars[i + 1]))) {
        return true;
      }
    }
    return false;
  }

  /** A single letter of an alphabet (not an ideograph or a Hangul syllable, which are words). */
  static boolean isLoneLetter(char[] chars, int from, int length) {
    if (length != 1) {
      return false;
    }
    char c = chars[from];
    Character.UnicodeScript script = Character.UnicodeScript.of(c);
    return Character.isLetter(c)
        && script != Character.UnicodeScript.HAN
        && script != Character.UnicodeScript.HANGUL;
  }

  /** Digits then an ordinal suffix: "70e", "1er", "2nd", "21st", "3º", "4ème". */
  static boolean isOrdinal(char[] chars, int from, int length) {
    int i = from;
    int end = from + length;
    while (i < end && chars[i] >= '0' && chars[i] <= '9') {
      i++;
    }
    if (i == from || i == end) {
      return false;
    }
    String suffix = new String(chars, i, end - i);
    return switch (suffix) {
      case "e",
          "è",
          "er",
          "re",
          "ère",
          "ème",
          "eme",
          "es",
          "ers",
          "res",
          "èmes",
          "emes",
          "th",
          "st",
          "nd",
          "rd",
          "º",
          "ª",
          "o",
          "a",
          "°",
          "te",
          "ten",
          "ste" ->
          true;
      default -> false;
    };
  }
}
