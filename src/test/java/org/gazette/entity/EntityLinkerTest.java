package org.gazette.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.gazette.entity.EntityLinker.ArticleEntity;
import org.gazette.ner.EntityType;
import org.gazette.ner.NameSpan;
import org.gazette.ner.NameTokens;
import org.junit.jupiter.api.Test;

class EntityLinkerTest {

  private static final KnownEntities KNOWN =
      known(
          "vladimir-putin\tPER\tVladimir Putin\tVladimir Poutine | Poutine | Putin | Путин\n"
              + "kcna\tORG\tKorean Central News Agency\tKCNA | Agence centrale de presse coréenne\n",
          "country:PRK\tcountry\tPRK\t26000000\tNorth Korea | Corée du Nord | Nordkorea\n"
              + "city:pyongyang\tcapital\tPRK\t3000000\tPyongyang | Pjöngjang\n"
              + "city:washington\tcapital\tUSA\t700000\tWashington\n");

  /**
   * A text written as sentences of space-separated tokens, in which names are marked [like
   * this]/TYPE.
   */
  private record Marked(NameTokens tokens, List<NameSpan> spans) {}

  private static Marked marked(String... sentences) {
    List<String> words = new ArrayList<>();
    List<Integer> sentenceOf = new ArrayList<>();
    List<int[]> marks = new ArrayList<>();
    List<EntityType> types = new ArrayList<>();
    for (int s = 0; s < sentences.length; s++) {
      int open = -1;
      for (String w : sentences[s].split(" ")) {
        String word = w;
        if (word.startsWith("[")) {
          open = words.size();
          word = word.substring(1);
        }
        int close = word.indexOf("]/");
        if (close >= 0) {
          types.add(EntityType.parse(word.substring(close + 2)));
          word = word.substring(0, close);
          marks.add(new int[] {open, words.size() + 1});
        }
        words.add(word);
        sentenceOf.add(s);
      }
    }
    NameTokens tokens = NameTokens.of(words, sentenceOf.stream().mapToInt(i -> i).toArray());
    List<NameSpan> spans = new ArrayList<>();
    for (int i = 0; i < marks.size(); i++) {
      int start = marks.get(i)[0];
      int end = marks.get(i)[1];
      int begin = tokens.begin(start);
      int endChar = tokens.end(end - 1);
      spans.add(
          new NameSpan(
              start, end, types.get(i), begin, endChar, tokens.text().substring(begin, endChar)));
    }
    return new Marked(tokens, spans);
  }

  private static List<ArticleEntity> link(KnownEntities known, String... sentences) {
    Marked m = marked(sentences);
    return new EntityLinker(known).link(m.tokens(), m.spans());
  }

  @Test
  void knownSpellingsTitlesAndPossessivesAreOneEntity() {
    List<ArticleEntity> entities =
        link(
            KNOWN,
            "Le président [Vladimir Poutine]/PER a reçu la délégation .",
            "[M. Poutine]/PER a parlé .",
            "[Putin's]/PER speech .");
    assertThat(entities)
        .extracting(
            ArticleEntity::id, ArticleEntity::type, ArticleEntity::name, ArticleEntity::mentions)
        .containsExactly(tuple("vladimir-putin", EntityType.PER, "Vladimir Putin", 3));
    assertThat(entities.get(0).sentences()).containsExactly(0, 1, 2);
    assertThat(entities.get(0).spellings()).containsExactly("Poutine", "Putin", "Vladimir Poutine");
  }

  @Test
  void aSurnameJoinsTheFullNameBeforeOrAfterIt() {
    List<ArticleEntity> entities =
        link(
            KNOWN,
            "[Dupont]/PER démissionne",
            "Le ministre [Jean Dupont]/PER a démissionné .",
            "[Dupont]/PER a confirmé , selon [Marie Durand]/PER .");
    assertThat(entities)
        .extracting(ArticleEntity::id, ArticleEntity::name, ArticleEntity::mentions)
        .containsExactly(
            tuple("jean-dupont", "Jean Dupont", 3), tuple("marie-durand", "Marie Durand", 1));
  }

  @Test
  void anAmbiguousShortFormJoinsTheNearestNameBeforeIt() {
    List<ArticleEntity> entities =
        link(
            KNOWN,
            "[Kim Jong Un]/PER a inspecté une usine .",
            "[Kim]/PER a salué les ouvriers .",
            "Sa sœur [Kim Yo Jong]/PER a publié un communiqué .",
            "[Kim]/PER y menace Séoul .");
    assertThat(entities)
        .extracting(ArticleEntity::id, ArticleEntity::mentions)
        .containsExactly(tuple("kim-jong-un", 2), tuple("kim-yo-jong", 2));
    assertThat(entities.get(0).sentences()).containsExactly(0, 1);
    assertThat(entities.get(1).sentences()).containsExactly(2, 3);
  }

  @Test
  void anAcronymJoinsItsExpansion() {
    List<ArticleEntity> entities =
        link(
            KNOWN,
            "L' [Agence nationale des fréquences]/ORG ( [ANFR]/ORG ) a tranché .",
            "L' [ANFR]/ORG a publié son avis , comme la [World Health Organization]/ORG .",
            "The [WHO]/ORG agreed .");
    assertThat(entities)
        .extracting(ArticleEntity::id, ArticleEntity::type, ArticleEntity::mentions)
        .containsExactly(
            tuple("agence-nationale-des-frequences", EntityType.ORG, 3),
            tuple("world-health-organization", EntityType.ORG, 2));
  }

  @Test
  void knownAcronymAndExpansionMeetThroughTheAliasTable() {
    List<ArticleEntity> entities =
        link(
            KNOWN,
            "l' [Agence centrale de presse coréenne]/ORG ( [KCNA]/ORG ) .",
            "selon [KCNA]/ORG .");
    assertThat(entities)
        .extracting(ArticleEntity::id, ArticleEntity::mentions)
        .containsExactly(tuple("kcna", 3));
  }

  @Test
  void aPlaceIsNotReadIntoAPersonsName() {
    assertThat(link(KNOWN, "[Washington]/PER a joué ."))
        .extracting(ArticleEntity::id, ArticleEntity::type)
        .containsExactly(tuple("washington", EntityType.PER));
    assertThat(link(KNOWN, "à [Washington]/LOC ."))
        .extracting(ArticleEntity::id, ArticleEntity::type)
        .containsExactly(tuple("city:washington", EntityType.LOC));
    // The tagger's wrong type is corrected by the reference data.
    assertThat(link(KNOWN, "la [Corée du Nord]/ORG ."))
        .extracting(ArticleEntity::id, ArticleEntity::type)
        .containsExactly(tuple("country:PRK", EntityType.LOC));
  }

  @Test
  void anUnknownNameTakesTheTypeMostMentionsGiveIt() {
    List<ArticleEntity> entities =
        link(
            KnownEntities.none(),
            "[Acme Widgets]/ORG a annoncé .",
            "[Acme Widgets]/PER et [Acme Widgets]/ORG .");
    assertThat(entities)
        .extracting(ArticleEntity::id, ArticleEntity::type, ArticleEntity::mentions)
        .containsExactly(tuple("acme-widgets", EntityType.ORG, 3));
  }

  @Test
  void aNameIsExtendedToTheKnownNameItBeginsAndAMissedKnownNameIsAdded() {
    KnownEntities known =
        known(
            "unsc\tORG\tUnited Nations Security Council\tConseil de sécurité des Nations unies\n"
                + "carnegie\tORG\tCarnegie Endowment\tFondation Carnegie pour la paix internationale\n",
            "");
    List<ArticleEntity> entities =
        link(
            known,
            "les résolutions du [Conseil de sécurité des Nations]/ORG unies .",
            "selon la Fondation Carnegie pour la paix internationale , basée à [Washington]/LOC .");
    assertThat(entities)
        .extracting(ArticleEntity::id, ArticleEntity::type, ArticleEntity::spellings)
        .containsExactlyInAnyOrder(
            tuple("unsc", EntityType.ORG, List.of("Conseil de sécurité des Nations unies")),
            tuple(
                "carnegie",
                EntityType.ORG,
                List.of("Fondation Carnegie pour la paix internationale")),
            tuple("washington", EntityType.LOC, List.of("Washington")));
  }

  @Test
  void namesMadeOfStopWordsOrTitlesAreDropped() {
    org.gazette.text.LanguageProfiles profiles =
        org.gazette.text.LanguageProfiles.of(org.gazette.text.Reference.bundled());
    Marked m =
        marked("[La]/ORG situazione è grave , [Gli]/PER esperti e [Mr]/PER [Mario Rossi]/PER .");
    List<ArticleEntity> entities =
        new EntityLinker(KNOWN, profiles).link(m.tokens(), m.spans(), "it");
    assertThat(entities).extracting(ArticleEntity::id).containsExactly("mario-rossi");
  }

  @Test
  void whereTheTaggerIsBorrowedLoneCapitalisedWordsAreNotNames() {
    org.gazette.text.LanguageProfiles profiles =
        org.gazette.text.LanguageProfiles.of(org.gazette.text.Reference.bundled());
    KnownEntities known =
        known(
            "ursula-von-der-leyen\tPER\tUrsula von der Leyen\tVon der Leyen\n"
                + "boe\tORG\tBank of England\n",
            "");
    // German, tagged with the English model: nouns are capitalised. Kept: what the
    // reference data knows, acronyms, and full names that start with a known first name.
    Marked m =
        marked(
            "[Nach Angaben]/PER der [Regierung]/ORG sprach [Ursula]/PER von der "
                + "[Leyen]/ORG mit [Olaf Scholz]/PER und der [Bundesbank in]/ORG [EZB]/ORG .",
            "[Scholz]/PER sagte , das [Jahr]/PER sei gut , nach [Ansicht von Bank of England]/ORG"
                + " und [Angaben Starship]/ORG .");
    List<ArticleEntity> entities =
        new EntityLinker(known, profiles).link(m.tokens(), m.spans(), "de");
    assertThat(entities)
        .extracting(ArticleEntity::id, ArticleEntity::mentions)
        .containsExactly(
            tuple("olaf-scholz", 2),
            tuple("boe", 1),
            tuple("ezb", 1),
            tuple("ursula-von-der-leyen", 1));
  }

  @Test
  void aSpanOfKnownNamesIsSplitAndALeadingPrepositionIsNotTheName() {
    org.gazette.text.LanguageProfiles profiles =
        org.gazette.text.LanguageProfiles.of(org.gazette.text.Reference.bundled());
    KnownEntities known =
        known(
            "ecb\tORG\tEuropean Central Bank\tBCE\n"
                + "christine-lagarde\tPER\tChristine Lagarde\tLagarde\n",
            "");
    Marked m =
        marked(
            "la présidente de la [BCE Lagarde]/PER a parlé .",
            "[Selon Microsoft]/ORG , [Le Monde]/ORG et [Université de Lagarde]/ORG .");
    List<ArticleEntity> entities =
        new EntityLinker(known, profiles).link(m.tokens(), m.spans(), "fr");
    assertThat(entities)
        .extracting(ArticleEntity::id, ArticleEntity::type)
        .containsExactlyInAnyOrder(
            tuple("ecb", EntityType.ORG),
            tuple("christine-lagarde", EntityType.PER),
            tuple("microsoft", EntityType.ORG),
            tuple("le-monde", EntityType.ORG),
            tuple("universite-de-lagarde", EntityType.ORG));
  }

  @Test
  void noNamesNoEntities() {
    assertThat(link(KNOWN, "rien à signaler .")).isEmpty();
  }

  @Test
  void acronymsAndInitials() {
    assertThat(EntityLinker.isAcronym("KCNA")).isTrue();
    assertThat(EntityLinker.isAcronym("U.S.")).isTrue();
    assertThat(EntityLinker.isAcronym("G7")).isFalse();
    assertThat(EntityLinker.isAcronym("Kim")).isFalse();
    assertThat(EntityLinker.abbreviates("onu", Names.words("organisation des nations unies")))
        .isTrue();
    assertThat(EntityLinker.abbreviates("un", Names.words("united nations"))).isTrue();
    assertThat(EntityLinker.abbreviates("nato", Names.words("united nations"))).isFalse();
  }

  @Test
  void theAliasTableWinsOverPlacesAndTheLargestPlaceWinsAName() {
    KnownEntities k =
        known(
            "paris-saint-germain\tORG\tParis Saint-Germain\tPSG\n",
            "city:paris-fr\tcapital\tFRA\t2100000\tParis\n"
                + "city:paris-tx\tcity\tUSA\t25000\tParis\n"
                + "city:psg\tcity\tXXX\t10\tPSG\n");
    assertThat(k.lookup("paris").id()).isEqualTo("city:paris-fr");
    assertThat(k.lookup("psg").id()).isEqualTo("paris-saint-germain");
    assertThat(k.lookup("paris saint germain").type()).isEqualTo(EntityType.ORG);
  }

  @Test
  void namesFoldCaseAccentsHyphensAndStops() {
    assertThat(Names.key("Kim Jong-un")).isEqualTo("kim jong un");
    assertThat(Names.key("Sergueï Choïgou")).isEqualTo("serguei choigou");
    assertThat(Names.key("U.S.")).isEqualTo("us");
    assertThat(Names.key("l’Agence")).isEqualTo("l agence");
    assertThat(Names.key("Путин")).isEqualTo("путин");
    assertThat(Names.slug(Names.key("Kim Jong-un"))).isEqualTo("kim-jong-un");
  }

  @Test
  void theAsciiShortcutGivesTheKeysOfTheFullFolding() {
    java.util.Random random = new java.util.Random(42);
    String alphabet = "abcXYZ09 .-'’\t\u0001_()";
    for (int i = 0; i < 2000; i++) {
      StringBuilder s = new StringBuilder();
      for (int j = random.nextInt(12); j > 0; j--) {
        s.append(alphabet.charAt(random.nextInt(alphabet.length() - 1)));
      }
      assertThat(Names.key(s)).as("key of '%s'", s).isEqualTo(Names.decomposedKey(s));
    }
  }

  private static KnownEntities known(String aliases, String places) {
    try {
      return new KnownEntities.Builder()
          .read(
              "first-names.tsv",
              new ByteArrayInputStream(
                  "name\tlangs\tambiguous\nOlaf\tde\t\nMario\tit\t\nWill\ten\ten\n"
                      .getBytes(StandardCharsets.UTF_8)))
          .read("places.tsv", new ByteArrayInputStream(places.getBytes(StandardCharsets.UTF_8)))
          .read("aliases.tsv", new ByteArrayInputStream(aliases.getBytes(StandardCharsets.UTF_8)))
          .build();
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }
}
