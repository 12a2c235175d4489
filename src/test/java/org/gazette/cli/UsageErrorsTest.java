package org.gazette.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.gazette.Gazette;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Every option of every command given a bad value, on the command line and as its key in a
 * properties file: exit status 2, one line that names the option (and the key and the file), no
 * stack trace, and nothing written under the output folder. The options are read from the commands
 * themselves, so that a new option is tested the day it is added.
 */
class UsageErrorsTest {

  @TempDir static Path temp;

  private static final java.util.concurrent.atomic.AtomicInteger CASES =
      new java.util.concurrent.atomic.AtomicInteger();

  /** A regular file: a path under it cannot be created. */
  private static Path aFile;

  @BeforeAll
  static void files() throws IOException {
    aFile = Files.writeString(temp.resolve("a-file"), "not a folder");
    Files.writeString(temp.resolve("feed.jsonl"), "{\"id\":\"1\"}\n");
    Files.writeString(temp.resolve("train.conll"), "-DOCSTART- -X- -X- O\n\nKim NNP B-NP B-PER\n");
  }

  /** The commands, with the required options each needs besides the one under test. */
  private static final Map<String, List<String>> COMMANDS =
      Map.of(
          "nightly", List.of(),
          "topics train", List.of(),
          "graph", List.of(),
          "ingest", List.of("--input", "FEED"),
          "generate", List.of(),
          "ner train", List.of("--lang", "en", "--data", "CONLL"),
          "ner evaluate", List.of("--lang", "en", "--data", "CONLL"),
          "ner tag", List.of("--lang", "en"));

  /** Bad values of options whose type accepts them but whose setting does not. */
  private static final Map<String, String> BAD =
      Map.ofEntries(
          Map.entry("--k", "1"),
          Map.entry("--min-docs", "0"),
          Map.entry("--max-doc-share", "2"),
          Map.entry("--vocabulary", "1"),
          Map.entry("--min-articles", "0"),
          Map.entry("--max-articles", "0"),
          Map.entry("--iterations", "0"),
          Map.entry("--min-similarity", "2"),
          Map.entry("--trend-window", "0"),
          Map.entry("--trend-min-history", "0"),
          Map.entry("--trend-min-like-days", "0"),
          Map.entry("--trend-min-support", "0"),
          Map.entry("--trend-min-score", "-1"),
          Map.entry("--trend-top", "0"),
          Map.entry("--max-phrase-words", "4"),
          Map.entry("--min-phrase-docs", "0"),
          Map.entry("--pair-entities", "1"),
          Map.entry("--min-pair-docs", "0"),
          Map.entry("--term-buffer", "0"),
          Map.entry("--partitions", "-1"),
          Map.entry("--chunk-days", "0"),
          Map.entry("--max-pass-rows", "-1"),
          Map.entry("--max-edges", "0"),
          Map.entry("--articles", "-1"),
          Map.entry("--days", "0"),
          Map.entry("--invalid-share", "2"),
          Map.entry("--duplicate-share", "2"),
          Map.entry("--near-duplicate-share", "2"),
          Map.entry("--html-share", "2"),
          Map.entry("--missing-language-share", "2"),
          Map.entry("--epochs", "0"),
          Map.entry("--bits", "0"),
          Map.entry("--right-extension", "-2"),
          Map.entry("--headline-share", "2"),
          Map.entry("--prune", "2"),
          Map.entry("--sentences-per-text", "0"),
          Map.entry("--rounds", "0"),
          Map.entry("--errors", "-1"),
          Map.entry("--format", "pdf"),
          Map.entry("--types", "PERSONS"),
          Map.entry("--part", "nowhere"),
          Map.entry("--lang", "xx"),
          Map.entry("--map", "nonsense"),
          Map.entry("--conf", "no-equals-sign"),
          Map.entry("--master", "nowhere://x"),
          Map.entry("--date", "yesterday"),
          Map.entry("--from", "2023-13-01"),
          Map.entry("--to", "2023-02-30"),
          Map.entry("--start", "someday"),
          Map.entry("--seed", "x"),
          Map.entry("--reference", "MISSING"),
          Map.entry("--tracked", "MISSING"),
          Map.entry("--model", "MISSING"),
          Map.entry("--data", "MISSING"),
          Map.entry("--input", "MISSING"),
          Map.entry("--output", "UNDER_A_FILE"),
          Map.entry("--out", "UNDER_A_FILE"),
          Map.entry("--file", "UNDER_A_FILE"));

  /**
   * The options not tried as keys: those a properties file cannot set (it refuses their keys:
   * CommandDefaultsTest), and {@code --lang} of ner, which takes any language (on the command line,
   * its case fails because the command is given {@code --lang} twice).
   */
  private static final List<String> NO_KEY =
      List.of("--master", "--conf", "--properties", "--lang");

  static Stream<Arguments> badValues() {
    CommandLine root = new CommandLine(new Gazette());
    CommandDefaults.addPropertiesOption(root);
    List<Arguments> cases = new ArrayList<>();
    for (String command : COMMANDS.keySet().stream().sorted().toList()) {
      CommandLine cli = root;
      for (String word : command.split(" ")) {
        cli = cli.getSubcommands().get(word);
      }
      for (OptionSpec option : cli.getCommandSpec().options()) {
        if (option.usageHelp() || option.versionHelp()) {
          continue;
        }
        String flag = option.longestName();
        String value =
            option.arity().max() == 0
                ? flag + "=maybe" // a flag takes no value
                : BAD.getOrDefault(flag, "x");
        cases.add(Arguments.of("flag", command, flag, value));
        if (!NO_KEY.contains(flag)) {
          String key = "gazette." + command.replace(' ', '.') + "." + flag.substring(2);
          cases.add(Arguments.of(key, command, flag, value.replace(flag + "=", "")));
        }
      }
    }
    return cases.stream();
  }

  @ParameterizedTest(name = "{1} {2} {3} ({0})")
  @MethodSource("badValues")
  void aBadValueIsOneLineNamingTheOptionAndNothingIsWritten(
      String source, String command, String flag, String value) throws IOException {
    boolean inFile = !source.equals("flag");
    // A name that holds no flag: the message must name the flag itself, not the output.
    Path output = temp.resolve("out-" + CASES.incrementAndGet());
    List<String> args = new ArrayList<>(List.of(command.split(" ")));
    List<String> base = COMMANDS.get(command);
    for (int i = 0; i < base.size(); i += 2) {
      if (!(inFile && base.get(i).equals(flag))) { // the file's value, not the command line's
        args.addAll(List.of(base.get(i), resolve(base.get(i + 1))));
      }
    }
    if (!flag.equals("--output") && !flag.equals("--out") && !command.startsWith("ner")) {
      args.addAll(List.of("--output", output.toString()));
    }
    if (command.equals("ner train") && !flag.equals("--out")) {
      args.addAll(List.of("--out", output.resolve("model").toString()));
    }
    Path file = temp.resolve(source + "-" + command.replace(' ', '-') + ".properties");
    if (inFile) {
      Files.writeString(file, source + "=" + resolve(value) + "\n");
      args.addAll(List.of("--properties", file.toString()));
    } else if (value.startsWith(flag + "=")) {
      args.add(value);
    } else {
      args.addAll(List.of(flag, resolve(value)));
    }
    if (command.equals("ner tag")) {
      args.add("Vladimir Putin");
    }
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int status =
        Gazette.execute(
            new PrintWriter(out, true), new PrintWriter(err, true), args.toArray(String[]::new));

    String said = err.toString();
    assertThat(status).as("exit status of %s; it said: %s", args, said).isEqualTo(2);
    assertThat(said.lines().toList()).as("what %s said", args).hasSize(1);
    assertThat(said).as("what %s said", args).contains(flag).doesNotContain("Exception", "\tat ");
    if (inFile) {
      assertThat(said).as("what %s said", args).contains(source + " in " + file + ")");
    }
    assertThat(output).as("the output of %s", args).doesNotExist();
  }

  private static String resolve(String value) {
    return switch (value) {
      case "FEED" -> temp.resolve("feed.jsonl").toString();
      case "CONLL" -> temp.resolve("train.conll").toString();
      // .jsonl: ingest tells the format of its --input from the name before it looks for it.
      case "MISSING" -> temp.resolve("no-such-thing.jsonl").toString();
      case "UNDER_A_FILE" -> aFile.resolve("out").toString();
      default -> value;
    };
  }
}
