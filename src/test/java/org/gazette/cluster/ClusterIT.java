package org.gazette.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The shaded jar on a real Spark standalone cluster: a master and two workers of one core, each a
 * JVM of its own on loopback, spark-submit in client mode. The nightly job must write the rows
 * local mode writes, also when a worker dies in the middle of it.
 */
@ExtendWith(LocalRuns.Resolver.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterIT {

  private static LocalRuns local;
  private static Path folder;
  private static ChildProcesses processes;
  private static StandaloneCluster cluster;

  @BeforeAll
  static void startCluster(LocalRuns runs) {
    local = runs;
    folder = runs.folder().resolve("cluster");
    OutputFolder.delete(folder);
    processes = new ChildProcesses();
    cluster = StandaloneCluster.start(runs.spark(), folder, 2, processes);
  }

  @AfterAll
  static void stopCluster() {
    if (processes != null) {
      processes.close();
      // Executors are the workers' children: none may outlive them.
      assertThat(ChildProcesses.runningWith(local.spark().home())).isEmpty();
    }
  }

  @Test
  @Order(1)
  void aClusterWritesTheRowsLocalModeWrites() {
    Path output = folder.resolve("out");
    OutputFolder.copy(local.before(), output);
    LocalRuns.assertSucceeded(
        local.submit(
            processes,
            "cluster-nightly",
            cluster.url(),
            executorSettings(Poll.freePort()),
            output,
            LocalRuns.DAYS));
    local.assertReferenceTables(output);
  }

  @Test
  @Order(2)
  void aWorkerKilledWhileTheJobRunsCostsRetriesNotRows() throws Exception {
    Path output = folder.resolve("out-worker-killed");
    OutputFolder.copy(local.before(), output);
    int uiPort = Poll.freePort();
    ChildProcesses.Child run =
        local.submit(
            processes,
            "cluster-nightly-worker-killed",
            cluster.url(),
            executorSettings(uiPort),
            output,
            LocalRuns.DAYS);
    String api = "http://127.0.0.1:" + uiPort + "/api/v1/applications";

    // Once the articles are annotated and cached on the executors, and the tables are being
    // written: an executor busy with a task there. Its worker dies with it, cached blocks and
    // shuffle files lost, and Spark must compute them again on the worker that is left.
    Busy busy =
        Poll.until(
            "an executor running a task of the writing of the tables",
            LocalRuns.RUN_TIMEOUT,
            Duration.ofMillis(50),
            () -> {
              if (!run.process().isAlive()) {
                throw new AssertionError(
                    "the job ended before a worker could be killed; "
                        + "its log ends:\n"
                        + run.tail());
              }
              return busyWriting(api);
            });
    StandaloneCluster.Worker worker = cluster.workerOf(busy.appId(), busy.executorId());
    cluster.kill(worker);
    System.out.printf(
        "killed %s, host of executor %s running %d tasks of \"%s\"%n",
        worker.child().name(), busy.executorId(), busy.tasks(), busy.job());

    LocalRuns.assertSucceeded(run);
    Poll.until(
        "the master to count one worker alive",
        Duration.ofSeconds(60),
        Duration.ofMillis(250),
        () -> cluster.aliveWorkers() == 1 ? Optional.of(true) : Optional.empty());
    assertThat(Files.readString(run.log(), StandardCharsets.UTF_8))
        .as("the driver's log (%s)", run.log())
        .contains("Lost executor " + busy.executorId());
    local.assertReferenceTables(output);
  }

  /** An executor of {@code appId} with tasks running while a job {@code job} runs. */
  record Busy(String appId, String executorId, int tasks, String job) {}

  /** The executor, if any, that runs tasks while the driver writes a table. */
  private static Optional<Busy> busyWriting(String api) {
    Optional<JsonNode> apps = Poll.json(api);
    if (apps.isEmpty() || apps.get().size() == 0) {
      return Optional.empty();
    }
    String appId = apps.get().get(0).path("id").asText();
    Optional<String> writing =
        Poll.json(api + "/" + appId + "/jobs?status=running")
            .flatMap(
                jobs ->
                    stream(jobs)
                        .map(job -> job.path("description").asText(""))
                        .filter(description -> description.startsWith("write "))
                        .findFirst());
    if (writing.isEmpty()) {
      return Optional.empty();
    }
    return Poll.json(api + "/" + appId + "/executors")
        .flatMap(
            executors ->
                stream(executors)
                    .filter(e -> !e.path("id").asText().equals("driver"))
                    .filter(e -> e.path("activeTasks").asInt() > 0)
                    .findFirst()
                    .map(
                        e ->
                            new Busy(
                                appId,
                                e.path("id").asText(),
                                e.path("activeTasks").asInt(),
                                writing.get())));
  }

  private static java.util.stream.Stream<JsonNode> stream(JsonNode array) {
    return java.util.stream.StreamSupport.stream(array.spliterator(), false);
  }

  /**
   * Executors of one core, with Spark's Java 17 flags; the driver's UI on {@code uiPort}. Spark's
   * 200 shuffle partitions stand, as on a cluster where nobody set them (the local run has eight):
   * four instead did not make a run faster (about 100 s either way).
   */
  private static List<String> executorSettings(int uiPort) {
    return List.of(
        "--executor-memory",
        "768m",
        "--executor-cores",
        "1",
        "--conf",
        "spark.executor.extraJavaOptions=@" + local.spark().jvmOptions(),
        "--conf",
        "spark.ui.port=" + uiPort);
  }
}
