package dev.provbench.stats;

/** The normal quantiles the equivalence planning and power figures need, as constants. */
final class Normal {
  /** z at 0.95: one-sided 5%, each side of the TOST. */
  static final double Z_95 = 1.6448536269514722;
  /** z at 0.975: two-sided 5%, the 95% interval. */
  static final double Z_975 = 1.959963984540054;
  /** z at 0.80: 80% power. */
  static final double Z_80 = 0.8416212335729143;

  private Normal() {}
}
