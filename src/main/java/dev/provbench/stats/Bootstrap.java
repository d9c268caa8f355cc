package dev.provbench.stats;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Percentile bootstrap over cases: a case's trials move together, since they share the question. Each
 * estimate draws from its own generator seeded by {@code seed} and the estimate's label, so a result does
 * not depend on which other estimates were computed first. Immutable; thread-safe.
 *
 * @param seed      the base seed; the same seed gives the same intervals.
 * @param resamples resamples per estimate; 1,000 gives intervals stable to about ±0.005 on CorrectScore.
 */
public record Bootstrap(long seed, int resamples) {
  public static final long DEFAULT_SEED = 20_240_917L;
  public static final int DEFAULT_RESAMPLES = 1000;

  public Bootstrap {
    if (resamples < 10) throw new IllegalArgumentException("use at least 10 resamples, got " + resamples);
  }

  public static Bootstrap defaults() {
    return new Bootstrap(DEFAULT_SEED, DEFAULT_RESAMPLES);
  }

  /** The mean CorrectScore of {@code group} (sum over cells ÷ cells) with its 95% interval. */
  public Interval mean(String label, CaseTotals group) {
    int n = group.cases();
    if (n == 0) return new Interval(Double.NaN, Double.NaN, Double.NaN, 0);
    SplittableRandom random = random(label);
    double[] stats = new double[resamples];
    for (int b = 0; b < resamples; b++) {
      double sum = 0;
      long count = 0;
      for (int i = 0; i < n; i++) {
        int c = random.nextInt(n);
        sum += group.sums()[c];
        count += group.counts()[c];
      }
      stats[b] = sum / count;
    }
    Arrays.sort(stats);
    return new Interval(group.mean(), quantile(stats, 0.025), quantile(stats, 0.975), n);
  }

  /** Mean(A) − mean(B) on the cases both have, resampling those cases together. */
  public PairedDifference paired(String label, CaseTotals a, CaseTotals b) {
    int[][] common = commonCases(a, b);
    int n = common[0].length;
    if (n == 0) return new PairedDifference(Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, 0);
    double point = difference(a, b, common, null, n);
    SplittableRandom random = random(label);
    double[] stats = new double[resamples];
    int[] draw = new int[n];
    int below = 0;
    int above = 0;
    for (int r = 0; r < resamples; r++) {
      for (int i = 0; i < n; i++) draw[i] = random.nextInt(n);
      stats[r] = difference(a, b, common, draw, n);
      if (stats[r] <= 0) below++;
      if (stats[r] >= 0) above++;
    }
    Arrays.sort(stats);
    double p = pValue(Math.min(below, above), resamples);
    return new PairedDifference(point, quantile(stats, 0.025), quantile(stats, 0.975), p, p, n);
  }

  /**
   * Two-sided bootstrap p-value: (k + 1) ÷ (B + 1) for the {@code farSide} resamples at or beyond 0, doubled,
   * capped at 1. The + 1 counts the observed data as one of the resamples, so p is never 0.
   */
  static double pValue(int farSide, int resamples) {
    return Math.min(1.0, 2.0 * (farSide + 1) / (resamples + 1));
  }

  /**
   * The median answered duration with its 95% interval, resampling cases (a case's trials together). At most
   * {@link #MAX_SPEED_CASES} cases (a seeded sample of them) enter the resamples, which keeps a very large run's
   * cost bounded and only widens its interval.
   */
  public Interval median(String label, CaseDurations group) {
    int n = group.cases();
    if (n == 0) return new Interval(Double.NaN, Double.NaN, Double.NaN, 0);
    double point = median(group.durations().clone(), group.durations().length);
    SplittableRandom random = random("p50 " + label);
    int[] sample = new int[Math.min(n, MAX_SPEED_CASES)];
    for (int i = 0; i < sample.length; i++) sample[i] = n <= MAX_SPEED_CASES ? i : random.nextInt(n);
    int widest = 0;
    for (int c : sample) widest = Math.max(widest, group.starts()[c + 1] - group.starts()[c]);
    double[] buffer = new double[sample.length * widest];
    double[] stats = new double[resamples];
    for (int b = 0; b < resamples; b++) {
      int size = 0;
      for (int i = 0; i < sample.length; i++) {
        int c = sample[random.nextInt(sample.length)];
        for (int k = group.starts()[c]; k < group.starts()[c + 1]; k++) buffer[size++] = group.durations()[k];
      }
      stats[b] = median(buffer, size);
    }
    Arrays.sort(stats);
    return new Interval(point, quantile(stats, 0.025), quantile(stats, 0.975), n);
  }

  /** Cases of one experiment that enter the speed bootstrap at most. */
  public static final int MAX_SPEED_CASES = 20_000;

  /** The median of the first {@code size} values (reordered), interpolated as Spark's {@code percentile}. */
  static double median(double[] values, int size) {
    double pos = 0.5 * (size - 1);
    int lo = (int) Math.floor(pos);
    double low = select(values, size, lo);
    if (pos == lo) return low;
    double high = Double.POSITIVE_INFINITY;
    for (int i = lo + 1; i < size; i++) high = Math.min(high, values[i]);
    return low + (pos - lo) * (high - low);
  }

  /** Quickselect: puts the k-th smallest of the first {@code size} values at index k and returns it. */
  private static double select(double[] a, int size, int k) {
    int lo = 0;
    int hi = size - 1;
    while (lo < hi) {
      double pivot = a[(lo + hi) >>> 1];
      int i = lo;
      int j = hi;
      while (i <= j) {
        while (a[i] < pivot) i++;
        while (a[j] > pivot) j--;
        if (i <= j) {
          double t = a[i];
          a[i++] = a[j];
          a[j--] = t;
        }
      }
      if (k <= j) hi = j;
      else if (k >= i) lo = i;
      else return a[k];
    }
    return a[k];
  }

  private static double difference(CaseTotals a, CaseTotals b, int[][] common, int[] draw, int n) {
    double sa = 0;
    double sb = 0;
    long ca = 0;
    long cb = 0;
    for (int i = 0; i < n; i++) {
      int k = draw == null ? i : draw[i];
      int ia = common[0][k];
      int ib = common[1][k];
      sa += a.sums()[ia];
      ca += a.counts()[ia];
      sb += b.sums()[ib];
      cb += b.counts()[ib];
    }
    return sa / ca - sb / cb;
  }

  /** Index pairs of the cases present in both (both are sorted by key). */
  private static int[][] commonCases(CaseTotals a, CaseTotals b) {
    int[] ia = new int[Math.min(a.cases(), b.cases())];
    int[] ib = new int[ia.length];
    int n = 0;
    for (int i = 0, j = 0; i < a.cases() && j < b.cases(); ) {
      long ka = a.keys()[i];
      long kb = b.keys()[j];
      if (ka == kb) {
        ia[n] = i++;
        ib[n++] = j++;
      } else if (ka < kb) {
        i++;
      } else {
        j++;
      }
    }
    return new int[][] {Arrays.copyOf(ia, n), Arrays.copyOf(ib, n)};
  }

  private SplittableRandom random(String label) {
    return new SplittableRandom(seed * 31 + label.hashCode());
  }

  /** Linear interpolation between order statistics of a sorted array. */
  static double quantile(double[] sorted, double q) {
    double pos = q * (sorted.length - 1);
    int lo = (int) Math.floor(pos);
    int hi = Math.min(lo + 1, sorted.length - 1);
    return sorted[lo] + (pos - lo) * (sorted[hi] - sorted[lo]);
  }
}
