package dev.provbench.sim;

import java.util.Map;

/**
 * Counters of one served model since start or the last {@link SimulatedProviders#resetStats()}. Immutable.
 *
 * @param provider       the provider's name.
 * @param model          the model id.
 * @param requests       chat completion requests for it, refused ones included.
 * @param maxConcurrency the most requests of it in flight at once (admitted ones only).
 * @param inFlight       requests in flight when the snapshot was taken.
 * @param statuses       requests by HTTP status sent; 0 counts hangs (no status line).
 * @param maxBusySlots   the most serving slots in use at once; 0 without a {@code capacity}.
 * @param queued         requests that waited in the queue for a serving slot; 0 without a {@code capacity}.
 * @param degraded       requests judged at the degraded error rate, past {@code degrade_above}.
 */
public record ModelStats(String provider, String model, long requests, int maxConcurrency, int inFlight,
    Map<Integer, Long> statuses, int maxBusySlots, long queued, long degraded) {

  public ModelStats {
    statuses = Map.copyOf(statuses);
  }

  public long count(int status) {
    return statuses.getOrDefault(status, 0L);
  }
}
