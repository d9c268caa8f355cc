package dev.provbench.sim;

/**
 * How a model serves under load: a number of serving slots (a batch) behind a queue. A request waits for
 * a free slot, first come first served; once served, its first-token delay, reasoning and decoding all take
 * longer the fuller the batch is. Requests over {@code max_concurrency} (served plus queued) are refused
 * with 429, as without a capacity. Past {@code degradeAbove} requests in flight the model also judges
 * worse. Immutable; validated by {@link ProfileReader}.
 *
 * <p>So a client keeping N requests open sees, ideally: throughput {@code min(N, slots) / service(min(N, slots))}
 * requests per ms, flat from N = slots on (the knee), and latency {@code N / throughput} once N is past it.
 *
 * @param slots                  requests served at once; at least 1. More wait in the queue.
 * @param batchSlowdown          how much longer service takes with every slot busy than with one: the delays
 *                               are multiplied by {@code 1 + batchSlowdown × (busy − 1) / (slots − 1)}, busy
 *                               counting the request itself when its service starts. Default 0.
 * @param degradeAbove           requests in flight (served and queued, the request included) above which the
 *                               model judges with {@code degradedJudgeErrorRate}; 0 never degrades. Default 0.
 * @param degradedJudgeErrorRate the judge error rate past {@code degradeAbove}; the higher of it and the
 *                               model's {@code judge_error_rate} applies. Default 0.
 */
public record Capacity(int slots, double batchSlowdown, int degradeAbove, double degradedJudgeErrorRate) {

  /** The factor service delays are multiplied by with {@code busy} slots in use (the request included). */
  public double slowdown(int busy) {
    if (slots <= 1) return 1;
    return 1 + batchSlowdown * (Math.min(busy, slots) - 1) / (slots - 1);
  }

  /** Whether a request that makes {@code inFlight} requests in flight (itself included) is judged worse. */
  public boolean degradedAt(int inFlight) {
    return degradeAbove > 0 && inFlight > degradeAbove;
  }

  /**
   * Requests per second a client keeping {@code clients} requests open gets at best, for a reply whose
   * unloaded service takes {@code serviceMs} (already scaled): the ground truth a load ladder is checked against.
   */
  public double throughput(int clients, double serviceMs) {
    int busy = Math.min(clients, slots);
    return busy * 1000.0 / (serviceMs * slowdown(busy));
  }
}
