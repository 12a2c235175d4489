package org.gazette.cluster;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A Spark installation made of the jars Maven resolved: {@code jars/} links to Spark and its
 * dependencies, {@code conf/} holds the logging settings of {@code jobs/}. A worker starts its
 * executors with {@code -cp SPARK_HOME/conf/:SPARK_HOME/jars/*}, so it needs one; the drivers use
 * the same jars with {@code target/gazette-spark.jar}, as spark-submit of a distribution would.
 */
final class SparkHome {

  private final Path project;
  private final Path home;
  private final Path appJar;

  private SparkHome(Path project, Path home, Path appJar) {
    this.project = project;
    this.home = home;
    this.appJar = appJar;
  }

  /** Builds the installation in {@code folder} from what the build passed to the tests. */
  static SparkHome create(Path folder) {
    Path project = Path.of(property("gazette.home"));
    Path appJar = Path.of(property("gazette.sparkJar"));
    if (!Files.isRegularFile(appJar)) {
      throw new IllegalStateException(
          appJar + " is missing: the integration tests run after " + "mvn package (mvn -B verify)");
    }
    try {
      Path jars = Files.createDirectories(folder.resolve("jars"));
      for (String listing : property("gazette.sparkJars").split(File.pathSeparator)) {
        String classpath = Files.readString(Path.of(listing), StandardCharsets.UTF_8).trim();
        for (String jar : classpath.split(File.pathSeparator)) {
          Path link = jars.resolve(Path.of(jar).getFileName());
          if (!Files.exists(link, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            Files.createSymbolicLink(link, Path.of(jar));
          }
        }
      }
      Path conf = Files.createDirectories(folder.resolve("conf"));
      Path logging = conf.resolve("log4j2.properties");
      if (!Files.exists(logging, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
        Files.createSymbolicLink(logging, project.resolve("jobs/log4j2.properties"));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot build a Spark home in " + folder, e);
    }
    return new SparkHome(project, folder, appJar);
  }

  private static String property(String name) {
    String value = System.getProperty(name);
    if (value == null) {
      throw new IllegalStateException(
          "system property "
              + name
              + " is not set: run the "
              + "integration tests through Maven (mvn -B verify -Dit.test=...)");
    }
    return value;
  }

  /** The installation's folder, SPARK_HOME. */
  Path home() {
    return home;
  }

  /** The project's folder. */
  Path project() {
    return project;
  }

  /** The shaded jar of Gazette, Spark left out. */
  Path appJar() {
    return appJar;
  }

  /** What a Spark daemon or spark-submit finds in its environment on a cluster's machine. */
  Map<String, String> environment() {
    return Map.of(
        "SPARK_HOME",
        home.toString(),
        // Without it the launcher looks for a source build and every executor fails with
        // "Cannot find any build directories".
        "SPARK_SCALA_VERSION",
        "2.13",
        "SPARK_LOCAL_IP",
        "127.0.0.1",
        "JAVA_HOME",
        System.getProperty("java.home"));
  }

  /** A command that runs {@code mainClass} on Spark's jars and {@code extraJars}. */
  List<String> java(String heap, String mainClass, List<String> arguments, Path... extraJars) {
    StringBuilder classpath =
        new StringBuilder()
            .append(home.resolve("conf"))
            .append(File.separator)
            .append(File.pathSeparator)
            .append(home.resolve("jars"))
            .append(File.separator)
            .append('*');
    for (Path jar : extraJars) {
      classpath.append(File.pathSeparator).append(jar);
    }
    List<String> command =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "@" + jvmOptions(),
                "-Xmx" + heap,
                "-XX:+UseSerialGC",
                "-cp",
                classpath.toString(),
                mainClass));
    command.addAll(arguments);
    return command;
  }

  /** Spark's Java 17 flags, one file for every JVM the project starts. */
  Path jvmOptions() {
    return project.resolve("jobs/jvm.options");
  }
}
