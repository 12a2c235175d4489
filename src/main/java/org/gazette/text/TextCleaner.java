package org.gazette.text;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import org.apache.commons.text.StringEscapeUtils;
import org.apache.lucene.analysis.charfilter.HTMLStripCharFilter;

/**
 * Turns raw article text into clean plain text: HTML markup stripped, entities decoded, Unicode
 * NFC, invisible characters dropped, white space folded.
 *
 * <p>Paragraph breaks survive as a single {@code '\n'} so that later stages do not join words
 * across them. Typographic apostrophes and quotes are kept: the cleaned text is also what users
 * read; the analyzers normalise them for counting. Stateless and thread-safe.
 */
public final class TextCleaner {

  private TextCleaner() {}

  /** Cleans {@code raw}; {@code null} gives the empty string. */
  public static String clean(String raw) {
    if (raw == null || raw.isEmpty()) {
      return "";
    }
    String text;
    if (looksLikeMarkup(raw)) {
      text = htmlToText(raw);
    } else if (raw.indexOf('&') >= 0) {
      text = StringEscapeUtils.unescapeHtml4(raw);
    } else {
      text = raw;
    }
    text = foldWhiteSpace(text); // first: dropping invisible marks can join what NFC composes
    if (!Normalizer.isNormalized(text, Normalizer.Form.NFC)) {
      text = Normalizer.normalize(text, Normalizer.Form.NFC);
    }
    return text;
  }

  /**
   * True when the text holds an HTML tag ({@code <p>}, {@code </div>}, {@code <br/>}), a comment or
   * a doctype. A {@code <} before a word that is not an HTML element ("a<b", "<<Jour de la
   * Victoire>>") is text.
   */
  static boolean looksLikeMarkup(String s) {
    int i = s.indexOf('<');
    while (i >= 0 && i + 1 < s.length()) {
      if (s.startsWith("<!--", i) || s.regionMatches(true, i, "<!doctype", 0, 9) || isTagAt(s, i)) {
        return true;
      }
      i = s.indexOf('<', i + 1);
    }
    return false;
  }

  private static boolean isTagAt(String s, int lt) {
    int i = lt + 1;
    if (i < s.length() && s.charAt(i) == '/') {
      i++;
    }
    int nameStart = i;
    while (i < s.length() && i - nameStart <= 10 && isAsciiLetterOrDigit(s.charAt(i))) {
      i++;
    }
    if (i == nameStart || i >= s.length()) {
      return false;
    }
    char after = s.charAt(i);
    if (after != '>' && after != '/' && !Character.isWhitespace(after)) {
      return false;
    }
    return HTML_ELEMENTS.contains(s.substring(nameStart, i).toLowerCase(java.util.Locale.ROOT));
  }

  private static boolean isAsciiLetterOrDigit(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  }

  /** Elements that article bodies carry. */
  private static final java.util.Set<String> HTML_ELEMENTS =
      java.util.Set.of(
          "a",
          "abbr",
          "address",
          "article",
          "aside",
          "audio",
          "b",
          "big",
          "blockquote",
          "body",
          "br",
          "button",
          "caption",
          "center",
          "cite",
          "code",
          "col",
          "colgroup",
          "dd",
          "del",
          "details",
          "div",
          "dl",
          "dt",
          "em",
          "embed",
          "figcaption",
          "figure",
          "font",
          "footer",
          "form",
          "h1",
          "h2",
          "h3",
          "h4",
          "h5",
          "h6",
          "head",
          "header",
          "hr",
          "html",
          "i",
          "iframe",
          "img",
          "input",
          "ins",
          "label",
          "li",
          "link",
          "main",
          "mark",
          "meta",
          "nav",
          "noscript",
          "object",
          "ol",
          "option",
          "p",
          "picture",
          "pre",
          "q",
          "s",
          "script",
          "section",
          "select",
          "small",
          "source",
          "span",
          "strike",
          "strong",
          "style",
          "sub",
          "summary",
          "sup",
          "svg",
          "table",
          "tbody",
          "td",
          "template",
          "textarea",
          "tfoot",
          "th",
          "thead",
          "time",
          "title",
          "tr",
          "tt",
          "u",
          "ul",
          "video",
          "wbr");

  /**
   * Text of HTML: Lucene's HTMLStripCharFilter (a streaming scanner, not a DOM) removes tags,
   * comments, scripts and styles, decodes entities, and puts a line break for each block element.
   */
  private static String htmlToText(String html) {
    StringBuilder out = new StringBuilder(html.length());
    char[] buffer = new char[Math.min(8192, html.length() + 16)];
    try (Reader in = new HTMLStripCharFilter(new StringReader(html))) {
      int n;
      while ((n = in.read(buffer)) > 0) {
        out.append(buffer, 0, n);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a StringReader does not fail
    }
    return out.toString();
  }

  /**
   * Folds runs of white space to one space, or to one {@code '\n'} when the run holds a line break;
   * drops invisible format characters and controls; trims.
   */
  static String foldWhiteSpace(String s) {
    if (isFolded(s)) {
      return s;
    }
    char[] in = s.toCharArray();
    char[] out = new char[in.length];
    int length = 0;
    int pending = KEEP; // the separator owed before the next visible character
    for (char c : in) {
      int kind = (c > ' ' && c < 0x7F) ? KEEP : classify(c);
      if (kind == KEEP) {
        if (pending != KEEP && length > 0) {
          out[length++] = pending == LINE_BREAK ? '\n' : ' ';
        }
        pending = KEEP;
        out[length++] = c;
      } else if (kind == LINE_BREAK || (kind == SPACE && pending != LINE_BREAK)) {
        pending = kind;
      }
    }
    return new String(out, 0, length);
  }

  /** True when folding would not change {@code s}: the common case, checked without copying. */
  private static boolean isFolded(String s) {
    int n = s.length();
    boolean afterVisible = false;
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if ((c > ' ' && c < 0x7F) || classify(c) == KEEP) {
        afterVisible = true;
      } else if ((c == ' ' || c == '\n')
          && afterVisible
          && i + 1 < n
          && classify(s.charAt(i + 1)) == KEEP) {
        afterVisible = false; // a lone separator between visible characters stays
      } else {
        return false;
      }
    }
    return true;
  }

  private static final int KEEP = 0;
  private static final int SPACE = 1;
  private static final int LINE_BREAK = 2;
  private static final int DROP = 3;

  private static int classify(char c) {
    if (c > ' ' && c < 0x7F) {
      return KEEP;
    }
    switch (c) {
      case ' ', '\t', '\u00A0', '\u2007', '\u202F', '\u3000', '\u1680', '\u205F':
        return SPACE;
      case '\n', '\r', '\u000B', '\u000C', '\u0085', '\u2028', '\u2029':
        return LINE_BREAK;
      case '\u00AD', '\u200B', '\u2060', '\uFEFF', '\u180E', '\u200E', '\u200F', '\u061C':
        return DROP; // soft hyphen, zero-width space, word joiner, BOM, direction marks
      default:
        break;
    }
    if ((c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069')) {
      return DROP; // bidirectional embeddings and isolates
    }
    if (c >= '\u2000' && c <= '\u200A') {
      return SPACE;
    }
    if (c < ' ' || (c >= 0x7F && c < 0xA0)) {
      return DROP; // C0 and C1 controls
    }
    return KEEP;
  }
}
