package dev.provbench.stats;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * An experiment's answered {@code duration_ms} grouped by case: the unit the speed bootstrap resamples, so
 * a case's trials move together. Sorted by case key; immutable.
 *
 * @param keys      a hash of each case id, ascending.
 * @param starts    where each case's durations begin in {@code durations}; one more entry than cases.
 * @param durations every answered cell's {@code duration_ms} in seconds, case after case.
 */
public record CaseDurations(long[] keys, int[] starts, double[] durations) {
  public int cases() {
    return keys.length;
  }

  /** Builds from case key → that case's durations. */
  public static CaseDurations of(Map<Long, List<Long>> byCase) {
    TreeMap<Long, List<Long>> sorted = new TreeMap<>(byCase);
    long[] keys = new long[sorted.size()];
    int[] starts = new int[keys.length + 1];
    int total = sorted.values().stream().mapToInt(List::size).sum();
    double[] durations = new double[total];
    int c = 0;
    int at = 0;
    for (Map.Entry<Long, List<Long>> e : sorted.entrySet()) {
      keys[c] = e.getKey();
      starts[c++] = at;
      for (long d : e.getValue()) durations[at++] = d / 1000.0;
    }
    starts[c] = at;
    return new CaseDurations(keys, starts, durations);
  }
}
