package org.gazette.text;

import java.io.Serializable;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/** The language detectors Gazette can use, as suppliers Spark ships to its executors. */
public final class Detectors {

  private static final Map<Reference, LanguageDetector> STANDARD = new ConcurrentHashMap<>();

  private Detectors() {}

  /** A supplier Spark can ship: it names the detector, the executor builds it once. */
  public interface Shippable extends Supplier<LanguageDetector>, Serializable {}

  /**
   * Gazette's detector: a vote of function words ({@link StopWordVote}) when it is clear, else
   * Apache OpenNLP's model; both answer among the reference data's languages.
   */
  public static Shippable standard(Reference reference) {
    return () -> STANDARD.computeIfAbsent(reference, Detectors::buildStandard);
  }

  /** Apache OpenNLP's detector alone, answering among the reference data's languages. */
  public static Shippable openNlp(Reference reference) {
    Set<String> allowed = new TreeSet<>(reference.detectableLanguages());
    return () -> OpenNlpLanguageDetector.shared(allowed);
  }

  private static LanguageDetector buildStandard(Reference reference) {
    Set<String> allowed = reference.detectableLanguages();
    StopWordVote vote = new StopWordVote(LanguageProfiles.of(reference), allowed);
    LanguageDetector model = OpenNlpLanguageDetector.shared(allowed);
    return text -> {
      String guess = vote.guess(text);
      return guess != null ? guess : model.detect(text);
    };
  }
}
