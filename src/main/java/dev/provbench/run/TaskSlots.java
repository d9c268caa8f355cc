package dev.provbench.run;

import org.apache.spark.SparkConf;
import org.apache.spark.SparkContext;

/**
 * How many tasks a run packs its model shares into: the job's {@code task_slots}, else the task slots Spark has.
 * In local mode that is the local threads; on a cluster, the cores of the executors that registered, waited for
 * as Spark itself does for {@code spark.scheduler.minRegisteredResourcesRatio}: until the executors asked for are
 * there ({@code spark.executor.instances}, or {@code spark.cores.max} over {@code spark.executor.cores}), else
 * until no new one came for a moment, at most {@code spark.scheduler.maxRegisteredResourcesWaitingTime}.
 */
final class TaskSlots {
  /** With no count asked for, executors that register within this long of the last one are waited for. */
  private static final long SETTLE_MS = 1_500;
  private static final long POLL_MS = 100;

  private TaskSlots() {}

  /** @param configured the job's {@code task_slots}; 0 for the slots Spark has. */
  static int of(SparkContext sc, int configured) {
    if (configured > 0) return configured;
    if (sc.isLocal()) return sc.defaultParallelism();
    int executors = awaitExecutors(sc);
    SparkConf conf = sc.getConf();
    int taskCpus = conf.getInt("spark.task.cpus", 1);
    // On a cluster Spark's default parallelism is the registered cores, unless the user set it.
    int cores = conf.contains("spark.default.parallelism")
        ? executors * conf.getInt("spark.executor.cores", 1) : sc.defaultParallelism();
    return Math.max(1, cores / taskCpus);
  }

  /** Waits for the executors asked for (or for no more to come); returns how many registered. */
  private static int awaitExecutors(SparkContext sc) {
    SparkConf conf = sc.getConf();
    int expected = expectedExecutors(conf);
    long maxWaitMs = conf.getTimeAsMs("spark.scheduler.maxRegisteredResourcesWaitingTime", "30s");
    long start = System.currentTimeMillis();
    long lastChange = start;
    int seen = registered(sc);
    while (System.currentTimeMillis() - start < maxWaitMs) {
      if (expected > 0 ? seen >= expected : seen > 0 && System.currentTimeMillis() - lastChange >= SETTLE_MS) break;
      sleep();
      int now = registered(sc);
      if (now != seen) lastChange = System.currentTimeMillis();
      seen = now;
    }
    return seen;
  }

  private static int expectedExecutors(SparkConf conf) {
    if (conf.getBoolean("spark.dynamicAllocation.enabled", false)) return 0;
    if (conf.contains("spark.executor.instances")) return conf.getInt("spark.executor.instances", 0);
    if (conf.contains("spark.cores.max") && conf.contains("spark.executor.cores")) {
      return conf.getInt("spark.cores.max", 0) / Math.max(1, conf.getInt("spark.executor.cores", 1));
    }
    return 0;
  }

  /** Executors registered with the driver, the driver itself not counted. */
  private static int registered(SparkContext sc) {
    return Math.max(0, sc.statusTracker().getExecutorInfos().length - 1);
  }

  private static void sleep() {
    try {
      Thread.sleep(POLL_MS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for executors", e);
    }
  }
}
