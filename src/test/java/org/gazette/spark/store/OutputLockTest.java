package org.gazette.spark.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The output folder's lock, on the local file system, without Spark. */
class OutputLockTest {

  @TempDir Path temp;

  private org.apache.hadoop.fs.Path root() throws Exception {
    return new org.apache.hadoop.fs.Path(temp.resolve("out").toUri());
  }

  private static FileSystem fs() throws Exception {
    return FileSystem.getLocal(new Configuration()).getRawFileSystem();
  }

  @Test
  void aSecondRunRefusesAndNamesTheFirst() throws Exception {
    try (OutputLock first = OutputLock.acquire(fs(), root(), "run-1", "nightly 2023-08-01")) {
      assertThatThrownBy(() -> OutputLock.acquire(fs(), root(), "run-2", "nightly all"))
          .isInstanceOf(OutputLock.Held.class)
          .hasMessageContaining("another Gazette run is writing")
          .hasMessageContaining("run run-1 (nightly 2023-08-01)")
          .hasMessageContaining("process " + ProcessHandle.current().pid())
          .hasMessageContaining("_lock");
    }
    // Released: the next run takes it.
    OutputLock.acquire(fs(), root(), "run-3", "nightly all").close();
    assertThat(temp.resolve("out/_lock")).doesNotExist();
  }

  @Test
  void aLockLeftByADeadProcessOnThisHostIsTakenOver() throws Exception {
    Process ended = new ProcessBuilder("true").start();
    ended.waitFor();
    long deadPid = ended.pid();
    Files.createDirectories(temp.resolve("out"));
    Files.writeString(
        temp.resolve("out/_lock"),
        "run_id=dead\ncommand=nightly all\nhost="
            + java.net.InetAddress.getLocalHost().getHostName()
            + "\npid="
            + deadPid
            + "\nstarted_at=2023-08-01T00:00:00Z\n",
        StandardCharsets.UTF_8);
    try (OutputLock lock = OutputLock.acquire(fs(), root(), "run-2", "nightly all")) {
      assertThat(Files.readString(temp.resolve("out/_lock"))).contains("run_id=run-2");
    }
  }

  @Test
  void aFreshLockOfAnotherHostIsRespected() throws Exception {
    Files.createDirectories(temp.resolve("out"));
    Files.writeString(
        temp.resolve("out/_lock"),
        "run_id=elsewhere\ncommand=nightly all\n"
            + "host=another-host.example\npid=1\nstarted_at=2023-08-01T00:00:00Z\n");
    assertThatThrownBy(() -> OutputLock.acquire(fs(), root(), "run-2", "nightly all"))
        .isInstanceOf(OutputLock.Held.class)
        .hasMessageContaining("another-host.example");
    // Untouched for longer than STALE: its holder is taken for dead.
    Files.setLastModifiedTime(
        temp.resolve("out/_lock"),
        java.nio.file.attribute.FileTime.fromMillis(
            System.currentTimeMillis() - OutputLock.STALE.toMillis() - 60_000));
    OutputLock.acquire(fs(), root(), "run-2", "nightly all").close();
  }
}
