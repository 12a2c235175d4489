package org.gazette.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gazette.Gazette;
import org.gazette.cli.CommandDefaults;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The readers of the properties file agree: Gazette (Java) reads every key that sets a command's
 * option; bash (jobs/lib/properties.sh, for jobs/gazette and jobs/nightly.sh) and the Airflow DAG
 * read only the launchers' keys, the same list; all three read a file into the same keys and
 * values; jobs/gazette.properties names only keys that exist, and as shipped changes no option.
 */
class PropertiesReadersTest {

  private static final Path HOME = Path.of(System.getProperty("basedir", "")).toAbsolutePath();
  private static final Path JOBS = HOME.resolve("jobs");
  private static final Path DEFAULT_PROPERTIES = JOBS.resolve("gazette.properties");

  /** A gazette.* key in a text, not part of a path or a longer name (jobs/gazette.properties). */
  private static final Pattern KEY = Pattern.compile("(?<![\\w/.-])gazette(\\.[a-z][a-z-]*)+");

  @TempDir Path temp;

  /** Runs {@code script} in bash in the project folder, with {@code args} as $1...; its output. */
  private static String bash(String script, String... args)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("bash", "-c", script, "bash"));
    command.addAll(Arrays.asList(args));
    Process bash = new ProcessBuilder(command).directory(HOME.toFile()).start();
    String out = new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    String err = new String(bash.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(bash.waitFor(60, TimeUnit.SECONDS)).isTrue();
    return out + err;
  }

  private static Set<String> keysIn(String text) {
    Set<String> keys = new TreeSet<>();
    Matcher m = KEY.matcher(text);
    while (m.find()) {
      keys.add(m.group());
    }
    return keys;
  }

  @Test
  void theLaunchersReadTheSameKeysAndOnlyTheirs() throws Exception {
    Set<String> java = new TreeSet<>(CommandDefaults.LAUNCHER_KEYS);

    String listed = bash(". jobs/lib/properties.sh; printf '%s\\n' \"${props_gazette_keys[@]}\"");
    assertThat(new TreeSet<>(listed.lines().toList())).as("props_gazette_keys").isEqualTo(java);

    // What the scripts and the DAG read: props_get KEY, setting(SETTINGS, "KEY", ...).
    Set<String> scripts = new TreeSet<>();
    for (String script : List.of("gazette", "nightly.sh")) {
      Matcher m =
          Pattern.compile("props_get (gazette\\.[a-z.-]+)")
              .matcher(Files.readString(JOBS.resolve(script)));
      while (m.find()) {
        scripts.add(m.group(1));
      }
    }
    assertThat(scripts).as("the keys jobs/gazette and jobs/nightly.sh read").isEqualTo(java);
    Set<String> dag = new TreeSet<>();
    Matcher m =
        Pattern.compile("setting\\(SETTINGS, \"(gazette\\.[a-z.-]+)\"")
            .matcher(Files.readString(JOBS.resolve("airflow/gazette_nightly.py")));
    while (m.find()) {
      dag.add(m.group(1));
    }
    assertThat(dag)
        .as("the keys the DAG reads")
        .containsExactlyInAnyOrder("gazette.submit.jar", "gazette.submit.properties");
    assertThat(java).containsAll(dag);
  }

  @Test
  void theLaunchersAndGazetteRefuseTheOldKeysInTheSameWords() throws Exception {
    for (String key : CommandDefaults.MOVED.keySet()) {
      Path file = Files.writeString(temp.resolve("old.properties"), key + "=x\n");
      String bash =
          bash(". jobs/lib/properties.sh; props_load \"$1\"; props_check \"$1\"", file.toString());
      java.io.StringWriter err = new java.io.StringWriter();
      int status =
          Gazette.execute(
              new java.io.PrintWriter(new java.io.StringWriter()),
              new java.io.PrintWriter(err, true),
              "--properties",
              file.toString(),
              "--version");
      assertThat(status).isEqualTo(2);
      assertThat(bash).as(key).isEqualTo(err.toString()).startsWith("gazette: " + file + ": ");
    }
  }

  @Test
  void theShippedFileNamesOnlyKeysThatExistWithTheDefaultsAsExamples() throws Exception {
    CommandLine root = new CommandLine(new Gazette());
    Map<String, OptionSpec> options = CommandDefaults.keys(root);
    String text = Files.readString(DEFAULT_PROPERTIES);

    Set<String> named = keysIn(text);
    assertThat(named).contains("gazette.nightly.input", "gazette.heap");
    for (String key : named) {
      assertThat(CommandDefaults.LAUNCHER_KEYS.contains(key) || options.containsKey(key))
          .as("%s in %s is a launcher's key or an option's", key, DEFAULT_PROPERTIES)
          .isTrue();
    }
    // The examples, "# gazette.COMMAND.OPTION=VALUE", hold the option's built-in default.
    Matcher example = Pattern.compile("(?m)^# (gazette\\.[a-z.-]+)=(.*)$").matcher(text);
    int examples = 0;
    while (example.find()) {
      OptionSpec option = options.get(example.group(1));
      if (option != null) {
        examples++;
        assertThat(example.group(2)).as(example.group()).isEqualTo(option.defaultValue());
      }
    }
    assertThat(examples).isPositive();
    // As shipped, the file sets no option (the launchers' keys only).
    assertThat(CommandDefaults.gazetteKeys(DEFAULT_PROPERTIES.toString(), "the file").keySet())
        .allMatch(CommandDefaults.LAUNCHER_KEYS::contains);
  }

  @Test
  void theShippedFileChangesNoOptionOfAnyCommand() {
    for (String command : List.of("nightly", "topics train", "graph")) {
      List<String> args = new ArrayList<>(List.of(command.split(" ")));
      CommandLine plain = new CommandLine(new Gazette());
      CommandDefaults.addPropertiesOption(plain);
      CommandLine.ParseResult without = last(plain.parseArgs(args.toArray(String[]::new)));
      args.addAll(List.of("--properties", DEFAULT_PROPERTIES.toString()));
      CommandLine withFile = new CommandLine(new Gazette());
      CommandDefaults.install(withFile, args.toArray(String[]::new));
      CommandLine.ParseResult with = last(withFile.parseArgs(args.toArray(String[]::new)));
      for (OptionSpec option : without.commandSpec().options()) {
        if (option.longestName().equals(CommandDefaults.OPTION)) {
          continue;
        }
        Object fromFile = with.commandSpec().findOption(option.longestName()).getValue();
        Object builtIn = option.getValue();
        assertThat(fromFile).as("%s %s", command, option.longestName()).isEqualTo(builtIn);
      }
    }
  }

  private static CommandLine.ParseResult last(CommandLine.ParseResult parsed) {
    return parsed.hasSubcommand() ? last(parsed.subcommand()) : parsed;
  }

  @Test
  void bashPythonAndJavaReadAFileAlike() throws Exception {
    List<String> lines =
        List.of(
            "# a comment",
            "! a comment too",
            "   # an indented comment",
            "",
            "   ",
            "gazette.a=1",
            "gazette.b = spaced   ",
            "gazette.c: colon",
            "gazette.d value with spaces",
            "gazette.e\tafter a tab",
            "gazette.f=",
            "gazette.g=first",
            "gazette.g=second",
            "gazette.h==x",
            "gazette.i=a=b:c",
            "gazette.j = é ünïcode",
            "   gazette.k=indented",
            "gazette.l:",
            "gazette.m   ",
            "spark.sql.shuffle.partitions = 8",
            "gazette.n=value # not a comment",
            "gazette.o=last line, no line end");
    Path file = temp.resolve("tricky.properties");
    Files.writeString(file, String.join("\r\n", lines), StandardCharsets.UTF_8);

    Map<String, String> java = CommandDefaults.gazetteKeys(file.toString(), "the file");
    assertThat(java)
        .containsEntry("gazette.b", "spaced")
        .containsEntry("gazette.d", "value with spaces")
        .containsEntry("gazette.e", "after a tab")
        .containsEntry("gazette.f", "")
        .containsEntry("gazette.g", "second")
        .containsEntry("gazette.h", "=x")
        .containsEntry("gazette.j", "é ünïcode")
        .containsEntry("gazette.m", "")
        .containsEntry("gazette.o", "last line, no line end")
        .hasSize(15);

    String bash =
        bash(
            ". jobs/lib/properties.sh; props_load \"$1\";"
                + " for ((i = 0; i < ${#props_keys[@]}; i++)); do"
                + " printf '%s=%s\\n' \"${props_keys[i]}\" \"${props_values[i]}\"; done",
            file.toString());
    assertThat(gazetteKeys(bash)).as("bash: %s", bash).isEqualTo(java);

    boolean python =
        Arrays.stream(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
            .anyMatch(dir -> Files.isExecutable(Path.of(dir, "python3")));
    Assumptions.assumeTrue(python, "python3 is not on the PATH");
    Process check =
        new ProcessBuilder(
                "python3",
                "-B",
                JOBS.resolve("airflow/check_gazette_nightly.py").toString(),
                "--read",
                file.toString())
            .redirectErrorStream(true)
            .start();
    String read = new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(check.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(check.exitValue()).as(read).isZero();
    assertThat(gazetteKeys(read)).as("the DAG: %s", read).isEqualTo(java);
  }

  /** The gazette.* keys of key=value lines. */
  private static Map<String, String> gazetteKeys(String lines) {
    Map<String, String> keys = new TreeMap<>();
    for (String line : lines.lines().toList()) {
      int eq = line.indexOf('=');
      if (line.startsWith("gazette.") && eq > 0) {
        keys.put(line.substring(0, eq), line.substring(eq + 1));
      }
    }
    return keys;
  }
}
