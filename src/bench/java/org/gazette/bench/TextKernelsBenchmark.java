package org.gazette.bench;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.gazette.entity.CoOccurrence;
import org.gazette.entity.EntityLinker;
import org.gazette.entity.KnownEntities;
import org.gazette.generate.ArticleGenerator;
import org.gazette.generate.CorpusSpec;
import org.gazette.ner.NameSpan;
import org.gazette.ner.NameTagger;
import org.gazette.ner.NameTokenizer;
import org.gazette.ner.NameTokens;
import org.gazette.text.Detectors;
import org.gazette.text.LanguageCodes;
import org.gazette.text.LanguageDetector;
import org.gazette.text.LanguageProfiles;
import org.gazette.text.OpenNlpLanguageDetector;
import org.gazette.text.Reference;
import org.gazette.text.TermAggregator;
import org.gazette.text.TextCleaner;
import org.gazette.text.TokenAnalyzer;
import org.gazette.text.Tokens;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The text kernels of the annotation pass, each over the same 2,000 generated articles (five
 * languages, 15% HTML), in microseconds per article: cleaning, language detection, analysis,
 * counting. {@code baselineSplit} is the split-and-lower-case that the Spark SQL baseline does,
 * measured in the same run to give a ratio that does not depend on the machine's load.
 *
 * <p>Run: {@code jobs/bench jmh TextKernels}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xmx2g"})
public class TextKernelsBenchmark {

  private static final int ARTICLES = 2000;

  private final List<String> raw = new ArrayList<>();
  private final List<String> cleaned = new ArrayList<>();
  private final List<String> languages = new ArrayList<>();
  private final List<String> detectionSamples = new ArrayList<>();
  private final List<Tokens> analysed = new ArrayList<>();
  private TokenAnalyzer analyzer;
  private LanguageDetector standard;
  private LanguageDetector openNlp;
  private Tokens tokens;
  private TermAggregator aggregator;
  private EntityLinker linker;
  private final List<NameTokens> nameTokens = new ArrayList<>();
  private final List<List<NameSpan>> nameSpans = new ArrayList<>();
  private int next;

  @Setup(Level.Trial)
  public void setUp() {
    ArticleGenerator generator =
        new ArticleGenerator(CorpusSpec.of(ARTICLES, 30, LocalDate.of(2023, 7, 1), 7));
    Reference reference = Reference.bundled();
    analyzer = new TokenAnalyzer(LanguageProfiles.of(reference));
    standard = Detectors.standard(reference).get();
    openNlp = OpenNlpLanguageDetector.shared(reference.detectableLanguages());
    for (int i = 0; i < ARTICLES; i++) {
      ArticleGenerator.Article a = generator.generate(i);
      if (a.kind().isRejected() || a.body() == null) {
        continue;
      }
      raw.add((a.title() == null ? "" : a.title()) + "\n" + a.body());
      String text = TextCleaner.clean(a.title()) + "\n" + TextCleaner.clean(a.body());
      cleaned.add(text);
      detectionSamples.add(text.length() <= 400 ? text : text.substring(0, 400));
      String language = LanguageCodes.normalize(a.language());
      languages.add(language != null ? language : standard.detect(text));
      Tokens t = new Tokens();
      analyzer.analyze(text, languages.get(languages.size() - 1), t);
      analysed.add(t);
    }
    tokens = new Tokens();
    aggregator = new TermAggregator(3, 2_000_000);
    linker = new EntityLinker(KnownEntities.bundled(), LanguageProfiles.of(reference));
    for (int i = 0; i < cleaned.size(); i++) {
      NameTokens t = NameTokenizer.tokenize(cleaned.get(i));
      nameTokens.add(t);
      nameSpans.add(NameTagger.forLanguage(languages.get(i)).tag(t));
    }
  }

  private int nextIndex() {
    int i = next;
    next = (next + 1) % cleaned.size();
    return i;
  }

  @Benchmark
  public String clean() {
    return TextCleaner.clean(raw.get(nextIndex()));
  }

  @Benchmark
  public String detectStandard() {
    return standard.detect(detectionSamples.get(nextIndex()));
  }

  @Benchmark
  public String detectOpenNlp() {
    return openNlp.detect(detectionSamples.get(nextIndex()));
  }

  @Benchmark
  public int analyze() {
    int i = nextIndex();
    analyzer.analyze(cleaned.get(i), languages.get(i), tokens);
    return tokens.size();
  }

  @Benchmark
  public long count() {
    int i = nextIndex();
    if (aggregator.isFull()) {
      aggregator.drain().forEachRemaining(c -> {});
    }
    aggregator.addArticle(i % 30, languages.get(i), analysed.get(i));
    return aggregator.entries();
  }

  /** Names: case-preserving tokens and the tagger, as the annotation pass runs them. */
  @Benchmark
  public int names() {
    int i = nextIndex();
    return NameTagger.forLanguage(languages.get(i))
        .tag(NameTokenizer.tokenize(cleaned.get(i)))
        .size();
  }

  /** Linking an article's names to entities, and its pairs (the tagger's output given). */
  @Benchmark
  public int link() {
    int i = nextIndex();
    List<EntityLinker.ArticleEntity> entities =
        linker.link(nameTokens.get(i), nameSpans.get(i), languages.get(i));
    return CoOccurrence.of(entities, 15).pairs().size();
  }

  /** What the Spark SQL baseline does to each article: lower-case, split on non-letters. */
  @Benchmark
  public void baselineSplit(Blackhole hole) {
    for (String word :
        cleaned.get(nextIndex()).toLowerCase(java.util.Locale.ROOT).split("[^\\p{L}]+")) {
      hole.consume(word);
    }
  }
}
