package dev.provbench.stats;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A group's CorrectScore by case: per case, the sum of its cells' scores and the number of cells
 * (its trials, or every provider's trials for a size). The unit the bootstrap resamples, so the trials
 * of a case move together. Sorted by case key; immutable.
 *
 * @param keys   a hash of each case id, ascending.
 * @param sums   the sum of CorrectScore over the case's cells.
 * @param counts the number of the case's cells.
 */
public record CaseTotals(long[] keys, double[] sums, long[] counts) {
  public static final CaseTotals EMPTY = new CaseTotals(new long[0], new double[0], new long[0]);

  public int cases() {
    return keys.length;
  }

  /** The mean CorrectScore over all cells: NaN when there are none. */
  public double mean() {
    return Arrays.stream(sums).sum() / Arrays.stream(counts).sum();
  }

  /** Builds from case key → {sum, count}. */
  public static CaseTotals of(Map<Long, double[]> byCase) {
    TreeMap<Long, double[]> sorted = new TreeMap<>(byCase);
    long[] keys = new long[sorted.size()];
    double[] sums = new double[keys.length];
    long[] counts = new long[keys.length];
    int i = 0;
    for (Map.Entry<Long, double[]> e : sorted.entrySet()) {
      keys[i] = e.getKey();
      sums[i] = e.getValue()[0];
      counts[i] = (long) e.getValue()[1];
      i++;
    }
    return new CaseTotals(keys, sums, counts);
  }

  /** Pools several groups case by case, e.g. every experiment of one size. */
  public static CaseTotals pool(List<CaseTotals> groups) {
    Map<Long, double[]> byCase = new TreeMap<>();
    for (CaseTotals g : groups) {
      for (int i = 0; i < g.cases(); i++) {
        double[] t = byCase.computeIfAbsent(g.keys[i], k -> new double[2]);
        t[0] += g.sums[i];
        t[1] += g.counts[i];
      }
    }
    return of(byCase);
  }
}
