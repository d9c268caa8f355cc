package dev.provbench.stats;

import java.util.Arrays;

/**
 * Per-case differences of mean CorrectScore between two experiments, on the cases both ran: for each shared
 * case, A's trials averaged minus B's trials averaged. The same clustering the bootstrap uses (a case's trials
 * move together), reduced to one number per case so a paired t-interval applies. A pure function.
 */
public final class CaseDifferences {
  private CaseDifferences() {}

  /** A − B per shared case, in case-key order; empty when they share none. */
  public static double[] of(CaseTotals a, CaseTotals b) {
    double[] out = new double[Math.min(a.cases(), b.cases())];
    int n = 0;
    for (int i = 0, j = 0; i < a.cases() && j < b.cases(); ) {
      long ka = a.keys()[i];
      long kb = b.keys()[j];
      if (ka == kb) {
        out[n++] = a.sums()[i] / a.counts()[i] - b.sums()[j] / b.counts()[j];
        i++;
        j++;
      } else if (ka < kb) {
        i++;
      } else {
        j++;
      }
    }
    return Arrays.copyOf(out, n);
  }

  public static double mean(double[] d) {
    return Arrays.stream(d).average().orElse(Double.NaN);
  }

  /** The sample standard deviation (n − 1); NaN below two values. */
  public static double sd(double[] d) {
    if (d.length < 2) return Double.NaN;
    double m = mean(d);
    double ss = 0;
    for (double x : d) ss += (x - m) * (x - m);
    return Math.sqrt(ss / (d.length - 1));
  }
}
