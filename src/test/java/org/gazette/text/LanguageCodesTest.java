package org.gazette.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class LanguageCodesTest {

  @ParameterizedTest(name = "\"{0}\" is {1}")
  @CsvSource(
      textBlock =
          """
      fr,         fr
      FR,         fr
      fr-FR,      fr
      fr_CA,      fr
      ' fr ',     fr
      fra,        fr
      fre,        fr
      French,     fr
      français,   fr
      FRANÇAIS,   fr
      en-US,      en
      eng,        en
      English,    en
      de,         de
      ger,        de
      deu,        de
      Deutsch,    de
      es-419,     es
      pt-BR,      pt
      zh-Hans-CN, zh
      zh_TW,      zh
      chi,        zh
      zho,        zh
      cmn,        zh
      中文,        zh
      日本語,       ja
      Русский,    ru
      Türkçe,     tr
      nb,         no
      nn,         no
      nob,        no
      Norwegian,  no
      iw,         he
      he,         he
      Hebrew,     he
      in,         id
      ji,         yi
      """)
  void knownValuesGiveIso6391(String value, String code) {
    assertThat(LanguageCodes.normalize(value)).isEqualTo(code);
  }

  @ParameterizedTest(name = "\"{0}\" is unknown")
  @NullAndEmptySource
  @ValueSource(
      strings = {
        "und",
        "UND",
        "und-Latn",
        "  ",
        "xx",
        "zz-garbage",
        "zz",
        "mul",
        "zxx",
        "unknown",
        "none",
        "null",
        "n/a",
        "x",
        "iwi",
        "-fr"
      })
  void unknownValuesGiveNull(String value) {
    assertThat(LanguageCodes.normalize(value)).isNull();
  }

  @Test
  void undeterminedIsTheIso6392Code() {
    assertThat(LanguageCodes.UNDETERMINED).isEqualTo("und");
  }
}
