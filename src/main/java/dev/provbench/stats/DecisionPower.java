package dev.provbench.stats;
import java.util.List;

/**
 * How large a difference a paired comparison can detect, and how many cases a given difference needs, at
 * 80% power and α = 0.05 two-sided, by the normal approximation on per-case differences (trials averaged per
 * case, so the per-case SD already holds the trials run). Pure functions; figures in score units.
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
