package org.gazette.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.gazette.Check;
import org.gazette.UsageException;
import org.gazette.ner.AnnotatedText;
import org.gazette.ner.NameEvaluation;
import org.gazette.ner.NameSpan;
import org.gazette.ner.NameTagger;
import org.gazette.ner.NameTokenizer;
import org.gazette.ner.NameTokens;
import org.gazette.ner.NameTrainer;
import org.gazette.ner.NerCorpus;
import org.gazette.text.TextCleaner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code gazette ner}: train, evaluate and try the named-entity recognizer (no Spark). */
@Command(
    name = "ner",
    mixinStandardHelpOptions = true,
    description = "Train, evaluate and try the named-entity recognizer (plain Java, no Spark).",
    subcommands = {NerCommand.Train.class, NerCommand.Evaluate.class, NerCommand.Tag.class})
public final class NerCommand implements Runnable {

  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new picocli.CommandLine.ParameterException(
        spec.commandLine(), "name a subcommand: train, evaluate or tag");
  }

  static List<AnnotatedText> read(
      List<Path> files, String format, NerCorpus.Part part, int sentencesPerText) {
    List<AnnotatedText> texts = new ArrayList<>();
    for (Path file : files) {
      NerCorpus.Format f;
      if (format == null) {
        f = NerCorpus.Format.guess(file);
      } else {
        try {
          f = NerCorpus.Format.valueOf(format.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
          throw new UsageException("--format must be conll or europeana, not '" + format + "'");
        }
      }
      try {
        texts.addAll(NerCorpus.read(file, f, part, sentencesPerText));
      } catch (IOException e) {
        throw new UsageException("cannot read --data " + file + ": " + e.getMessage(), e);
      }
    }
    return texts;
  }

  static NerCorpus.Part part(String part) {
    try {
      return NerCorpus.Part.valueOf(part.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new UsageException("--part must be train, heldout or all, not '" + part + "'");
    }
  }

  /** {@code gazette ner train}. */
  @Command(
      name = "train",
      mixinStandardHelpOptions = true,
      description = {
        "Train a model on CoNLL (IOB1/IOB2) or Europeana (.bio) files and write it.",
        "Europeana files give their first 80% of pages (--part train). The bundled models are:",
        "  ner train --lang en --data ../shared/data/conll2003-en/eng.train"
            + " --out src/main/resources/org/gazette/ner/en.model",
        "  ner train --lang fr --data ../shared/data/europeana-fr-ner/enp_FR.bnf.bio"
            + " --data ../shared/data/conll2003-en/eng.train"
            + " --out src/main/resources/org/gazette/ner/fr.model"
      })
  static final class Train implements Callable<Integer> {
    private static final Logger LOG = LoggerFactory.getLogger(Train.class);

    @Option(names = "--lang", required = true, description = "language of the model: en, fr, …")
    String lang;

    @Option(names = "--data", required = true, description = "annotated file (repeatable)")
    List<Path> data;

    @Option(names = "--format", description = "conll or europeana (default: from the file name)")
    String format;

    @Option(
        names = "--part",
        defaultValue = "train",
        description = "pages of Europeana files: train, heldout, all (default: ${DEFAULT-VALUE})")
    String part;

    @Option(names = "--out", required = true, description = "model file to write")
    Path out;

    @Option(names = "--epochs", defaultValue = "12", description = "(default: ${DEFAULT-VALUE})")
    int epochs;

    @Option(
        names = "--bits",
        defaultValue = "18",
        description = "feature hash bits (default: ${DEFAULT-VALUE})")
    int bits;

    @Option(
        names = "--right-extension",
        defaultValue = "-1",
        description =
            "lower-case words after a capitalised run that may end a name (default: 4 for fr,"
                + " 1 otherwise)")
    int rightExtension;

    @Option(
        names = "--headline-share",
        defaultValue = "-1",
        description =
            "share of sentences also trained in Title Case (default: 0.15 for en, 0 otherwise)")
    double headlineShare;

    @Option(
        names = "--prune",
        defaultValue = "0.05",
        description = "drop weights smaller than this (default: ${DEFAULT-VALUE})")
    float prune;

    @Option(names = "--seed", defaultValue = "1", description = "(default: ${DEFAULT-VALUE})")
    long seed;

    @Override
    public Integer call() throws IOException {
      String language = lang.toLowerCase(Locale.ROOT);
      data.forEach(d -> PathChecks.existing("--data", d.toString()));
      PathChecks.creatable("--out", out.toString());
      Check.option(epochs >= 1, "--epochs", "at least 1", epochs);
      Check.option(bits >= 12 && bits <= 24, "--bits", "from 12 to 24", bits);
      Check.option(
          rightExtension >= -1 && rightExtension <= 8,
          "--right-extension",
          "from 0 to 8, or -1 for the language's default",
          rightExtension);
      Check.option(
          headlineShare == -1 || (headlineShare >= 0 && headlineShare <= 1),
          "--headline-share",
          "from 0 to 1, or -1 for the language's default",
          headlineShare);
      Check.option(prune >= 0 && prune < 1, "--prune", "from 0 to less than 1", prune);
      List<AnnotatedText> texts = read(data, format, part(part), 1);
      int extension = rightExtension >= 0 ? rightExtension : language.equals("fr") ? 4 : 1;
      double headlines = headlineShare >= 0 ? headlineShare : language.equals("en") ? 0.15 : 0;
      NameTrainer.Options options;
      try {
        options =
            new NameTrainer.Options(language, bits, extension, epochs, seed, headlines, prune);
      } catch (IllegalArgumentException e) {
        throw new UsageException(e.getMessage());
      }
      long began = System.nanoTime();
      NameTrainer.Result result = NameTrainer.train(texts, options);
      result.write(out);
      LOG.info(
          "trained {} in {} s: {}",
          language,
          String.format(Locale.ROOT, "%.1f", (System.nanoTime() - began) / 1e9),
          result.summary());
      System.out.printf(
          Locale.ROOT, "wrote %s (%,d bytes): %s%n", out, Files.size(out), result.summary());
      return 0;
    }
  }

  /** {@code gazette ner evaluate}. */
  @Command(
      name = "evaluate",
      mixinStandardHelpOptions = true,
      description = {
        "Precision, recall and F1 per type with exact span match (CoNLL), and speed.",
        "Europeana files give their last 20% of pages (--part heldout)."
      })
  static final class Evaluate implements Callable<Integer> {
    @Option(names = "--lang", required = true, description = "language: en, fr, …")
    String lang;

    @Option(names = "--data", required = true, description = "annotated file (repeatable)")
    List<Path> data;

    @Option(names = "--format", description = "conll or europeana (default: from the file name)")
    String format;

    @Option(
        names = "--part",
        defaultValue = "heldout",
        description = "pages of Europeana files: train, heldout, all (default: ${DEFAULT-VALUE})")
    String part;

    @Option(names = "--model", description = "model file (default: the bundled model of --lang)")
    Path model;

    @Option(
        names = "--sentences-per-text",
        defaultValue = "1",
        description = "CoNLL sentences tagged as one text (default: ${DEFAULT-VALUE})")
    int sentencesPerText;

    @Option(
        names = "--rounds",
        defaultValue = "4",
        description = "timed passes after warm-up (default: ${DEFAULT-VALUE})")
    int rounds;

    @Option(names = "--errors", defaultValue = "0", description = "print this many wrong names")
    int errors;

    @Override
    public Integer call() throws IOException {
      data.forEach(d -> PathChecks.existing("--data", d.toString()));
      if (model != null) {
        PathChecks.existing("--model", model.toString());
      }
      Check.option(sentencesPerText >= 1, "--sentences-per-text", "at least 1", sentencesPerText);
      Check.option(rounds >= 1, "--rounds", "at least 1", rounds);
      Check.option(errors >= 0, "--errors", "0 or more", errors);
      NameTagger tagger = model == null ? NameTagger.forLanguage(lang) : NameTagger.load(model);
      List<AnnotatedText> texts = read(data, format, part(part), sentencesPerText);
      NameEvaluation evaluation = NameEvaluation.evaluate(tagger, texts, rounds);
      PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
      out.printf(Locale.ROOT, "model %s, %,d texts%n", tagger.language(), texts.size());
      out.print(evaluation.report());
      int shown = 0;
      for (AnnotatedText t : texts) {
        if (shown >= errors) {
          break;
        }
        List<NameSpan> found = tagger.tag(t.tokens());
        for (NameSpan s : found) {
          if (!t.names().contains(s) && shown++ < errors) {
            out.println("  false  " + s + "   | " + context(t.tokens(), s));
          }
        }
        for (NameSpan s : t.names()) {
          if (!found.contains(s) && shown++ < errors) {
            out.println("  missed " + s + "   | " + context(t.tokens(), s));
          }
        }
      }
      out.flush();
      return 0;
    }

    private static String context(NameTokens t, NameSpan s) {
      int b = t.begin(Math.max(0, s.start() - 4));
      int e = t.end(Math.min(t.size() - 1, s.end() + 3));
      return t.text().substring(b, e).replace('\n', ' ');
    }
  }

  /** {@code gazette ner tag}. */
  @Command(
      name = "tag",
      mixinStandardHelpOptions = true,
      description = "Print the names found in a text file (or in the text given), one a line.")
  static final class Tag implements Callable<Integer> {
    @Option(names = "--lang", required = true, description = "language: en, fr, …")
    String lang;

    @Option(names = "--model", description = "model file (default: the bundled model of --lang)")
    Path model;

    @Parameters(paramLabel = "FILE|TEXT", description = "a file, or the text itself")
    String input;

    @Override
    public Integer call() throws IOException {
      if (model != null) {
        PathChecks.existing("--model", model.toString());
      }
      NameTagger tagger = model == null ? NameTagger.forLanguage(lang) : NameTagger.load(model);
      Path file = Path.of(input);
      String text =
          Files.isRegularFile(file) ? Files.readString(file, StandardCharsets.UTF_8) : input;
      NameTokens tokens = NameTokenizer.tokenize(TextCleaner.clean(text));
      PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
      for (NameSpan s : tagger.tag(tokens)) {
        out.printf(Locale.ROOT, "%-5s %s%n", s.type(), s.text());
      }
      out.flush();
      return 0;
    }
  }
}
