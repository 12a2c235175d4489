package org.gazette.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReferenceTest {

  private static boolean isStopWord(LanguageProfile profile, String word) {
    return profile.isStopWord(word.toCharArray(), 0, word.length());
  }

  @Test
  void builderAddsStopWords() {
    Reference reference =
        Reference.builder()
            .stopWords("fr", List.of("Poutine", "-le", "-la", "aujourd’hui"))
            .stopWords("xx", List.of("foo"))
            .build();
    LanguageProfiles profiles = LanguageProfiles.of(reference);
    LanguageProfile french = profiles.profile("fr");

    assertThat(reference.stopWordsAdded("fr")).containsExactly("aujourd'hui", "poutine");
    assertThat(reference.stopWordsRemoved("fr")).containsExactly("la", "le");
    assertThat(isStopWord(french, "poutine")).isTrue();
    assertThat(isStopWord(french, "aujourd'hui")).isTrue();
    assertThat(isStopWord(french, "de")).as("Lucene's list otherwise").isTrue();
    assertThat(isStopWord(profiles.profile("xx"), "foo"))
        .as("a language without Lucene list")
        .isTrue();
    assertThat(isStopWord(profiles.profile("en"), "poutine")).isFalse();
  }

  @Test
  void addedStopWordsChangeTheTokens() {
    Reference reference =
        Reference.builder()
            .stopWords("fr", List.of("poutine"))
            .elisions(List.of("fr: l d"))
            .build();
    Tokens tokens = new Tokens();
    new TokenAnalyzer(LanguageProfiles.of(reference))
        .analyze("d’immenses portraits de Poutine", "fr", tokens);

    assertThat(AnalyzedToken.notation(tokens))
        .containsExactly("|immenses", "portraits", "(de)", "(poutine)");
  }

  @Test
  void removedStopWordsAreNoLongerStopWords() {
    Reference reference =
        Reference.builder()
            .stopWords("fr", List.of("-le", "-de"))
            .elisions(List.of("fr: l d"))
            .build();
    LanguageProfiles profiles = LanguageProfiles.of(reference);
    assertThat(isStopWord(profiles.profile("fr"), "le")).isFalse();
    assertThat(isStopWord(profiles.profile("fr"), "de")).isFalse();

    Tokens tokens = new Tokens();
    new TokenAnalyzer(profiles).analyze("d’immenses portraits de Poutine", "fr", tokens);
    assertThat(AnalyzedToken.notation(tokens))
        .containsExactly("|immenses", "portraits", "de", "poutine");
  }

  @Test
  void withoutReferenceDataLuceneListsApplyAndNothingIsElided() {
    Reference empty = Reference.builder().build();
    LanguageProfile french = LanguageProfiles.of(empty).profile("fr");

    assertThat(isStopWord(french, "de")).isTrue();
    assertThat(isStopWord(french, "été")).as("only in the reference additions").isFalse();
    assertThat(french.elidedArticles()).isEmpty();
    assertThat(empty.detectableLanguages()).isEmpty();
    assertThat(empty.origin()).isEqualTo("code");
  }

  @Test
  void bundledFrenchAdditionsAreStopWords() {
    LanguageProfile french = LanguageProfiles.of(Reference.bundled()).profile("fr");

    for (String word : List.of("été", "a", "plus", "déclaré", "aujourd'hui", "de", "le")) {
      assertThat(isStopWord(french, word)).as(word).isTrue();
    }
    for (String word : List.of("poutine", "corée", "missile", "guerre")) {
      assertThat(isStopWord(french, word)).as(word).isFalse();
    }
  }

  @Test
  void bundledElisionForFrenchAndItalian() {
    Reference bundled = Reference.bundled();

    assertThat(bundled.elidedArticles("fr")).contains("l", "d", "qu", "jusqu", "n", "s");
    assertThat(bundled.elidedArticles("it")).contains("l", "dell", "all", "un", "nell");
    assertThat(bundled.elidedArticles("en")).isEmpty();
    LanguageProfiles profiles = LanguageProfiles.of(bundled);
    assertThat(profiles.profile("fr").elidedArticles().contains("qu")).isTrue();
    assertThat(profiles.profile("fr").elidedArticles().contains("L")).as("any case").isTrue();
    assertThat(profiles.profile("en").elidedArticles()).isEmpty();

    Tokens tokens = new Tokens();
    new TokenAnalyzer(profiles).analyze("dell’Unione all’estero", "it", tokens);
    assertThat(AnalyzedToken.notation(tokens)).containsExactly("|unione", "estero");
  }

  @Test
  void bundledDetectableLanguages() {
    assertThat(Reference.bundled().detectableLanguages())
        .contains("en", "fr", "de", "es", "it", "zh", "he")
        .hasSizeGreaterThan(20)
        .allSatisfy(code -> assertThat(LanguageCodes.normalize(code)).isEqualTo(code));
  }

  @Test
  void bundledCopyEqualsTheReferenceFolder() {
    // Maven runs the tests from the project folder; the jar bundles data/reference.
    Path folder = Path.of("data", "reference");
    Reference bundled = Reference.bundled();

    assertThat(Reference.load(folder)).isEqualTo(bundled).hasSameHashCodeAs(bundled);
    assertThat(bundled.origin()).isEqualTo("bundled");
  }

  @Test
  void loadReadsAFolder(@TempDir Path folder) throws IOException {
    Files.createDirectories(folder.resolve("stopwords"));
    Files.writeString(
        folder.resolve("stopwords/fr.txt"),
        "# additions\nPoutine   # a name, for the test\n\n-le\n",
        StandardCharsets.UTF_8);
    Files.writeString(folder.resolve("stopwords/nl.txt"), "ook\n", StandardCharsets.UTF_8);
    Files.writeString(
        folder.resolve("stopwords/README.md"), "not a list\n", StandardCharsets.UTF_8);
    Files.writeString(
        folder.resolve("elision.txt"), "fr: l d qu\n# comment\nit: dell\n", StandardCharsets.UTF_8);
    Files.writeString(
        folder.resolve("languages.txt"), "fr\nEnglish\nde-DE\n", StandardCharsets.UTF_8);

    Reference reference = Reference.load(folder);

    assertThat(reference.origin()).isEqualTo(folder.toString());
    assertThat(reference.stopWordsAdded("fr")).containsExactly("poutine");
    assertThat(reference.stopWordsRemoved("fr")).containsExactly("le");
    assertThat(reference.stopWordsAdded("nl")).containsExactly("ook");
    assertThat(reference.elidedArticles("fr")).containsExactlyInAnyOrder("l", "d", "qu");
    assertThat(reference.elidedArticles("it")).containsExactly("dell");
    assertThat(reference.detectableLanguages()).containsExactly("de", "en", "fr");
    assertThat(isStopWord(LanguageProfiles.of(reference).profile("fr"), "poutine")).isTrue();
  }

  @Test
  void loadOfAnEmptyFolderIsEmpty(@TempDir Path folder) {
    assertThat(Reference.load(folder)).isEqualTo(Reference.builder().build());
  }

  @Test
  void loadRejectsAMissingFolder(@TempDir Path folder) {
    Path missing = folder.resolve("missing");
    assertThatThrownBy(() -> Reference.load(missing))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(missing.toString());
  }

  @Test
  void malformedLinesAreRejectedWithTheLine() {
    assertThatThrownBy(() -> Reference.builder().elisions(List.of("l d qu")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'l d qu'");
    assertThatThrownBy(() -> Reference.builder().detectableLanguages(List.of("klingon")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'klingon'");
  }

  @Test
  void equalReferencesShareTheirProfiles() {
    Reference a = Reference.builder().stopWords("fr", List.of("poutine")).build();
    Reference b = Reference.builder().stopWords("fr", List.of("Poutine")).build();

    assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
    assertThat(LanguageProfiles.of(a)).isSameAs(LanguageProfiles.of(b));
    assertThat(LanguageProfiles.of(a).profile("fr")).isSameAs(LanguageProfiles.of(b).profile("fr"));
  }

  @Test
  void survivesJavaSerialisation() throws IOException, ClassNotFoundException {
    Reference bundled = Reference.bundled();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(bundled);
    }
    try (ObjectInputStream in =
        new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      Reference copy = (Reference) in.readObject();
      assertThat(copy).isEqualTo(bundled);
      assertThat(copy.stopWordsAdded("fr")).contains("été");
    }
  }

  @Test
  void lowerCasingOfEachLanguage() {
    LanguageProfiles profiles = LanguageProfiles.of(Reference.bundled());
    assertThat(profiles.profile("tr").lowerCase()).isEqualTo(LanguageProfile.LowerCase.TURKISH);
    assertThat(profiles.profile("az").lowerCase()).isEqualTo(LanguageProfile.LowerCase.TURKISH);
    assertThat(profiles.profile("el").lowerCase()).isEqualTo(LanguageProfile.LowerCase.GREEK);
    assertThat(profiles.profile("fr").lowerCase()).isEqualTo(LanguageProfile.LowerCase.DEFAULT);
    assertThat(profiles.profile(null).language()).isEqualTo(LanguageCodes.UNDETERMINED);
    assertThat(LanguageProfiles.languagesWithLuceneStopWords())
        .contains("fr", "en", "de", "th", "tr");
  }
}
