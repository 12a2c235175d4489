package org.gazette.spark.tables;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.gazette.entity.EntityLinker.ArticleEntity;
import org.gazette.ner.EntityType;
import org.junit.jupiter.api.Test;
import scala.collection.immutable.ArraySeq;

/** An article's entity rows renamed by the corpus-wide merges: merged entities are summed. */
class EntityMergeRowsTest {

  private static Row entity(
      String id,
      String type,
      String name,
      boolean known,
      int mentions,
      List<String> spellings,
      Integer... sentences) {
    return RowFactory.create(
        id,
        type,
        name,
        known,
        mentions,
        ArraySeq.unsafeWrapArray(spellings.toArray(new String[0])),
        ArraySeq.unsafeWrapArray(sentences));
  }

  @Test
  void aMergedSpellingIsSummedIntoItsTarget() {
    List<ArticleEntity> merged =
        EntityTables.merged(
            List.of(
                entity(
                    "volodymyr-zelenskyy",
                    "PER",
                    "Volodymyr Zelenskyy",
                    false,
                    1,
                    List.of("Volodymyr Zelenskyy"),
                    3),
                entity(
                    "volodymyr-zelensky",
                    "PER",
                    "Volodymyr Zelensky",
                    true,
                    2,
                    List.of("Volodymyr Zelensky", "Zelensky"),
                    0,
                    3),
                entity("country:UKR", "LOC", "Ukraine", true, 2, List.of("Ukraine"), 0, 1)),
            Map.of("volodymyr-zelenskyy", "volodymyr-zelensky"));
    assertThat(merged)
        .extracting(ArticleEntity::id)
        .containsExactly("volodymyr-zelensky", "country:UKR");
    ArticleEntity zelensky = merged.get(0);
    assertThat(zelensky.mentions()).isEqualTo(3);
    assertThat(zelensky.sentences()).containsExactly(0, 3);
    assertThat(zelensky.known()).isTrue();
    assertThat(zelensky.type()).isEqualTo(EntityType.PER);
    assertThat(zelensky.name()).isEqualTo("Volodymyr Zelensky");
    assertThat(zelensky.spellings())
        .containsExactly("Volodymyr Zelensky", "Volodymyr Zelenskyy", "Zelensky");
  }

  @Test
  void withoutMergesTheEntitiesStayAsTheyWere() {
    List<ArticleEntity> same =
        EntityTables.merged(
            List.of(
                entity("b", "ORG", "B", false, 1, List.of("B"), 2),
                entity("a", "PER", "A", false, 1, List.of("A"), 1)),
            Map.of());
    assertThat(same).extracting(ArticleEntity::id).containsExactly("a", "b");
  }
}
