package dev.provbench.stats;

/**
 * Anytime-valid tests and confidence sequences for the mean of values bounded in [−1, 1]: they hold at every look at
 * once, so a run may look after every round and stop when it is decided without raising its error rate. Each is a
 * betting test of Waudby-Smith and Ramdas ("Estimating means of bounded random variables by betting", JRSS-B 2024):
 * to test "the mean is at most m", a gambler stakes a share λ of their capital on each value being above m, with λ
 * chosen before the value is seen (the growth-rate-adaptive bet aGRAPA of their section 5.3: the running mean's
 * excess over m divided by its second moment, capped at {@value #STAKE} ÷ m). When the mean is at most m the capital
 * is a non-negative supermartingale, so by Ville's inequality it ever reaches 1/α with probability at most α. The
 * two-sided form hedges: half the capital bets up, half down. The confidence sequence is the set of means m no
 * gambler has won against yet. Values must arrive in an order chosen without seeing them (independent draws). Pure.
 */
public final class ConfidenceSequence {
  /** The most of the capital a bet may stake, as a share of what it can lose (the paper's c; it suggests 1/2 to 3/4). */
  private static final double STAKE = 0.75;
  private static final int BISECTIONS = 30;

  /**
   * @param low  the lower end, in the values' units.
   * @param high the upper end.
   * @param n    how many values it rests on.
   */
  public record Bounds(double low, double high, int n) {
    /** Everything, before any value. */
    public static final Bounds ALL = new Bounds(-1, 1, 0);
  }

  private ConfidenceSequence() {}

  /**
   * Whether the first {@code n} values have shown, at some look, that the mean is above {@code m} at level α
   * (two-sided: α is shared with the test of {@link #showsBelow}).
   */
  public static boolean showsAbove(double[] x, int n, double alpha, double m) {
    return won(x, n, (m + 1) / 2, Math.log(1 / alpha), true);
  }

  /** Whether the first {@code n} values have shown, at some look, that the mean is below {@code m}. */
  public static boolean showsBelow(double[] x, int n, double alpha, double m) {
    return won(x, n, (m + 1) / 2, Math.log(1 / alpha), false);
  }

  /** The (1 − α) confidence sequence after the first {@code n} values of {@code x} (each in [−1, 1]). */
  public static Bounds of(double[] x, int n, double alpha) {
    if (n == 0) return Bounds.ALL;
    double mean = 0;
    for (int i = 0; i < n; i++) mean += x[i];
    mean /= n;
    return new Bounds(end(x, n, alpha, mean, true), end(x, n, alpha, mean, false), n);
  }

  public static Bounds of(double[] x, double alpha) {
    return of(x, x.length, alpha);
  }

  /** The lowest (or highest) m not yet shown wrong, by bisection between the sample mean and −1 (or 1). */
  private static double end(double[] x, int n, double alpha, double mean, boolean lower) {
    double edge = lower ? -1 : 1;
    if (lower ? !showsAbove(x, n, alpha, edge) : !showsBelow(x, n, alpha, edge)) return edge;
    double out = edge;
    double in = mean;
    for (int k = 0; k < BISECTIONS; k++) {
      double mid = (out + in) / 2;
      boolean shown = lower ? showsAbove(x, n, alpha, mid) : showsBelow(x, n, alpha, mid);
      if (shown) out = mid;
      else in = mid;
    }
    return in;
  }

  /**
   * Whether half the capital of the gambler betting that the mean is above (or below) {@code m} — values and m
   * scaled to [0, 1] — has reached 1/α at some look (log scale).
   */
  private static boolean won(double[] x, int n, double m, double threshold, boolean up) {
    // The capital is kept as log + ln(product): the product of the latest factors, folded into the log only when it
    // leaves a safe range, so most steps cost a multiplication instead of a logarithm.
    double log = Math.log(0.5);
    double product = 1;
    double target = Math.exp(threshold - log);
    double sum = 0;
    double squares = 0;
    double cap = up ? STAKE / Math.max(m, 1e-12) : STAKE / Math.max(1 - m, 1e-12);
    for (int i = 0; i < n; i++) {
      double y = Math.min(1, Math.max(0, (x[i] + 1) / 2));
      // The bet uses only the values before this one: the running mean and second moment about m, with a prior
      // of one value at 1/2 so the first bets are small.
      double excess = (0.5 + sum) / (i + 1) - m;
      double moment = (0.25 + squares) / (i + 1);
      double bet = up ? excess / Math.max(moment, 1e-12) : -excess / Math.max(moment, 1e-12);
      bet = Math.max(0, Math.min(cap, bet));
      double factor = up ? 1 + bet * (y - m) : 1 - bet * (y - m);
      product *= Math.max(factor, 1e-300);
      if (product >= target) return true;
      if (product < 1e-100 || product > 1e100) {
        log += Math.log(product);
        product = 1;
        target = Math.exp(threshold - log);
      }
      sum += y;
      squares += (y - m) * (y - m);
    }
    return false;
  }
}
