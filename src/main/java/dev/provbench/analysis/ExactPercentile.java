package dev.provbench.analysis;

import java.util.Arrays;

/**
 * Spark's exact {@code percentile} aggregate on the driver: at position p × (n − 1) of the sorted values, the value
 * there, or the two neighbours weighted as Spark weighs them ({@code (hi − pos) × low + (pos − lo) × high}), so a
 * figure computed from cells on the driver equals the SQL one to the last digit.
 */
final class ExactPercentile {
  private ExactPercentile() {}

  /** The p-th percentile of {@code values} (sorted here, in place); null when there are none, as in SQL. */
  static Double of(double[] values, double p) {
    if (values.length == 0) return null;
    Arrays.sort(values);
    return sorted(values, p);
  }

  /** The same over values already sorted ascending. */
  static double sorted(double[] sorted, double p) {
    double position = (sorted.length - 1) * p;
    long lower = (long) Math.floor(position);
    long higher = (long) Math.ceil(position);
    double low = sorted[(int) lower];
    if (higher == lower) return low;
    double high = sorted[(int) higher];
    if (high == low) return low;
    return (higher - position) * low + (position - lower) * high;
  }
}
