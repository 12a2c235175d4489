package org.gazette;

import java.io.PrintWriter;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import org.gazette.cli.CommandDefaults;
import org.gazette.cli.GenerateCommand;
import org.gazette.cli.IngestCommand;
import org.gazette.cli.NightlyCommand;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Gazette's command line: {@code nightly}, {@code ingest} and {@code generate}. The same main class
 * runs under {@code jobs/gazette} (Spark in local mode) and under spark-submit.
 */
@Command(
    name = "gazette",
    mixinStandardHelpOptions = true,
    versionProvider = Gazette.VersionProvider.class,
    description = "Batch analytics for news corpora on Apache Spark.",
    subcommands = {
      NightlyCommand.class,
      IngestCommand.class,
      GenerateCommand.class,
      org.gazette.cli.NerCommand.class,
      org.gazette.cli.GraphCommand.class,
      org.gazette.cli.TopicsCommand.class,
      CommandLine.HelpCommand.class
    })
public final class Gazette implements Runnable {

  private static final Logger LOG = LoggerFactory.getLogger(Gazette.class);

  /** Exit status of a bad option, a missing input or an input schema that does not fit. */
  public static final int USAGE = 2;

  /** Exit status of a failure during the run. */
  public static final int FAILED = 1;

  @CommandLine.Spec private CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    System.exit(execute(args));
  }

  /** Runs a command line and returns its exit status, without exiting. */
  public static int execute(String... args) {
    return execute(null, null, args);
  }

  /**
   * Runs a command line, writing what the command prints to {@code out} and its one-line errors to
   * {@code err} (null: standard output and error), and returns its exit status.
   */
  public static int execute(PrintWriter out, PrintWriter err, String... args) {
    CommandLine cli = new CommandLine(new Gazette());
    if (out != null) {
      cli.setOut(out);
    }
    if (err != null) {
      cli.setErr(err);
    }
    CommandDefaults defaults;
    try {
      // The option defaults of the properties file (--properties FILE, or the system property
      // jobs/gazette sets), checked before anything runs.
      defaults = CommandDefaults.install(cli, args);
    } catch (UsageException e) {
      cli.getErr().println("gazette: " + e.getMessage());
      cli.getErr().flush();
      return USAGE;
    }
    cli.setExecutionExceptionHandler(
        (e, failed, parsed) -> handleFailure(e, failed, parsed, defaults));
    cli.setParameterExceptionHandler((e, given) -> handleBadOption(e, given, defaults));
    try {
      return cli.execute(args);
    } catch (OutOfMemoryError e) { // picocli hands on exceptions only: the driver ran short
      PrintWriter said = cli.getErr();
      CommandLine.ParseResult parsed = cli.getParseResult();
      String command =
          parsed == null || !parsed.hasSubcommand()
              ? "run"
              : parsed.subcommand().commandSpec().name();
      said.println(org.gazette.spark.job.MemoryFailure.explain(command));
      said.flush();
      return FAILED;
    }
  }

  @Override
  public void run() {
    throw new CommandLine.ParameterException(
        spec.commandLine(), "name a command (gazette --help lists them)");
  }

  private static int handleFailure(
      Exception e, CommandLine cli, CommandLine.ParseResult parsed, CommandDefaults defaults) {
    PrintWriter err = cli.getErr();
    // A usage problem thrown anywhere, also inside a Spark task, or an input file Spark
    // could not read because of what it holds.
    UsageException usage = org.gazette.spark.input.InputFailure.explain(e);
    if (usage != null) {
      // About an option the properties file set: its key and the file too.
      Set<CommandLine.Model.OptionSpec> given = Collections.newSetFromMap(new IdentityHashMap<>());
      for (CommandLine.ParseResult p = parsed; p != null; p = p.subcommand()) {
        given.addAll(p.matchedOptions());
      }
      String fromFile = defaults.explain(usage.getMessage(), given::contains);
      err.println("gazette: " + (fromFile != null ? fromFile : usage.getMessage()));
      err.flush();
      return USAGE;
    }
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof org.gazette.spark.store.OutputLock.Held held) {
        // Not a fault of this run: one line, no stack trace, and the output untouched.
        err.println("gazette " + cli.getCommandName() + ": " + held.getMessage());
        err.flush();
        return FAILED;
      }
    }
    if (org.gazette.spark.job.MemoryFailure.is(e)) {
      LOG.error("{} failed", cli.getCommandName(), e);
      err.println(org.gazette.spark.job.MemoryFailure.explain(cli.getCommandName()));
      err.flush();
      return FAILED;
    }
    LOG.error("{} failed", cli.getCommandName(), e);
    // One line: Spark's messages hold the executors' stack traces, which the log has.
    err.println("gazette " + cli.getCommandName() + " failed: " + summary(e));
    err.flush();
    return FAILED;
  }

  /** The first line of a failure and of its innermost cause. */
  static String summary(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String line = firstLine(e.toString());
    return root == e ? line : line + " (caused by " + firstLine(root.toString()) + ")";
  }

  private static String firstLine(String s) {
    int newline = s.indexOf('\n');
    return newline < 0 ? s : s.substring(0, newline);
  }

  private static int handleBadOption(
      CommandLine.ParameterException e, String[] args, CommandDefaults defaults) {
    PrintWriter err = e.getCommandLine().getErr();
    // A value of the properties file picocli could not convert: its key and the file.
    String fromFile = defaults.explainBadValue(e.getMessage(), e.getArgSpec(), args);
    err.println(
        "gazette: "
            + (fromFile != null
                ? fromFile
                : e.getMessage()
                    + " (gazette "
                    + e.getCommandLine().getCommandName()
                    + " --help lists the options)"));
    err.flush();
    return USAGE;
  }

  /** Prints the version built into the jar. */
  public static final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"gazette " + Version.get()};
    }
  }
}
