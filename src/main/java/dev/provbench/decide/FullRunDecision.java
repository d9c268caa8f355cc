package dev.provbench.decide;

import dev.provbench.job.AdaptivePlan;
import dev.provbench.job.DecisionKind;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.distribution.TDistribution;

/**
 * What the full matrix decides with the fixed-size tests that {@code analyze} uses for its claims: per size, the paired
 * t-test on per-case values (the same paired metric as the adaptive run), Holm-adjusted over every pair of the size
 * for a ranking (the leader is picked from the same data), and a (1 − α/k) interval against the margin for each of the
 * k deployments of an equivalence. Replay compares the adaptive decisions with these. Pure.
 */
public final class FullRunDecision {
  private FullRunDecision() {}

  /** One row per adaptive decision row (same keys), decided on every case of {@code full}. */
  public static List<DecisionResult> of(CellMatrix full, AdaptivePlan plan) {
    List<DecisionResult> out = new ArrayList<>();
    for (DecisionState s : RoundPlanner.states(full, plan)) out.addAll(s.fixedSize(full, plan.alpha()));
    return out;
  }

  /** Two-sided p-value of the paired t-test on {@code d}; 1 when every value is 0. */
  static double pValue(double[] d) {
    int n = d.length;
    if (n < 2) return 1;
    double mean = mean(d);
    double sd = sd(d, mean);
    if (sd == 0) return mean == 0 ? 1 : 0;
    double t = mean / (sd / Math.sqrt(n));
    return Math.min(1, 2 * new TDistribution(null, n - 1).cumulativeProbability(-Math.abs(t)));
  }

  /** The two-sided (1 − α) t interval of the mean of {@code d}. */
  static double[] interval(double[] d, double alpha) {
    int n = d.length;
    double mean = mean(d);
    if (n < 2) return new double[] {Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY};
    double half = new TDistribution(null, n - 1).inverseCumulativeProbability(1 - alpha / 2) * sd(d, mean) / Math.sqrt(n);
    return new double[] {mean - half, mean + half};
  }

  static double mean(double[] d) {
    double s = 0;
    for (double v : d) s += v;
    return d.length == 0 ? 0 : s / d.length;
  }

  private static double sd(double[] d, double mean) {
    double s = 0;
    for (double v : d) s += (v - mean) * (v - mean);
    return Math.sqrt(s / (d.length - 1));
  }

  static boolean isRanking(DecisionKind kind) {
    return kind != DecisionKind.EQUIVALENT_TO;
  }
}
