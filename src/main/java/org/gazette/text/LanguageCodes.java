package org.gazette.text;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;

/**
 * Normalises the language values found in news feeds ("fr", "FR", "fr-FR", "fr_CA", "fra", "fre",
 * "French", "français") to ISO 639-1 codes.
 */
public final class LanguageCodes {

  /** The code for text whose language is unknown (ISO 639-2 "undetermined"). */
  public static final String UNDETERMINED = "und";

  private static final Map<String, String> BY_ALIAS = buildAliases();

  private LanguageCodes() {}

  /**
   * The ISO 639-1 code that {@code value} stands for, or {@code null} when it is missing, blank,
   * "und" or not a language Java knows.
   */
  public static String normalize(String value) {
    if (value == null) {
      return null;
    }
    String v = value.strip().toLowerCase(Locale.ROOT);
    if (v.isEmpty()) {
      return null;
    }
    String direct = BY_ALIAS.get(v);
    if (direct != null) {
      return direct;
    }
    int sep = indexOfSeparator(v);
    if (sep > 0) {
      return BY_ALIAS.get(v.substring(0, sep));
    }
    return null;
  }

  private static int indexOfSeparator(String v) {
    for (int i = 0; i < v.length(); i++) {
      char c = v.charAt(i);
      if (c == '-' || c == '_' || c == ' ' || c == ';' || c == ',') {
        return i;
      }
    }
    return -1;
  }

  private static Map<String, String> buildAliases() {
    Map<String, String> aliases = new HashMap<>();
    for (String code : Locale.getISOLanguages()) {
      if (code.length() != 2) {
        continue;
      }
      Locale locale = Locale.forLanguageTag(code);
      aliases.put(code, code);
      try {
        aliases.put(locale.getISO3Language(), code);
      } catch (MissingResourceException e) {
        // no three-letter code known for it
      }
      String english = locale.getDisplayLanguage(Locale.ENGLISH).toLowerCase(Locale.ROOT);
      if (!english.isEmpty() && !english.equals(code)) {
        aliases.putIfAbsent(english, code);
      }
      String own = locale.getDisplayLanguage(locale).toLowerCase(locale);
      if (!own.isEmpty() && !own.equals(code)) {
        aliases.putIfAbsent(own, code);
      }
    }
    // ISO 639-2/B bibliographic codes, still common in library and feed metadata.
    String[][] bibliographic = {
      {"alb", "sq"},
      {"arm", "hy"},
      {"baq", "eu"},
      {"bur", "my"},
      {"chi", "zh"},
      {"cze", "cs"},
      {"dut", "nl"},
      {"fre", "fr"},
      {"geo", "ka"},
      {"ger", "de"},
      {"gre", "el"},
      {"ice", "is"},
      {"mac", "mk"},
      {"mao", "mi"},
      {"may", "ms"},
      {"per", "fa"},
      {"rum", "ro"},
      {"slo", "sk"},
      {"tib", "bo"},
      {"wel", "cy"},
      // Pre-1989 codes that some systems still emit.
      {"iw", "he"},
      {"in", "id"},
      {"ji", "yi"},
      {"jw", "jv"},
      {"mo", "ro"},
    };
    for (String[] pair : bibliographic) {
      aliases.put(pair[0], pair[1]);
    }
    // Macro-language and individual codes that mean the same written language.
    aliases.put("nb", "no");
    aliases.put("nn", "no");
    aliases.put("nob", "no");
    aliases.put("nno", "no");
    aliases.put("cmn", "zh");
    aliases.put("yue", "zh");
    aliases.put("arb", "ar");
    aliases.put("pes", "fa");
    aliases.put("zsm", "ms");
    aliases.put("lvs", "lv");
    aliases.put("ekk", "et");
    aliases.put("pnb", "pa");
    aliases.put("azj", "az");
    aliases.put("uzn", "uz");
    aliases.put("khk", "mn");
    aliases.put("swh", "sw");
    for (String unknown :
        new String[] {UNDETERMINED, "zxx", "mul", "mis", "xx", "unknown", "n/a", "none", "null"}) {
      aliases.remove(unknown);
    }
    return Map.copyOf(aliases);
  }
}
