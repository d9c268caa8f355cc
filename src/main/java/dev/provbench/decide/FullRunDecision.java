package dev.provbench.decide;

import dev.provbench.job.AdaptivePlan;
import dev.provbench.stats.CaseDifferences;
import dev.provbench.stats.PairedT;
import java.util.ArrayList;
import java.util.List;

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

  /** Two-sided p-value of the paired t-test on {@code d}; 1 below two cases. */
  static double pValue(double[] d) {
    double p = PairedT.of(d).pValue();
    return Double.isNaN(p) ? 1 : p;
  }

  /** The two-sided (1 − α) t interval of the mean of {@code d}; everything below two cases. */
  static double[] interval(double[] d, double alpha) {
    PairedT t = PairedT.of(d, 1 - alpha);
    return Double.isNaN(t.low()) ? new double[] {Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY} : new double[] {t.low(), t.high()};
  }

  static double mean(double[] d) {
    return d.length == 0 ? 0 : CaseDifferences.mean(d);
  }

}
