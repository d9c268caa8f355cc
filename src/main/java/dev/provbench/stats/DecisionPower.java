package dev.provbench.stats;
import java.util.List;

import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.distribution.TDistribution;

/**
 * How large a difference a paired comparison can detect, and how many cases a given difference needs, at
 * 80% power and α = 0.05 two-sided, by the normal approximation on per-case differences (trials averaged per
 * case, so the per-case SD already holds the trials run); at another level (a trend's α ÷ m) by Student's t.
 * Pure functions; figures in score units.
 */
public final class DecisionPower {
  private DecisionPower() {}

  /** The minimum detectable difference: (z₀.₉₇₅ + z₀.₈) × sd ÷ √n. */
  public static double minimumDetectable(double sd, long cases) {
    return cases < 1 ? Double.NaN : (Normal.Z_975 + Normal.Z_80) * sd / Math.sqrt(cases);
  }

  /** The cases needed to detect {@code difference}: ⌈((z₀.₉₇₅ + z₀.₈) × sd ÷ difference)²⌉; null if unknown. */
  public static Long casesNeeded(double sd, double difference) {
    if (!(difference > 0) || Double.isNaN(sd)) return null;
    return Math.max(2L, (long) Math.ceil(Math.pow((Normal.Z_975 + Normal.Z_80) * sd / difference, 2)));
  }

  /**
   * The minimum detectable difference of a paired t-test at two-sided level {@code alpha} (one test's level, e.g.
   * α ÷ m for the first step of Holm over m tests) with 80% power: (t(1 − alpha ÷ 2, n − 1) + t(0.8, n − 1)) × sd ÷
   * √n. Student's quantiles rather than the normal's, because a small per-test level far in the tail on a few dozen
   * cases is where they differ (at α = 0.05 ÷ 40 and 60 cases, 3.39 against 3.23).
   */
  public static double minimumDetectable(double sd, long cases, double alpha) {
    if (cases < 2 || Double.isNaN(sd) || !(alpha > 0 && alpha < 1)) return Double.NaN;
    TDistribution t = new TDistribution(null, cases - 1);
    return (t.inverseCumulativeProbability(1 - alpha / 2) + t.inverseCumulativeProbability(0.8)) * sd / Math.sqrt(cases);
  }

  /** The fewest cases whose {@link #minimumDetectable(double, long, double)} is at most {@code difference}; null if unknown. */
  public static Long casesNeeded(double sd, double difference, double alpha) {
    if (!(difference > 0) || Double.isNaN(sd) || !(alpha > 0 && alpha < 1)) return null;
    if (sd == 0) return 2L;
    long n = 2;
    while (minimumDetectable(sd, n, alpha) > difference) {
      long z = (long) Math.ceil(Math.pow((normalQuantile(1 - alpha / 2) + Normal.Z_80) * sd / difference, 2));
      n = Math.max(n + 1, Math.min(z, n * 2));
    }
    return n;
  }

  private static double normalQuantile(double p) {
    return new NormalDistribution(null, 0, 1).inverseCumulativeProbability(p);
  }

  /** The pooled SD of several pairs' per-case differences: √(Σ (nᵢ − 1) sᵢ² ÷ Σ (nᵢ − 1)). */
  public static double pooledSd(List<double[]> pairs) {
    double ss = 0;
    long df = 0;
    for (double[] d : pairs) {
      if (d.length < 2) continue;
      double s = CaseDifferences.sd(d);
      ss += (d.length - 1) * s * s;
      df += d.length - 1;
    }
    return df == 0 ? Double.NaN : Math.sqrt(ss / df);
  }
}
