package org.gazette.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.gazette.ner.NameTagger;
import org.gazette.ner.NameTokenizer;
import org.gazette.ner.NameTokens;
import org.gazette.text.TextCleaner;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Named-entity recognition per text, in microseconds: tokenising alone, and tokenising then
 * tagging, on the French example article ({@code data/sample/seed-articles.jsonl}) and on an
 * English Reuters-style text (the first 60 sentences of 12 tokens or more of the CoNLL-2003
 * development part when {@code ../shared/data} is there, tables of results left out; else a
 * hand-written dispatch). Tokens per second = tokens per text (printed at setup) / time per text.
 *
 * <p>Run: {@code jobs/bench jmh -f 1 -wi 2 -i 3 NerBenchmark}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xmx2g"})
public class NerBenchmark {

  private static final String ENGLISH =
      String.join(
          " ",
          "LONDON 1996-08-22",
          "Britain's Prime Minister John Major said on Thursday that the European Commission would",
          "discuss the ban on British beef with officials from Germany and France next week.",
          "Speaking to reporters in Downing Street, Mr Major said the government had asked",
          "Brussels for a quick decision. Shares of Barclays Bank and Lloyds rose 2.5 percent",
          "on the London Stock Exchange, while the dollar fell against the mark in Frankfurt.",
          "The United Nations Security Council met in New York to discuss the crisis in Bosnia,",
          "where Bosnian Serb leader Radovan Karadzic has refused to step down, a U.N. spokesman",
          "told Reuters. Dr Smith of Oxford University said the findings were encouraging.");

  @Param({"seed-fr", "reuters-en"})
  String text;

  private String input;
  private String language;
  private NameTagger tagger;

  @Setup
  public void setup() throws IOException {
    if (text.equals("seed-fr")) {
      input = seedArticle();
      language = "fr";
    } else {
      input = conllText();
      language = "en";
    }
    tagger = NameTagger.forLanguage(language);
    NameTokens tokens = NameTokenizer.tokenize(input);
    System.out.printf(
        "%n%s: %d chars, %d tokens, %d names%n",
        text, input.length(), tokens.size(), tagger.tag(tokens).size());
  }

  @Benchmark
  public NameTokens tokenize() {
    return NameTokenizer.tokenize(input);
  }

  @Benchmark
  public int tokenizeAndTag() {
    return tagger.tag(NameTokenizer.tokenize(input)).size();
  }

  private static String seedArticle() throws IOException {
    Path seeds = Path.of("data/sample/seed-articles.jsonl");
    String line = Files.readAllLines(seeds, StandardCharsets.UTF_8).get(0);
    int body = line.indexOf("\"body\": \"") + 9;
    String json = line.substring(body, line.lastIndexOf('"'));
    return TextCleaner.clean(json.replace("\\n", "\n").replace("\\\"", "\""));
  }

  private static String conllText() throws IOException {
    Path dev = Path.of("../shared/data/conll2003-en/eng.testa");
    if (!Files.isRegularFile(dev)) {
      return ENGLISH;
    }
    List<String> sentences = new ArrayList<>();
    StringBuilder sentence = new StringBuilder();
    for (String line : Files.readAllLines(dev, StandardCharsets.UTF_8)) {
      if (line.isBlank()) {
        if (sentence.toString().split(" ").length >= 12) {
          sentences.add(sentence.toString());
        }
        sentence.setLength(0);
        if (sentences.size() == 60) {
          break;
        }
        continue;
      }
      if (sentence.length() > 0) {
        sentence.append(' ');
      }
      sentence.append(line.substring(0, line.indexOf(' ')));
    }
    return String.join("\n", sentences);
  }
}
