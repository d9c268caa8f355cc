package dev.provbench.stats;

/**
 * The few quantiles the equivalence and power figures need: normal ones as constants, Student's t from the
 * Cornish–Fisher expansion around the normal (within 0.001 of the exact value from 10 degrees of freedom up,
 * within 0.02 from 3). Pure functions.
 */
final class Normal {
  /** z at 0.95: one-sided 5%, the TOST's each side, and the 90% interval. */
  static final double Z_95 = 1.6448536269514722;
  /** z at 0.975: two-sided 5%, the 95% interval. */
  static final double Z_975 = 1.959963984540054;
  /** z at 0.80: 80% power. */
  static final double Z_80 = 0.8416212335729143;

  private Normal() {}

  /** Student's t quantile for the normal quantile {@code z} and {@code df} degrees of freedom. */
  static double t(double z, int df) {
    if (df < 1) return Double.NaN;
    double v = df;
    double z3 = z * z * z;
    double z5 = z3 * z * z;
    double z7 = z5 * z * z;
    return z + (z3 + z) / (4 * v) + (5 * z5 + 16 * z3 + 3 * z) / (96 * v * v)
        + (3 * z7 + 19 * z5 + 17 * z3 - 15 * z) / (384 * v * v * v);
  }
}
