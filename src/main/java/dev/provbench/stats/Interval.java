package dev.provbench.stats;

/**
 * A mean with its 95% bootstrap confidence interval.
 *
 * @param mean  the point estimate over all cells (NaN when there are none).
 * @param low   the 2.5th percentile of the resampled means.
 * @param high  the 97.5th percentile of the resampled means.
 * @param cases how many cases were resampled.
 */
public record Interval(double mean, double low, double high, int cases) {
  public boolean covers(double value) {
    return low <= value && value <= high;
  }
}
