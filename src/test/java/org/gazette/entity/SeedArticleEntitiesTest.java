package org.gazette.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.gazette.entity.EntityLinker.ArticleEntity;
import org.gazette.ner.EntityType;
import org.gazette.ner.NameTagger;
import org.gazette.ner.NameTokenizer;
import org.gazette.ner.NameTokens;
import org.gazette.text.LanguageProfiles;
import org.gazette.text.Reference;
import org.gazette.text.TextCleaner;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The user's example article (a French dispatch on Vladimir Poutine's letter to Kim Jong Un, in the
 * sample corpus) through the tagger, the linker and the bundled reference data: every person, place
 * and organisation a reader would name, once each, with its mentions.
 */
class SeedArticleEntitiesTest {

  private static List<ArticleEntity> entities;

  @BeforeAll
  static void link() throws IOException {
    String line =
        Files.readAllLines(Path.of("data/sample/seed-articles.jsonl"), StandardCharsets.UTF_8)
            .get(0);
    int body = line.indexOf("\"body\": \"") + 9;
    String text =
        TextCleaner.clean(
            line.substring(body, line.lastIndexOf('"')).replace("\\n", "\n").replace("\\\"", "\""));
    NameTokens tokens = NameTokenizer.tokenize(text);
    entities =
        new EntityLinker(KnownEntities.bundled(), LanguageProfiles.of(Reference.bundled()))
            .link(tokens, NameTagger.forLanguage("fr").tag(tokens), "fr");
  }

  @Test
  void everyNameAReaderWouldNameOnceWithItsMentions() {
    assertThat(entities)
        .extracting(ArticleEntity::id, ArticleEntity::type, ArticleEntity::mentions)
        .contains(
            // "Vladimir Poutine", then "M. Poutine" three times
            tuple("vladimir-putin", EntityType.PER, 4),
            tuple("kim-jong-un", EntityType.PER, 5),
            tuple("sergei-shoigu", EntityType.PER, 4),
            tuple("igor-klymenko", EntityType.PER, 1),
            tuple("city:1871859", EntityType.LOC, 4),
            tuple("country:PRK", EntityType.LOC, 2),
            tuple("country:RUS", EntityType.LOC, 3),
            tuple("country:UKR", EntityType.LOC, 2),
            tuple("country:USA", EntityType.LOC, 1),
            // "l’Agence centrale de presse coréenne (KCNA)", then "KCNA"
            tuple("kcna", EntityType.ORG, 2),
            tuple("reuters", EntityType.ORG, 1),
            tuple("newsweek", EntityType.ORG, 1),
            tuple("nk-news", EntityType.ORG, 1),
            tuple("un-security-council", EntityType.ORG, 1),
            tuple("carnegie-endowment", EntityType.ORG, 1));
  }

  @Test
  void spellingsAreTheArticlesOwn() {
    assertThat(entity("vladimir-putin").spellings())
        .containsExactlyInAnyOrder("Vladimir Poutine", "Poutine");
    assertThat(entity("kim-jong-un").spellings()).containsExactlyInAnyOrder("Kim Jong Un", "Kim");
    assertThat(entity("kcna").spellings())
        .containsExactlyInAnyOrder("Agence centrale de presse coréenne", "KCNA");
  }

  @Test
  void noCapitalisedCommonWordIsAnEntity() {
    // Every entity found is a name: sentence-initial words ("Dans", "Selon"), titles ("M."),
    // quoted phrases and the article's capitalised nouns are not.
    assertThat(entities)
        .allSatisfy(
            e ->
                assertThat(e.spellings())
                    .noneMatch(
                        s ->
                            s.startsWith("M.")
                                || s.startsWith("Le ")
                                || s.startsWith("Dans")
                                || s.startsWith("Selon")
                                || s.equals("Jour")
                                || s.equals("Victoire")));
    assertThat(entities)
        .extracting(ArticleEntity::id)
        .doesNotHaveDuplicates()
        .allMatch(id -> !id.isBlank());
    assertThat(entities)
        .filteredOn(e -> e.type() == EntityType.PER)
        .extracting(ArticleEntity::id)
        .containsExactlyInAnyOrder(
            "vladimir-putin", "kim-jong-un", "sergei-shoigu", "igor-klymenko", "ankit-panda");
  }

  private static ArticleEntity entity(String id) {
    return entities.stream().filter(e -> e.id().equals(id)).findFirst().orElseThrow();
  }
}
