package dev.provbench.stats;

import org.apache.commons.math3.distribution.TDistribution;

/**
 * A paired t-test on per-case differences (one number per case, its trials averaged, so a case's trials move
 * together as in the bootstrap): the mean difference, its 95% interval and the two-sided p-value from Student's
 * t with n − 1 degrees of freedom. Exact p-values (not resample counts) let a Holm family of many comparisons
 * reach significance. Immutable.
 *
 * @param cases      the shared cases.
 * @param difference mean per-case difference.
 * @param low        lower end of the 95% interval.
 * @param high       upper end of the 95% interval.
 * @param pValue     two-sided p for a difference of 0; 1 when every difference is 0; NaN below two cases.
 */
public record PairedT(int cases, double difference, double low, double high, double pValue) {

  public static PairedT of(double[] d) {
    return of(d, 0.95);
  }

  /** The same with a (confidence) interval instead of the 95% one. */
  public static PairedT of(double[] d, double confidence) {
    int n = d.length;
    double mean = CaseDifferences.mean(d);
    if (n < 2) return new PairedT(n, mean, Double.NaN, Double.NaN, Double.NaN);
    double se = CaseDifferences.sd(d) / Math.sqrt(n);
    if (se == 0) return new PairedT(n, mean, mean, mean, mean == 0 ? 1.0 : 0.0);
    TDistribution t = new TDistribution(null, n - 1);
    double half = t.inverseCumulativeProbability(1 - (1 - confidence) / 2) * se;
    double p = 2 * t.cumulativeProbability(-Math.abs(mean / se));
    return new PairedT(n, mean, mean - half, mean + half, Math.min(1, p));
  }
}
