package org.gazette.text;

import java.io.Serializable;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;

/** The language detectors Gazette can use, as suppliers Spark ships to its executors. */
public final class Detectors {

  private Detectors() {}

  /** A supplier Spark can ship: it names the detector, the executor builds it once. */
  public interface Shippable extends Supplier<LanguageDetector>, Serializable {}

  /** Apache OpenNLP's detector, answering among the reference data's languages. */
  public static Shippable openNlp(Reference reference) {
    Set<String> allowed = new TreeSet<>(reference.detectableLanguages());
    return () -> OpenNlpLanguageDetector.shared(allowed);
  }
}
