package org.gazette.cli;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.gazette.UsageException;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The defaults of the commands' options, from a properties file (jobs/gazette.properties).
 *
 * <p>The key of an option is {@code gazette.}, the command's name after {@code gazette} (words
 * joined by dots), a dot and the option's longest name without its dashes: {@code
 * gazette.nightly.input} for {@code nightly --input}, {@code gazette.topics.train.output} for
 * {@code topics train --output}; booleans are {@code true} or {@code false}. The command line wins
 * over the file, the file over the option's built-in default. A key set to nothing counts as not
 * set, as in jobs/lib/properties.sh. Relative paths are relative to the folder the command runs in,
 * as on the command line.
 *
 * <p>The file is the one {@code --properties FILE} names (every command has the option), else the
 * one the system property {@code gazette.properties} names (jobs/gazette sets it to the file it
 * read), else none. One file serves every command: it may hold the keys of commands other than the
 * one run. A {@code gazette.*} key that is neither an option's nor one of {@link #LAUNCHER_KEYS} is
 * refused, as is an unreadable file, before anything runs; a bad value is the usage error its
 * option would give, naming the key and the file. Other keys ({@code spark.*}) are not read here:
 * jobs/gazette and spark-submit hand them to Spark.
 */
public final class CommandDefaults implements CommandLine.IDefaultValueProvider {

  /** The option that names the file. */
  public static final String OPTION = "--properties";

  /** The system property that names the file when the command line does not. */
  public static final String SYSTEM_PROPERTY = "gazette.properties";

  /**
   * The keys of the launchers (jobs/gazette, jobs/nightly.sh, the Airflow DAG), which Gazette
   * itself does not read: the same list as {@code props_gazette_keys} in jobs/lib/properties.sh.
   */
  public static final List<String> LAUNCHER_KEYS =
      List.of(
          "gazette.master",
          "gazette.heap",
          "gazette.submit",
          "gazette.submit.command",
          "gazette.submit.options",
          "gazette.submit.jar",
          "gazette.submit.properties");

  /**
   * Keys of the launchers' first file format, now options' keys, and what replaces them: the same
   * words as jobs/lib/properties.sh says them.
   */
  public static final Map<String, String> MOVED = moved();

  private static Map<String, String> moved() {
    Map<String, String> moved = new LinkedHashMap<>();
    moved.put("gazette.input", "gazette.input is now gazette.nightly.input");
    moved.put("gazette.output", "gazette.output is now gazette.nightly.output");
    moved.put(
        "gazette.nightly.options",
        "gazette.nightly.options is gone: give each nightly option a key of its own,"
            + " e.g. gazette.nightly.trend-top=100 for --trend-top 100");
    return java.util.Collections.unmodifiableMap(moved);
  }

  /** The file as named, or null for none. */
  private final String file;

  /** The file's gazette.* keys that hold a value. */
  private final Map<String, String> values;

  /** The options given a value from the file, with their key. */
  private final IdentityHashMap<OptionSpec, String> served = new IdentityHashMap<>();

  private CommandDefaults(String file, Map<String, String> values) {
    this.file = file;
    this.values = values;
  }

  /**
   * Adds {@code --properties} to every command of {@code root}, reads the file that {@code args} or
   * the system property name, checks its keys and makes it the default provider of every command.
   * An unreadable file or a bad key is a {@link UsageException}.
   */
  public static CommandDefaults install(CommandLine root, String... args) {
    return install(root, System.getProperty(SYSTEM_PROPERTY), List.of(args));
  }

  /**
   * {@link #install(CommandLine, String...)} with {@code systemProperty} as the property's value.
   */
  static CommandDefaults install(CommandLine root, String systemProperty, List<String> args) {
    addPropertiesOption(root);
    String named = named(args);
    CommandDefaults defaults;
    if (named != null) {
      defaults = read(root, named, OPTION + " " + named);
    } else if (systemProperty != null && !systemProperty.isEmpty()) {
      defaults =
          read(
              root,
              systemProperty,
              "the properties file "
                  + systemProperty
                  + " (system property "
                  + SYSTEM_PROPERTY
                  + ")");
    } else {
      defaults = new CommandDefaults(null, Map.of());
    }
    root.setDefaultValueProvider(defaults);
    return defaults;
  }

  /** Adds {@code --properties FILE} to every command of {@code root} but help. */
  public static void addPropertiesOption(CommandLine root) {
    CommandSpec spec = root.getCommandSpec();
    if (spec.helpCommand() || spec.findOption(OPTION) != null) {
      return;
    }
    String prefix = prefix(spec);
    String keys =
        prefix.equals("gazette.")
            ? "gazette.COMMAND.OPTION keys, e.g. gazette.nightly.trend-top=100"
            : prefix + "OPTION keys, e.g. " + prefix + example(spec);
    spec.addOption(
        OptionSpec.builder(OPTION)
            .paramLabel("FILE")
            .type(String.class)
            .description(
                "read option defaults from this properties file: "
                    + keys
                    + "; the command line wins (default: the file of the system property "
                    + SYSTEM_PROPERTY
                    + ", which jobs/gazette sets)")
            .build());
    for (CommandLine sub : root.getSubcommands().values()) {
      addPropertiesOption(sub);
    }
  }

  private static String example(CommandSpec spec) {
    for (OptionSpec option : spec.options()) {
      String key = key(option);
      if (key != null && option.defaultValue() != null && !option.hidden()) {
        return key.substring(prefix(spec).length()) + "=" + option.defaultValue();
      }
    }
    for (OptionSpec option : spec.options()) {
      if (key(option) != null) {
        return key(option).substring(prefix(spec).length()) + "=…";
      }
    }
    return "OPTION=VALUE";
  }

  /** The file {@code args} names with {@code --properties}, the last one; null when none. */
  static String named(List<String> args) {
    String named = null;
    for (int i = 0; i < args.size(); i++) {
      if (args.get(i).equals("--")) {
        break;
      } else if (args.get(i).equals(OPTION) && i + 1 < args.size()) {
        named = args.get(++i);
      } else if (args.get(i).startsWith(OPTION + "=")) {
        named = args.get(i).substring(OPTION.length() + 1);
      }
    }
    return named;
  }

  /** Reads {@code file}, called {@code label} in messages, for the commands of {@code root}. */
  private static CommandDefaults read(CommandLine root, String file, String label) {
    Map<String, String> all = gazetteKeys(file, label);
    check(root, all.keySet(), file);
    Map<String, String> values = new TreeMap<>();
    all.forEach(
        (key, value) -> {
          if (!value.isEmpty()) {
            values.put(key, value);
          }
        });
    return new CommandDefaults(file, values);
  }

  /**
   * The gazette.* keys of {@code file} and their values without the whitespace around them, as
   * jobs/lib/properties.sh and spark-submit read them (java.util.Properties keeps the spaces after
   * a value); an unreadable file is a {@link UsageException} that calls it {@code label}.
   */
  public static Map<String, String> gazetteKeys(String file, String label) {
    Properties properties = new Properties();
    Path path = Path.of(file);
    if (Files.isDirectory(path)) {
      throw new UsageException(label + ": a folder, not a properties file");
    }
    try (Reader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
      properties.load(reader);
    } catch (NoSuchFileException e) {
      throw new UsageException(label + ": no such file", e);
    } catch (AccessDeniedException e) {
      throw new UsageException(label + ": cannot read it (permission denied)", e);
    } catch (CharacterCodingException e) {
      throw new UsageException(label + ": not UTF-8 text", e);
    } catch (IOException | IllegalArgumentException e) {
      throw new UsageException(label + ": cannot read it (" + e.getMessage() + ")", e);
    }
    Map<String, String> all = new TreeMap<>();
    for (String key : properties.stringPropertyNames()) {
      if (key.startsWith("gazette.")) {
        all.put(key, properties.getProperty(key).strip());
      }
    }
    return all;
  }

  /** Refuses the keys of {@code keys} that nothing reads, in one line. */
  private static void check(CommandLine root, Set<String> keys, String file) {
    Map<String, OptionSpec> known = keys(root);
    Map<String, String> refused = refusedKeys(root);
    List<String> problems = new ArrayList<>();
    for (String key : new TreeSet<>(keys)) {
      if (LAUNCHER_KEYS.contains(key) || known.containsKey(key)) {
        continue;
      }
      if (MOVED.containsKey(key)) {
        problems.add(MOVED.get(key));
      } else if (refused.containsKey(key)) {
        problems.add(refused.get(key));
      } else {
        problems.add("unknown key " + key + suggestion(key, known.keySet()));
      }
    }
    if (!problems.isEmpty()) {
      throw new UsageException(file + ": " + String.join("; ", problems));
    }
  }

  /** " (did you mean …?)" with the nearest known keys, or nothing. */
  private static String suggestion(String key, Set<String> optionKeys) {
    List<String> known = new ArrayList<>(LAUNCHER_KEYS);
    known.addAll(optionKeys);
    int best = Integer.MAX_VALUE;
    List<String> nearest = new ArrayList<>();
    for (String candidate : known) {
      int distance = distance(key, candidate);
      if (distance < best) {
        best = distance;
        nearest.clear();
      }
      if (distance == best) {
        nearest.add(candidate);
      }
    }
    if (best > Math.max(2, key.length() / 8)) {
      // No near spelling: the keys of the same option in other commands (a command left out).
      String option = key.substring(key.lastIndexOf('.') + 1);
      nearest = known.stream().filter(k -> k.endsWith("." + option)).sorted().toList();
    }
    if (nearest.isEmpty() || nearest.size() > 5) {
      return " (keys: gazette.COMMAND.OPTION, e.g. gazette.nightly.input, and "
          + String.join(", ", LAUNCHER_KEYS)
          + ")";
    }
    return " (did you mean " + String.join(" or ", nearest) + "?)";
  }

  /** The Levenshtein distance of {@code a} and {@code b}. */
  private static int distance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }

  /** The key of every option of every command of {@code root}, sorted. */
  public static SortedMap<String, OptionSpec> keys(CommandLine root) {
    SortedMap<String, OptionSpec> keys = new TreeMap<>();
    for (CommandSpec spec : commands(root)) {
      for (OptionSpec option : spec.options()) {
        String key = key(option);
        if (key != null) {
          keys.put(key, option);
        }
      }
    }
    return keys;
  }

  /** The keys of options that the file must not set, with why. */
  private static Map<String, String> refusedKeys(CommandLine root) {
    Map<String, String> refused = new TreeMap<>();
    for (CommandSpec spec : commands(root)) {
      String prefix = prefix(spec);
      for (OptionSpec option : spec.options()) {
        String key = prefix + option.longestName().replaceFirst("^-+", "");
        switch (option.longestName()) {
          case "--master" ->
              refused.put(
                  key,
                  key
                      + " is not read: the file sets the Spark master with gazette.master"
                      + " (jobs/gazette) or spark.master (spark-submit)");
          case "--conf" ->
              refused.put(key, key + " is not read: the file sets Spark settings as spark.* keys");
          case OPTION -> refused.put(key, key + " is not read: --properties names the file itself");
          default -> {}
        }
      }
    }
    return refused;
  }

  private static List<CommandSpec> commands(CommandLine root) {
    List<CommandSpec> commands = new ArrayList<>();
    Set<CommandSpec> seen = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
    List<CommandLine> todo = new ArrayList<>(List.of(root));
    while (!todo.isEmpty()) {
      CommandLine cli = todo.remove(0);
      CommandSpec spec = cli.getCommandSpec();
      if (spec.helpCommand() || !seen.add(spec)) {
        continue;
      }
      commands.add(spec);
      todo.addAll(cli.getSubcommands().values());
    }
    return commands;
  }

  /**
   * The key of {@code option}; null for the options that are not keys: help, version, {@code
   * --properties}, and {@code --master} and {@code --conf} (the file sets Spark through spark.*
   * keys and gazette.master).
   */
  static String key(OptionSpec option) {
    if (option.usageHelp() || option.versionHelp() || option.command().helpCommand()) {
      return null;
    }
    String name = option.longestName();
    if (name.equals(OPTION) || name.equals("--master") || name.equals("--conf")) {
      return null;
    }
    return prefix(option.command()) + name.replaceFirst("^-+", "");
  }

  /** {@code gazette.} and the command's name after the root, with a dot after each word. */
  private static String prefix(CommandSpec spec) {
    StringBuilder prefix = new StringBuilder();
    for (CommandSpec s = spec; s.parent() != null; s = s.parent()) {
      prefix.insert(0, s.name() + ".");
    }
    return "gazette." + prefix;
  }

  @Override
  public String defaultValue(ArgSpec arg) {
    if (!(arg instanceof OptionSpec option)) {
      return null;
    }
    String key = key(option);
    String value = key == null ? null : values.get(key);
    if (value != null) {
      served.put(option, key);
    }
    return value;
  }

  /** The file as named, or null for none. */
  public String file() {
    return file;
  }

  /**
   * {@code message}, a usage error, with the keys and the file that set the options it names, when
   * the file set them ({@code given}: the options the command line gave); null when it names none.
   */
  public String explain(String message, Predicate<OptionSpec> given) {
    Set<String> keys = new TreeSet<>();
    served.forEach(
        (option, key) -> {
          if (!given.test(option) && mentions(message, option)) {
            keys.add(key);
          }
        });
    return keys.isEmpty() ? null : message + " (" + String.join(", ", keys) + " in " + file + ")";
  }

  /**
   * {@code message}, an error of picocli's about {@code arg} (a value it could not convert), with
   * the key and the file when the value is the file's: the file set the option and the command line
   * ({@code args}) does not give it (picocli takes no default for an option it was given). Null
   * otherwise.
   */
  public String explainBadValue(String message, ArgSpec arg, String... args) {
    if (!(arg instanceof OptionSpec option) || !served.containsKey(option)) {
      return null;
    }
    return givenIn(option, args) ? null : message + " (" + served.get(option) + " in " + file + ")";
  }

  /** True when {@code args} hold {@code option} (or its negated form). */
  static boolean givenIn(OptionSpec option, String... args) {
    List<String> names = new ArrayList<>(List.of(option.names()));
    if (option.negatable()) {
      for (String name : option.names()) {
        if (name.startsWith("--")) {
          names.add("--no-" + name.substring(2));
        }
      }
    }
    for (String arg : args) {
      if (arg.equals("--")) {
        return false;
      }
      for (String name : names) {
        if (arg.equals(name) || arg.startsWith(name + "=")) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean mentions(String message, OptionSpec option) {
    for (String name : option.names()) {
      if (Pattern.compile("(?<![\\w-])" + Pattern.quote(name) + "(?![\\w-])")
          .matcher(message)
          .find()) {
        return true;
      }
    }
    return false;
  }
}
