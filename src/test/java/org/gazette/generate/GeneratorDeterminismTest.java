package org.gazette.generate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import org.gazette.generate.ArticleGenerator.Article;
import org.gazette.generate.ArticleGenerator.Kind;
import org.junit.jupiter.api.Test;

/** The same spec gives the same rows, whatever the order; ids are unique but where planted. */
class GeneratorDeterminismTest {

  private static final int SAMPLE = 600;

  /** A fixed sample of indexes over the whole corpus, in shuffled order. */
  private static List<Long> shuffledSample() {
    Random random = new Random(7);
    List<Long> indexes = new ArrayList<>();
    for (int i = 0; i < SAMPLE; i++) {
      indexes.add((long) random.nextInt(GeneratedCorpus.ROWS));
    }
    indexes.add(0L);
    indexes.add((long) GeneratedCorpus.ROWS - 1);
    Collections.shuffle(indexes, random);
    return indexes;
  }

  @Test
  void sameSpecGivesIdenticalRowsInAnyOrder() {
    ArticleGenerator fresh = new ArticleGenerator(GeneratedCorpus.SPEC);
    List<Long> indexes = shuffledSample();
    for (long i : indexes) {
      // records compare every field: id, published_at, source, url, language, title, body, kind
      assertThat(fresh.generate(i)).as("row %d", i).isEqualTo(GeneratedCorpus.rows().get((int) i));
    }
    Collections.reverse(indexes);
    for (long i : indexes) {
      assertThat(fresh.generate(i))
          .as("row %d again", i)
          .isEqualTo(GeneratedCorpus.rows().get((int) i));
    }
  }

  @Test
  void sameSpecGivesTheSameTruth() {
    assertThat(new ArticleGenerator(GeneratedCorpus.SPEC).truthJson())
        .isEqualTo(GeneratedCorpus.generator().truthJson());
  }

  @Test
  void anotherSeedGivesOtherRows() {
    CorpusSpec other =
        CorpusSpec.of(
            GeneratedCorpus.ROWS,
            GeneratedCorpus.DAYS,
            GeneratedCorpus.START,
            GeneratedCorpus.SEED + 1);
    ArticleGenerator generator = new ArticleGenerator(other);
    int sameTitle = 0;
    int sameBody = 0;
    for (int i = 0; i < 200; i++) {
      Article mine = GeneratedCorpus.rows().get(i);
      Article theirs = generator.generate(i);
      assertThat(theirs).as("row %d", i).isNotEqualTo(mine);
      assertThat(generator.idOf(i)).isNotEqualTo(GeneratedCorpus.generator().idOf(i));
      sameTitle += Objects.equals(theirs.title(), mine.title()) ? 1 : 0;
      sameBody += Objects.equals(theirs.body(), mine.body()) ? 1 : 0;
    }
    // titles come from a few templates per topic and can coincide; bodies of several
    // sentences with numbers and names cannot
    assertThat(sameTitle).isLessThan(20);
    assertThat(sameBody).isZero();
  }

  @Test
  void idsAreSixteenHexDigits() {
    ArticleGenerator generator = GeneratedCorpus.generator();
    for (long i : new long[] {0, 1, 2, 19_999, 1L << 40}) {
      assertThat(generator.idOf(i)).matches("[0-9a-f]{16}");
    }
    assertThat(generator.idOf(0)).isNotEqualTo(generator.idOf(1));
  }

  @Test
  void idsAreUniqueExceptPlantedRepeats() {
    List<Article> rows = GeneratedCorpus.rows();
    ArticleGenerator generator = GeneratedCorpus.generator();
    Map<String, Integer> firstRowOfId = new HashMap<>();
    Set<Kind> repeatedKinds = new HashSet<>();
    int withId = 0;
    for (int i = 0; i < rows.size(); i++) {
      Article a = rows.get(i);
      if (a.kind() == Kind.MISSING_ID) {
        continue;
      }
      withId++;
      if (a.kind() != Kind.ID_REPEAT) {
        assertThat(a.id()).as("row %d", i).isEqualTo(generator.idOf(i));
      }
      Integer earlier = firstRowOfId.putIfAbsent(a.id(), i);
      if (earlier != null) {
        repeatedKinds.add(a.kind());
      }
    }
    assertThat(withId).isGreaterThan(19_900);
    // every id seen twice is a planted ID_REPEAT, never a collision of generated ids
    assertThat(repeatedKinds).containsOnly(Kind.ID_REPEAT);
    Set<String> generated = new HashSet<>();
    for (int i = 0; i < rows.size(); i++) {
      generated.add(generator.idOf(i));
    }
    assertThat(generated).hasSize(rows.size());
  }
}
