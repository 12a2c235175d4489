package org.gazette.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.ref.Reference;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Reproducible comparison of language-identification libraries for Gazette: Lingua 1.2.2, Optimaize
 * language-detector 0.6 and Apache OpenNLP (langdetect model 1.8.3).
 *
 * <p>Not a unit test: a main program meant to run once per detector, each in a fresh JVM, so that
 * load time and retained heap are measured without interference (Lingua keeps its models in static
 * maps, and JIT state carries over between detectors).
 *
 * <h2>Evaluation data</h2>
 *
 * <ul>
 *   <li>English: CoNLL-2003 {@code conll2003-en/eng.testa} (Reuters 1996), one token per line,
 *       blank line between sentences.
 *   <li>French: Europeana {@code europeana-fr-ner/enp_FR.bnf.bio} (OCR of French newspapers,
 *       1906-1920), one token per line, no sentence breaks: sentences end after the tokens {@code .
 *       ! ?}.
 *   <li>Other languages: hand-written news sentences in {@code
 *       src/bench/resources/langid/sentences.tsv} ({@code lang TAB sentence}), 10 each for de es it
 *       pt nl ru pl tr ar zh ja.
 * </ul>
 *
 * For English and French three text lengths are built from the corpora after detokenisation:
 * <b>headline</b> (first 6 words of a sentence), <b>sentence</b> (a whole sentence of 10-30 words)
 * and <b>paragraph</b> (consecutive sentences, non-overlapping, cut to exactly 60 words). A "word"
 * is a token with a letter or digit; texts where fewer than 2/3 of the words contain a letter
 * (sports tables, OCR debris) are skipped. Up to {@code --n} texts per language and length are
 * drawn with a fixed seed.
 *
 * <h2>Usage</h2>
 *
 * <pre>
 * java -Xmx4g -cp CLASSPATH org.gazette.bench.LanguageDetectorComparison DETECTOR [options]
 * java -cp CLASSPATH org.gazette.bench.LanguageDetectorComparison all [options]   (one child JVM per detector)
 *
 * DETECTOR: lingua-news25 | lingua-news25-lazy | lingua-news25-low | lingua-all | lingua-all-low
 *           | optimaize | optimaize-news25 | opennlp | opennlp-news25
 *           (news25 = restricted to 25 common news languages; lazy = Lingua without preloading;
 *            low = Lingua low-accuracy mode, trigrams only)
 * options:  --data DIR         corpora root (default ../shared/data)
 *           --en FILE[,FILE]   English CoNLL files (default DIR/conll2003-en/eng.testa)
 *           --fr FILE          French Europeana file (default DIR/europeana-fr-ner/enp_FR.bnf.bio)
 *           --sentences FILE   other-language sentences (default: classpath /langid/sentences.tsv,
 *                              then src/bench/resources/langid/sentences.tsv)
 *           --n N              texts per language and length (default 1000)
 *           --seed S           sampling seed (default 42)
 *           --warmup N         warm-up passes before timing (default 2)
 *           --passes N         timed passes (default 5)
 *           --detectors a,b    (all mode) detectors to run, default: every detector above
 *           --xmx SIZE         (all mode) child heap (default 4g)
 *           --xmx-large SIZE   (all mode) child heap for lingua-all* (default 6g)
 * </pre>
 *
 * A line starting with {@code SUMMARY|} carries the figures of one run; {@code all} mode collects
 * them into one Markdown table.
 */
public final class LanguageDetectorComparison {

  /** The detectors, in the order used by {@code all}. */
  static final List<String> DETECTORS =
      List.of(
          "lingua-news25",
          "lingua-news25-lazy",
          "lingua-news25-low",
          "lingua-all",
          "lingua-all-low",
          "optimaize",
          "optimaize-news25",
          "opennlp",
          "opennlp-news25",
          "gazette");

  /** 25 languages likely to appear in a European news corpus (ISO 639-1). */
  static final List<String> NEWS25 =
      List.of(
          "en", "fr", "de", "es", "it", "pt", "nl", "ru", "pl", "tr", "ar", "zh", "ja", "ko", "sv",
          "da", "nb", "fi", "cs", "el", "hu", "ro", "uk", "ca", "hi");

  static final List<String> KINDS = List.of("headline", "sentence", "paragraph");
  static final String UNDETERMINED = "und";
  static final int HEADLINE_WORDS = 6;
  static final int SENTENCE_MIN_WORDS = 10;
  static final int SENTENCE_MAX_WORDS = 30;
  static final int PARAGRAPH_WORDS = 60;
  static final double MIN_LETTER_WORD_SHARE = 2.0 / 3.0;

  private LanguageDetectorComparison() {}

  // ------------------------------------------------------------------------------------------
  // Detectors
  // ------------------------------------------------------------------------------------------

  /** A built detector under test; labels are ISO 639-1 where one exists, {@code und} if none. */
  interface Detector {
    /** The label the library's normal API returns ({@code und} when it abstains). */
    String detect(String text);

    /** The best-scoring label even where {@link #detect} abstains. */
    default String detectForced(String text) {
      return detect(text);
    }

    /** Number of languages the detector can return. */
    int languageCount();

    String description();
  }

  static Detector build(String name) throws IOException {
    switch (name) {
      case "lingua-news25":
        return new LinguaDetector(name, false, true, false);
      case "lingua-news25-lazy":
        return new LinguaDetector(name, false, false, false);
      case "lingua-news25-low":
        return new LinguaDetector(name, false, true, true);
      case "lingua-all":
        return new LinguaDetector(name, true, true, false);
      case "lingua-all-low":
        return new LinguaDetector(name, true, true, true);
      case "optimaize":
        return new OptimaizeDetector(false);
      case "optimaize-news25":
        return new OptimaizeDetector(true);
      case "opennlp":
        return new OpenNlpDetector(false);
      case "opennlp-news25":
        return new OpenNlpDetector(true);
      case "gazette":
        return new GazetteDetector();
      default:
        throw new IllegalArgumentException("unknown detector " + name + "; known: " + DETECTORS);
    }
  }

  static final class LinguaDetector implements Detector {
    private final com.github.pemistahl.lingua.api.LanguageDetector detector;
    private final String description;
    private final int count;

    LinguaDetector(String name, boolean all, boolean preload, boolean lowAccuracy) {
      com.github.pemistahl.lingua.api.LanguageDetectorBuilder builder;
      if (all) {
        builder = com.github.pemistahl.lingua.api.LanguageDetectorBuilder.fromAllLanguages();
        count = com.github.pemistahl.lingua.api.Language.values().length - 1; // minus UNKNOWN
      } else {
        com.github.pemistahl.lingua.api.IsoCode639_1[] codes =
            NEWS25.stream()
                .map(
                    c ->
                        com.github.pemistahl.lingua.api.IsoCode639_1.valueOf(
                            c.toUpperCase(Locale.ROOT)))
                .toArray(com.github.pemistahl.lingua.api.IsoCode639_1[]::new);
        builder = com.github.pemistahl.lingua.api.LanguageDetectorBuilder.fromIsoCodes639_1(codes);
        count = codes.length;
      }
      if (preload) {
        builder = builder.withPreloadedLanguageModels();
      }
      if (lowAccuracy) {
        builder = builder.withLowAccuracyMode();
      }
      detector = builder.build();
      description =
          "Lingua 1.2.2, "
              + (all
                  ? "fromAllLanguages()"
                  : "fromIsoCodes639_1(" + NEWS25.size() + " news languages)")
              + (preload ? " + withPreloadedLanguageModels()" : " (lazy model loading)")
              + (lowAccuracy ? " + withLowAccuracyMode()" : "");
    }

    @Override
    public String detect(String text) {
      return code(detector.detectLanguageOf(text));
    }

    @Override
    public String detectForced(String text) {
      // detectLanguageOf only abstains (UNKNOWN) on ties or when no letters remain; take the
      // first language of the confidence map (sorted by confidence) in that case.
      String label = detect(text);
      if (!UNDETERMINED.equals(label)) {
        return label;
      }
      Map<com.github.pemistahl.lingua.api.Language, Double> values =
          detector.computeLanguageConfidenceValues(text);
      return values.isEmpty() ? UNDETERMINED : code(values.keySet().iterator().next());
    }

    private static String code(com.github.pemistahl.lingua.api.Language language) {
      if (language == com.github.pemistahl.lingua.api.Language.UNKNOWN) {
        return UNDETERMINED;
      }
      return language.getIsoCode639_1().name().toLowerCase(Locale.ROOT);
    }

    @Override
    public int languageCount() {
      return count;
    }

    @Override
    public String description() {
      return description;
    }
  }

  static final class OptimaizeDetector implements Detector {
    private final com.optimaize.langdetect.LanguageDetector detector;
    private final com.optimaize.langdetect.text.TextObjectFactory textFactory;
    private final int count;
    private final String description;

    OptimaizeDetector(boolean news25) throws IOException {
      List<com.optimaize.langdetect.profiles.LanguageProfile> profiles =
          new com.optimaize.langdetect.profiles.LanguageProfileReader().readAllBuiltIn();
      if (news25) {
        // Optimaize has "no" (not nb) and zh-CN / zh-TW.
        Set<String> wanted =
            NEWS25.stream().map(c -> c.equals("nb") ? "no" : c).collect(Collectors.toSet());
        profiles =
            profiles.stream()
                .filter(p -> wanted.contains(p.getLocale().getLanguage()))
                .collect(Collectors.toList());
      }
      count = profiles.size();
      detector =
          com.optimaize.langdetect.LanguageDetectorBuilder.create(
                  com.optimaize.langdetect.ngram.NgramExtractors.standard())
              .withProfiles(profiles)
              .build();
      textFactory =
          com.optimaize.langdetect.text.CommonTextObjectFactories.forDetectingShortCleanText();
      description =
          "Optimaize language-detector 0.6, "
              + (news25 ? "built-in profiles of the news languages" : "readAllBuiltIn()")
              + " ("
              + count
              + " profiles), NgramExtractors.standard(), forDetectingShortCleanText(), default builder settings"
              + " (minimalConfidence 0.9999)";
    }

    @Override
    public String detect(String text) {
      com.google.common.base.Optional<com.optimaize.langdetect.i18n.LdLocale> locale =
          detector.detect(textFactory.forText(text));
      return locale.isPresent() ? locale.get().getLanguage() : UNDETERMINED;
    }

    @Override
    public String detectForced(String text) {
      List<com.optimaize.langdetect.DetectedLanguage> probabilities =
          detector.getProbabilities(textFactory.forText(text));
      return probabilities.isEmpty()
          ? UNDETERMINED
          : probabilities.get(0).getLocale().getLanguage();
    }

    @Override
    public int languageCount() {
      return count;
    }

    @Override
    public String description() {
      return description;
    }
  }

  /** Gazette's own: function-word vote, else OpenNLP, among data/reference/languages.txt. */
  static final class GazetteDetector implements Detector {
    private final org.gazette.text.Reference reference = org.gazette.text.Reference.bundled();
    private final org.gazette.text.LanguageDetector detector =
        org.gazette.text.Detectors.standard(reference).get();

    @Override
    public String detect(String text) {
      return detector.detect(text);
    }

    @Override
    public int languageCount() {
      return reference.detectableLanguages().size();
    }

    @Override
    public String description() {
      return "Gazette: stop-word vote when clear, else OpenNLP, among "
          + languageCount()
          + " languages (data/reference/languages.txt)";
    }
  }

  static final class OpenNlpDetector implements Detector {
    /** Resource inside opennlp-models-langdetect-1.3.0.jar. */
    static final String MODEL_RESOURCE = "/langdetect-183.bin";

    /** ISO 639-3 codes of the OpenNLP model that java.util.Locale does not map to ISO 639-1. */
    private static final Map<String, String> ISO3_OVERRIDES =
        Map.of(
            "cmn", "zh", // Mandarin
            "pes", "fa", // Iranian Persian
            "lvs", "lv", // Standard Latvian
            "ekk", "et", // Standard Estonian
            "pnb", "pa", // Western Punjabi
            "zsm", "ms"); // Standard Malay

    private final opennlp.tools.langdetect.LanguageDetectorME detector;
    private final Map<String, String> iso3To1 = new HashMap<>();
    private final int count;

    /** If not null, only these labels may be returned (the best-scoring allowed one is taken). */
    private final Set<String> allowed;

    OpenNlpDetector(boolean news25) throws IOException {
      try (InputStream in = LanguageDetectorComparison.class.getResourceAsStream(MODEL_RESOURCE)) {
        if (in == null) {
          throw new IOException(
              MODEL_RESOURCE + " not on the classpath (opennlp-models-langdetect)");
        }
        detector =
            new opennlp.tools.langdetect.LanguageDetectorME(
                new opennlp.tools.langdetect.LanguageDetectorModel(in));
      }
      for (String iso1 : Locale.getISOLanguages()) {
        try {
          iso3To1.put(new Locale(iso1).getISO3Language(), iso1);
        } catch (java.util.MissingResourceException e) {
          // no 3-letter code known to the JDK
        }
      }
      iso3To1.putAll(ISO3_OVERRIDES);
      allowed = news25 ? Set.copyOf(NEWS25) : null;
      count =
          (int)
              Arrays.stream(detector.getSupportedLanguages())
                  .filter(l -> allowed == null || allowed.contains(iso1(l)))
                  .count();
    }

    private String iso1(String iso3) {
      return iso3To1.getOrDefault(iso3, iso3);
    }

    @Override
    public String detect(String text) {
      if (allowed == null) {
        return iso1(detector.predictLanguage(text).getLang());
      }
      // The maxent model always scores all its languages; restrict by taking the best allowed one.
      String best = UNDETERMINED;
      double bestConfidence = -1;
      for (opennlp.tools.langdetect.Language l : detector.predictLanguages(text)) {
        String code = iso1(l.getLang());
        if (l.getConfidence() > bestConfidence && allowed.contains(code)) {
          best = code;
          bestConfidence = l.getConfidence();
        }
      }
      return best;
    }

    @Override
    public int languageCount() {
      return count;
    }

    @Override
    public String description() {
      return "Apache OpenNLP 2.5.11 LanguageDetectorME, model "
          + MODEL_RESOURCE.substring(1)
          + " (opennlp-models-langdetect 1.3.0), ISO 639-3 mapped to 639-1, "
          + (allowed == null
              ? "predictLanguage() over all " + count + " languages"
              : "best of predictLanguages() among the " + count + " news languages");
    }
  }

  // ------------------------------------------------------------------------------------------
  // Evaluation data
  // ------------------------------------------------------------------------------------------

  record Sample(String lang, String kind, String text) {}

  /** English CoNLL-2003: first column is the token, blank line ends a sentence. */
  static List<List<String>> readConll(Path file) throws IOException {
    List<List<String>> sentences = new ArrayList<>();
    List<String> current = new ArrayList<>();
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      String trimmed = line.strip();
      if (trimmed.isEmpty() || trimmed.startsWith("-DOCSTART-")) {
        if (!current.isEmpty()) {
          sentences.add(current);
          current = new ArrayList<>();
        }
        continue;
      }
      current.add(trimmed.split("\\s+")[0]);
    }
    if (!current.isEmpty()) {
      sentences.add(current);
    }
    return sentences;
  }

  /** French Europeana: {@code token TAG} per line, no sentence breaks: split after . ! ? */
  static List<List<String>> readEuropeana(Path file) throws IOException {
    List<List<String>> sentences = new ArrayList<>();
    List<String> current = new ArrayList<>();
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      String trimmed = line.strip();
      if (trimmed.isEmpty()) {
        continue;
      }
      String token = trimmed.split("\\s+")[0];
      current.add(token);
      if (token.equals(".") || token.equals("!") || token.equals("?")) {
        sentences.add(current);
        current = new ArrayList<>();
      }
    }
    if (!current.isEmpty()) {
      sentences.add(current);
    }
    return sentences;
  }

  static boolean isWord(String token) {
    return token.codePoints().anyMatch(Character::isLetterOrDigit);
  }

  static boolean hasLetter(String token) {
    return token.codePoints().anyMatch(Character::isLetter);
  }

  static int wordCount(List<String> tokens) {
    int n = 0;
    for (String t : tokens) {
      if (isWord(t)) {
        n++;
      }
    }
    return n;
  }

  static boolean mostlyLetters(List<String> tokens) {
    int words = 0;
    int lettered = 0;
    for (String t : tokens) {
      if (isWord(t)) {
        words++;
        if (hasLetter(t)) {
          lettered++;
        }
      }
    }
    return words > 0 && lettered >= MIN_LETTER_WORD_SHARE * words;
  }

  /** The shortest token prefix holding {@code words} words. */
  static List<String> firstWords(List<String> tokens, int words) {
    int seen = 0;
    for (int i = 0; i < tokens.size(); i++) {
      if (isWord(tokens.get(i)) && ++seen == words) {
        return tokens.subList(0, i + 1);
      }
    }
    return tokens;
  }

  private static final Set<String> NO_SPACE_BEFORE =
      Set.of(".", ",", ";", ":", "!", "?", "%", ")", "]", "}", "...", "n't", "N'T");
  private static final Set<String> NO_SPACE_AFTER = Set.of("(", "[", "{", "$");

  /** Joins tokens with spaces, except before closing punctuation and clitics and after elisions. */
  static String detokenize(List<String> tokens) {
    StringBuilder sb = new StringBuilder();
    boolean glueNext = true;
    boolean insideDoubleQuote = false;
    for (String token : tokens) {
      boolean glueLeft;
      boolean glueRight;
      if (token.equals("\"")) {
        glueLeft = insideDoubleQuote;
        glueRight = !insideDoubleQuote;
        insideDoubleQuote = !insideDoubleQuote;
      } else {
        glueLeft =
            NO_SPACE_BEFORE.contains(token)
                || token.equals("»")
                // English clitics: 's 're 'll 've 'd 'm
                || (token.length() > 1
                    && token.charAt(0) == '\''
                    && Character.isLetter(token.charAt(1)));
        // French elisions: l' d' qu' n' s' j' c' jusqu' lorsqu'
        glueRight =
            NO_SPACE_AFTER.contains(token)
                || (token.length() >= 2
                    && token.length() <= 8
                    && (token.endsWith("'") || token.endsWith("’"))
                    && hasLetter(token));
      }
      if (sb.length() > 0 && !glueNext && !glueLeft) {
        sb.append(' ');
      }
      sb.append(token);
      glueNext = glueRight;
    }
    return sb.toString().strip();
  }

  /** Builds the three text lengths from a language's sentences and samples up to n of each. */
  static Map<String, List<Sample>> buildSamples(
      String lang, List<List<String>> sentences, int n, long seed) {
    List<String> headlines = new ArrayList<>();
    List<String> single = new ArrayList<>();
    List<String> paragraphs = new ArrayList<>();
    for (List<String> s : sentences) {
      int words = wordCount(s);
      if (words >= HEADLINE_WORDS) {
        List<String> head = firstWords(s, HEADLINE_WORDS);
        if (mostlyLetters(head)) {
          headlines.add(detokenize(head));
        }
      }
      if (words >= SENTENCE_MIN_WORDS && words <= SENTENCE_MAX_WORDS && mostlyLetters(s)) {
        single.add(detokenize(s));
      }
    }
    // Paragraphs: consecutive sentences, non-overlapping, starting at a sentence boundary,
    // cut to exactly PARAGRAPH_WORDS words; the rest of the last sentence is dropped.
    List<String> buffer = new ArrayList<>();
    for (List<String> s : sentences) {
      buffer.addAll(s);
      if (wordCount(buffer) >= PARAGRAPH_WORDS) {
        List<String> para = firstWords(buffer, PARAGRAPH_WORDS);
        if (mostlyLetters(para)) {
          paragraphs.add(detokenize(para));
        }
        buffer = new ArrayList<>();
      }
    }
    Map<String, List<Sample>> byKind = new LinkedHashMap<>();
    byKind.put("headline", sample(lang, "headline", headlines, n, seed));
    byKind.put("sentence", sample(lang, "sentence", single, n, seed + 1));
    byKind.put("paragraph", sample(lang, "paragraph", paragraphs, n, seed + 2));
    return byKind;
  }

  static List<Sample> sample(String lang, String kind, List<String> texts, int n, long seed) {
    List<String> shuffled = new ArrayList<>(texts);
    Collections.shuffle(shuffled, new Random(seed));
    return shuffled.subList(0, Math.min(n, shuffled.size())).stream()
        .map(t -> new Sample(lang, kind, t))
        .collect(Collectors.toList());
  }

  static List<Sample> readOtherSentences(String explicitPath) throws IOException {
    List<String> lines;
    if (explicitPath != null) {
      lines = Files.readAllLines(Paths.get(explicitPath), StandardCharsets.UTF_8);
    } else {
      InputStream in =
          LanguageDetectorComparison.class.getResourceAsStream("/langid/sentences.tsv");
      if (in != null) {
        try (BufferedReader r =
            new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
          lines = r.lines().collect(Collectors.toList());
        }
      } else {
        lines =
            Files.readAllLines(
                Paths.get("src/bench/resources/langid/sentences.tsv"), StandardCharsets.UTF_8);
      }
    }
    List<Sample> samples = new ArrayList<>();
    for (String line : lines) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      int tab = line.indexOf('\t');
      if (tab < 0) {
        throw new IOException("no TAB in sentences line: " + line);
      }
      samples.add(
          new Sample(line.substring(0, tab).strip(), "sentence", line.substring(tab + 1).strip()));
    }
    return samples;
  }

  // ------------------------------------------------------------------------------------------
  // Measurement helpers
  // ------------------------------------------------------------------------------------------

  static long usedHeapAfterGc() {
    long used = Long.MAX_VALUE;
    for (int i = 0; i < 5; i++) {
      System.gc();
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      Runtime rt = Runtime.getRuntime();
      used = Math.min(used, rt.totalMemory() - rt.freeMemory());
    }
    return used;
  }

  static void resetHeapPeaks() {
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        pool.resetPeakUsage();
      }
    }
  }

  /** Sum of the heap pools' peak usage: an upper bound of the peak heap since the last reset. */
  static long heapPeak() {
    long sum = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        sum += pool.getPeakUsage().getUsed();
      }
    }
    return sum;
  }

  static double mib(long bytes) {
    return bytes / (1024.0 * 1024.0);
  }

  static String pct(int ok, int n) {
    return n == 0 ? "n/a" : String.format(Locale.ROOT, "%.1f", 100.0 * ok / n);
  }

  static final class Cell {
    int n;
    int correct;
    int correctForced;
    int abstained;
    final Map<String, Integer> confusions = new TreeMap<>();

    String topConfusions(int k) {
      return confusions.entrySet().stream()
          .sorted(
              Map.Entry.<String, Integer>comparingByValue()
                  .reversed()
                  .thenComparing(Map.Entry.comparingByKey()))
          .limit(k)
          .map(e -> e.getKey() + " " + e.getValue())
          .collect(Collectors.joining(", "));
    }
  }

  /**
   * Wall-clock rates plus process CPU use (Lingua detects on the common ForkJoinPool; GC threads
   * count too).
   */
  record Throughput(
      double textsPerSecond,
      double megabytesPerSecond,
      double microsPerText,
      double cpuUtilisation) {
    double textsPerCpuSecond() {
      return textsPerSecond / cpuUtilisation;
    }
  }

  /** CPU time of the whole process (all threads, including GC and ForkJoinPool workers), or -1. */
  static long processCpuNanos() {
    java.lang.management.OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
    if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
      return sun.getProcessCpuTime();
    }
    return -1;
  }

  static Throughput throughput(Detector detector, List<Sample> texts, int warmup, int passes) {
    long bytes = 0;
    for (Sample s : texts) {
      bytes += s.text().getBytes(StandardCharsets.UTF_8).length;
    }
    int sink = 0;
    for (int p = 0; p < warmup; p++) {
      for (Sample s : texts) {
        sink += detector.detect(s.text()).hashCode();
      }
    }
    long cpuStart = processCpuNanos();
    long start = System.nanoTime();
    for (int p = 0; p < passes; p++) {
      for (Sample s : texts) {
        sink += detector.detect(s.text()).hashCode();
      }
    }
    long wallNanos = System.nanoTime() - start;
    long cpuNanos = processCpuNanos() - cpuStart;
    double seconds = wallNanos / 1e9;
    if (sink == 42) {
      System.out.print("");
    }
    double count = (double) texts.size() * passes;
    double cpu = cpuStart < 0 ? Double.NaN : (double) cpuNanos / wallNanos;
    return new Throughput(
        count / seconds, bytes * (double) passes / seconds / 1e6, seconds * 1e6 / count, cpu);
  }

  // ------------------------------------------------------------------------------------------
  // Main
  // ------------------------------------------------------------------------------------------

  public static void main(String[] args) throws Exception {
    if (args.length == 0 || args[0].equals("-h") || args[0].equals("--help")) {
      System.out.println(
          "usage: LanguageDetectorComparison <"
              + String.join("|", DETECTORS)
              + "|all> [options]"
              + " (see class javadoc)");
      return;
    }
    String detectorName = args[0];
    Map<String, String> opts = new HashMap<>();
    for (int i = 1; i < args.length; i++) {
      if (!args[i].startsWith("--") || i + 1 >= args.length) {
        throw new IllegalArgumentException("expected --option value at " + args[i]);
      }
      opts.put(args[i].substring(2), args[++i]);
    }
    if (detectorName.equals("all")) {
      runAll(args, opts);
      return;
    }
    if (!DETECTORS.contains(detectorName)) {
      throw new IllegalArgumentException(
          "unknown detector " + detectorName + "; known: " + DETECTORS);
    }

    Path data = Paths.get(opts.getOrDefault("data", "../shared/data"));
    List<Path> enFiles =
        Arrays.stream(
                opts.getOrDefault("en", data.resolve("conll2003-en/eng.testa").toString())
                    .split(","))
            .map(Paths::get)
            .collect(Collectors.toList());
    Path frFile =
        Paths.get(
            opts.getOrDefault("fr", data.resolve("europeana-fr-ner/enp_FR.bnf.bio").toString()));
    int n = Integer.parseInt(opts.getOrDefault("n", "1000"));
    long seed = Long.parseLong(opts.getOrDefault("seed", "42"));
    int warmup = Integer.parseInt(opts.getOrDefault("warmup", "2"));
    int passes = Integer.parseInt(opts.getOrDefault("passes", "5"));

    // ---- data (loaded before the memory baseline) ----
    List<List<String>> enSentences = new ArrayList<>();
    for (Path f : enFiles) {
      enSentences.addAll(readConll(f));
    }
    Map<String, Map<String, List<Sample>>> corpus = new LinkedHashMap<>();
    corpus.put("en", buildSamples("en", enSentences, n, seed));
    corpus.put("fr", buildSamples("fr", readEuropeana(frFile), n, seed));
    List<Sample> others = readOtherSentences(opts.get("sentences"));
    List<String> otherLangs =
        others.stream().map(Sample::lang).distinct().collect(Collectors.toList());

    System.out.println("# Language detector comparison: " + detectorName);
    System.out.println();
    System.out.printf(
        Locale.ROOT,
        "JVM: %s %s, max heap %.0f MiB, %d CPUs%n",
        System.getProperty("java.vm.name"),
        System.getProperty("java.version"),
        mib(Runtime.getRuntime().maxMemory()),
        Runtime.getRuntime().availableProcessors());
    System.out.println("Data: en=" + enFiles + ", fr=" + frFile + ", seed=" + seed);
    for (var lang : corpus.entrySet()) {
      for (var kind : lang.getValue().entrySet()) {
        List<Sample> s = kind.getValue();
        double avgChars = s.stream().mapToInt(x -> x.text().length()).average().orElse(0);
        System.out.printf(
            Locale.ROOT,
            "  %s %-9s n=%4d, avg %.0f chars, e.g. \"%s\"%n",
            lang.getKey(),
            kind.getKey(),
            s.size(),
            avgChars,
            s.isEmpty() ? "" : abbreviate(s.get(0).text(), 100));
      }
    }
    System.out.println("  others: " + others.size() + " hand-written sentences, " + otherLangs);

    // ---- load ----
    long baseline = usedHeapAfterGc();
    resetHeapPeaks();
    long t0 = System.nanoTime();
    Detector detector = build(detectorName);
    long buildNanos = System.nanoTime() - t0;
    long peakDuringBuild = heapPeak();
    long retainedAfterBuild = usedHeapAfterGc() - baseline;
    t0 = System.nanoTime();
    String first = detector.detect(corpus.get("en").get("sentence").get(0).text());
    long firstCallNanos = System.nanoTime() - t0;

    System.out.println();
    System.out.println("Detector: " + detector.description());
    System.out.printf(
        Locale.ROOT,
        "Load: build %.0f ms; first detect() call %.0f ms (-> %s)%n",
        buildNanos / 1e6,
        firstCallNanos / 1e6,
        first);

    // ---- accuracy ----
    Map<String, Map<String, Cell>> cells = new LinkedHashMap<>();
    for (var lang : corpus.entrySet()) {
      for (var kind : lang.getValue().entrySet()) {
        for (Sample s : kind.getValue()) {
          score(
              detector,
              s,
              cells
                  .computeIfAbsent(lang.getKey(), k -> new LinkedHashMap<>())
                  .computeIfAbsent(kind.getKey(), k -> new Cell()));
        }
      }
    }
    Map<String, Cell> otherCells = new LinkedHashMap<>();
    int othersAsEnFr = 0;
    for (Sample s : others) {
      Cell cell = otherCells.computeIfAbsent(s.lang(), k -> new Cell());
      String label = score(detector, s, cell);
      if (label.equals("en") || label.equals("fr")) {
        othersAsEnFr++;
      }
    }
    long retainedAfterUse = usedHeapAfterGc() - baseline;
    long peakTotal = heapPeak();

    System.out.printf(
        Locale.ROOT,
        "Heap retained: %.1f MiB after build, %.1f MiB after all detections "
            + "(peak heap since before build, sum of pool peaks: %.0f MiB during build, %.0f MiB overall; baseline %.1f MiB)%n",
        mib(retainedAfterBuild),
        mib(retainedAfterUse),
        mib(peakDuringBuild),
        mib(peakTotal),
        mib(baseline));

    System.out.println();
    System.out.println(
        "## Accuracy (% correct; in brackets: % correct when abstentions are replaced by the best-scoring language)");
    System.out.println();
    System.out.println("| lang | headline | sentence | paragraph |");
    System.out.println("| --- | --- | --- | --- |");
    for (var lang : cells.entrySet()) {
      StringBuilder row = new StringBuilder("| " + lang.getKey() + " |");
      for (String kind : KINDS) {
        Cell c = lang.getValue().get(kind);
        row.append(
            c == null
                ? " n/a |"
                : String.format(
                    Locale.ROOT,
                    " %s (%s) n=%d |",
                    pct(c.correct, c.n),
                    pct(c.correctForced, c.n),
                    c.n));
      }
      System.out.println(row);
    }
    System.out.println();
    System.out.println("Top confusions (label count; und = no answer):");
    for (var lang : cells.entrySet()) {
      for (var kind : lang.getValue().entrySet()) {
        Cell c = kind.getValue();
        System.out.printf(
            Locale.ROOT,
            "  %s %-9s %4d wrong, %3d abstained: %s%n",
            lang.getKey(),
            kind.getKey(),
            c.n - c.correct,
            c.abstained,
            c.confusions.isEmpty() ? "-" : c.topConfusions(5));
      }
    }
    System.out.println();
    System.out.println("Other languages (hand-written sentences):");
    int otherOk = 0;
    int otherOkForced = 0;
    for (var e : otherCells.entrySet()) {
      Cell c = e.getValue();
      otherOk += c.correct;
      otherOkForced += c.correctForced;
      System.out.printf(
          Locale.ROOT,
          "  %s %2d/%d%s%n",
          e.getKey(),
          c.correct,
          c.n,
          c.confusions.isEmpty() ? "" : "  (" + c.topConfusions(5) + ")");
    }
    System.out.printf(
        Locale.ROOT,
        "  total %d/%d (%d/%d forced); labelled en or fr: %d%n",
        otherOk,
        others.size(),
        otherOkForced,
        others.size(),
        othersAsEnFr);

    // ---- speed ----
    List<Sample> paragraphs = new ArrayList<>(corpus.get("en").get("paragraph"));
    paragraphs.addAll(corpus.get("fr").get("paragraph"));
    List<Sample> sentences = new ArrayList<>(corpus.get("en").get("sentence"));
    sentences.addAll(corpus.get("fr").get("sentence"));
    Throughput para = throughput(detector, paragraphs, warmup, passes);
    Throughput sent = throughput(detector, sentences, warmup, passes);
    System.out.println();
    System.out.printf(
        Locale.ROOT,
        "Throughput (one calling thread, %d warm-up + %d timed passes; CPU = process CPU time"
            + " / wall time, includes GC and library worker threads):%n",
        warmup,
        passes);
    System.out.printf(
        Locale.ROOT,
        "  paragraphs (%d): %.0f texts/s, %.2f MB/s (UTF-8), %.0f us/text, CPU %.2f, %.0f texts/CPU-s%n",
        paragraphs.size(),
        para.textsPerSecond(),
        para.megabytesPerSecond(),
        para.microsPerText(),
        para.cpuUtilisation(),
        para.textsPerCpuSecond());
    System.out.printf(
        Locale.ROOT,
        "  sentences  (%d): %.0f texts/s, %.2f MB/s (UTF-8), %.0f us/text, CPU %.2f, %.0f texts/CPU-s%n",
        sentences.size(),
        sent.textsPerSecond(),
        sent.megabytesPerSecond(),
        sent.microsPerText(),
        sent.cpuUtilisation(),
        sent.textsPerCpuSecond());

    // ---- summary ----
    List<String> row = new ArrayList<>();
    row.add(detectorName);
    row.add(Integer.toString(detector.languageCount()));
    for (String lang : List.of("en", "fr")) {
      for (String kind : KINDS) {
        Cell c = cells.get(lang).get(kind);
        row.add(
            c.correctForced == c.correct
                ? pct(c.correct, c.n)
                : pct(c.correct, c.n) + " (" + pct(c.correctForced, c.n) + ")");
      }
    }
    row.add(
        otherOk == otherOkForced
            ? otherOk + "/" + others.size()
            : otherOk + "/" + others.size() + " (" + otherOkForced + ")");
    row.add(Integer.toString(othersAsEnFr));
    row.add(String.format(Locale.ROOT, "%.1f", (buildNanos + firstCallNanos) / 1e9));
    row.add(String.format(Locale.ROOT, "%.0f", mib(retainedAfterUse)));
    row.add(String.format(Locale.ROOT, "%.0f", mib(peakDuringBuild)));
    row.add(String.format(Locale.ROOT, "%.0f", para.textsPerSecond()));
    row.add(String.format(Locale.ROOT, "%.2f", para.megabytesPerSecond()));
    row.add(String.format(Locale.ROOT, "%.1f", para.cpuUtilisation()));
    row.add(String.format(Locale.ROOT, "%.0f", sent.textsPerSecond()));
    System.out.println();
    printTable(List.of(row));
    System.out.println("SUMMARY|" + String.join("|", row));
    Reference.reachabilityFence(detector);
  }

  static String score(Detector detector, Sample s, Cell cell) {
    String label = detector.detect(s.text());
    cell.n++;
    if (label.equals(s.lang())) {
      cell.correct++;
      cell.correctForced++;
      return label;
    }
    if (label.equals(UNDETERMINED)) {
      cell.abstained++;
      if (detector.detectForced(s.text()).equals(s.lang())) {
        cell.correctForced++;
      }
    }
    cell.confusions.merge(label, 1, Integer::sum);
    return label;
  }

  static final List<String> TABLE_HEADER =
      List.of(
          "detector",
          "langs",
          "en head",
          "en sent",
          "en para",
          "fr head",
          "fr sent",
          "fr para",
          "others ok",
          "others→en/fr",
          "load s",
          "heap MiB",
          "load peak MiB",
          "para/s",
          "para MB/s",
          "para CPU",
          "sent/s");

  static void printTable(List<List<String>> rows) {
    System.out.println("| " + String.join(" | ", TABLE_HEADER) + " |");
    System.out.println("|" + " --- |".repeat(TABLE_HEADER.size()));
    for (List<String> row : rows) {
      System.out.println("| " + String.join(" | ", row) + " |");
    }
    System.out.println();
    System.out.println(
        "Accuracy in % (head = first 6 words, sent = 10-30-word sentence, para = 60 words; in brackets: "
            + "when the detector's abstentions are replaced by its best-scoring language); others ok = hand-written "
            + "de/es/it/pt/nl/ru/pl/tr/ar/zh/ja sentences recognised; others→en/fr = of those, labelled en or fr; "
            + "load s = build + first call; heap MiB = heap retained after all detections; load peak MiB = peak heap while "
            + "building (sum of heap-pool peaks, depends on the GC); para/s, para MB/s = paragraphs per second from one "
            + "calling thread; para CPU = CPU cores busy meanwhile (library worker threads and GC included); sent/s = "
            + "sentences per second.");
  }

  static void runAll(String[] args, Map<String, String> opts)
      throws IOException, InterruptedException {
    List<String> names =
        opts.containsKey("detectors") ? Arrays.asList(opts.get("detectors").split(",")) : DETECTORS;
    String xmx = opts.getOrDefault("xmx", "4g");
    String xmxLarge = opts.getOrDefault("xmx-large", "6g");
    Path java = Paths.get(System.getProperty("java.home"), "bin", "java");
    List<String> passThrough = new ArrayList<>();
    for (int i = 1; i < args.length; i += 2) {
      String key = args[i].substring(2);
      if (!Set.of("detectors", "xmx", "xmx-large").contains(key)) {
        passThrough.add(args[i]);
        passThrough.add(args[i + 1]);
      }
    }
    List<List<String>> rows = new ArrayList<>();
    Function<String, String> heapFor = name -> name.startsWith("lingua-all") ? xmxLarge : xmx;
    for (String name : names) {
      List<String> command =
          new ArrayList<>(
              List.of(
                  java.toString(),
                  "-Xmx" + heapFor.apply(name),
                  "-cp",
                  System.getProperty("java.class.path"),
                  LanguageDetectorComparison.class.getName(),
                  name));
      command.addAll(passThrough);
      System.out.println(
          "$ "
              + command.stream()
                  .map(c -> c.length() > 120 ? c.substring(0, 40) + "..." : c)
                  .collect(Collectors.joining(" ")));
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      try (BufferedReader r =
          new BufferedReader(
              new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
        String line;
        while ((line = r.readLine()) != null) {
          System.out.println(line);
          if (line.startsWith("SUMMARY|")) {
            rows.add(Arrays.asList(line.substring("SUMMARY|".length()).split("\\|", -1)));
          }
        }
      }
      int rc = process.waitFor();
      if (rc != 0) {
        System.out.println("!! " + name + " exited with " + rc);
      }
      System.out.println();
    }
    System.out.println("# Summary");
    System.out.println();
    printTable(rows);
  }

  static String abbreviate(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max - 3) + "...";
  }
}
