package org.gazette.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Loads OpenNLP's model once for the class (a few seconds): the detectors are shared. */
class OpenNlpLanguageDetectorTest {

  private static final String FRENCH =
      "Le gouvernement a annoncé mardi un nouveau plan pour"
          + " soutenir les agriculteurs touchés par la sécheresse, après plusieurs semaines de"
          + " manifestations dans les campagnes. Le ministre de l'Agriculture a promis des aides"
          + " d'urgence avant la fin du mois.";
  private static final String ENGLISH =
      "The government announced on Tuesday a new plan to"
          + " support farmers hit by the drought, after several weeks of protests in rural areas."
          + " The agriculture minister promised emergency aid before the end of the month and said"
          + " more help would follow.";
  private static final String GERMAN =
      "Die Regierung hat am Dienstag einen neuen Plan zur"
          + " Unterstützung der von der Dürre betroffenen Landwirte angekündigt, nachdem es mehrere"
          + " Wochen lang Proteste auf dem Land gegeben hatte. Der Landwirtschaftsminister versprach"
          + " Soforthilfe noch vor Ende des Monats.";
  private static final String SPANISH =
      "El Gobierno anunció el martes un nuevo plan para"
          + " apoyar a los agricultores afectados por la sequía, después de varias semanas de"
          + " protestas en el campo. El ministro de Agricultura prometió ayudas de emergencia antes"
          + " de que termine el mes.";
  private static final String ITALIAN =
      "Il governo ha annunciato martedì un nuovo piano per"
          + " sostenere gli agricoltori colpiti dalla siccità, dopo diverse settimane di proteste"
          + " nelle campagne. Il ministro dell'Agricoltura ha promesso aiuti di emergenza prima della"
          + " fine del mese.";

  private static final LanguageDetector ANY = OpenNlpLanguageDetector.shared(Set.of());
  private static final LanguageDetector BUNDLED = Detectors.openNlp(Reference.bundled()).get();

  static Stream<Arguments> paragraphs() {
    return Stream.of(
        Arguments.of("fr", FRENCH),
        Arguments.of("en", ENGLISH),
        Arguments.of("de", GERMAN),
        Arguments.of("es", SPANISH),
        Arguments.of("it", ITALIAN));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("paragraphs")
  void detectsNewsParagraphs(String language, String text) {
    assertThat(ANY.detect(text)).isEqualTo(language);
    assertThat(BUNDLED.detect(text)).isEqualTo(language);
  }

  @Test
  void detectsTheUsersExampleSentence() {
    assertThat(
            BUNDLED.detect(
                "Le président russe Vladimir Poutine, qui ne s’est pas rendu à"
                    + " Pyongyang avec son ministre de la défense, Sergei Shoigu, a envoyé une lettre au"
                    + " dirigeant nord-coréen Kim Jong Un"))
        .isEqualTo("fr");
  }

  @Test
  void acceptsAnyCharSequence() {
    assertThat(BUNDLED.detect(new StringBuilder(FRENCH))).isEqualTo("fr");
  }

  @Test
  void emptyTextIsUndetermined() {
    assertThat(ANY.detect("")).isEqualTo(LanguageCodes.UNDETERMINED);
    assertThat(BUNDLED.detect("")).isEqualTo(LanguageCodes.UNDETERMINED);
  }

  @Test
  void answersTheBestAllowedLanguage() {
    LanguageDetector englishOnly = OpenNlpLanguageDetector.shared(Set.of("en"));
    assertThat(englishOnly.detect(FRENCH)).isEqualTo("en");
    assertThat(englishOnly.detect(GERMAN)).isEqualTo("en");

    LanguageDetector frenchOrGerman = OpenNlpLanguageDetector.shared(Set.of("de", "fr"));
    assertThat(frenchOrGerman.detect(SPANISH)).isIn("de", "fr");
    assertThat(frenchOrGerman.detect(GERMAN)).isEqualTo("de");
  }

  @Test
  void detectorsAreSharedPerSetOfLanguages() {
    assertThat(OpenNlpLanguageDetector.shared(Set.of("fr", "en")))
        .isSameAs(OpenNlpLanguageDetector.shared(Set.of("en", "fr")))
        .isNotSameAs(OpenNlpLanguageDetector.shared(Set.of("en")));
    assertThat(Detectors.openNlp(Reference.bundled()).get()).isSameAs(BUNDLED);
  }

  @ParameterizedTest
  @ValueSource(strings = {"   ", "12 345", "!!! ...", "😀🚀"})
  void textWithoutLettersIsUndetermined(String text) {
    assertThat(BUNDLED.detect(text)).isEqualTo(LanguageCodes.UNDETERMINED);
  }
}
