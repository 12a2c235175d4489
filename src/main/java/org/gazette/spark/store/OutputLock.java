package org.gazette.spark.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.Properties;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The lock a run holds on its output folder: the file {@code OUTPUT/_lock}, created only if it does
 * not exist, naming the run, its host and process. A second run on the same output refuses with a
 * clear message while the first is alive.
 *
 * <p>A lock left by a run that died is taken over: on the same host when its process no longer
 * exists, elsewhere when its holder has not touched it for {@link #STALE} (the holder touches it
 * every {@link #HEARTBEAT}).
 */
public final class OutputLock implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(OutputLock.class);

  static final String FILE = "_lock";
  static final Duration HEARTBEAT = Duration.ofSeconds(30);
  static final Duration STALE = Duration.ofMinutes(5);

  /** Another live run holds the output. */
  public static final class Held extends RuntimeException {
    Held(String message) {
      super(message);
    }
  }

  private final FileSystem fs;
  private final Path path;
  private final ScheduledExecutorService heartbeat;

  private OutputLock(FileSystem fs, Path path) {
    this.fs = fs;
    this.path = path;
    this.heartbeat =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "gazette-output-lock");
              t.setDaemon(true);
              return t;
            });
    heartbeat.scheduleAtFixedRate(
        this::touch, HEARTBEAT.toSeconds(), HEARTBEAT.toSeconds(), TimeUnit.SECONDS);
  }

  /**
   * Takes the lock of the output folder {@code root} for run {@code runId} of {@code command}, or
   * throws {@link Held} naming the run that holds it.
   */
  public static OutputLock acquire(FileSystem fs, Path root, String runId, String command) {
    Path path = new Path(root, FILE);
    Properties owner = new Properties();
    owner.setProperty("run_id", runId);
    owner.setProperty("command", command);
    owner.setProperty("host", host());
    owner.setProperty("pid", Long.toString(ProcessHandle.current().pid()));
    owner.setProperty("started_at", Instant.now().toString());
    try {
      fs.mkdirs(root);
      for (int attempt = 0; attempt < 2; attempt++) {
        if (create(fs, path, owner)) {
          return new OutputLock(fs, path);
        }
        Properties holder = read(fs, path);
        if (holder == null) {
          continue; // released between our attempt and the read
        }
        String dead = deadReason(fs, path, holder);
        if (dead == null) {
          throw new Held(
              "another Gazette run is writing "
                  + root
                  + ": run "
                  + holder.getProperty("run_id")
                  + " ("
                  + holder.getProperty("command")
                  + ") on "
                  + holder.getProperty("host")
                  + ", process "
                  + holder.getProperty("pid")
                  + ", since "
                  + holder.getProperty("started_at")
                  + ". Wait for it to finish; if"
                  + " it is dead, delete "
                  + path
                  + " and run again");
        }
        LOG.warn(
            "taking over the lock of {} left by run {}: {}",
            root,
            holder.getProperty("run_id"),
            dead);
        fs.delete(path, false);
      }
      throw new Held("cannot take the lock " + path + ": another run keeps taking it");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot lock the output folder " + root, e);
    }
  }

  /** Why the holder of the lock is known to be dead, or null when it may be alive. */
  private static String deadReason(FileSystem fs, Path path, Properties holder) throws IOException {
    if (host().equals(holder.getProperty("host"))) {
      try {
        long pid = Long.parseLong(holder.getProperty("pid", ""));
        if (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
          return null;
        }
        return "its process " + pid + " on this host has ended";
      } catch (NumberFormatException e) {
        return "it names no process";
      }
    }
    long touched = fs.getFileStatus(path).getModificationTime();
    Duration idle = Duration.ofMillis(System.currentTimeMillis() - touched);
    return idle.compareTo(STALE) > 0
        ? "its holder on "
            + holder.getProperty("host")
            + " has not touched it for "
            + idle.toSeconds()
            + " s"
        : null;
  }

  /** Creates {@code path} with {@code owner} if it does not exist; false if it does. */
  private static boolean create(FileSystem fs, Path path, Properties owner) throws IOException {
    byte[] bytes = text(owner).getBytes(StandardCharsets.UTF_8);
    if ("file".equals(fs.getUri().getScheme())) {
      // Hadoop's local file system checks and then creates; the JDK creates atomically.
      java.nio.file.Path local = java.nio.file.Path.of(path.toUri());
      try {
        Files.write(
            local,
            bytes,
            java.nio.file.StandardOpenOption.CREATE_NEW,
            java.nio.file.StandardOpenOption.WRITE);
        return true;
      } catch (FileAlreadyExistsException e) {
        return false;
      }
    }
    try (OutputStream out = fs.create(path, false)) { // atomic on HDFS
      out.write(bytes);
      return true;
    } catch (org.apache.hadoop.fs.FileAlreadyExistsException e) {
      return false;
    }
  }

  private static Properties read(FileSystem fs, Path path) throws IOException {
    Properties p = new Properties();
    try (InputStream in = fs.open(path)) {
      p.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
      return p;
    } catch (java.io.FileNotFoundException e) {
      return null;
    }
  }

  private static String text(Properties p) {
    StringBuilder b = new StringBuilder();
    for (String key : new java.util.TreeSet<>(p.stringPropertyNames())) {
      b.append(key).append('=').append(p.getProperty(key)).append('\n');
    }
    return b.toString();
  }

  private static String host() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (IOException e) {
      return "unknown";
    }
  }

  private void touch() {
    try {
      fs.setTimes(path, System.currentTimeMillis(), -1);
    } catch (IOException | RuntimeException e) {
      LOG.warn("cannot touch the output lock {}: {}", path, e.toString());
    }
  }

  /** Releases the lock. */
  @Override
  public void close() {
    heartbeat.shutdownNow();
    try {
      fs.delete(path, false);
    } catch (IOException e) {
      LOG.warn("cannot remove the output lock {}: {}", path, e.toString());
    }
  }
}
