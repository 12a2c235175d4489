package org.gazette.cluster;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A Spark standalone cluster on loopback, from the Maven jars: one master and a few workers of one
 * core each, every one a child JVM, each worker with its work folder.
 */
final class StandaloneCluster {

  /** A worker: its process (executors are its children) and its work folder. */
  record Worker(ChildProcesses.Child child, Path workDir) {}

  private final int port;
  private final int uiPort;
  private final ChildProcesses.Child master;
  private final List<Worker> workers = new ArrayList<>();

  private StandaloneCluster(int port, int uiPort, ChildProcesses.Child master) {
    this.port = port;
    this.uiPort = uiPort;
    this.master = master;
  }

  /** Starts a master and {@code workers} workers and waits until all have registered. */
  static StandaloneCluster start(
      SparkHome spark, Path folder, int workers, ChildProcesses processes) {
    int port = Poll.freePort();
    int uiPort = Poll.freePort();
    ChildProcesses.Child master =
        processes.start(
            "master",
            spark.java(
                "384m",
                "org.apache.spark.deploy.master.Master",
                List.of(
                    "--host",
                    "127.0.0.1",
                    "--port",
                    Integer.toString(port),
                    "--webui-port",
                    Integer.toString(uiPort))),
            spark.environment(),
            folder,
            folder.resolve("logs/master.log"));
    StandaloneCluster cluster = new StandaloneCluster(port, uiPort, master);
    for (int i = 0; i < workers; i++) {
      Path workDir = folder.resolve("worker-" + i);
      ChildProcesses.Child worker =
          processes.start(
              "worker-" + i,
              spark.java(
                  "384m",
                  "org.apache.spark.deploy.worker.Worker",
                  List.of(
                      cluster.url(),
                      "--host",
                      "127.0.0.1",
                      "--webui-port",
                      Integer.toString(Poll.freePort()),
                      "--cores",
                      "1",
                      "--memory",
                      "1g",
                      "--work-dir",
                      workDir.toString())),
              spark.environment(),
              folder,
              folder.resolve("logs/worker-" + i + ".log"));
      cluster.workers.add(new Worker(worker, workDir));
    }
    Poll.until(
        workers + " workers registered with the master",
        Duration.ofSeconds(120),
        Duration.ofMillis(250),
        () -> {
          cluster.checkAlive();
          return cluster.aliveWorkers() == workers ? Optional.of(true) : Optional.empty();
        });
    return cluster;
  }

  /** The master's URL, for spark-submit. */
  String url() {
    return "spark://127.0.0.1:" + port;
  }

  /** The workers, as started (a killed one included). */
  List<Worker> workers() {
    return List.copyOf(workers);
  }

  /** Workers the master counts as alive, from its web UI's JSON; -1 while it does not answer. */
  int aliveWorkers() {
    return Poll.json("http://127.0.0.1:" + uiPort + "/json/")
        .map(state -> state.path("aliveworkers").asInt(-1))
        .orElse(-1);
  }

  /** The worker that runs executor {@code executorId} of application {@code appId}. */
  Worker workerOf(String appId, String executorId) {
    for (Worker worker : workers) {
      if (Files.isDirectory(worker.workDir().resolve(appId).resolve(executorId))) {
        return worker;
      }
    }
    throw new AssertionError("no worker's folder holds executor " + executorId + " of " + appId);
  }

  /** Kills a worker and its executors at once, as a lost machine. */
  void kill(Worker worker) {
    ChildProcesses.kill(worker.child().process());
  }

  private void checkAlive() {
    List<ChildProcesses.Child> daemons = new ArrayList<>();
    daemons.add(master);
    workers.forEach(w -> daemons.add(w.child()));
    for (ChildProcesses.Child daemon : daemons) {
      if (!daemon.process().isAlive()) {
        throw new AssertionError(
            daemon.name()
                + " ended with status "
                + daemon.process().exitValue()
                + "; its log ends:\n"
                + daemon.tail());
      }
    }
  }
}
