package dev.provbench.analysis;

import java.util.Collection;
import java.util.Locale;

/** The line under each table that says what it covers: cells, failed cells, and how failures count there. */
final class Coverage {
  private Coverage() {}

  /** Cells and failed cells, nothing about how they count. */
  static String of(Collection<ExperimentStats> stats) {
    long cells = stats.stream().mapToLong(ExperimentStats::cells).sum();
    long failed = stats.stream().mapToLong(ExperimentStats::failed).sum();
    return String.format(Locale.ROOT, "%d experiments, %d cells, %d failed", stats.size(), cells, failed);
  }

  /** For speed figures: over answered cells only. */
  static String speed(Collection<ExperimentStats> stats) {
    return of(stats) + " (speed figures over answered cells only; failure rate = failed ÷ cells)";
  }

  /** For accuracy figures: how many cells scored 0 for want of an answer. */
  static String accuracy(Collection<ExperimentStats> stats) {
    long zero = stats.stream().mapToLong(ExperimentStats::scoredZero).sum();
    return of(stats) + String.format(Locale.ROOT, " (%d cells with no answer, failed or unparsable, count as"
        + " CorrectScore 0)", zero);
  }
}
