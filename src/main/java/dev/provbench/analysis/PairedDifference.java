package dev.provbench.analysis;

/**
 * The difference A − B of mean CorrectScore on the cases both were run on, with its paired bootstrap
 * 95% confidence interval.
 *
 * @param difference the point estimate, A − B, in score units (×100 for points).
 * @param low        the 2.5th percentile of the resampled differences.
 * @param high       the 97.5th percentile of the resampled differences.
 * @param pValue     two-sided bootstrap p-value: twice the smaller share of resampled differences on
 *                   either side of 0, capped at 1.
 * @param cases      the cases both sides share.
 */
public record PairedDifference(double difference, double low, double high, double pValue, int cases) {
  /** True when the 95% interval excludes 0. */
  public boolean significant() {
    return low > 0 || high < 0;
  }
}
