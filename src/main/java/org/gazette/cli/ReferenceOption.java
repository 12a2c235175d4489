package org.gazette.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.gazette.UsageException;
import org.gazette.entity.KnownEntities;
import org.gazette.text.Reference;
import picocli.CommandLine.Option;

/**
 * {@code --reference}: the reference data (stop words, elisions, languages, entities, tracked
 * topics). The one place that falls back from the folder given to {@code data/reference}, then to
 * the copy in the jar.
 */
public final class ReferenceOption {

  @Option(
      names = "--reference",
      paramLabel = "FOLDER",
      description =
          "reference data (stop words, elision, entities, tracked topics); default: "
              + "data/reference when it exists, else the copy in the jar")
  Path folder;

  /** The folder the reference data comes from; empty for the copy in the jar. */
  public Optional<Path> folder() {
    if (folder != null) {
      if (!Files.isDirectory(folder)) {
        throw new UsageException("--reference " + folder + ": no such folder");
      }
      return Optional.of(folder);
    }
    Path local = Path.of("data", "reference");
    return Files.isDirectory(local) ? Optional.of(local) : Optional.empty();
  }

  /** Stop words, elisions, languages. */
  public Reference reference() {
    return folder().map(Reference::load).orElseGet(Reference::bundled);
  }

  /** The entities the reference data names. */
  public KnownEntities knownEntities() {
    return folder().map(KnownEntities::fromFolder).orElseGet(KnownEntities::bundled);
  }

  /** A file of the reference data, when the folder has it. */
  public Optional<Path> file(String relative) {
    return folder().map(f -> f.resolve(relative)).filter(Files::isRegularFile);
  }
}
