package org.gazette.entity;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The matching key of a name: the spelling differences that never tell two entities apart are
 * folded away (case, accents, hyphens, apostrophes, full stops), so that "Kim Jong-un" and "Kim
 * Jong Un", "Choïgou" and "Choigou", "U.S." and "US" meet.
 */
public final class Names {

  private Names() {}

  /** The key of {@code name}: lower case, unaccented, words separated by single spaces. */
  public static String key(CharSequence name) {
    String ascii = asciiKey(name);
    return ascii != null ? ascii : decomposedKey(name);
  }

  /** The key of any name, by canonical decomposition. */
  static String decomposedKey(CharSequence name) {
    String decomposed = Normalizer.normalize(name, Normalizer.Form.NFKD);
    StringBuilder key = new StringBuilder(decomposed.length());
    boolean space = false;
    for (int i = 0; i < decomposed.length(); ) {
      int c = decomposed.codePointAt(i);
      i += Character.charCount(c);
      int type = Character.getType(c);
      if (type == Character.NON_SPACING_MARK
          || type == Character.ENCLOSING_MARK
          || c == '.'
          || type == Character.FORMAT) {
        continue;
      }
      if (Character.isLetterOrDigit(c)) {
        if (space && key.length() > 0) {
          key.append(' ');
        }
        space = false;
        key.appendCodePoint(c);
      } else {
        space = true;
      }
    }
    String lower = key.toString().toLowerCase(Locale.ROOT);
    // Lower-casing can decompose again (İ → i̇): drop the marks it adds.
    return lower.indexOf('\u0307') < 0 ? lower : lower.replace("\u0307", "");
  }

  /**
   * The key of a name written in ASCII, the common case, without decomposing it; null when the name
   * holds other characters.
   */
  private static String asciiKey(CharSequence name) {
    StringBuilder key = null;
    boolean space = false;
    int n = name.length();
    for (int i = 0; i < n; i++) {
      char c = name.charAt(i);
      if (c >= 0x80) {
        return null;
      }
      if (key == null) {
        key = new StringBuilder(n);
      }
      if (c == '.') {
        continue;
      }
      boolean letterOrDigit = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9';
      if (letterOrDigit) {
        if (space && key.length() > 0) {
          key.append(' ');
        }
        space = false;
        key.append(c >= 'A' && c <= 'Z' ? (char) (c + 32) : c);
      } else {
        space = true;
      }
    }
    return key == null ? "" : key.toString();
  }

  /** The words of a key. */
  public static List<String> words(String key) {
    List<String> words = new ArrayList<>();
    int start = 0;
    while (start < key.length()) {
      int end = key.indexOf(' ', start);
      if (end < 0) {
        end = key.length();
      }
      if (end > start) {
        words.add(key.substring(start, end));
      }
      start = end + 1;
    }
    return words;
  }

  /**
   * A readable, stable id for a name no reference list knows: its key with hyphens for spaces, e.g.
   * {@code jean-dupont}.
   */
  public static String slug(String key) {
    return key.replace(' ', '-');
  }
}
