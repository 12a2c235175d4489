package org.gazette.text;

/** Tells the language of a text. Implementations are thread-safe and built once per JVM. */
public interface LanguageDetector {

  /** ISO 639-1 code of {@code text}'s language, or {@link LanguageCodes#UNDETERMINED}. */
  String detect(CharSequence text);
}
