package dev.provbench.run;

import dev.provbench.job.LoadStop;
import dev.provbench.job.ServiceObjective;
import dev.provbench.results.CellResult;
import java.util.ArrayList;
import java.util.List;

/**
 * The over-saturation stop of one partition in a load step: watches its measured cells as they finish and
 * trips once {@link LoadStop}'s rule holds, so no more cells are sent. A plain run's guard never trips.
 * One per partition; thread-safe.
 */
final class LoadGuard {
  private final LoadStep step;
  private final List<Long> durations = new ArrayList<>();
  private final List<Long> ttfts = new ArrayList<>();
  private int finished;
  private int failed;
  private volatile String reason;

  LoadGuard(LoadStep step) {
    this.step = step;
  }

  synchronized void observe(CellResult r) {
    if (step == null || r.loadWarmup() || reason != null) return;
    finished++;
    if (r.status().answered()) {
      durations.add(r.durationMs());
      if (r.ttftMs() != null) ttfts.add(r.ttftMs());
    } else {
      failed++;
    }
    if (finished >= step.stop().minCells()) reason = verdict(step.stop(), step.objective(), finished, failed, durations, ttfts);
  }

  boolean tripped() {
    return reason != null;
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
      return String.format(java.util.Locale.ROOT, "%.0f%% of %d cells failed (stop above %.0f%%)", errors * 100, cells,
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
    return String.format(java.util.Locale.ROOT, "%s p90 %d ms is over %.0f times the objective's %.0f ms", what, p90,
        factor, limit);
  }
}
