package org.gazette.ner;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Random;

/**
 * Trains a {@link NameTagger}: an averaged structured perceptron over the same scored segments the
 * tagger decodes, with Viterbi in the loop. Deterministic for a seed.
 */
public final class NameTrainer {

  /** Training settings. */
  public record Options(
      String language,
      int bits,
      int rightExtension,
      int epochs,
      long seed,
      double headlineShare,
      float prune) {

    public Options {
      Objects.requireNonNull(language, "language");
      if (bits < 12 || bits > 24) {
        throw new IllegalArgumentException("bits must be within 12..24, not " + bits);
      }
      if (rightExtension < 0 || rightExtension > 8) {
        throw new IllegalArgumentException(
            "rightExtension must be within 0..8, not " + rightExtension);
      }
      if (epochs < 1) {
        throw new IllegalArgumentException("epochs must be positive, not " + epochs);
      }
      if (headlineShare < 0 || headlineShare > 1) {
        throw new IllegalArgumentException(
            "headlineShare must be within 0..1, not " + headlineShare);
      }
    }
  }

  /** A trained model with what training saw. */
  public static final class Result {
    private final NameModel model;
    private final NameTagger tagger;
    private final String summary;

    Result(NameModel model, NameTagger tagger, String summary) {
      this.model = model;
      this.tagger = tagger;
      this.summary = summary;
    }

    public NameTagger tagger() {
      return tagger;
    }

    /** Counts of training: tokens, scored share, names covered by scored tokens, weights. */
    public String summary() {
      return summary;
    }

    /** Writes the model file (gzip). */
    public void write(Path file) throws IOException {
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      try (OutputStream out = Files.newOutputStream(file)) {
        model.write(out);
      }
    }
  }

  private static final int L = NameModel.LABELS;
  private static final int F = NameFeatures.PER_TOKEN;

  private NameTrainer() {}

  /** Trains on {@code texts} with the bundled word lists. */
  public static Result train(List<AnnotatedText> texts, Options options) {
    return train(texts, options, NameLexicon.bundled());
  }

  static Result train(List<AnnotatedText> texts, Options o, NameLexicon lexicon) {
    List<AnnotatedText> all = new ArrayList<>(texts);
    Random random = new Random(o.seed());
    int headlines = 0;
    if (o.headlineShare() > 0) {
      for (AnnotatedText t : texts) {
        for (AnnotatedText h : headlineCopies(t, o.headlineShare(), random)) {
          all.add(h);
          headlines++;
        }
      }
    }
    long[] leftCues = leftCues(texts, 3);
    long[] skipWords =
        skipWords(
            all,
            new NameFeatures(o.bits(), o.rightExtension(), leftCues, new long[0], lexicon),
            SKIP_MIN);
    NameFeatures features =
        new NameFeatures(o.bits(), o.rightExtension(), leftCues, skipWords, lexicon);
    List<int[]> segmentFeats = new ArrayList<>();
    List<int[]> segmentGold = new ArrayList<>();
    long tokens = 0;
    long scoredTokens = 0;
    long names = 0;
    long covered = 0;
    for (AnnotatedText text : all) {
      NameTokens t = text.tokens();
      int n = t.size();
      tokens += n;
      int[] gold = new int[n];
      for (NameSpan s : text.names()) {
        gold[s.start()] = NameModel.begin(s.type().ordinal());
        for (int k = s.start() + 1; k < s.end(); k++) {
          gold[k] = NameModel.inside(s.type().ordinal());
        }
      }
      scoredTokens += features.prepare(t);
      for (NameSpan s : text.names()) {
        names++;
        boolean all1 = true;
        for (int k = s.start(); k < s.end(); k++) {
          all1 &= features.scored(k);
        }
        if (all1) {
          covered++;
        }
      }
      int i = 0;
      while (i < n) {
        if (!features.scored(i)) {
          if (gold[i] != NameModel.O
              && i + 1 < n
              && NameModel.isBegin(gold[i])
              && NameModel.isInside(gold[i + 1])) {
            gold[i + 1] = gold[i]; // a name cut by the scored region starts later
          }
          i++;
          continue;
        }
        int j = i;
        int ss = features.sentenceStart(i);
        while (j < n && features.scored(j) && features.sentenceStart(j) == ss) {
          j++;
        }
        int m = j - i;
        int[] feats = new int[m * F];
        int[] labels = new int[m];
        for (int k = 0; k < m; k++) {
          features.extract(t, i + k, feats, k * F);
          labels[k] = gold[i + k];
        }
        // a name entering the segment from outside starts inside it
        if (NameModel.isInside(labels[0])) {
          labels[0] = NameModel.begin(NameModel.typeOf(labels[0]));
        }
        segmentFeats.add(feats);
        segmentGold.add(labels);
        i = j;
      }
    }

    int size = (1 << o.bits()) * L;
    float[] w = new float[size];
    float[] u = new float[size];
    float[] tw = new float[L * L];
    float[] tu = new float[L * L];
    long c = 1;
    int segments = segmentFeats.size();
    int[] order = new int[segments];
    for (int k = 0; k < segments; k++) {
      order[k] = k;
    }
    Viterbi viterbi = new Viterbi();
    float[] emissions = new float[64 * L];
    int[] predicted = new int[64];
    for (int epoch = 0; epoch < o.epochs(); epoch++) {
      for (int k = segments - 1; k > 0; k--) {
        int r = random.nextInt(k + 1);
        int tmp = order[k];
        order[k] = order[r];
        order[r] = tmp;
      }
      for (int k = 0; k < segments; k++) {
        int[] feats = segmentFeats.get(order[k]);
        int[] gold = segmentGold.get(order[k]);
        int m = gold.length;
        if (emissions.length < m * L) {
          emissions = new float[m * L * 2];
          predicted = new int[m * 2];
        }
        for (int t = 0; t < m; t++) {
          for (int l = 0; l < L; l++) {
            float s = 0;
            for (int f = t * F; f < t * F + F; f++) {
              s += w[feats[f] * L + l];
            }
            emissions[t * L + l] = s;
          }
        }
        viterbi.decode(emissions, m, tw, predicted);
        boolean same = true;
        for (int t = 0; t < m; t++) {
          same &= predicted[t] == gold[t];
        }
        if (!same) {
          for (int t = 0; t < m; t++) {
            int g = gold[t];
            int p = predicted[t];
            if (g != p) {
              for (int f = t * F; f < t * F + F; f++) {
                int base = feats[f] * L;
                w[base + g] += 1;
                u[base + g] += c;
                w[base + p] -= 1;
                u[base + p] -= c;
              }
            }
            int gPrev = t == 0 ? NameModel.O : gold[t - 1];
            int pPrev = t == 0 ? NameModel.O : predicted[t - 1];
            tw[gPrev * L + g] += 1;
            tu[gPrev * L + g] += c;
            tw[pPrev * L + p] -= 1;
            tu[pPrev * L + p] -= c;
          }
          tw[gold[m - 1] * L] += 1;
          tu[gold[m - 1] * L] += c;
          tw[predicted[m - 1] * L] -= 1;
          tu[predicted[m - 1] * L] -= c;
        }
        c++;
      }
    }
    for (int k = 0; k < size; k++) {
      w[k] -= u[k] / c;
    }
    for (int k = 0; k < L * L; k++) {
      tw[k] -= tu[k] / c;
    }
    NameModel model =
        NameModel.quantise(
            o.language(), o.bits(), o.rightExtension(), leftCues, skipWords, w, tw, o.prune());
    String summary =
        String.format(
            Locale.ROOT,
            "%,d texts (%,d headline copies), %,d tokens, %,d scored (%.1f%%), %,d names, %.2f%% of"
                + " them inside scored tokens, %d left cues, %d words skipped first in a sentence, %,d"
                + " segments, %d epochs, %,d weight rows",
            all.size(),
            headlines,
            tokens,
            scoredTokens,
            100.0 * scoredTokens / Math.max(1, tokens),
            names,
            100.0 * covered / Math.max(1, names),
            leftCues.length,
            skipWords.length,
            segments,
            o.epochs(),
            model.nonZeroRows());
    return new Result(model, new NameTagger(model, lexicon, o.language()), summary);
  }

  /** Times a word must be seen first and alone, never named, to be skipped there. */
  static final int SKIP_MIN = 3;

  /**
   * Capitalised words seen at least {@code min} times first in a sentence and alone (see {@link
   * NameFeatures#loneInitial}) and never a name's first word there ("Le", "Dans", "The").
   */
  static long[] skipWords(List<AnnotatedText> texts, NameFeatures features, int min) {
    java.util.Map<Long, int[]> counts = new java.util.HashMap<>();
    for (AnnotatedText text : texts) {
      NameTokens t = text.tokens();
      boolean[] named = new boolean[t.size()];
      for (NameSpan s : text.names()) {
        named[s.start()] = true;
      }
      features.prepare(t);
      for (int i = 0; i < t.size(); i++) {
        if (features.loneInitial(i)) {
          int[] c = counts.computeIfAbsent(features.word(i), k -> new int[2]);
          c[named[i] ? 1 : 0]++;
        }
      }
    }
    return counts.entrySet().stream()
        .filter(e -> e.getValue()[1] == 0 && e.getValue()[0] >= min)
        .mapToLong(java.util.Map.Entry::getKey)
        .sorted()
        .toArray();
  }

  /** Lower-case words that start at least {@code min} gold names ("rue", "tribunal"). */
  static long[] leftCues(List<AnnotatedText> texts, int min) {
    java.util.Map<Long, Integer> counts = new java.util.HashMap<>();
    for (AnnotatedText text : texts) {
      NameTokens t = text.tokens();
      for (NameSpan s : text.names()) {
        String first = t.token(s.start());
        if (s.length() > 1 && Character.isLowerCase(first.codePointAt(0))) {
          counts.merge(Hashes.folded(first), 1, Integer::sum);
        }
      }
    }
    return counts.entrySet().stream()
        .filter(e -> e.getValue() >= min)
        .mapToLong(java.util.Map.Entry::getKey)
        .sorted()
        .toArray();
  }

  /** Title Case copies of some sentences, as headlines are written in English. */
  static List<AnnotatedText> headlineCopies(AnnotatedText text, double share, Random random) {
    List<AnnotatedText> out = new ArrayList<>();
    NameTokens t = text.tokens();
    int n = t.size();
    int s = 0;
    while (s < n) {
      int e = s + 1;
      while (e < n && t.sentence(e) == t.sentence(s)) {
        e++;
      }
      if (e - s >= 4 && random.nextDouble() < share) {
        List<String> words = new ArrayList<>();
        for (int k = s; k < e; k++) {
          words.add(titleCase(t.token(k)));
        }
        List<NameSpan> names = new ArrayList<>();
        NameTokens copy = NameTokens.of(words, new int[e - s]);
        for (NameSpan span : text.names()) {
          if (span.start() >= s && span.end() <= e) {
            int b = copy.begin(span.start() - s);
            int end = copy.end(span.end() - s - 1);
            names.add(
                new NameSpan(
                    span.start() - s,
                    span.end() - s,
                    span.type(),
                    b,
                    end,
                    copy.text().substring(b, end)));
          }
        }
        out.add(new AnnotatedText(copy, names));
      }
      s = e;
    }
    return out;
  }

  private static final java.util.Set<String> SMALL_WORDS =
      java.util.Set.of(
          "a", "an", "the", "of", "in", "on", "at", "to", "for", "and", "but", "or", "by", "as",
          "vs");

  static String titleCase(String word) {
    if (word.isEmpty() || !Character.isLowerCase(word.charAt(0)) || SMALL_WORDS.contains(word)) {
      return word;
    }
    return Character.toUpperCase(word.charAt(0)) + word.substring(1);
  }
}
