package org.gazette.entity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.gazette.entity.EntityMerges.Candidate;
import org.junit.jupiter.api.Test;

class EntityMergesTest {

  @Test
  void nearSpellingsOfOneNameMeet() {
    assertThat(EntityMerges.nearSpelling("Volodymyr Zelenskyy", "Volodymyr Zelensky")).isTrue();
    assertThat(EntityMerges.nearSpelling("Sergey Shoigu", "Sergei Shoigu")).isTrue();
    assertThat(EntityMerges.nearSpelling("Kim Jong-un", "Kim Jong Un")).isTrue();
    assertThat(EntityMerges.nearSpelling("Mykhailo Podolyak", "Mykhaylo Podolyak")).isTrue();
  }

  @Test
  void differentEntitiesStayApart() {
    // Two people of one family: the words differ, not the spelling.
    assertThat(EntityMerges.nearSpelling("Kim Jong Un", "Kim Yo Jong")).isFalse();
    assertThat(EntityMerges.nearSpelling("Kim Jong Un", "Kim Jong Il")).isFalse();
    // Model numbers, short words, other initials, several words changed.
    assertThat(EntityMerges.nearSpelling("Hwasong-17", "Hwasong-18")).isFalse();
    assertThat(EntityMerges.nearSpelling("Mark Li", "Mark Lu")).isFalse();
    assertThat(EntityMerges.nearSpelling("Paul Martin", "Paul Bartin")).isFalse();
    assertThat(EntityMerges.nearSpelling("Jean Dupont", "Jeanne Dupond")).isFalse();
    assertThat(EntityMerges.nearSpelling("Joe Biden", "Joe Biden Jr")).isFalse();
  }

  @Test
  void aRareVariantMergesIntoAFrequentOrStableNameOnly() {
    Map<String, String> merges =
        EntityMerges.within(
            List.of(
                new Candidate("volodymyr-zelensky", "Volodymyr Zelensky", "PER", 40, true),
                new Candidate("volodymyr-zelenskyy", "Volodymyr Zelenskyy", "PER", 3, false),
                new Candidate("jean-dupont", "Jean Dupont", "PER", 30, false),
                new Candidate("jean-dupond", "Jean Dupond", "PER", 12, false),
                new Candidate("paul-martinez", "Paul Martinez", "PER", 50, false),
                new Candidate("paul-martines", "Paul Martines", "PER", 2, false)));
    assertThat(merges)
        .containsOnly(
            Map.entry("volodymyr-zelenskyy", "volodymyr-zelensky"),
            Map.entry("paul-martines", "paul-martinez"));
  }

  @Test
  void aStableIdNeverMoves() {
    Map<String, String> merges =
        EntityMerges.within(
            List.of(
                new Candidate("sergei-shoigu", "Sergei Shoigu", "PER", 1, true),
                new Candidate("sergey-shoigu", "Sergey Shoigu", "PER", 500, true)));
    assertThat(merges).isEmpty();
  }

  @Test
  void blocksGroupByTypeAndInitials() {
    assertThat(EntityMerges.block("Volodymyr Zelenskyy", "PER"))
        .isEqualTo(EntityMerges.block("Volodymyr Zelensky", "PER"))
        .isEqualTo("PER:vz");
    assertThat(EntityMerges.block("Kim Jong Un", "PER"))
        .isNotEqualTo(EntityMerges.block("Kim Yo Jong", "PER"));
  }

  @Test
  void chainsAreFollowed() {
    assertThat(EntityMerges.resolveChains(Map.of("a", "b", "b", "c")))
        .containsOnly(Map.entry("a", "c"), Map.entry("b", "c"));
  }
}
