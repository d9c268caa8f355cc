package dev.provbench.stats;

/**
 * The difference A − B of mean CorrectScore on the cases both were run on, with its paired bootstrap
 * 95% confidence interval.
 *
 * @param difference the point estimate, A − B, in score units (×100 for points).
 * @param low        the 2.5th percentile of the resampled differences.
 * @param high       the 97.5th percentile of the resampled differences.
 * @param pValue     two-sided bootstrap p-value: 2 (k + 1) ÷ (B + 1), k the resampled differences on the far
 *                   side of 0 (0 included) out of B, capped at 1; never 0.
 * @param adjustedP  {@code pValue} after Holm's adjustment across the comparisons at one size ({@link Holm});
 *                   equal to {@code pValue} for a lone comparison.
 * @param cases      the cases both sides share.
 */
public record PairedDifference(double difference, double low, double high, double pValue, double adjustedP, int cases) {
  /** True when the adjusted p-value is below 0.05. */
  public boolean significant() {
    return adjustedP < 0.05;
  }

  public PairedDifference withAdjustedP(double adjusted) {
    return new PairedDifference(difference, low, high, pValue, adjusted, cases);
  }
}
