package dev.provbench.run;

import dev.provbench.job.LoadStop;
import dev.provbench.job.ServiceObjective;
import dev.provbench.results.CellResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * How one model share runs a load step: holds each cell of a rate step until its scheduled moment (counting the
 * measured ones that go late), ends a duration step once its time is up, and watches the measured cells as they
 * finish, tripping once {@link LoadStop}'s rule holds; tripped, no more cells are sent. A plain run's guard
 * never waits or trips. One per model share in a partition; thread-safe.
 */
final class LoadGuard {
  private final LoadStep step;
  private final int cases;
  private final ArrivalSchedule schedule;
  private final AtomicLong startNanos = new AtomicLong(Long.MIN_VALUE);
  private final AtomicLong measuredSince = new AtomicLong(Long.MIN_VALUE);
  private final List<Long> durations = new ArrayList<>();
  private final List<Long> ttfts = new ArrayList<>();
  private int finished;
  private int failed;
  private volatile String reason;

  /** @param cases the dataset's size: a cell's ordinal in the step is found from its case and trial. */
  LoadGuard(LoadStep step, int cases) {
    this.step = step;
    this.cases = cases;
    this.schedule = step == null ? null : step.schedule();
  }

  /**
   * Called on the call's own thread just before it is sent: waits for a rate step's cell to be due, counting from
   * the share's first send. A cell held back past its moment (the in-flight cap was full, or the task fell behind)
   * goes at once, its lateness counted.
   */
  void awaitSendTime(Cell cell) {
    if (step == null) return;
    // The schedule starts with the share's first send, so setting up the task does not make its sends late.
    startNanos.compareAndSet(Long.MIN_VALUE, System.nanoTime());
    if (!cell.warmup()) measuredSince.compareAndSet(Long.MIN_VALUE, System.nanoTime());
    if (schedule == null) return;
    long k = (long) (cell.trial() - 1) * cases + cell.caseIndex();
    long due = startNanos.get() + (long) (schedule.secondsAt(cell.warmup() ? k : step.warmup() + k) * 1e9);
    long left;
    while ((left = due - System.nanoTime()) > 0) {
      try {
        TimeUnit.NANOSECONDS.sleep(left);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while waiting to send cell " + cell.cellId(), e);
      }
    }
    if (!cell.warmup() && step.late() != null) step.late().add(-left / 1_000_000);
  }

  synchronized void observe(CellResult r) {
    if (step == null || r.load().warmup() || reason != null) return;
    finished++;
    if (r.outcome().status().answered()) {
      durations.add(r.timing().durationMs());
      if (r.speed().ttftMs() != null) ttfts.add(r.speed().ttftMs());
    } else {
      failed++;
    }
    if (finished >= step.stop().minCells()) reason = verdict(step.stop(), step.objective(), finished, failed, durations, ttfts);
  }

  /** Whether the share sends no more cells: the stop rule holds, or a duration step's time is up. */
  boolean tripped() {
    return reason != null || timeUp();
  }

  private boolean timeUp() {
    if (step == null || !step.timed()) return false;
    long since = measuredSince.get();
    return since != Long.MIN_VALUE && System.nanoTime() - since >= (long) (step.seconds() * 1e9);
  }

  /**
   * Why the stop rule holds for these cells, or null when it does not: the one rule, used by the guard as a
   * step runs and by the ladder on a step's rows.
   */
  static String verdict(LoadStop stop, ServiceObjective objective, int cells, int failedCells, List<Long> durations,
      List<Long> ttfts) {
    if (cells == 0) return null;
    double errors = (double) failedCells / cells;
    if (errors > stop.errorRate()) {
      return String.format(Locale.ROOT, "%.0f%% of %d cells failed (stop above %.0f%%)", errors * 100, cells,
          stop.errorRate() * 100);
    }
    String slow = pastLimit("duration", durations, objective.durationP90Ms(), stop.latencyFactor());
    return slow != null ? slow : pastLimit("ttft", ttfts, objective.ttftP90Ms(), stop.latencyFactor());
  }

  private static String pastLimit(String what, List<Long> values, Double limit, double factor) {
    if (limit == null || values.isEmpty()) return null;
    long[] sorted = values.stream().mapToLong(Long::longValue).sorted().toArray();
    long p90 = sorted[(int) Math.ceil(0.9 * sorted.length) - 1];
    if (p90 <= factor * limit) return null;
    return String.format(Locale.ROOT, "%s p90 %d ms is over %.0f times the objective's %.0f ms", what, p90,
        factor, limit);
  }
}
