package dev.provbench.run;

import java.io.PrintStream;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.spark.Success$;
import org.apache.spark.scheduler.AccumulableInfo;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerExecutorMetricsUpdate;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import scala.Tuple4;

/**
 * Prints a progress line (cells done of total, failures, spend so far, ETA) from the run's accumulators: finished
 * tasks give their final values, running ones report theirs in executor heartbeats. Works the same in local mode
 * and on a cluster. Also counts lost task attempts (an executor lost, a task failed): the cells such an attempt had
 * done but not committed, as of its last heartbeat, are called again by the retry. Listener events arrive on one
 * Spark thread; printing on another.
 */
final class ProgressListener extends SparkListener {
  private static final int DONE = 0;
  private static final int FAILED = 1;
  private static final int SPENT = 2;
  private static final int COMMITTED = 3;

  private final RunCounters counters;
  private final long total;
  private final Map<Long, long[]> running = new ConcurrentHashMap<>();
  private final AtomicLong lostAttempts = new AtomicLong();
  private final AtomicLong rerunCells = new AtomicLong();
  private final long startNanos = System.nanoTime();

  ProgressListener(RunCounters counters, long total) {
    this.counters = counters;
    this.total = total;
  }

  @Override
  public void onExecutorMetricsUpdate(SparkListenerExecutorMetricsUpdate update) {
    scala.collection.Iterator<Tuple4<Object, Object, Object, scala.collection.immutable.Seq<AccumulableInfo>>> it =
        update.accumUpdates().iterator();
    while (it.hasNext()) {
      Tuple4<Object, Object, Object, scala.collection.immutable.Seq<AccumulableInfo>> t = it.next();
      long[] values = running.computeIfAbsent((Long) t._1(), k -> new long[4]);
      scala.collection.Iterator<AccumulableInfo> infos = t._4().iterator();
      while (infos.hasNext()) {
        AccumulableInfo info = infos.next();
        if (info.update().isEmpty()) continue;
        long v = ((Number) info.update().get()).longValue();
        if (info.id() == counters.finished().id()) values[DONE] = v;
        if (info.id() == counters.failed().id()) values[FAILED] = v;
        if (info.id() == counters.spentMicros().id()) values[SPENT] = v;
        if (info.id() == counters.committed().id()) values[COMMITTED] = v;
      }
    }
  }

  @Override
  public void onTaskEnd(SparkListenerTaskEnd end) {
    long[] last = running.remove(end.taskInfo().taskId());
    if (end.reason() == Success$.MODULE$) return;
    lostAttempts.incrementAndGet();
    // A failed attempt's accumulator updates are dropped; its last heartbeat is what the driver knows of it.
    if (last != null) rerunCells.addAndGet(Math.max(0, last[DONE] - last[COMMITTED]));
  }

  /** Cells done, failed, and micro-dollars spent: finished tasks' totals plus running tasks' last heartbeat. */
  long[] counts() {
    long d = counters.finished().value();
    long f = counters.failed().value();
    long s = counters.spentMicros().value();
    for (long[] v : running.values()) {
      d += v[DONE];
      f += v[FAILED];
      s += v[SPENT];
    }
    return new long[] {Math.min(d, total), f, s};
  }

  /** Task attempts that ended without success. */
  long lostAttempts() {
    return lostAttempts.get();
  }

  /** Cells lost attempts had done but not committed, as of their last heartbeat: the retries call them again. */
  long rerunCells() {
    return rerunCells.get();
  }

  void print(PrintStream out) {
    long[] c = counts();
    double seconds = (System.nanoTime() - startNanos) / 1e9;
    String eta = c[0] == 0 ? "?" : String.format("%.0fs", seconds * (total - c[0]) / c[0]);
    out.printf(Locale.ROOT, "progress: %d/%d cells (%.0f%%), %d failed, $%.4f spent, %.1fs elapsed, ETA %s%n",
        c[0], total, total == 0 ? 100.0 : 100.0 * c[0] / total, c[1], c[2] / 1e6, seconds, eta);
  }

  /** The line for lost attempts, or "" when none was lost. */
  String lostAttemptsLine() {
    if (lostAttempts() == 0) return "";
    return String.format(Locale.ROOT, "lost task attempts: %d (an executor lost or a task failed); re-run calls: %d cells"
        + " they had done but not committed (as of their last heartbeat) were called again; every cell is still one row%n",
        lostAttempts(), rerunCells());
  }
}
