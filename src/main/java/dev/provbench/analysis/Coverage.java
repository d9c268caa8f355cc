package dev.provbench.analysis;

import java.util.Collection;
import java.util.Locale;

/** The line under each table that says what it covers: cells, failed cells, and that failures count. */
final class Coverage {
  private Coverage() {}

  static String of(Collection<ExperimentStats> stats) {
    long cells = stats.stream().mapToLong(ExperimentStats::cells).sum();
    long failed = stats.stream().mapToLong(ExperimentStats::failed).sum();
    return String.format(Locale.ROOT, "%d experiments, %d cells, %d failed (failed cells count: CorrectScore 0 and their"
        + " full duration)", stats.size(), cells, failed);
  }
}
