package dev.provbench.run;

import java.io.PrintStream;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.spark.scheduler.AccumulableInfo;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerExecutorMetricsUpdate;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.util.LongAccumulator;
import scala.Tuple4;

/**
 * Prints a progress line (cells done of total, failures, spend so far, ETA) from three accumulators: finished tasks
 * give their final values, running ones report theirs in executor heartbeats. Works the same in
 * local mode and on a cluster. Listener events arrive on one Spark thread; printing on another.
 */
final class ProgressListener extends SparkListener {
  private final LongAccumulator done;
  private final LongAccumulator failed;
  private final LongAccumulator spentMicros;
  private final long total;
  private final Map<Long, long[]> running = new ConcurrentHashMap<>();
  private final long startNanos = System.nanoTime();

  ProgressListener(LongAccumulator done, LongAccumulator failed, LongAccumulator spentMicros, long total) {
    this.done = done;
    this.failed = failed;
    this.spentMicros = spentMicros;
    this.total = total;
  }

  @Override
  public void onExecutorMetricsUpdate(SparkListenerExecutorMetricsUpdate update) {
    scala.collection.Iterator<Tuple4<Object, Object, Object, scala.collection.immutable.Seq<AccumulableInfo>>> it =
        update.accumUpdates().iterator();
    while (it.hasNext()) {
      Tuple4<Object, Object, Object, scala.collection.immutable.Seq<AccumulableInfo>> t = it.next();
      long[] values = running.computeIfAbsent((Long) t._1(), k -> new long[3]);
      scala.collection.Iterator<AccumulableInfo> infos = t._4().iterator();
      while (infos.hasNext()) {
        AccumulableInfo info = infos.next();
        if (info.update().isEmpty()) continue;
        if (info.id() == done.id()) values[0] = ((Number) info.update().get()).longValue();
        if (info.id() == failed.id()) values[1] = ((Number) info.update().get()).longValue();
        if (info.id() == spentMicros.id()) values[2] = ((Number) info.update().get()).longValue();
      }
    }
  }

  @Override
  public void onTaskEnd(SparkListenerTaskEnd end) {
    running.remove(end.taskInfo().taskId());
  }

  /** Cells done, failed, and micro-dollars spent: finished tasks' totals plus running tasks' last heartbeat. */
  long[] counts() {
    long d = done.value();
    long f = failed.value();
    long s = spentMicros.value();
    for (long[] v : running.values()) {
      d += v[0];
      f += v[1];
      s += v[2];
    }
    return new long[] {Math.min(d, total), f, s};
  }

  void print(PrintStream out) {
    long[] c = counts();
    double seconds = (System.nanoTime() - startNanos) / 1e9;
    String eta = c[0] == 0 ? "?" : String.format("%.0fs", seconds * (total - c[0]) / c[0]);
    out.printf(java.util.Locale.ROOT, "progress: %d/%d cells (%.0f%%), %d failed, $%.4f spent, %.0fs elapsed, ETA %s%n",
        c[0], total, total == 0 ? 100.0 : 100.0 * c[0] / total, c[1], c[2] / 1e6, seconds, eta);
  }
}
