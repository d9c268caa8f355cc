package dev.provbench.run;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;

/**
 * The bound on an LLM judge's calls in flight, its {@code concurrency} C, held by two gates a call passes in turn:
 * <ul>
 *   <li>per share ({@link #shareWindow}): C split over the run's shares by their windows, as
 *       {@link PartitionSpec#rateShare} splits a provider's limits, each share keeping at least 1. The parts add up to
 *       C, or to the number of shares when that is larger; each share runs in one task attempt at a time (speculation
 *       off), so on a cluster at most max(C, shares) judge calls are in flight;</li>
 *   <li>per JVM ({@link #perJvm}): one semaphore of C permits per run and judge scorer, shared by every task of the
 *       executor, so in one JVM (local mode, or one executor) at most C are in flight whatever the split.</li>
 * </ul>
 * Thread-safe; the semaphores live for the JVM (one per run and judge, a few bytes each).
 */
final class JudgeSlots {
  private static final Map<String, Semaphore> PER_JVM = new ConcurrentHashMap<>();

  private JudgeSlots() {}

  /** The JVM's semaphore for one judge scorer of one run. */
  static Semaphore perJvm(String runId, String scorer, int concurrency) {
    return PER_JVM.computeIfAbsent(runId + "\u0000" + scorer + "\u0000" + concurrency, k -> new Semaphore(concurrency, true));
  }

  /**
   * One share's part of the judge's concurrency C: 1 each when C is no more than the shares; else C split in
   * proportion to the shares' windows, each keeping at least 1, rounded by largest remainders (ties to the lower
   * index) so the parts add up to C.
   */
  static int shareWindow(int concurrency, PartitionSpec share, List<PartitionSpec> all) {
    int n = all.size();
    if (concurrency <= n) return 1;
    double total = all.stream().mapToDouble(PartitionSpec::window).sum();
    double[] quota = new double[n];
    int[] parts = new int[n];
    int sum = 0;
    for (int i = 0; i < n; i++) {
      quota[i] = concurrency * all.get(i).window() / total;
      parts[i] = Math.max(1, (int) Math.floor(quota[i]));
      sum += parts[i];
    }
    for (; sum < concurrency; sum++) parts[mostUnder(quota, parts)]++;
    for (; sum > concurrency; sum--) parts[mostOver(quota, parts)]--;
    for (int i = 0; i < n; i++) if (all.get(i).index() == share.index()) return parts[i];
    throw new IllegalArgumentException("share " + share.index() + " is not in the run's plan");
  }

  /** The share furthest below its quota. */
  private static int mostUnder(double[] quota, int[] parts) {
    int best = 0;
    for (int i = 1; i < parts.length; i++) if (quota[i] - parts[i] > quota[best] - parts[best]) best = i;
    return best;
  }

  /** The share with more than 1 furthest above its quota. */
  private static int mostOver(double[] quota, int[] parts) {
    int best = -1;
    for (int i = 0; i < parts.length; i++) {
      if (parts[i] > 1 && (best < 0 || quota[i] - parts[i] < quota[best] - parts[best])) best = i;
    }
    return best;
  }
}
