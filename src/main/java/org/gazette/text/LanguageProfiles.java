package org.gazette.text;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.ar.ArabicAnalyzer;
import org.apache.lucene.analysis.bg.BulgarianAnalyzer;
import org.apache.lucene.analysis.bn.BengaliAnalyzer;
import org.apache.lucene.analysis.ca.CatalanAnalyzer;
import org.apache.lucene.analysis.ckb.SoraniAnalyzer;
import org.apache.lucene.analysis.cz.CzechAnalyzer;
import org.apache.lucene.analysis.da.DanishAnalyzer;
import org.apache.lucene.analysis.de.GermanAnalyzer;
import org.apache.lucene.analysis.el.GreekAnalyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.es.SpanishAnalyzer;
import org.apache.lucene.analysis.et.EstonianAnalyzer;
import org.apache.lucene.analysis.eu.BasqueAnalyzer;
import org.apache.lucene.analysis.fa.PersianAnalyzer;
import org.apache.lucene.analysis.fi.FinnishAnalyzer;
import org.apache.lucene.analysis.fr.FrenchAnalyzer;
import org.apache.lucene.analysis.ga.IrishAnalyzer;
import org.apache.lucene.analysis.gl.GalicianAnalyzer;
import org.apache.lucene.analysis.hi.HindiAnalyzer;
import org.apache.lucene.analysis.hu.HungarianAnalyzer;
import org.apache.lucene.analysis.hy.ArmenianAnalyzer;
import org.apache.lucene.analysis.id.IndonesianAnalyzer;
import org.apache.lucene.analysis.it.ItalianAnalyzer;
import org.apache.lucene.analysis.lt.LithuanianAnalyzer;
import org.apache.lucene.analysis.lv.LatvianAnalyzer;
import org.apache.lucene.analysis.ne.NepaliAnalyzer;
import org.apache.lucene.analysis.nl.DutchAnalyzer;
import org.apache.lucene.analysis.no.NorwegianAnalyzer;
import org.apache.lucene.analysis.pt.PortugueseAnalyzer;
import org.apache.lucene.analysis.ro.RomanianAnalyzer;
import org.apache.lucene.analysis.ru.RussianAnalyzer;
import org.apache.lucene.analysis.sr.SerbianAnalyzer;
import org.apache.lucene.analysis.sv.SwedishAnalyzer;
import org.apache.lucene.analysis.ta.TamilAnalyzer;
import org.apache.lucene.analysis.te.TeluguAnalyzer;
import org.apache.lucene.analysis.th.ThaiAnalyzer;
import org.apache.lucene.analysis.tr.TurkishAnalyzer;

/**
 * The {@link LanguageProfile} of every language: Lucene's stop word lists, changed by the reference
 * data, for the 37 languages Lucene ships lists for; the reference data's own lists for others; no
 * stop words for the rest.
 */
public final class LanguageProfiles {

  /** Lucene's stop word list of each language it ships one for. */
  private static final Map<String, Supplier<CharArraySet>> LUCENE_STOP_WORDS = luceneStopWords();

  private static final Map<Reference, LanguageProfiles> PER_JVM = new ConcurrentHashMap<>();

  private final Reference reference;
  private final Map<String, LanguageProfile> profiles = new ConcurrentHashMap<>();

  private LanguageProfiles(Reference reference) {
    this.reference = reference;
  }

  /** The profiles for {@code reference}, built once per JVM and shared by its threads. */
  public static LanguageProfiles of(Reference reference) {
    return PER_JVM.computeIfAbsent(reference, LanguageProfiles::new);
  }

  /** The languages Lucene ships a stop word list for. */
  public static List<String> languagesWithLuceneStopWords() {
    return new ArrayList<>(LUCENE_STOP_WORDS.keySet());
  }

  /** The profile of {@code language} (an ISO 639-1 code, or "und"). */
  public LanguageProfile profile(String language) {
    String key = language == null ? LanguageCodes.UNDETERMINED : language;
    return profiles.computeIfAbsent(key, this::build);
  }

  private LanguageProfile build(String language) {
    Set<String> words = new HashSet<>();
    Supplier<CharArraySet> lucene = LUCENE_STOP_WORDS.get(language);
    if (lucene != null) {
      for (Object word : lucene.get()) {
        words.add(new String((char[]) word));
      }
    }
    words.addAll(reference.stopWordsAdded(language));
    words.removeAll(reference.stopWordsRemoved(language)); // CharArraySet cannot remove
    CharArraySet stop = new CharArraySet(words, false);
    CharArraySet articles = new CharArraySet(reference.elidedArticles(language), true);
    LanguageProfile.LowerCase lowerCase =
        switch (language) {
          case "tr", "az" -> LanguageProfile.LowerCase.TURKISH;
          case "el" -> LanguageProfile.LowerCase.GREEK;
          default -> LanguageProfile.LowerCase.DEFAULT;
        };
    return new LanguageProfile(
        language,
        CharArraySet.unmodifiableSet(stop),
        CharArraySet.unmodifiableSet(articles),
        lowerCase,
        "en".equals(language));
  }

  private static Map<String, Supplier<CharArraySet>> luceneStopWords() {
    Map<String, Supplier<CharArraySet>> m = new HashMap<>();
    m.put("ar", ArabicAnalyzer::getDefaultStopSet);
    m.put("bg", BulgarianAnalyzer::getDefaultStopSet);
    m.put("bn", BengaliAnalyzer::getDefaultStopSet);
    m.put("ca", CatalanAnalyzer::getDefaultStopSet);
    m.put("ckb", SoraniAnalyzer::getDefaultStopSet);
    m.put("cs", CzechAnalyzer::getDefaultStopSet);
    m.put("da", DanishAnalyzer::getDefaultStopSet);
    m.put("de", GermanAnalyzer::getDefaultStopSet);
    m.put("el", GreekAnalyzer::getDefaultStopSet);
    m.put("en", () -> EnglishAnalyzer.ENGLISH_STOP_WORDS_SET);
    m.put("es", SpanishAnalyzer::getDefaultStopSet);
    m.put("et", EstonianAnalyzer::getDefaultStopSet);
    m.put("eu", BasqueAnalyzer::getDefaultStopSet);
    m.put("fa", PersianAnalyzer::getDefaultStopSet);
    m.put("fi", FinnishAnalyzer::getDefaultStopSet);
    m.put("fr", FrenchAnalyzer::getDefaultStopSet);
    m.put("ga", IrishAnalyzer::getDefaultStopSet);
    m.put("gl", GalicianAnalyzer::getDefaultStopSet);
    m.put("hi", HindiAnalyzer::getDefaultStopSet);
    m.put("hu", HungarianAnalyzer::getDefaultStopSet);
    m.put("hy", ArmenianAnalyzer::getDefaultStopSet);
    m.put("id", IndonesianAnalyzer::getDefaultStopSet);
    m.put("it", ItalianAnalyzer::getDefaultStopSet);
    m.put("lt", LithuanianAnalyzer::getDefaultStopSet);
    m.put("lv", LatvianAnalyzer::getDefaultStopSet);
    m.put("ne", NepaliAnalyzer::getDefaultStopSet);
    m.put("nl", DutchAnalyzer::getDefaultStopSet);
    m.put("no", NorwegianAnalyzer::getDefaultStopSet);
    m.put("pt", PortugueseAnalyzer::getDefaultStopSet);
    m.put("ro", RomanianAnalyzer::getDefaultStopSet);
    m.put("ru", RussianAnalyzer::getDefaultStopSet);
    m.put("sr", SerbianAnalyzer::getDefaultStopSet);
    m.put("sv", SwedishAnalyzer::getDefaultStopSet);
    m.put("ta", TamilAnalyzer::getDefaultStopSet);
    m.put("te", TeluguAnalyzer::getDefaultStopSet);
    m.put("th", ThaiAnalyzer::getDefaultStopSet);
    m.put("tr", TurkishAnalyzer::getDefaultStopSet);
    return Map.copyOf(m);
  }
}
