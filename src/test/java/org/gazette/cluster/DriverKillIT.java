package org.gazette.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A nightly run whose driver is killed (kill -9) while it writes the tables: the tables stay as
 * they were before it, and the same command run again completes them as a run without a fault would
 * have.
 */
@ExtendWith(LocalRuns.Resolver.class)
class DriverKillIT {

  @Test
  void aDriverKilledWhileWritingLeavesTheTablesAsTheyWereAndARerunCompletesThem(LocalRuns local) {
    Path folder = local.folder().resolve("driver-kill");
    OutputFolder.delete(folder);
    Path output = folder.resolve("out");
    OutputFolder.copy(local.before(), output);
    Map<String, String> before = OutputFolder.contents(output);

    try (ChildProcesses processes = new ChildProcesses()) {
      ChildProcesses.Child run =
          local.submit(processes, "driver-killed", "local[2]", List.of(), output, LocalRuns.DAYS);
      // A table staged whole (its _SUCCESS) while the others are still to come.
      Path staged =
          Poll.until(
              "a table staged in " + output.resolve("_staging"),
              LocalRuns.RUN_TIMEOUT,
              Duration.ofMillis(100),
              () -> {
                if (!run.process().isAlive()) {
                  throw new AssertionError(
                      "the run ended before it could be killed; its log " + "ends:\n" + run.tail());
                }
                return OutputFolder.filesUnder(output.resolve("_staging"), "_SUCCESS").stream()
                    .findFirst();
              });
      ChildProcesses.kill(run.process());
      System.out.printf("killed the driver once %s was written%n", output.relativize(staged));

      assertThat(OutputFolder.contents(output))
          .as("the files of every table after the driver was killed")
          .isEqualTo(before);

      LocalRuns.assertSucceeded(
          local.submit(
              processes, "driver-killed-rerun", "local[2]", List.of(), output, LocalRuns.DAYS));
    }
    assertThat(ChildProcesses.runningWith(local.spark().home())).isEmpty();
    local.assertReferenceTables(output);
    assertThat(output.resolve("_staging"))
        .as("what the killed run staged, cleared by the rerun")
        .doesNotExist();
    List<Row> runs =
        local
            .session()
            .read()
            .parquet(output.resolve("runs").toString())
            .orderBy("started_at")
            .collectAsList();
    Row last = runs.get(runs.size() - 1);
    assertThat(last.<String>getAs("status")).isEqualTo("succeeded");
    assertThat(last.<String>getAs("dates")).isEqualTo("2023-07-05..2023-07-07");
  }
}
