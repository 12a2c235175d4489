package org.gazette.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gazette.Gazette;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The properties file as the defaults of the commands' options: its keys, the precedence of the
 * command line, and the one-line refusals of a bad file. No Spark: the commands are parsed, or
 * stopped by a usage error before they start a session.
 */
class CommandDefaultsTest {

  @TempDir Path temp;

  private record Result(int status, String out, String err) {}

  private static Result run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int status = Gazette.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
    return new Result(status, out.toString(), err.toString());
  }

  private Path file(String... lines) throws IOException {
    return Files.writeString(
        Files.createTempFile(temp, "gazette", ".properties"), String.join("\n", lines) + "\n");
  }

  /** The command {@code args} name, parsed with the defaults of {@code systemProperty}. */
  private static CommandSpec parse(String systemProperty, String... args) {
    CommandLine root = new CommandLine(new Gazette());
    CommandDefaults.install(root, systemProperty, List.of(args));
    CommandLine.ParseResult parsed = root.parseArgs(args);
    while (parsed.hasSubcommand()) {
      parsed = parsed.subcommand();
    }
    return parsed.commandSpec();
  }

  private static Object value(CommandSpec command, String option) {
    return command.findOption(option).getValue();
  }

  @Test
  void aKeySetsTheDefaultOfItsOption() throws Exception {
    Path file =
        file(
            "gazette.nightly.trend-top = 77  ",
            "gazette.nightly.input: corpus",
            "gazette.nightly.trends=false",
            "gazette.nightly.skip-corrupt-files=true",
            "gazette.nightly.min-phrase-docs=",
            "gazette.topics.train.k 12");

    CommandSpec nightly = parse(null, "nightly", "--properties", file.toString());
    assertThat(value(nightly, "--trend-top")).isEqualTo(77);
    assertThat(value(nightly, "--input")).isEqualTo("corpus");
    assertThat(value(nightly, "--trends")).isEqualTo(false);
    assertThat(value(nightly, "--skip-corrupt-files")).isEqualTo(true);
    assertThat(value(nightly, "--min-phrase-docs")).as("a key set to nothing").isEqualTo(2);
    assertThat(value(nightly, "--output")).as("no key").isEqualTo("out");

    CommandSpec train = parse(null, "topics", "train", "--properties=" + file);
    assertThat(value(train, "--k")).isEqualTo(12);

    // The help shows the file's values as the defaults.
    Result help = run("nightly", "--properties", file.toString(), "--help");
    assertThat(help.status()).as(help.err()).isZero();
    assertThat(help.out()).contains("(default: 77)").contains("--properties=FILE");
  }

  @Test
  void theFileComesFromTheOptionElseTheSystemProperty() throws Exception {
    Path property = file("gazette.nightly.trend-top=11");
    Path option = file("gazette.nightly.trend-top=22");

    assertThat(value(parse(property.toString(), "nightly"), "--trend-top")).isEqualTo(11);
    assertThat(
            value(
                parse(property.toString(), "nightly", "--properties", option.toString()),
                "--trend-top"))
        .isEqualTo(22);
    assertThat(value(parse(null, "nightly"), "--trend-top")).isEqualTo(50);
  }

  @Test
  void theCommandLineWinsOverTheFile() throws Exception {
    Path file = file("gazette.nightly.trend-top=77", "gazette.graph.types=PER,ORG");
    assertThat(
            value(
                parse(null, "nightly", "--properties", file.toString(), "--trend-top", "5"),
                "--trend-top"))
        .isEqualTo(5);
    assertThat(
            value(
                parse(null, "graph", "--properties", file.toString(), "--types", "LOC"), "--types"))
        .isEqualTo(List.of("LOC"));

    // Every flag of every command: given on the command line, it wins over the file's value,
    // whichever the file holds (picocli would turn a plain flag whose default is true to false).
    CommandLine root = new CommandLine(new Gazette());
    for (String value : List.of("true", "false")) {
      for (Map.Entry<String, OptionSpec> entry : CommandDefaults.keys(root).entrySet()) {
        OptionSpec option = entry.getValue();
        if (option.arity().max() != 0) {
          continue;
        }
        List<String> lines = new ArrayList<>(List.of(entry.getKey() + "=" + value));
        List<String> args = new ArrayList<>(List.of(command(option).split(" ")));
        required(option.command(), lines);
        args.addAll(List.of("--properties", file(lines.toArray(String[]::new)).toString()));
        String flag = option.longestName();
        boolean negate = option.negatable() && value.equals("true");
        args.add(negate ? "--no-" + flag.substring(2) : flag);
        assertThat(value(parse(null, args.toArray(String[]::new)), flag))
            .as("%s with %s", args, lines)
            .isEqualTo(!negate);
      }
    }
  }

  /** {@code nightly}, {@code topics train}: the command of {@code option}. */
  private static String command(OptionSpec option) {
    String key = CommandDefaults.key(option);
    String path = key.substring("gazette.".length(), key.lastIndexOf('.'));
    return path.replace('.', ' ');
  }

  /** Keys for the required options of {@code command}, so that it parses. */
  private static void required(CommandSpec command, List<String> lines) {
    for (OptionSpec option : command.options()) {
      if (option.required()) {
        lines.add(CommandDefaults.key(option) + "=x");
      }
    }
  }

  @Test
  void aKeyMayGiveARequiredOption() throws Exception {
    Path file = file("gazette.ingest.input=feed.jsonl", "gazette.ingest.output=corpus");
    CommandSpec ingest = parse(null, "ingest", "--properties", file.toString());
    assertThat(value(ingest, "--input")).isEqualTo("feed.jsonl");
    assertThat(value(ingest, "--output")).isEqualTo("corpus");
  }

  @Test
  void aBadValueIsTheOptionsUsageErrorNamingTheKeyAndTheFile() throws Exception {
    Path output = temp.resolve("out");
    Path notAnInt = file("gazette.nightly.trend-window=x");
    Result picocli =
        run("nightly", "--properties", notAnInt.toString(), "--output", output.toString());
    assertThat(picocli.status()).isEqualTo(2);
    assertThat(picocli.err().lines().toList())
        .containsExactly(
            "gazette: Invalid value for option '--trend-window': 'x' is not an int"
                + " (gazette.nightly.trend-window in "
                + notAnInt
                + ")");

    Path zero = file("gazette.nightly.trend-window=0");
    Result checked = run("nightly", "--properties", zero.toString(), "--output", output.toString());
    assertThat(checked.status()).isEqualTo(2);
    assertThat(checked.err().lines().toList())
        .containsExactly(
            "gazette: --trend-window must be at least 1, was 0 (gazette.nightly.trend-window in "
                + zero
                + ")");

    // The same value on the command line: the flag's error, as without the file.
    Result flag =
        run(
            "nightly",
            "--properties",
            zero.toString(),
            "--trend-window",
            "0",
            "--output",
            output.toString());
    assertThat(flag.err().lines().toList())
        .containsExactly("gazette: --trend-window must be at least 1, was 0");

    // The command line wins, also over a bad value: picocli does not read the file's then.
    Result overridden =
        run(
            "nightly",
            "--properties",
            notAnInt.toString(),
            "--trend-window",
            "30",
            "--date",
            "someday",
            "--output",
            output.toString());
    assertThat(overridden.err().lines().toList())
        .containsExactly("gazette: --date someday: expected a date like 2023-08-01");

    Path both = file("gazette.nightly.from=2023-08-01");
    Result twoOptions =
        run(
            "nightly",
            "--properties",
            both.toString(),
            "--date",
            "2023-08-02",
            "--output",
            output.toString());
    assertThat(twoOptions.err().lines().toList())
        .containsExactly(
            "gazette: give --date, or --from and --to, not both (gazette.nightly.from in "
                + both
                + ")");
    assertThat(output).doesNotExist();
  }

  @Test
  void aBadKeyIsOneLineAndNothingRuns() throws Exception {
    Map<String, String> refusals = new LinkedHashMap<>();
    refusals.put(
        "gazette.nightly.trend-topp=3",
        "unknown key gazette.nightly.trend-topp (did you mean gazette.nightly.trend-top?)");
    refusals.put(
        "gazette.trend-top=3",
        "unknown key gazette.trend-top (did you mean gazette.nightly.trend-top?)");
    refusals.put("gazette.hepa=8g", "unknown key gazette.hepa (did you mean gazette.heap?)");
    refusals.put("gazette.nightly.help=true", "unknown key gazette.nightly.help");
    refusals.put("gazette.input=corpus", "gazette.input is now gazette.nightly.input");
    refusals.put("gazette.output=out", "gazette.output is now gazette.nightly.output");
    refusals.put(
        "gazette.nightly.options=--no-topics",
        "gazette.nightly.options is gone: give each nightly option a key of its own,"
            + " e.g. gazette.nightly.trend-top=100 for --trend-top 100");
    refusals.put(
        "gazette.nightly.master=local[2]",
        "gazette.nightly.master is not read: the file sets the Spark master with gazette.master"
            + " (jobs/gazette) or spark.master (spark-submit)");
    refusals.put(
        "gazette.topics.train.conf=spark.ui.enabled=false",
        "gazette.topics.train.conf is not read: the file sets Spark settings as spark.* keys");
    refusals.put(
        "gazette.nightly.properties=other.properties",
        "gazette.nightly.properties is not read: --properties names the file itself");
    Path output = temp.resolve("out");
    for (Map.Entry<String, String> refusal : refusals.entrySet()) {
      Path file = file("spark.master=yarn", refusal.getKey());
      Result result =
          run("nightly", "--properties", file.toString(), "--output", output.toString());
      assertThat(result.status()).as(refusal.getKey()).isEqualTo(2);
      assertThat(result.err().lines().toList())
          .as(refusal.getKey())
          .hasSize(1)
          .first()
          .asString()
          .startsWith("gazette: " + file + ": " + refusal.getValue());
    }
    Path two = file("gazette.hepa=8g", "gazette.input=x");
    assertThat(run("--properties", two.toString(), "--version").err().lines().toList())
        .containsExactly(
            "gazette: "
                + two
                + ": unknown key gazette.hepa (did you mean gazette.heap?);"
                + " gazette.input is now gazette.nightly.input");
    assertThat(output).doesNotExist();
  }

  @Test
  void anUnreadableFileIsOneLine() throws Exception {
    Path missing = temp.resolve("no such.properties");
    Result option = run("nightly", "--properties", missing.toString());
    assertThat(option.status()).isEqualTo(2);
    assertThat(option.err().lines().toList())
        .containsExactly("gazette: --properties " + missing + ": no such file");

    Result folder = run("nightly", "--properties", temp.toString());
    assertThat(folder.err().lines().toList())
        .containsExactly("gazette: --properties " + temp + ": a folder, not a properties file");

    Path latin1 = temp.resolve("latin1.properties");
    Files.write(latin1, new byte[] {'#', ' ', (byte) 0xe9, '\n'});
    assertThat(run("nightly", "--properties", latin1.toString()).err().lines().toList())
        .containsExactly("gazette: --properties " + latin1 + ": not UTF-8 text");

    try {
      CommandDefaults.install(
          new CommandLine(new Gazette()), missing.toString(), List.of("nightly"));
      throw new AssertionError("no refusal");
    } catch (org.gazette.UsageException e) {
      assertThat(e.getMessage())
          .isEqualTo(
              "the properties file "
                  + missing
                  + " (system property gazette.properties): no such file");
    }
  }

  @Test
  void keysOfOtherCommandsAndOfTheLaunchersAreAccepted() throws Exception {
    List<String> lines = new ArrayList<>(List.of("spark.sql.shuffle.partitions=8"));
    CommandDefaults.LAUNCHER_KEYS.forEach(key -> lines.add(key + "=something"));
    lines.addAll(
        List.of(
            "gazette.topics.train.k=12",
            "gazette.ingest.format=csv",
            "gazette.ner.tag.lang=fr",
            "gazette.graph.max-edges=10"));
    Path file = file(lines.toArray(String[]::new));
    Result result = run("nightly", "--properties", file.toString(), "--help");
    assertThat(result.status()).as(result.err()).isZero();
    assertThat(result.err()).isEmpty();
  }

  @Test
  void everyOptionHasAKeyApartFromHelpSparkAndTheFile() {
    CommandLine root = new CommandLine(new Gazette());
    Map<String, OptionSpec> keys = CommandDefaults.keys(root);
    assertThat(keys)
        .containsKeys(
            "gazette.nightly.input",
            "gazette.nightly.trend-top",
            "gazette.nightly.trends",
            "gazette.topics.train.output",
            "gazette.ingest.input",
            "gazette.ner.train.lang",
            "gazette.generate.articles")
        .doesNotContainKeys(
            "gazette.nightly.master",
            "gazette.nightly.conf",
            "gazette.nightly.help",
            "gazette.nightly.version",
            "gazette.nightly.properties");
    assertThat(keys.keySet())
        .doesNotContainAnyElementsOf(CommandDefaults.LAUNCHER_KEYS)
        .doesNotContainAnyElementsOf(CommandDefaults.MOVED.keySet())
        .allMatch(key -> key.matches("gazette(\\.[a-z]+)+\\.[a-z][a-z-]*"));
  }
}
