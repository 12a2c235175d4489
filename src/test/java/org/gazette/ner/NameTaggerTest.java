package org.gazette.ner;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.gazette.text.TextCleaner;
import org.junit.jupiter.api.Test;

class NameTaggerTest {

  private static final NameTagger FR = NameTagger.forLanguage("fr");
  private static final NameTagger EN = NameTagger.forLanguage("en");

  /** "text/TYPE" of every name found. */
  private static List<String> names(NameTagger tagger, String text) {
    List<String> out = new ArrayList<>();
    for (NameSpan s : tagger.tag(text)) {
      out.add(s.text() + "/" + s.type());
    }
    return out;
  }

  private static String seedArticle() throws IOException {
    String line =
        Files.readAllLines(Path.of("data/sample/seed-articles.jsonl"), StandardCharsets.UTF_8)
            .get(0);
    int body = line.indexOf("\"body\": \"") + 9;
    return TextCleaner.clean(
        line.substring(body, line.lastIndexOf('"')).replace("\\n", "\n").replace("\\\"", "\""));
  }

  @Test
  void theExampleArticleNamesItsPeoplePlacesAndAgencies() throws IOException {
    Set<String> found = new TreeSet<>(names(FR, seedArticle()));
    assertThat(found)
        .contains(
            "Vladimir Poutine/PER",
            "Poutine/PER",
            "Kim Jong Un/PER",
            "Kim/PER",
            "Sergei Shoigu/PER",
            "Shoigu/PER",
            "Ankita Panda/PER",
            "Igor Klymenko/PER",
            "Pyongyang/LOC",
            "Corée du Nord/LOC",
            "Russie/LOC",
            "Ukraine/LOC",
            "États-Unis/LOC",
            "Kryvyi Rig/LOC",
            "KCNA/ORG",
            "Reuters/ORG",
            "NK News/ORG");
    // no capitalised common word, no honorific, nothing of "Jour de la Victoire" as a person
    assertThat(found)
        .noneMatch(
            n ->
                n.startsWith("M. ")
                    || n.startsWith("Le ")
                    || n.startsWith("Les ")
                    || n.startsWith("Dans")
                    || n.startsWith("Avant")
                    || n.startsWith("Ce ")
                    || n.startsWith("On/")
                    || n.startsWith("Au "));
    assertThat(found)
        .noneMatch(n -> (n.contains("Jour") || n.contains("Victoire")) && n.endsWith("/PER"));
  }

  @Test
  void honorificsAndRolesStayOutOfNames() {
    assertThat(names(FR, "Dans cette lettre, M. Poutine remercie le gouvernement."))
        .containsExactly("Poutine/PER");
    assertThat(names(FR, "Le président russe Vladimir Poutine a écrit à Kim Jong Un."))
        .containsExactly("Vladimir Poutine/PER", "Kim Jong Un/PER");
    assertThat(names(EN, "On Tuesday, Mr Biden spoke with Dr Smith in Washington."))
        .contains("Biden/PER", "Smith/PER", "Washington/LOC");
  }

  @Test
  void frenchSentences() {
    assertThat(names(FR, "Emmanuel Macron a reçu Olaf Scholz à Paris, selon l’AFP."))
        .contains("Emmanuel Macron/PER", "Olaf Scholz/PER", "Paris/LOC");
    assertThat(names(FR, "L’armée d’Ukraine a repris Bakhmout, a déclaré Volodymyr Zelensky."))
        .contains("Ukraine/LOC", "Volodymyr Zelensky/PER");
    assertThat(names(FR, "Les médias d’État ont montré des images de la Corée du Nord."))
        .containsExactly("Corée du Nord/LOC");
  }

  @Test
  void englishSentences() {
    assertThat(
            names(
                EN,
                "German Chancellor Olaf Scholz met Joe Biden at the White House on "
                    + "Friday, Reuters reported."))
        .contains("Olaf Scholz/PER", "Joe Biden/PER", "Reuters/ORG");
    assertThat(
            names(
                EN,
                "Shares of Barclays rose 2 percent in London after the European "
                    + "Commission approved the deal."))
        .contains("Barclays/ORG", "London/LOC", "European Commission/ORG");
  }

  @Test
  void sentenceInitialWordsAndHeadlinesAreNotNamedWordByWord() {
    assertThat(names(EN, "The minister said. They agreed. Yesterday it rained.")).isEmpty();
    assertThat(names(FR, "Les deux hommes ont assisté. Ce jour est célébré chaque année."))
        .isEmpty();
    List<String> headline = names(EN, "Putin Sends Letter To Kim As Talks Stall In Pyongyang");
    assertThat(headline)
        .noneMatch(
            n ->
                n.startsWith("Sends")
                    || n.startsWith("Letter")
                    || n.startsWith("Talks")
                    || n.contains("Stall"));
  }

  @Test
  void scriptsWithoutCapitalsGiveNoNamesAndNothingBreaks() {
    assertThat(FR.tag("弗拉基米尔·普京致信朝鲜领导人金正恩，朝中社报道。")).isEmpty();
    assertThat(EN.tag("วลาดิมีร์ ปูติน ส่งจดหมายถึงคิม จองอึน")).isEmpty();
    assertThat(EN.tag("أرسل الرئيس الروسي فلاديمير بوتين رسالة إلى كيم جونغ أون")).isEmpty();
    List<NameSpan> russian = EN.tag("Владимир Путин направил письмо Ким Чен Ыну.");
    assertThat(russian).allMatch(s -> s.end() <= 7);
    assertThat(EN.tag("")).isEmpty();
  }

  @Test
  void everyLanguageHasATagger() {
    assertThat(NameTagger.forLanguage("fr").language()).isEqualTo("fr");
    assertThat(NameTagger.forLanguage("FR").language()).isEqualTo("fr");
    assertThat(NameTagger.forLanguage("de").language()).isEqualTo("en");
    assertThat(NameTagger.forLanguage(null).language()).isEqualTo("en");
    assertThat(NameTagger.forLanguage("fr")).isSameAs(FR);
  }

  @Test
  void randomTextsGiveSpansInBoundsInOrderNeverOverlappingAndAlwaysTheSame() {
    Random random = new Random(7);
    String[] words = {
      "Le",
      "la",
      "de",
      "Paris",
      "Poutine",
      "M.",
      "Kim",
      "Jong",
      "Un",
      ",",
      ".",
      "«",
      "»",
      "“",
      "l’",
      "Agence",
      "du",
      "Nord",
      "NEW",
      "YORK",
      "3.5",
      "U.S.",
      "\n",
      "the",
      "of",
      "Bank",
      "America",
      "Ω",
      "Ж",
      "Путин",
      "金正恩",
      "ไทย",
      "'s",
      "-",
      "Jean-Pierre"
    };
    for (int round = 0; round < 300; round++) {
      StringBuilder text = new StringBuilder();
      int length = random.nextInt(60);
      for (int k = 0; k < length; k++) {
        text.append(words[random.nextInt(words.length)]);
        text.append(random.nextInt(5) == 0 ? "" : " ");
      }
      NameTagger tagger = random.nextBoolean() ? FR : EN;
      NameTokens tokens = NameTokenizer.tokenize(text.toString());
      List<NameSpan> spans = tagger.tag(tokens);
      int previousEnd = 0;
      for (NameSpan s : spans) {
        assertThat(s.start()).isGreaterThanOrEqualTo(previousEnd);
        assertThat(s.end()).isLessThanOrEqualTo(tokens.size());
        assertThat(s.begin()).isEqualTo(tokens.begin(s.start()));
        assertThat(s.endChar()).isEqualTo(tokens.end(s.end() - 1));
        assertThat(s.text()).isEqualTo(text.substring(s.begin(), s.endChar()));
        assertThat(tokens.sentence(s.start())).isEqualTo(tokens.sentence(s.end() - 1));
        previousEnd = s.end();
      }
      assertThat(tagger.tag(NameTokenizer.tokenize(text.toString()))).isEqualTo(spans);
    }
  }

  @Test
  void trainingIsDeterministicAndModelsSurviveTheirFile() throws IOException {
    List<AnnotatedText> texts = new ArrayList<>();
    String[][] sentences = {
      {"Vladimir", "Poutine", "a", "écrit", "à", "Kim", "."},
      {"M.", "Shoigu", "est", "à", "Pyongyang", "."},
      {"Reuters", "cite", "l'", "Agence", "France-Presse", "."},
    };
    String[][] tags = {
      {"B-PER", "I-PER", "O", "O", "O", "B-PER", "O"},
      {"O", "B-PER", "O", "O", "B-LOC", "O"},
      {"B-ORG", "O", "O", "B-ORG", "I-ORG", "O"},
    };
    for (int k = 0; k < sentences.length; k++) {
      texts.add(
          NerCorpus.build(
              new ArrayList<>(List.of(sentences[k])),
              new ArrayList<>(List.of(tags[k])),
              new ArrayList<>(java.util.Collections.nCopies(sentences[k].length, 0))));
    }
    NameTrainer.Options options = new NameTrainer.Options("fr", 14, 2, 5, 3, 0, 0);
    NameTrainer.Result a = NameTrainer.train(texts, options, NameLexicon.EMPTY);
    NameTrainer.Result b = NameTrainer.train(texts, options, NameLexicon.EMPTY);
    ByteArrayOutputStream fileA = new ByteArrayOutputStream();
    ByteArrayOutputStream fileB = new ByteArrayOutputStream();
    a.tagger().model().write(fileA);
    b.tagger().model().write(fileB);
    assertThat(fileA.toByteArray()).isEqualTo(fileB.toByteArray());

    NameModel read = NameModel.read(new ByteArrayInputStream(fileA.toByteArray()));
    NameTagger reloaded = new NameTagger(read, NameLexicon.EMPTY, "fr");
    for (AnnotatedText t : texts) {
      assertThat(reloaded.tag(t.tokens())).isEqualTo(a.tagger().tag(t.tokens()));
      assertThat(a.tagger().tag(t.tokens())).isEqualTo(t.names());
    }
  }
}
