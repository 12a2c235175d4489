package org.gazette.ner;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Finds person, organisation, place and other names in tokenised text. Only tokens that can belong
 * to a name are scored (capitalised runs, the connectors between them, a few words after them);
 * every other token is outside any name without cost. Each run is labelled by an averaged
 * perceptron over hashed features, decoded with Viterbi; honorifics are left out of names ({@code
 * M. Poutine} gives {@code Poutine}); a capitalised word that repeats a part of a person's full
 * name found in the same text is that person ({@code Kim} after {@code Kim Jong Un}).
 *
 * <p>{@link #forLanguage(String)} returns one shared instance per model and JVM; it is thread-safe
 * (each thread reuses its own scratch arrays), so hold it in a static field or call it per
 * partition.
 */
public final class NameTagger {

  private static final String MODEL_FOLDER = "/org/gazette/ner/";
  private static final Map<String, NameTagger> CACHE = new ConcurrentHashMap<>();

  /** Words before a name that are not part of it (folded, without the period). */
  private static final long[] HONORIFICS =
      sortedHashes(
          "m",
          "mm",
          "mr",
          "mrs",
          "ms",
          "miss",
          "dr",
          "mme",
          "mmes",
          "mlle",
          "mlles",
          "prof",
          "pr",
          "sir",
          "dame",
          "lord",
          "lady",
          "herr",
          "frau",
          "sr",
          "sra",
          "srta",
          "sig",
          "sig.ra",
          "dott",
          "me",
          "mgr",
          "gen",
          "gén",
          "col",
          "capt",
          "lt",
          "sgt",
          "gov",
          "sen",
          "rep",
          "rev",
          "président",
          "president",
          "général",
          "general",
          "docteur",
          "monsieur",
          "madame",
          "mademoiselle",
          "maître",
          "pope",
          "pape",
          "saint",
          "king",
          "queen",
          "roi",
          "reine",
          "prince",
          "princesse",
          "princess");

  /** Courtesy titles: the name after one is a person's ("Dr Smith", "Mme Dupont"). */
  private static final long[] TITLES =
      sortedHashes(
          "m", "mm", "mr", "mrs", "ms", "miss", "dr", "mme", "mmes", "mlle", "mlles", "prof", "pr",
          "sir", "dame", "herr", "frau", "sr", "sra", "srta", "sig", "dott", "me", "messrs");

  private final NameModel model;
  private final NameLexicon lexicon;
  private final String language;
  private final ThreadLocal<Scratch> scratch;

  NameTagger(NameModel model, NameLexicon lexicon, String language) {
    this.model = Objects.requireNonNull(model, "model");
    this.lexicon = Objects.requireNonNull(lexicon, "lexicon");
    this.language = language;
    this.scratch = ThreadLocal.withInitial(() -> new Scratch(model, lexicon));
  }

  /**
   * The tagger for a language (ISO 639-1, any case; null or unknown reads as the default model, see
   * {@link #modelFor(String)}). Loaded once per JVM.
   */
  public static NameTagger forLanguage(String iso639_1) {
    String model = modelFor(iso639_1);
    return CACHE.computeIfAbsent(model, NameTagger::load);
  }

  /**
   * The model a language uses: {@code en} and {@code fr} have their own; every other language uses
   * {@code en}, whose features carry best to other scripts and languages.
   */
  public static String modelFor(String iso639_1) {
    String lang = iso639_1 == null ? "" : iso639_1.trim().toLowerCase(Locale.ROOT);
    if (lang.equals("fr")) {
      return "fr";
    }
    return "en";
  }

  private static NameTagger load(String model) {
    String path = MODEL_FOLDER + model + ".model";
    try (InputStream in = NameTagger.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("name model " + path + " is not on the classpath");
      }
      return new NameTagger(NameModel.read(in), NameLexicon.bundled(), model);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read name model " + path, e);
    }
  }

  /** A tagger from a model file (as {@code gazette ner train} writes), with the bundled lists. */
  public static NameTagger load(java.nio.file.Path modelFile) throws IOException {
    try (InputStream in = java.nio.file.Files.newInputStream(modelFile)) {
      NameModel model = NameModel.read(in);
      return new NameTagger(model, NameLexicon.bundled(), model.language);
    }
  }

  /** The model's language ({@code en}, {@code fr}). */
  public String language() {
    return language;
  }

  /** Tokenises {@code text} with {@link NameTokenizer} and tags it. */
  public List<NameSpan> tag(String text) {
    return tag(NameTokenizer.tokenize(text));
  }

  /** The names in {@code tokens}, in text order, never overlapping. */
  public List<NameSpan> tag(NameTokens tokens) {
    Scratch s = scratch.get();
    int n = tokens.size();
    int[] labels = s.labels(n);
    Arrays.fill(labels, 0, n, NameModel.O);
    if (s.features.prepare(tokens) == 0) {
      return List.of();
    }
    label(tokens, s, labels);
    return spans(tokens, s.features, labels);
  }

  /** Fills {@code labels[0..n)} with BIO labels of the prepared tokens. */
  void label(NameTokens tokens, Scratch s, int[] labels) {
    NameFeatures f = s.features;
    int n = tokens.size();
    int i = 0;
    while (i < n) {
      if (!f.scored(i)) {
        i++;
        continue;
      }
      int j = i;
      int sentenceStart = f.sentenceStart(i);
      while (j < n && f.scored(j) && f.sentenceStart(j) == sentenceStart) {
        j++;
      }
      int m = j - i;
      int[] feats = s.feats(m);
      float[] emissions = s.emissions(m);
      for (int t = 0; t < m; t++) {
        f.extract(tokens, i + t, feats, t * NameFeatures.PER_TOKEN);
        model.emissions(
            feats,
            t * NameFeatures.PER_TOKEN,
            NameFeatures.PER_TOKEN,
            emissions,
            t * NameModel.LABELS);
      }
      s.viterbi.decode(emissions, m, model.transitions, s.segmentLabels(m));
      System.arraycopy(s.segmentLabels, 0, labels, i, m);
      i = j;
    }
  }

  /**
   * Spans of BIO labels, after the rules: whole place names of the word lists, parts of persons'
   * full names, short parts of East Asian names; honorifics left out.
   */
  static List<NameSpan> spans(NameTokens tokens, NameFeatures f, int[] labels) {
    int n = tokens.size();
    placePhrases(f, labels, n);
    long[] parts = personParts(f, labels, n);
    if (parts.length > 0) {
      retypeRepeatedParts(f, labels, n, parts);
    }
    extendShortNameParts(f, labels, n);
    if (parts.length > 0) {
      addRepeatedParts(f, labels, n, parts);
    }
    List<NameSpan> out = new ArrayList<>();
    int i = 0;
    while (i < n) {
      int l = labels[i];
      if (l == NameModel.O) {
        i++;
        continue;
      }
      int type = NameModel.typeOf(l);
      int j = i + 1;
      while (j < n && labels[j] == NameModel.inside(type)) {
        j++;
      }
      int start = i;
      while (start < j - 1 && isHonorific(tokens, start)) {
        start++;
      }
      if (start > 0 && f.sentenceStart(start) < start && isIn(TITLES, tokens, start - 1)) {
        type = EntityType.PER.ordinal();
      }
      out.add(span(tokens, start, j, type));
      i = j;
    }
    return out;
  }

  /** Sorted folded forms of the capitalised tokens of persons' names of two tokens or more. */
  private static long[] personParts(NameFeatures f, int[] labels, int n) {
    long[] parts = new long[8];
    int count = 0;
    int per = EntityType.PER.ordinal();
    for (int i = 0; i < n; i++) {
      if (labels[i] != NameModel.begin(per)) {
        continue;
      }
      int j = i + 1;
      while (j < n && labels[j] == NameModel.inside(per)) {
        j++;
      }
      if (j - i >= 2) {
        for (int k = i; k < j; k++) {
          if ((f.flags(k) & NameFeatures.UPPER_INITIAL) != 0
              && (f.flags(k) & NameFeatures.CONNECTOR) == 0) {
            if (count == parts.length) {
              parts = Arrays.copyOf(parts, count * 2);
            }
            parts[count++] = f.word(k);
          }
        }
      }
      i = j - 1;
    }
    long[] out = Arrays.copyOf(parts, count);
    Arrays.sort(out);
    return out;
  }

  /** A name of another type made only of parts of persons' names is that person. */
  private static void retypeRepeatedParts(NameFeatures f, int[] labels, int n, long[] parts) {
    int per = EntityType.PER.ordinal();
    int i = 0;
    while (i < n) {
      int l = labels[i];
      if (l == NameModel.O) {
        i++;
        continue;
      }
      int type = NameModel.typeOf(l);
      int j = i + 1;
      while (j < n && labels[j] == NameModel.inside(type)) {
        j++;
      }
      boolean all = type != per;
      for (int k = i; k < j && all; k++) {
        all = Arrays.binarySearch(parts, f.word(k)) >= 0;
      }
      if (all) {
        labels[i] = NameModel.begin(per);
        for (int k = i + 1; k < j; k++) {
          labels[k] = NameModel.inside(per);
        }
      }
      i = j;
    }
  }

  /** Capitalised words the tagger left out that repeat a part of a person's name. */
  private static void addRepeatedParts(NameFeatures f, int[] labels, int n, long[] parts) {
    int per = EntityType.PER.ordinal();
    for (int k = 0; k < n; k++) {
      int flags = f.flags(k);
      if (labels[k] != NameModel.O
          || !f.scored(k)
          || (flags & NameFeatures.UPPER_INITIAL) == 0
          || (flags & NameFeatures.CONNECTOR) != 0
          || f.sentenceCase(k) != NameFeatures.CASE_NORMAL
          || Arrays.binarySearch(parts, f.word(k)) < 0) {
        continue;
      }
      boolean continues =
          k > 0
              && labels[k - 1] != NameModel.O
              && NameModel.typeOf(labels[k - 1]) == per
              && f.sentenceStart(k - 1) == f.sentenceStart(k);
      labels[k] = continues ? NameModel.inside(per) : NameModel.begin(per);
    }
  }

  /**
   * A whole multi-word place name of the word lists ("Corée du Nord", "Kryvyi Rih") is a place when
   * the tagger found a name there that does not reach beyond it.
   */
  private static void placePhrases(NameFeatures f, int[] labels, int n) {
    for (int i = 0; i < n; i++) {
      int end = f.phraseEnd(i);
      if (end == 0) {
        continue;
      }
      boolean named = false;
      boolean inside =
          !NameModel.isInside(labels[i]) && (end >= n || !NameModel.isInside(labels[end]));
      for (int k = i; k < end; k++) {
        named |= labels[k] != NameModel.O;
      }
      if (named && inside) {
        int loc = EntityType.LOC.ordinal();
        labels[i] = NameModel.begin(loc);
        for (int k = i + 1; k < end; k++) {
          labels[k] = NameModel.inside(loc);
        }
        i = end - 1;
      }
    }
  }

  /**
   * A person's name goes on over a following short capitalised word the tagger left out, as in
   * Korean, Chinese and Vietnamese names ("Kim Jong Un", where "un" is also a French word).
   */
  private static void extendShortNameParts(NameFeatures f, int[] labels, int n) {
    int per = EntityType.PER.ordinal();
    for (int i = 1; i < n; i++) {
      int previous = labels[i - 1];
      int flags = f.flags(i);
      if (labels[i] == NameModel.O
          && previous != NameModel.O
          && NameModel.typeOf(previous) == per
          && f.scored(i)
          && f.sentenceStart(i) == f.sentenceStart(i - 1)
          && f.sentenceCase(i) == NameFeatures.CASE_NORMAL
          && (flags & NameFeatures.UPPER_INITIAL) != 0
          && (flags & NameFeatures.ALL_UPPER) == 0
          && f.tokenLength(i) <= 3
          && (i + 1 >= n || (f.flags(i + 1) & NameFeatures.UPPER_INITIAL) == 0)) {
        labels[i] = NameModel.inside(per);
      }
    }
  }

  private static NameSpan span(NameTokens tokens, int start, int end, int type) {
    int b = tokens.beginUnchecked(start);
    int e = tokens.endUnchecked(end - 1);
    return new NameSpan(start, end, EntityType.of(type), b, e, tokens.text().substring(b, e));
  }

  private static boolean isHonorific(NameTokens tokens, int i) {
    return isIn(HONORIFICS, tokens, i);
  }

  /** Whether token {@code i}, without a final period, is one of {@code sortedHashes}. */
  private static boolean isIn(long[] sortedHashes, NameTokens tokens, int i) {
    String text = tokens.text();
    int b = tokens.beginUnchecked(i);
    int e = tokens.endUnchecked(i);
    if (e - b > 12) {
      return false;
    }
    if (text.charAt(e - 1) == '.') {
      e--;
    }
    return e > b && Arrays.binarySearch(sortedHashes, Hashes.folded(text, b, e)) >= 0;
  }

  private static long[] sortedHashes(String... forms) {
    long[] out = new long[forms.length];
    for (int i = 0; i < forms.length; i++) {
      out[i] = Hashes.folded(forms[i]);
    }
    Arrays.sort(out);
    return out;
  }

  NameModel model() {
    return model;
  }

  Scratch newScratch() {
    return new Scratch(model, lexicon);
  }

  /** One thread's reusable arrays. */
  static final class Scratch {
    final NameFeatures features;
    final Viterbi viterbi = new Viterbi();
    private int[] labels = new int[256];
    private int[] feats = new int[32 * NameFeatures.PER_TOKEN];
    private float[] emissions = new float[32 * NameModel.LABELS];
    int[] segmentLabels = new int[32];

    Scratch(NameModel model, NameLexicon lexicon) {
      this.features =
          new NameFeatures(
              model.bits, model.rightExtension, model.leftCues, model.skipWords, lexicon);
    }

    int[] labels(int n) {
      if (labels.length < n) {
        labels = new int[Math.max(n, labels.length * 2)];
      }
      return labels;
    }

    int[] feats(int m) {
      if (feats.length < m * NameFeatures.PER_TOKEN) {
        feats = new int[m * NameFeatures.PER_TOKEN * 2];
      }
      return feats;
    }

    float[] emissions(int m) {
      if (emissions.length < m * NameModel.LABELS) {
        emissions = new float[m * NameModel.LABELS * 2];
      }
      return emissions;
    }

    int[] segmentLabels(int m) {
      if (segmentLabels.length < m) {
        segmentLabels = new int[m * 2];
      }
      return segmentLabels;
    }
  }
}
