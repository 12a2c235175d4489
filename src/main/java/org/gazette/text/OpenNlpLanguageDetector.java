package org.gazette.text;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import opennlp.tools.langdetect.Language;
import opennlp.tools.langdetect.LanguageDetectorME;
import opennlp.tools.langdetect.LanguageDetectorModel;

/**
 * Language detection with Apache OpenNLP's model of 103 languages (opennlp-models-langdetect),
 * answering only among the allowed languages: the best-scoring allowed one wins.
 *
 * <p>The model (about 60 MB of heap) is loaded once per JVM and shared; each thread gets its own
 * {@link LanguageDetectorME}, which is not thread-safe.
 */
public final class OpenNlpLanguageDetector implements LanguageDetector {

  private static final String MODEL = "/langdetect-183.bin";
  private static final Map<Set<String>, OpenNlpLanguageDetector> PER_JVM =
      new ConcurrentHashMap<>();
  private static volatile LanguageDetectorModel model;

  private final Set<String> allowed;
  private final ThreadLocal<LanguageDetectorME> detectors;

  private OpenNlpLanguageDetector(Set<String> allowed) {
    this.allowed = Set.copyOf(allowed);
    LanguageDetectorModel m = model();
    this.detectors = ThreadLocal.withInitial(() -> new LanguageDetectorME(m));
  }

  /** The detector answering among {@code allowed} (ISO 639-1; empty: every language). */
  public static OpenNlpLanguageDetector shared(Set<String> allowed) {
    return PER_JVM.computeIfAbsent(Set.copyOf(allowed), OpenNlpLanguageDetector::new);
  }

  @Override
  public String detect(CharSequence text) {
    if (!hasLetter(text)) {
      return LanguageCodes.UNDETERMINED; // digits, punctuation or emoji say nothing
    }
    String best = LanguageCodes.UNDETERMINED;
    double bestConfidence = -1;
    for (Language candidate : detectors.get().predictLanguages(text)) {
      String code = LanguageCodes.normalize(candidate.getLang());
      if (code != null
          && candidate.getConfidence() > bestConfidence
          && (allowed.isEmpty() || allowed.contains(code))) {
        best = code;
        bestConfidence = candidate.getConfidence();
      }
    }
    return best;
  }

  private static boolean hasLetter(CharSequence text) {
    for (int i = 0; i < text.length(); i++) {
      if (Character.isLetter(text.charAt(i))) {
        return true;
      }
    }
    return false;
  }

  private static LanguageDetectorModel model() {
    LanguageDetectorModel m = model;
    if (m == null) {
      synchronized (OpenNlpLanguageDetector.class) {
        m = model;
        if (m == null) {
          try (InputStream in = OpenNlpLanguageDetector.class.getResourceAsStream(MODEL)) {
            if (in == null) {
              throw new IllegalStateException(
                  MODEL
                      + " is not on the classpath "
                      + "(org.apache.opennlp:opennlp-models-langdetect)");
            }
            m = new LanguageDetectorModel(in);
            model = m;
          } catch (IOException e) {
            throw new UncheckedIOException("cannot load " + MODEL, e);
          }
        }
      }
    }
    return m;
  }
}
