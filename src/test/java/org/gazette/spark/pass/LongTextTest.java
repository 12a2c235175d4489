package org.gazette.spark.pass;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The bound on the text analysed per article, without Spark (InputFaultsTest runs it). */
class LongTextTest {

  @Test
  void textsUpToTheBoundAreKeptWhole() {
    String exact = "a".repeat(Annotation.MAX_TEXT_CHARS);
    assertThat(Annotation.prefix(exact)).isSameAs(exact);
    assertThat(Annotation.prefix(null)).isNull();
    assertThat(Annotation.prefix("")).isEmpty();
  }

  @Test
  void longerTextsAreCutWithoutSplittingACharacter() {
    String longer = "b".repeat(Annotation.MAX_TEXT_CHARS + 10);
    assertThat(Annotation.prefix(longer)).hasSize(Annotation.MAX_TEXT_CHARS);
    // 𝐀 (U+1D400) is two chars: the bound falls between them, so it is left out whole.
    String astral = "c".repeat(Annotation.MAX_TEXT_CHARS - 1) + "\uD835\uDC00" + "ddd";
    String cut = Annotation.prefix(astral);
    assertThat(cut).hasSize(Annotation.MAX_TEXT_CHARS - 1);
    assertThat(Character.isHighSurrogate(cut.charAt(cut.length() - 1))).isFalse();
  }

  @Test
  void longTextsThatShareOnlyTheirAnalysedPrefixAreNotCopies() {
    String head = "x ".repeat(Annotation.MAX_TEXT_CHARS / 2);
    String one = head + "the end of one";
    String other = head + "the end of another";
    String prefix = Annotation.prefix(one);
    assertThat(Annotation.prefix(other)).isEqualTo(prefix);
    long[] a = Annotation.contentHash("T", prefix, "T", one);
    long[] b = Annotation.contentHash("T", prefix, "T", other);
    assertThat(a).isNotEqualTo(b);
    // The same long text twice is a copy.
    assertThat(Annotation.contentHash("T", prefix, "T", new String(one.toCharArray())))
        .isEqualTo(a);
    // And a cut text never matches the text of its prefix alone.
    assertThat(a).isNotEqualTo(Annotation.contentHash("T", prefix));
  }
}
