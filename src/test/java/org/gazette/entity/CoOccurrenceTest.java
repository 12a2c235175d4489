package org.gazette.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.gazette.entity.CoOccurrence.Pair;
import org.gazette.entity.EntityLinker.ArticleEntity;
import org.gazette.ner.EntityType;
import org.junit.jupiter.api.Test;

class CoOccurrenceTest {

  private static ArticleEntity entity(String id, int mentions, int... sentences) {
    return new ArticleEntity(id, EntityType.PER, id, false, mentions, sentences, List.of(id));
  }

  @Test
  void pairsAreOrderedByIdAndCountSharedSentences() {
    CoOccurrence.Pairs pairs =
        CoOccurrence.of(
            List.of(
                entity("vladimir-putin", 4, 0, 1, 3, 5),
                entity("kim-jong-un", 3, 0, 1, 4),
                entity("country:PRK", 1, 4)),
            10);
    assertThat(pairs.pairs())
        .containsExactly(
            new Pair("kim-jong-un", "vladimir-putin", 2),
            new Pair("country:PRK", "vladimir-putin", 0),
            new Pair("country:PRK", "kim-jong-un", 1));
    assertThat(pairs.dropped()).isZero();
  }

  @Test
  void onlyTheMostMentionedArePairedAndTheRestIsCounted() {
    List<ArticleEntity> five =
        List.of(
            entity("a", 5, 0),
            entity("b", 4, 0),
            entity("c", 3, 1),
            entity("d", 2, 1),
            entity("e", 1, 2));
    CoOccurrence.Pairs pairs = CoOccurrence.of(five, 3);
    // 5 entities hold 10 pairs; the 3 most mentioned hold 3.
    assertThat(pairs.pairs())
        .extracting(Pair::a, Pair::b)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("a", "b"),
            org.assertj.core.groups.Tuple.tuple("a", "c"),
            org.assertj.core.groups.Tuple.tuple("b", "c"));
    assertThat(pairs.dropped()).isEqualTo(7);
  }

  @Test
  void oneEntityHasNoPairs() {
    assertThat(CoOccurrence.of(List.of(entity("a", 1, 0)), 10).pairs()).isEmpty();
    assertThat(CoOccurrence.of(List.of(), 10).dropped()).isZero();
    assertThatThrownBy(() -> CoOccurrence.of(List.of(), 1)).hasMessageContaining("at least 2");
  }
}
