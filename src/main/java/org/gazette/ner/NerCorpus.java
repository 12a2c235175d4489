package org.gazette.ner;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Readers of annotated corpora: CoNLL-2003 ({@code token … TAG}, a blank line between sentences,
 * IOB1 or IOB2) and Europeana Newspapers ({@code token TAG} per line, IOB1, no sentence breaks; the
 * {@code .md} beside it maps line ranges to pages).
 */
public final class NerCorpus {

  /** File formats. */
  public enum Format {
    CONLL,
    EUROPEANA;

    /** {@code europeana} for {@code .bio} files, else {@code conll}. */
    public static Format guess(Path file) {
      return file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".bio")
          ? EUROPEANA
          : CONLL;
    }
  }

  /** Which pages of a Europeana file: the first 80%, the last 20%, or all. */
  public enum Part {
    TRAIN,
    HELDOUT,
    ALL
  }

  private static final Pattern PAGE = Pattern.compile("L0*(\\d+)\\s*-\\s*L0*(\\d+)");

  /** Share of a Europeana file's pages (first ones) used for training. */
  static final double TRAIN_SHARE = 0.8;

  private NerCorpus() {}

  /**
   * Reads a corpus. CoNLL sentences are grouped {@code sentencesPerText} to a text (CoNLL's
   * document breaks are gone); Europeana pages are one text each.
   */
  public static List<AnnotatedText> read(Path file, Format format, Part part, int sentencesPerText)
      throws IOException {
    if (!Files.isRegularFile(file)) {
      throw new IOException("no such corpus file: " + file);
    }
    return format == Format.CONLL ? readConll(file, sentencesPerText) : readEuropeana(file, part);
  }

  static List<AnnotatedText> readConll(Path file, int sentencesPerText) throws IOException {
    List<AnnotatedText> out = new ArrayList<>();
    List<String> words = new ArrayList<>();
    List<String> tags = new ArrayList<>();
    List<Integer> sentences = new ArrayList<>();
    int sentence = 0;
    boolean inSentence = false;
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String line;
      while ((line = in.readLine()) != null) {
        String trimmed = line.trim();
        if (trimmed.isEmpty() || trimmed.startsWith("-DOCSTART-")) {
          if (inSentence) {
            sentence++;
            inSentence = false;
            if (sentence == sentencesPerText) {
              out.add(build(words, tags, sentences));
              sentence = 0;
            }
          }
          continue;
        }
        String[] cols = trimmed.split("\\s+");
        words.add(cols[0]);
        tags.add(cols.length > 1 ? cols[cols.length - 1] : "O");
        sentences.add(sentence);
        inSentence = true;
      }
    }
    if (!words.isEmpty()) {
      out.add(build(words, tags, sentences));
    }
    return out;
  }

  static List<AnnotatedText> readEuropeana(Path file, Part part) throws IOException {
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    List<int[]> pages = pages(file, lines);
    // the first pages that hold 80% of the lines train, the others are held out
    int trainPages = 0;
    while (trainPages < pages.size() && pages.get(trainPages)[0] - 1 < TRAIN_SHARE * lines.size()) {
      trainPages++;
    }
    List<AnnotatedText> out = new ArrayList<>();
    for (int p = 0; p < pages.size(); p++) {
      boolean train = p < trainPages;
      if ((part == Part.TRAIN && !train) || (part == Part.HELDOUT && train)) {
        continue;
      }
      List<String> words = new ArrayList<>();
      List<String> tags = new ArrayList<>();
      List<Integer> sentences = new ArrayList<>();
      int sentence = 0;
      boolean pending = false;
      for (int l = pages.get(p)[0]; l <= pages.get(p)[1]; l++) {
        String line = lines.get(l - 1).trim();
        if (line.isEmpty()) {
          continue;
        }
        int space = line.lastIndexOf(' ');
        String word = space < 0 ? line : line.substring(0, space).trim();
        String tag = space < 0 ? "O" : line.substring(space + 1);
        if (word.isEmpty()) {
          continue;
        }
        if (pending) {
          sentence++;
          pending = false;
        }
        words.add(word.replace(' ', '_'));
        tags.add(tag);
        sentences.add(sentence);
        if (isSentenceEnd(word)) {
          pending = true;
        }
      }
      if (!words.isEmpty()) {
        out.add(build(words, tags, sentences));
      }
    }
    return out;
  }

  private static boolean isSentenceEnd(String word) {
    return word.equals(".") || word.equals("!") || word.equals("?");
  }

  /**
   * Line ranges (1-based, inclusive) of the pages named in the {@code .md} beside the file.
   * Europeana's map gives the ranges of its first pages only ({@code L000???} for the others); the
   * lines after the last known page are cut into pages of about 5,000 lines, each ending at a
   * sentence end.
   */
  private static List<int[]> pages(Path file, List<String> lines) throws IOException {
    String name = file.getFileName().toString();
    Path md = file.resolveSibling(name.substring(0, name.lastIndexOf('.')) + ".md");
    List<int[]> pages = new ArrayList<>();
    int next = 1;
    if (Files.isRegularFile(md)) {
      for (String line : Files.readAllLines(md, StandardCharsets.UTF_8)) {
        Matcher m = PAGE.matcher(line);
        if (m.find()) {
          int from = Integer.parseInt(m.group(1));
          int to = Math.min(Integer.parseInt(m.group(2)), lines.size());
          if (from == next && to >= from) {
            pages.add(new int[] {from, to});
            next = to + 1;
          }
        }
      }
    }
    while (next <= lines.size()) {
      int to = Math.min(lines.size(), next + 4999);
      while (to < lines.size() && !isSentenceEnd(lines.get(to - 1).split(" ")[0])) {
        to++;
      }
      pages.add(new int[] {next, to});
      next = to + 1;
    }
    return pages;
  }

  /** Tokens and gold spans of words with IOB1 or IOB2 tags. */
  static AnnotatedText build(List<String> words, List<String> tags, List<Integer> sentences) {
    int[] sentenceOf = new int[sentences.size()];
    for (int i = 0; i < sentenceOf.length; i++) {
      sentenceOf[i] = sentences.get(i);
    }
    NameTokens tokens = NameTokens.of(words, sentenceOf);
    List<NameSpan> spans = new ArrayList<>();
    int i = 0;
    int n = words.size();
    while (i < n) {
      String tag = tags.get(i);
      if (tag.equals("O") || tag.length() < 3) {
        i++;
        continue;
      }
      String type = tag.substring(2);
      int j = i + 1;
      while (j < n
          && tags.get(j).startsWith("I-")
          && tags.get(j).substring(2).equals(type)
          && sentenceOf[j] == sentenceOf[i]) {
        j++;
      }
      int b = tokens.begin(i);
      int e = tokens.end(j - 1);
      spans.add(new NameSpan(i, j, EntityType.parse(type), b, e, tokens.text().substring(b, e)));
      i = j;
    }
    words.clear();
    tags.clear();
    sentences.clear();
    return new AnnotatedText(tokens, spans);
  }
}
