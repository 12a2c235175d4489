package org.gazette.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class TextCleanerTest {

  @Test
  void tagsAreStrippedAndBlocksBecomeOneLineBreak() {
    assertThat(TextCleaner.clean("<p>Le président russe</p>\n\n<p>Dans cette lettre</p>"))
        .isEqualTo("Le président russe\nDans cette lettre");
    assertThat(TextCleaner.clean("<div>Pyongyang<br>Séoul</div><div>Moscou</div>"))
        .isEqualTo("Pyongyang\nSéoul\nMoscou");
    assertThat(TextCleaner.clean("<h1>Titre</h1><ul><li>un</li><li>deux</li></ul>"))
        .isEqualTo("Titre\nun\ndeux");
    assertThat(
            TextCleaner.clean(
                "<table><tr><td>Paris</td><td>Lyon</td></tr></table><p>a</p>   <p>b</p>"))
        .isEqualTo("Paris\nLyon\na\nb");
  }

  @Test
  void inlineTagsDoNotSplitOrJoinWords() {
    assertThat(
            TextCleaner.clean("le <b>missile</b> <i>balistique</i> inter<span>continental</span>"))
        .isEqualTo("le missile balistique intercontinental");
  }

  @Test
  void entitiesAreDecoded() {
    assertThat(TextCleaner.clean("selon l&rsquo;Agence")).isEqualTo("selon l’Agence");
    assertThat(TextCleaner.clean("<p>selon l&rsquo;Agence</p>")).isEqualTo("selon l’Agence");
    assertThat(TextCleaner.clean("M.&nbsp;Poutine")).isEqualTo("M. Poutine");
    assertThat(TextCleaner.clean("&#233;t&#xE9; &amp; hiver")).isEqualTo("été & hiver");
    assertThat(TextCleaner.clean("<p>&#233;t&#xE9;&nbsp;&laquo;chaud&raquo;</p>"))
        .isEqualTo("été «chaud»");
    assertThat(TextCleaner.clean("5 &lt; 6")).isEqualTo("5 < 6");
  }

  @Test
  void unknownEntitiesAndBareAmpersandsAreKept() {
    assertThat(TextCleaner.clean("AT&T et &foo;")).isEqualTo("AT&T et &foo;");
  }

  @Test
  void nonContentElementsAreDropped() {
    assertThat(
            TextCleaner.clean(
                "<script>var x = 'Poutine';</script>Texte<style>p { color: red }</style> fin"))
        .isEqualTo("Texte\nfin"); // a script or style element ends a block, like a paragraph
    // <noscript> is read as text: a page's fallback message, rare in article bodies.
    assertThat(TextCleaner.clean("<noscript>activez JavaScript</noscript>Texte<!-- note -->"))
        .isEqualTo("activez JavaScript\nTexte");
  }

  @Test
  void textIsNormalisedToNfc() {
    String decomposed = "Core\u0301e du Nord, e\u0301te\u0301";
    String cleaned = TextCleaner.clean(decomposed);
    assertThat(cleaned).isEqualTo("Corée du Nord, été");
    assertThat(cleaned.length()).isEqualTo(18);
    assertThat(Normalizer.isNormalized(cleaned, Normalizer.Form.NFC)).isTrue();
  }

  static Stream<Arguments> whiteSpaceAndInvisibleCharacters() {
    return Stream.of(
        Arguments.of("tab", "a\tb", "a b"),
        Arguments.of("no-break space", "a\u00A0b", "a b"),
        Arguments.of("narrow no-break space", "a\u202Fb", "a b"),
        Arguments.of("thin and ideographic spaces", "a\u2009b\u3000c", "a b c"),
        Arguments.of("run of spaces", "a  \t  b", "a b"),
        Arguments.of("run of blank lines", "a\n\n\n\nb", "a\nb"),
        Arguments.of("spaces around line breaks", "a \n \n b", "a\nb"),
        Arguments.of("carriage returns", "a\r\nb\rc", "a\nb\nc"),
        Arguments.of("line separator", "a\u2028b", "a\nb"),
        Arguments.of("leading and trailing white space", "  \n trim \n ", "trim"),
        Arguments.of("zero-width space", "Pyong\u200Byang", "Pyongyang"),
        Arguments.of("soft hyphen", "in\u00ADcroyable", "incroyable"),
        Arguments.of("byte order mark", "\uFEFFTexte", "Texte"),
        Arguments.of("word joiner", "mot\u2060joint", "motjoint"),
        Arguments.of("controls", "x\u0000y\u0007z\u0085w", "xyz\nw"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("whiteSpaceAndInvisibleCharacters")
  void whiteSpaceIsFoldedAndInvisibleCharactersDropped(String what, String raw, String expected) {
    assertThat(TextCleaner.clean(raw)).isEqualTo(expected);
  }

  @Test
  void zeroWidthJoinerOfEmojiSequencesIsKept() {
    String coder = "👩\u200D💻 code";
    assertThat(TextCleaner.clean(coder)).isEqualTo(coder);
  }

  @Test
  void nullAndEmptyGiveEmpty() {
    assertThat(TextCleaner.clean(null)).isEmpty();
    assertThat(TextCleaner.clean("")).isEmpty();
    assertThat(TextCleaner.clean(" \n\t ")).isEmpty();
    assertThat(TextCleaner.clean("<p> </p><br>")).isEmpty();
  }

  @Test
  void cleanTextIsReturnedUnchanged() {
    String clean = "Le président russe Vladimir Poutine a envoyé une lettre.\nDans cette lettre";
    assertThat(TextCleaner.clean(clean)).isSameAs(clean);
  }

  @Test
  void comparisonsAreNotMarkup() {
    assertThat(TextCleaner.clean("a < b and c > d")).isEqualTo("a < b and c > d");
    assertThat(TextCleaner.clean("I <3 Paris, x <- y")).isEqualTo("I <3 Paris, x <- y");
    assertThat(TextCleaner.looksLikeMarkup("a < b and c > d")).isFalse();
    assertThat(TextCleaner.looksLikeMarkup("<p>a</p>")).isTrue();
    assertThat(TextCleaner.looksLikeMarkup("<!-- c -->")).isTrue();
    assertThat(TextCleaner.looksLikeMarkup("texte</p>")).isTrue();
  }

  @Test
  void asciiGuillemetsAreNotMarkup() {
    assertThat(TextCleaner.clean("le <<Jour de la Victoire>> est célébré"))
        .isEqualTo("le <<Jour de la Victoire>> est célébré");
  }

  @Test
  void bidiControlsAreDropped() {
    assertThat(TextCleaner.clean("Poutine\u200E et Kim\u200F")).isEqualTo("Poutine et Kim");
    assertThat(TextCleaner.clean("\u202BPoutine\u202C \u2067Kim\u2069")).isEqualTo("Poutine Kim");
  }

  @Test
  void outputIsNfcAfterInvisibleCharactersAreDropped() {
    assertThat(TextCleaner.clean("Core\u00AD\u0301e")).isEqualTo("Corée");
    assertThat(TextCleaner.clean("Core\u200B\u0301e")).isEqualTo("Corée");
  }
}
