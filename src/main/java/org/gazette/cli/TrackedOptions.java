package org.gazette.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import org.gazette.UsageException;
import org.gazette.text.Reference;
import org.gazette.topic.TopicSyntaxException;
import org.gazette.topic.TrackedTopics;
import picocli.CommandLine.Option;

/** Which tracked topics a command counts or lists. */
public final class TrackedOptions {

  @Option(
      names = "--tracked",
      paramLabel = "FILE",
      description =
          "tracked topics; default: data/reference/topics/tracked.txt when it exists, "
              + "else the copy in the jar")
  Path file;

  @Option(names = "--no-tracked", description = "no tracked topics")
  boolean none;

  /**
   * The tracked topics, analysed with {@code reference}; null with --no-tracked. A mistake in the
   * file is a usage error that names its line.
   */
  public TrackedTopics load(Reference reference) {
    if (none) {
      return null;
    }
    try {
      if (file != null) {
        if (!Files.isRegularFile(file)) {
          throw new UsageException("--tracked " + file + ": no such file");
        }
        return TrackedTopics.load(file, reference);
      }
      Path local = Path.of("data", "reference", "topics", "tracked.txt");
      return Files.isRegularFile(local)
          ? TrackedTopics.load(local, reference)
          : TrackedTopics.bundled(reference);
    } catch (TopicSyntaxException e) {
      throw new UsageException(e.getMessage());
    }
  }
}
