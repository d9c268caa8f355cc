package dev.provbench.analysis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The speed order at one size and whether it can be claimed. Speed is the p50 duration of answered cells;
 * a provider whose failure rate is far above the others' there is flagged and left out of the order (its
 * answered cells alone would flatter it). "Fastest" holds only when the leader's 95% interval on its p50 lies
 * entirely below every other's interval; "slowest" likewise above.
 *
 * @param size         the size.
 * @param ranked       experiments with answered cells that are not flagged, fastest p50 first.
 * @param flagged      experiments whose failure rate is far above the others' ({@link #farAbove}).
 * @param medianFailureRate the median failure rate of the experiments at this size.
 * @param fastestClear whether the first of {@code ranked} is clearly fastest.
 * @param slowestClear whether the last of {@code ranked} is clearly slowest.
 */
public record SpeedRanking(String size, List<ExperimentStats> ranked, List<ExperimentStats> flagged,
    double medianFailureRate, boolean fastestClear, boolean slowestClear) {
  /** A flagged failure rate is at least this many points above the size's median … */
  public static final double FLAG_POINTS = 0.10;
  /** … and at least this many times that median. */
  public static final double FLAG_RATIO = 2.0;

  static SpeedRanking of(RunAnalysis run, String size) {
    List<ExperimentStats> at = run.at(size);
    double median = median(at.stream().mapToDouble(ExperimentStats::failureRate).sorted().toArray());
    List<ExperimentStats> flagged = new ArrayList<>();
    List<ExperimentStats> ranked = new ArrayList<>();
    for (ExperimentStats s : at) {
      if (farAbove(s.failureRate(), median)) flagged.add(s);
      else if (s.reliability().answered() > 0) ranked.add(s);
    }
    ranked.sort(Comparator.comparingDouble(ExperimentStats::p50));
    boolean fastest = ranked.size() >= 2;
    boolean slowest = ranked.size() >= 2;
    for (int i = 1; i < ranked.size(); i++) {
      fastest &= run.speed().get(ranked.get(0).experiment()).high() < run.speed().get(ranked.get(i).experiment()).low();
    }
    ExperimentStats last = ranked.isEmpty() ? null : ranked.get(ranked.size() - 1);
    for (int i = 0; i < ranked.size() - 1; i++) {
      slowest &= run.speed().get(last.experiment()).low() > run.speed().get(ranked.get(i).experiment()).high();
    }
    return new SpeedRanking(size, List.copyOf(ranked), List.copyOf(flagged), median, fastest, slowest);
  }

  /** The rule: at least {@link #FLAG_POINTS} above the median and at least {@link #FLAG_RATIO} times it. */
  static boolean farAbove(double rate, double median) {
    return rate - median >= FLAG_POINTS - 1e-12 && rate >= FLAG_RATIO * median;
  }

  /** The fastest by p50 among the ranked, whether or not clearly; null when none answered. */
  public ExperimentStats fastest() {
    return ranked.isEmpty() ? null : ranked.get(0);
  }

  /** The slowest by p50 among the ranked, whether or not clearly; null when fewer than two are ranked. */
  public ExperimentStats slowest() {
    return ranked.size() < 2 ? null : ranked.get(ranked.size() - 1);
  }

  private static double median(double[] sorted) {
    if (sorted.length == 0) return 0;
    int mid = sorted.length / 2;
    return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  }
}
