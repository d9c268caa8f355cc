package dev.provbench.stats;

import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * Holm's step-down adjustment of p-values for a family of tests, so that the chance of any false
 * "significant" in the family stays at most α. A pure function.
 */
public final class Holm {
  private Holm() {}

  /**
   * Adjusted p-values, in the order given: the j-th smallest raw p is multiplied by {@code family − j + 1},
   * then made non-decreasing in that order and capped at 1.
   *
   * <p>{@code family} may exceed the number of p-values given: the analysis compares the most accurate
   * provider at a size with each other one, but picks that provider from the same data, so the family is
   * every pair of providers at the size (k(k−1)/2). Multiplying by the larger family is still a valid Holm
   * step-down: the first true null it could reject has at most as many rejections before it as there are
   * false nulls in the whole family, so its factor is at least the number of true nulls.
   *
   * @param p      raw p-values.
   * @param family the number of hypotheses in the family; at least {@code p.length}.
   */
  public static double[] adjust(double[] p, int family) {
    if (family < p.length) throw new IllegalArgumentException("family " + family + " < " + p.length + " tests");
    Integer[] order = IntStream.range(0, p.length).boxed().sorted(Comparator.comparingDouble(i -> p[i]))
        .toArray(Integer[]::new);
    double[] adjusted = new double[p.length];
    double running = 0;
    for (int j = 0; j < order.length; j++) {
      double p0 = p[order[j]];
      running = Math.max(running, Double.isNaN(p0) ? Double.NaN : Math.min(1, (family - j) * p0));
      adjusted[order[j]] = running;
    }
    return adjusted;
  }

  public static double[] adjust(double[] p) {
    return adjust(p, p.length);
  }

  /** The number of pairs among {@code k} experiments. */
  public static int pairs(int k) {
    return k * (k - 1) / 2;
  }
}
