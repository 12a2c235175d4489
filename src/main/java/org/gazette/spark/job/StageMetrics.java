package org.gazette.spark.job;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeoutException;
import org.apache.spark.SparkContext;
import org.apache.spark.executor.TaskMetrics;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerJobStart;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.scheduler.StageInfo;

/**
 * What the tasks of each stage of a run cost, summed from Spark's task metrics by the job group
 * {@link RunFrame} gives the stage: task time, garbage collection, bytes spilled and shuffled. Wall
 * time says how long a stage took; these say where it went.
 */
final class StageMetrics extends SparkListener {

  /** The task metrics of one stage of a run, summed. */
  record Totals(long tasks, long taskMillis, long gcMillis, long spilledBytes, long shuffledBytes) {

    Totals plus(Totals o) {
      return new Totals(
          tasks + o.tasks,
          taskMillis + o.taskMillis,
          gcMillis + o.gcMillis,
          spilledBytes + o.spilledBytes,
          shuffledBytes + o.shuffledBytes);
    }

    /** "tasks 12.3 s, GC 0.4 s, spilled 0 B, shuffled 120 MB". */
    String describe() {
      return String.format(
          Locale.ROOT,
          "tasks %.1f s, GC %.1f s, spilled %s, shuffled %s",
          taskMillis / 1e3,
          gcMillis / 1e3,
          bytes(spilledBytes),
          bytes(shuffledBytes));
    }

    static String bytes(long n) {
      if (n < 1 << 20) {
        return n < 1024 ? n + " B" : String.format(Locale.ROOT, "%.0f KB", n / 1024.0);
      }
      return n < 1L << 30
          ? String.format(Locale.ROOT, "%.0f MB", n / (double) (1 << 20))
          : String.format(Locale.ROOT, "%.1f GB", n / (double) (1L << 30));
    }
  }

  static final Totals NONE = new Totals(0, 0, 0, 0, 0);

  private final Map<Integer, String> groupOfStage = new ConcurrentHashMap<>();
  private final Map<String, Totals> byGroup = new ConcurrentHashMap<>();

  @Override
  public void onJobStart(SparkListenerJobStart job) {
    String group =
        job.properties() == null ? null : job.properties().getProperty("spark.jobGroup.id");
    if (group == null) {
      return;
    }
    scala.collection.Iterator<StageInfo> stages = job.stageInfos().iterator();
    while (stages.hasNext()) {
      groupOfStage.put(stages.next().stageId(), group);
    }
  }

  @Override
  public void onTaskEnd(SparkListenerTaskEnd task) {
    String group = groupOfStage.get(task.stageId());
    TaskMetrics m = task.taskMetrics();
    if (group == null || m == null) {
      return;
    }
    Totals t =
        new Totals(
            1,
            m.executorRunTime(),
            m.jvmGCTime(),
            m.memoryBytesSpilled() + m.diskBytesSpilled(),
            m.shuffleWriteMetrics().bytesWritten());
    byGroup.merge(group, t, Totals::plus);
  }

  /**
   * The totals of the job group {@code group} so far, once Spark has delivered the events of the
   * jobs that ended (waiting a few seconds at most).
   */
  Totals of(SparkContext context, String group) {
    try {
      context.listenerBus().waitUntilEmpty(5_000);
    } catch (TimeoutException e) {
      // The totals of the events delivered so far: a log line, not a result.
    }
    return byGroup.getOrDefault(group, NONE);
  }

  /** Forgets the groups of a finished pass. */
  Map<String, Totals> drain() {
    Map<String, Totals> all = new HashMap<>(byGroup);
    byGroup.clear();
    groupOfStage.clear();
    return all;
  }
}
