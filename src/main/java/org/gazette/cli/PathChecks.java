package org.gazette.cli;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.gazette.UsageException;

/**
 * The paths of options checked before any work starts, where they are on this machine: an input
 * that is not there, an output under a file. Paths on other file systems (hdfs://, s3a://) are left
 * to the job, which names them as they fail.
 */
final class PathChecks {

  private PathChecks() {}

  /** {@code value} of {@code option} must exist, when it is a local path without wildcards. */
  static void existing(String option, String value) {
    existing(option, value, "");
  }

  /** {@link #existing(String, String)}, the message ending with {@code hint} ("; run …"). */
  static void existing(String option, String value, String hint) {
    Path local = local(value);
    if (local != null && !Files.exists(local)) {
      throw new UsageException(option + " " + value + ": no such file or folder" + hint);
    }
  }

  /**
   * {@code value} of {@code option} must be a folder or a file that can be made, when it is a local
   * path: its nearest existing parent is a folder.
   */
  static void creatable(String option, String value) {
    Path local = local(value);
    if (local == null) {
      return;
    }
    for (Path p = local.toAbsolutePath().getParent(); p != null; p = p.getParent()) {
      if (Files.exists(p)) {
        if (!Files.isDirectory(p)) {
          throw new UsageException(option + " " + value + ": " + p + " is a file, not a folder");
        }
        return;
      }
    }
  }

  /** The local path {@code value} names, or null for another file system or a glob. */
  private static Path local(String value) {
    if (value == null || value.isEmpty() || value.matches(".*[*?\\[{].*")) {
      return null;
    }
    try {
      URI uri = new URI(value);
      if (uri.getScheme() != null && uri.getScheme().length() > 1) {
        return uri.getScheme().equals("file") ? Path.of(uri) : null;
      }
    } catch (URISyntaxException | IllegalArgumentException e) {
      // not a URI: a plain path
    }
    return Path.of(value);
  }
}
