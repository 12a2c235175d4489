package org.gazette.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The scheduling scripts in jobs/: nightly.sh's choice of day, its commands in both modes, its exit
 * statuses; jobs/gazette handing the properties file's spark.* keys to Spark's SparkConf and the
 * file itself to Gazette. The scripts run in bash through their dry runs (GAZETTE_DRY_RUN=1,
 * --dry-run) or with a stand-in for spark-submit: no Spark session, no build.
 */
class JobsScriptsTest {

  private static final Path HOME = Path.of(System.getProperty("basedir", "")).toAbsolutePath();
  private static final Path JOBS = HOME.resolve("jobs");
  private static final String DEFAULT_PROPERTIES = JOBS.resolve("gazette.properties").toString();
  private static final String STAMP = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z";

  /** A temporary folder whose name holds a space, as paths users give may. */
  @TempDir Path tempRoot;

  private record Result(int status, String out, String err) {
    List<String> lines() {
      return out.lines().toList();
    }
  }

  private Path temp() throws IOException {
    return Files.createDirectories(tempRoot.resolve("with space")).toRealPath();
  }

  /**
   * Runs a bash script of jobs/ in {@code dir} with the environment of this test minus the
   * variables the scripts read, plus {@code env}.
   */
  private Result run(Path dir, Map<String, String> env, String script, String... args)
      throws IOException, InterruptedException {
    return finish(start(dir, env, script, args));
  }

  private Process start(Path dir, Map<String, String> env, String script, String... args)
      throws IOException {
    return start(dir, env, JOBS.resolve(script), args);
  }

  /** Starts the launcher {@code script} (not necessarily this project's) in a temp folder. */
  private Process startScript(Path script, Map<String, String> env, String... args)
      throws IOException {
    return start(temp(), env, script, args);
  }

  private Process start(Path dir, Map<String, String> env, Path script, String... args)
      throws IOException {
    List<String> command = new ArrayList<>(List.of("bash", script.toString()));
    command.addAll(Arrays.asList(args));
    ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile());
    Map<String, String> environment = builder.environment();
    for (String name :
        List.of(
            "GAZETTE_PROPERTIES",
            "GAZETTE_HEAP",
            "GAZETTE_JAVA_OPTS",
            "GAZETTE_DRY_RUN",
            "SPARK_HOME",
            "JAVA_HOME")) {
      environment.remove(name);
    }
    environment.putAll(env);
    Path out = Files.createTempFile(tempRoot, "out", ".txt");
    Path err = Files.createTempFile(tempRoot, "err", ".txt");
    builder.redirectOutput(out.toFile()).redirectError(err.toFile());
    Process process = builder.start();
    outputs.put(process, new Path[] {out, err});
    return process;
  }

  private final Map<Process, Path[]> outputs = new LinkedHashMap<>();

  private Result finish(Process process) throws IOException, InterruptedException {
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("the script finished").isTrue();
    Path[] files = outputs.remove(process);
    return new Result(process.exitValue(), Files.readString(files[0]), Files.readString(files[1]));
  }

  /** The arguments of one line of shell, as bash reads them (the scripts print %q-quoted). */
  private static List<String> words(String line) throws IOException, InterruptedException {
    Process bash =
        new ProcessBuilder("bash", "-c", "eval \"set -- $1\"; printf '%s\\0' \"$@\"", "words", line)
            .redirectErrorStream(true)
            .start();
    String out = new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(bash.waitFor()).as(out).isZero();
    return out.isEmpty()
        ? List.of()
        : Arrays.asList(out.substring(0, out.length() - 1).split("\0", -1));
  }

  private static Path write(Path file, String... lines) throws IOException {
    Files.writeString(file, String.join("\n", lines) + "\n");
    return file;
  }

  private static List<String> localNightly(String properties, String... nightly) {
    List<String> command =
        new ArrayList<>(
            List.of("env", "GAZETTE_PROPERTIES=" + properties, JOBS.resolve("gazette").toString()));
    command.addAll(Arrays.asList(nightly));
    return command;
  }

  // --- nightly.sh: the day, the command ------------------------------------------------------

  @Test
  void takesYesterdayInUtcByDefault() throws Exception {
    String before = LocalDate.now(ZoneOffset.UTC).minusDays(1).toString();
    // Far east of UTC the local date is often a day ahead: the script must not use it.
    Result result = run(HOME, Map.of("TZ", "Pacific/Kiritimati"), "nightly.sh", "--dry-run");
    String after = LocalDate.now(ZoneOffset.UTC).minusDays(1).toString();

    assertThat(result.status()).as(result.err()).isZero();
    assertThat(result.lines()).hasSize(1);
    List<String> command = words(result.out());
    String day = command.get(command.indexOf("--date") + 1);
    assertThat(day).isIn(before, after);
    assertThat(command)
        .isEqualTo(
            localNightly(
                DEFAULT_PROPERTIES, "nightly", "--date", day, "--properties", DEFAULT_PROPERTIES));
  }

  @Test
  void takesTheGivenDayAndMoreNightlyOptions() throws Exception {
    Result result =
        run(
            temp(),
            Map.of(),
            "nightly.sh",
            "--dry-run",
            "2024-02-29",
            "--",
            "--no-topics",
            "--tracked",
            "my topics.txt");

    assertThat(result.status()).as(result.err()).isZero();
    assertThat(words(result.out()))
        .isEqualTo(
            localNightly(
                DEFAULT_PROPERTIES,
                "nightly",
                "--date",
                "2024-02-29",
                "--properties",
                DEFAULT_PROPERTIES,
                "--no-topics",
                "--tracked",
                "my topics.txt"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "2023-02-30",
        "2023-13-01",
        "2023-7-3",
        "20230703",
        "yesterday",
        "2023-07-03 ",
        "2023-07-03|2023-07-04",
        "--bogus",
        "--properties",
        "--properties=",
        "--properties|/nonexistent/gazette.properties"
      })
  void badUsageExitsWithStatusTwo(String arguments) throws Exception {
    List<String> args = new ArrayList<>(List.of("--dry-run"));
    args.addAll(Arrays.asList(arguments.split("\\|")));
    Result result = run(temp(), Map.of(), "nightly.sh", args.toArray(String[]::new));

    assertThat(result.status()).isEqualTo(2);
    assertThat(result.out()).isEmpty();
    assertThat(result.err()).startsWith("nightly.sh: ");
  }

  @Test
  void badSettingsExitWithStatusTwoAndOneLine() throws Exception {
    Path mode = write(temp().resolve("mode.properties"), "gazette.submit=yarn");
    Path backslash =
        write(
            temp().resolve("backslash.properties"),
            "# Windows",
            "gazette.nightly.output=C:\\gazette\\out");

    Result badMode =
        run(
            temp(),
            Map.of(),
            "nightly.sh",
            "--dry-run",
            "--properties",
            mode.toString(),
            "2023-07-03");
    assertThat(badMode.status()).isEqualTo(2);
    assertThat(badMode.err())
        .isEqualTo(
            "nightly.sh: gazette.submit must be local or "
                + "spark-submit (got yarn in "
                + mode
                + ")\n");

    Result badLine =
        run(
            temp(),
            Map.of("GAZETTE_PROPERTIES", backslash.toString()),
            "nightly.sh",
            "--dry-run",
            "2023-07-03");
    assertThat(badLine.status()).isEqualTo(2);
    assertThat(badLine.err()).startsWith("gazette: " + backslash + ", line 2: backslashes");
    assertThat(badLine.err().lines()).hasSize(1);

    // The launchers refuse a misspelt launcher key and a key of their first format; the
    // options' keys are Gazette's to check.
    Map<String, String> refusals =
        Map.of(
            "gazette.hepa=8g",
            "unknown key gazette.hepa (the launcher's keys: ",
            "gazette.submit.jarr=x.jar",
            "unknown key gazette.submit.jarr (the launcher's keys: ",
            "gazette.input=corpus",
            "gazette.input is now gazette.nightly.input");
    for (Map.Entry<String, String> refusal : refusals.entrySet()) {
      Path typo = write(temp().resolve("typo.properties"), refusal.getKey());
      for (String script : List.of("nightly.sh", "gazette")) {
        Result refused =
            run(
                temp(),
                Map.of("GAZETTE_PROPERTIES", typo.toString(), "GAZETTE_DRY_RUN", "1"),
                script,
                "--dry-run");
        assertThat(refused.status()).as(script).isEqualTo(2);
        assertThat(refused.err().lines().toList())
            .as(script)
            .hasSize(1)
            .first()
            .asString()
            .startsWith("gazette: " + typo + ": " + refusal.getValue());
      }
    }
    Path options = write(temp().resolve("options.properties"), "gazette.nightly.trend-topp=100");
    for (String script : List.of("nightly.sh", "gazette")) {
      Result passed =
          run(
              temp(),
              Map.of("GAZETTE_PROPERTIES", options.toString(), "GAZETTE_DRY_RUN", "1"),
              script,
              "--dry-run");
      assertThat(passed.status()).as("%s: %s", script, passed.err()).isZero();
    }
  }

  @Test
  void sparkSubmitModeHandsThePropertiesFileToSparkSubmit() throws Exception {
    Path properties =
        write(
            temp().resolve("prod.properties"),
            "spark.master=yarn",
            "spark.sql.shuffle.partitions=400",
            "gazette.nightly.input = s3a://news/articles",
            "gazette.nightly.output: tables",
            "gazette.nightly.trend-top 100",
            "gazette.submit=spark-submit",
            "gazette.submit.options=--load-spark-defaults --verbose");

    // A relative --properties is relative to where the script is called from.
    Result onPath =
        run(
            temp(),
            Map.of(),
            "nightly.sh",
            "--dry-run",
            "--properties",
            "prod.properties",
            "2023-07-03");
    assertThat(onPath.status()).as(onPath.err()).isZero();
    List<String> nightly =
        List.of("nightly", "--date", "2023-07-03", "--properties", properties.toString());
    List<String> expected =
        new ArrayList<>(
            List.of(
                "spark-submit",
                "--properties-file",
                properties.toString(),
                "--load-spark-defaults",
                "--verbose",
                "--class",
                "org.gazette.Gazette",
                HOME.resolve("target/gazette-spark.jar").toString()));
    expected.addAll(nightly);
    assertThat(words(onPath.out())).isEqualTo(expected);

    Result sparkHome =
        run(
            HOME,
            Map.of("SPARK_HOME", "/opt/spark 4.2", "GAZETTE_PROPERTIES", properties.toString()),
            "nightly.sh",
            "--dry-run",
            "2023-07-03");
    assertThat(sparkHome.status()).as(sparkHome.err()).isZero();
    expected.set(0, "/opt/spark 4.2/bin/spark-submit");
    assertThat(words(sparkHome.out())).isEqualTo(expected);

    // Cluster deploy mode: the driver reads the file where gazette.submit.properties says.
    Files.write(
        properties,
        List.of(
            "gazette.submit.options=--files /etc/gazette/prod.properties",
            "gazette.submit.properties=prod.properties"),
        java.nio.file.StandardOpenOption.APPEND);
    Result cluster =
        run(
            HOME,
            Map.of("GAZETTE_PROPERTIES", properties.toString()),
            "nightly.sh",
            "--dry-run",
            "2023-07-03");
    assertThat(cluster.status()).as(cluster.err()).isZero();
    List<String> command = words(cluster.out());
    assertThat(command.subList(command.indexOf("--files"), command.size()))
        .containsExactly(
            "--files",
            "/etc/gazette/prod.properties",
            "--class",
            "org.gazette.Gazette",
            HOME.resolve("target/gazette-spark.jar").toString(),
            "nightly",
            "--date",
            "2023-07-03",
            "--properties",
            "prod.properties");
  }

  // --- nightly.sh running a job: statuses, log lines, signals --------------------------------

  /**
   * A stand-in for spark-submit: records its arguments; with FAKE_SLEEP, records its pid once it is
   * ready for TERM and sleeps; exits with FAKE_STATUS.
   */
  private Path fakeSubmit() throws IOException {
    Path script =
        write(
            temp().resolve("fake submit"),
            "#!/usr/bin/env bash",
            "printf '%s\\n' \"$@\" > \"$FAKE_DIR/args\"",
            "echo 'fake spark-submit: working'",
            "if [[ -n \"${FAKE_SLEEP:-}\" ]]; then",
            "  sleep \"$FAKE_SLEEP\" & sleeper=$!",
            "  trap 'kill $sleeper; exit 143' TERM",
            "  echo \"$$\" > \"$FAKE_DIR/pid\"",
            "  wait $sleeper",
            "fi",
            "exit \"${FAKE_STATUS:-0}\"");
    assertThat(script.toFile().setExecutable(true)).isTrue();
    write(
        temp().resolve("fake.properties"),
        "gazette.submit=spark-submit",
        "gazette.submit.command=" + script,
        "gazette.submit.jar=" + script,
        "gazette.nightly.output=/tmp/gazette out");
    return script;
  }

  private Map<String, String> fakeEnv(String... more) throws IOException {
    Map<String, String> env = new LinkedHashMap<>();
    env.put("FAKE_DIR", temp().toString());
    env.put("GAZETTE_PROPERTIES", temp().resolve("fake.properties").toString());
    for (int i = 0; i < more.length; i += 2) {
      env.put(more[i], more[i + 1]);
    }
    return env;
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 2, 3})
  void passesTheJobsExitStatusOnAndLogsStartAndEnd(int status) throws Exception {
    Path submit = fakeSubmit();
    Result result =
        run(HOME, fakeEnv("FAKE_STATUS", Integer.toString(status)), "nightly.sh", "2023-07-03");

    assertThat(result.status()).isEqualTo(status);
    List<String> lines = result.lines();
    assertThat(lines).hasSize(3);
    assertThat(lines.get(0))
        .matches(
            STAMP
                + " nightly.sh: starting nightly --date 2023-07-03 "
                + "\\(spark-submit, .*fake.properties\\)");
    assertThat(lines.get(1)).isEqualTo("fake spark-submit: working");
    String end =
        switch (status) {
          case 0 -> "finished in \\d+s";
          case 2 -> "refused \\(exit status 2: bad usage\\) after \\d+s";
          default -> "failed \\(exit status " + status + "\\) after \\d+s";
        };
    assertThat(lines.get(2)).matches(STAMP + " nightly.sh: nightly --date 2023-07-03 " + end);
    assertThat(Files.readAllLines(temp().resolve("args")))
        .containsExactly(
            "--properties-file",
            temp().resolve("fake.properties").toString(),
            "--class",
            "org.gazette.Gazette",
            submit.toString(),
            "nightly",
            "--date",
            "2023-07-03",
            "--properties",
            temp().resolve("fake.properties").toString());
  }

  @Test
  void passesTermOnToTheJobAndWaitsForIt() throws Exception {
    fakeSubmit();
    Process nightly = start(HOME, fakeEnv("FAKE_SLEEP", "60"), "nightly.sh", "2023-07-03");
    Path pidFile = temp().resolve("pid");
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (!(Files.exists(pidFile) && Files.size(pidFile) > 0) && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    long job = Long.parseLong(Files.readString(pidFile).trim());

    try {
      nightly.destroy(); // SIGTERM, as systemd, Airflow or kill send it
      Result result = finish(nightly);

      assertThat(result.status()).isEqualTo(143);
      assertThat(result.lines().get(result.lines().size() - 1))
          .matches(STAMP + " nightly.sh: nightly --date 2023-07-03 failed \\(exit status 143\\).*");
      assertThat(ProcessHandle.of(job).map(ProcessHandle::isAlive).orElse(false))
          .as("the job stopped with the script")
          .isFalse();
    } finally {
      ProcessHandle.of(job)
          .ifPresent(
              handle -> {
                handle.descendants().forEach(ProcessHandle::destroyForcibly);
                handle.destroyForcibly();
              });
    }
  }

  @Test
  void sparkSubmitModeRefusesAMissingProgramOrJar() throws Exception {
    Path properties =
        write(
            temp().resolve("missing.properties"),
            "gazette.submit=spark-submit",
            "gazette.submit.command=" + temp().resolve("no such spark-submit"));
    Result noProgram =
        run(HOME, Map.of("GAZETTE_PROPERTIES", properties.toString()), "nightly.sh", "2023-07-03");
    assertThat(noProgram.status()).isEqualTo(2);
    assertThat(noProgram.out()).isEmpty();
    assertThat(noProgram.err()).startsWith("nightly.sh: cannot run ");

    Path submit = fakeSubmit();
    write(
        properties,
        "gazette.submit=spark-submit",
        "gazette.submit.command=" + submit,
        "gazette.submit.jar=" + temp().resolve("no such.jar"));
    Result noJar =
        run(HOME, Map.of("GAZETTE_PROPERTIES", properties.toString()), "nightly.sh", "2023-07-03");
    assertThat(noJar.status()).isEqualTo(2);
    assertThat(noJar.err()).startsWith("nightly.sh: no application jar ");
  }

  // --- jobs/gazette: the properties file into the JVM and SparkConf -------------------------

  private Path localProperties() throws IOException {
    return write(
        temp().resolve("local.properties"),
        "# spark.* keys for SparkConf; spark.master is spark-submit's",
        "spark.master=yarn",
        "spark.sql.shuffle.partitions = 7",
        "spark.sql.parquet.compression.codec=snappy",
        "spark.executor.extraJavaOptions=-XX:+UseG1GC -Dgazette.probe=a b",
        "gazette.master=local[2]",
        "gazette.heap=1g",
        "gazette.nightly.input=corpus",
        "gazette.nightly.output=/data/gazette tables");
  }

  /** The java command jobs/gazette would run, from its dry run. */
  private List<String> launcherCommand(Map<String, String> env, String... args) throws Exception {
    Map<String, String> all = new LinkedHashMap<>(env);
    all.put("GAZETTE_DRY_RUN", "1");
    Result result = run(HOME, all, "gazette", args);
    assertThat(result.status()).as(result.err()).isZero();
    assertThat(result.lines()).hasSize(1);
    return words(result.out());
  }

  @Test
  void launcherPassesTheFilesSparkKeysAsSystemProperties() throws Exception {
    Path properties = localProperties();
    List<String> command =
        launcherCommand(Map.of("GAZETTE_PROPERTIES", properties.toString()), "--version");

    assertThat(command.get(0)).isEqualTo("java");
    assertThat(command)
        .contains(
            "-Xmx1g",
            "-Dspark.sql.shuffle.partitions=7",
            "-Dspark.sql.parquet.compression.codec=snappy",
            "-Dspark.executor.extraJavaOptions=-XX:+UseG1GC -Dgazette.probe=a b",
            "-Dspark.master=local[2]",
            "-Dgazette.properties=" + properties);
    assertThat(command)
        .doesNotContain("-Dspark.master=yarn")
        .noneMatch(a -> a.contains("gazette.nightly.input"));
    assertThat(command.subList(command.indexOf("org.gazette.Gazette"), command.size()))
        .containsExactly("org.gazette.Gazette", "--version");

    // --properties among the arguments: the launcher reads that file too, as Gazette will.
    List<String> named =
        launcherCommand(Map.of(), "nightly", "--properties", properties.toString(), "--", "x");
    assertThat(named).contains("-Xmx1g", "-Dgazette.properties=" + properties);
    assertThat(launcherCommand(Map.of(), "nightly", "--properties=" + properties))
        .contains("-Xmx1g", "-Dgazette.properties=" + properties);
  }

  @Test
  void theDefaultPropertiesFileKeepsTodaysRun() throws Exception {
    List<String> command = launcherCommand(Map.of(), "nightly");

    assertThat(command)
        .contains(
            "-Xmx4g", "-Dspark.master=local[*]", "-Dgazette.properties=" + DEFAULT_PROPERTIES);
    assertThat(command)
        .filteredOn(a -> a.startsWith("-Dspark."))
        .containsExactly("-Dspark.sql.parquet.compression.codec=zstd", "-Dspark.master=local[*]");
    assertThat(command.subList(command.indexOf("org.gazette.Gazette"), command.size()))
        .containsExactly("org.gazette.Gazette", "nightly");

    List<String> none = launcherCommand(Map.of("GAZETTE_PROPERTIES", "/dev/null"), "nightly");
    assertThat(none)
        .contains("-Xmx4g", "-Dgazette.properties=/dev/null")
        .noneMatch(a -> a.startsWith("-Dspark."));
  }

  @Test
  void launcherRefusesAPropertiesFileItCannotRead() throws Exception {
    Result result =
        run(
            HOME,
            Map.of("GAZETTE_PROPERTIES", "/nonexistent/gazette.properties"),
            "gazette",
            "--version");

    assertThat(result.status()).isEqualTo(2);
    assertThat(result.out()).isEmpty();
    assertThat(result.err())
        .startsWith("gazette: cannot read the properties file /nonexistent/gazette.properties");

    Result named =
        run(HOME, Map.of(), "gazette", "nightly", "--properties", "/nonexistent/x.properties");
    assertThat(named.status()).isEqualTo(2);
    assertThat(named.err())
        .startsWith(
            "gazette: cannot read the properties file /nonexistent/x.properties (--properties)");
  }

  @Test
  void sparkConfSeesTheFileTheEnvironmentWinsOverIt() throws Exception {
    List<String> command =
        launcherCommand(
            Map.of(
                "GAZETTE_PROPERTIES", localProperties().toString(),
                "GAZETTE_HEAP", "256m",
                "GAZETTE_JAVA_OPTS", "-Dspark.sql.parquet.compression.codec=lz4"),
            "--version");
    assertThat(command).contains("-Xmx256m");

    // The launcher's JVM options, then this test's classpath and the probe instead of Gazette.
    List<String> probe = new ArrayList<>();
    probe.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    probe.addAll(command.subList(1, command.indexOf("-cp")));
    probe.addAll(
        List.of(
            "-cp",
            System.getProperty("java.class.path"),
            SparkConfProbe.class.getName(),
            "spark.master",
            "spark.sql.shuffle.partitions",
            "spark.sql.parquet.compression.codec",
            "spark.executor.extraJavaOptions",
            "gazette.nightly.input"));
    Process java = new ProcessBuilder(probe).redirectErrorStream(true).start();
    String out = new String(java.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(java.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(java.exitValue()).as(out).isZero();

    assertThat(out.lines().filter(l -> l.startsWith("spark.") || l.startsWith("gazette.")))
        .containsExactly(
            "spark.master=local[2]",
            "spark.sql.shuffle.partitions=7",
            "spark.sql.parquet.compression.codec=lz4",
            "spark.executor.extraJavaOptions=-XX:+UseG1GC -Dgazette.probe=a b",
            "gazette.nightly.input");
  }

  @Test
  void localModeHandsThePropertiesFileToTheLauncher() throws Exception {
    Path properties = localProperties();
    Result result =
        run(
            temp(),
            Map.of("GAZETTE_DRY_RUN", "1"),
            "nightly.sh",
            "--properties",
            properties.toString(),
            "2023-07-03");

    assertThat(result.status()).as(result.err()).isZero();
    List<String> lines = result.lines();
    assertThat(lines).hasSize(3);
    assertThat(lines.get(0))
        .matches(
            STAMP
                + " nightly.sh: starting nightly --date 2023-07-03 "
                + "\\(local, .*local.properties\\)");
    assertThat(lines.get(2)).matches(STAMP + " nightly.sh: nightly --date 2023-07-03 finished.*");
    List<String> command = words(lines.get(1));
    assertThat(command)
        .contains(
            "-Xmx1g",
            "-Dspark.sql.shuffle.partitions=7",
            "-Dspark.master=local[2]",
            "-Dgazette.properties=" + properties);
    assertThat(command.subList(command.indexOf("org.gazette.Gazette"), command.size()))
        .containsExactly(
            "org.gazette.Gazette",
            "nightly",
            "--date",
            "2023-07-03",
            "--properties",
            properties.toString());
  }

  // --- jobs/gazette running the job: statuses, memory, signals --------------------------------

  /**
   * A copy of the launcher in a home of its own, built as far as the launcher looks (a jar and a
   * classpath file newer than any source), with a stand-in for java in JAVA_HOME that records its
   * arguments; with FAKE_SLEEP, records its pid once it is ready for TERM and sleeps; exits with
   * FAKE_STATUS.
   */
  private Map<String, String> fakeJava(String... more) throws IOException {
    Path home = Files.createDirectories(temp().resolve("home"));
    Path jobs = Files.createDirectories(home.resolve("jobs/lib"));
    for (String file :
        List.of(
            "gazette",
            "jvm.options",
            "log4j2.properties",
            "gazette.properties",
            "lib/properties.sh")) {
      Files.copy(
          JOBS.resolve(file),
          home.resolve("jobs").resolve(file),
          java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
    Path target = Files.createDirectories(home.resolve("target"));
    write(target.resolve("gazette.jar"), "not a jar");
    write(target.resolve("classpath.txt"), "/nowhere.jar");
    Path bin = Files.createDirectories(temp().resolve("java home/bin"));
    Path java =
        write(
            bin.resolve("java"),
            "#!/usr/bin/env bash",
            "printf '%s\\n' \"$@\" > \"$FAKE_DIR/args\"",
            "if [[ -n \"${FAKE_SLEEP:-}\" ]]; then",
            "  sleep \"$FAKE_SLEEP\" & sleeper=$!",
            "  trap 'kill $sleeper; exit 143' TERM",
            "  echo \"$$\" > \"$FAKE_DIR/pid\"",
            "  wait $sleeper",
            "fi",
            "exit \"${FAKE_STATUS:-0}\"");
    assertThat(java.toFile().setExecutable(true)).isTrue();
    Map<String, String> env = new LinkedHashMap<>();
    env.put("FAKE_DIR", temp().toString());
    env.put("JAVA_HOME", bin.getParent().toString());
    for (int i = 0; i < more.length; i += 2) {
      env.put(more[i], more[i + 1]);
    }
    return env;
  }

  private Path fakeLauncher() throws IOException {
    return temp().resolve("home/jobs/gazette");
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 2, 3})
  void launcherPassesTheJobsExitStatusOn(int status) throws Exception {
    Map<String, String> env = fakeJava("FAKE_STATUS", Integer.toString(status));
    Result result = finish(startScript(fakeLauncher(), env, "nightly", "--date", "2023-07-03"));

    assertThat(result.status()).isEqualTo(status);
    assertThat(result.err()).isEmpty();
    List<String> args = Files.readAllLines(temp().resolve("args"));
    assertThat(args.subList(args.indexOf("org.gazette.Gazette"), args.size()))
        .containsExactly("org.gazette.Gazette", "nightly", "--date", "2023-07-03");
  }

  @Test
  void launcherSaysInOneLineThatTheJobRanOutOfMemory() throws Exception {
    // Spark's executor ends the JVM with status 52 when a task runs out of heap; in local mode
    // the executor is the job's own JVM.
    Map<String, String> env = fakeJava("FAKE_STATUS", "52", "GAZETTE_HEAP", "512m");
    Result result = finish(startScript(fakeLauncher(), env, "nightly"));

    assertThat(result.status()).isEqualTo(1);
    assertThat(result.err().lines().toList())
        .containsExactly(
            "gazette: the job ran out of "
                + "memory in its 512m heap and stopped; nothing of the pass it was running was written "
                + "to the tables. Give it more memory (GAZETTE_HEAP=8g, or gazette.heap in the "
                + "properties file) or, for nightly, fewer articles per pass (--max-pass-rows N, or "
                + "--from/--to with --chunk-days N)");
    assertThat(Files.readAllLines(temp().resolve("args"))).contains("-Xmx512m");
  }

  @Test
  void launcherPassesTermOnToTheJobAndWaitsForIt() throws Exception {
    Process launcher = startScript(fakeLauncher(), fakeJava("FAKE_SLEEP", "60"), "nightly");
    Path pidFile = temp().resolve("pid");
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (!(Files.exists(pidFile) && Files.size(pidFile) > 0) && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    long job = Long.parseLong(Files.readString(pidFile).trim());
    try {
      launcher.destroy();
      Result result = finish(launcher);

      assertThat(result.status()).isEqualTo(143);
      assertThat(ProcessHandle.of(job).map(ProcessHandle::isAlive).orElse(false))
          .as("the job stopped with the launcher")
          .isFalse();
    } finally {
      ProcessHandle.of(job).ifPresent(ProcessHandle::destroyForcibly);
    }
  }

  // --- the Airflow DAG -----------------------------------------------------------------------

  @Test
  void airflowDagBuildsItsSparkSubmitTaskFromThePropertiesFile() throws Exception {
    boolean python =
        Arrays.stream(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
            .anyMatch(dir -> Files.isExecutable(Path.of(dir, "python3")));
    Assumptions.assumeTrue(python, "python3 is not on the PATH");
    Process check =
        new ProcessBuilder(
                "python3", "-B", JOBS.resolve("airflow/check_gazette_nightly.py").toString())
            .redirectErrorStream(true)
            .start();
    String out = new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(check.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(check.exitValue()).as(out).isZero();
  }
}
