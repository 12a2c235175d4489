package org.gazette.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.gazette.UsageException;
import org.gazette.topic.TopicSyntaxException;
import org.gazette.topic.TrackedTopics;
import picocli.CommandLine.Option;

/** Which tracked topics a command counts or lists. */
public final class TrackedOptions {

  @Option(
      names = "--tracked",
      paramLabel = "FILE",
      description =
          "tracked topics; default: topics/tracked.txt of the reference data when it "
              + "exists, else the copy in the jar")
  Path file;

  @Option(names = "--no-tracked", fallbackValue = "true", description = "no tracked topics")
  boolean none;

  /**
   * The tracked topics, analysed with the reference data of {@code reference}; empty with
   * --no-tracked. A mistake in the file is a usage error that names its line.
   */
  public Optional<TrackedTopics> load(ReferenceOption reference) {
    if (none) {
      return Optional.empty();
    }
    try {
      if (file != null) {
        if (!Files.isRegularFile(file)) {
          throw new UsageException("--tracked " + file + ": no such file");
        }
        return Optional.of(TrackedTopics.load(file, reference.reference()));
      }
      Optional<Path> local = reference.file("topics/tracked.txt");
      return Optional.of(
          local.isPresent()
              ? TrackedTopics.load(local.get(), reference.reference())
              : TrackedTopics.bundled(reference.reference()));
    } catch (TopicSyntaxException e) {
      throw new UsageException(e.getMessage());
    }
  }
}
