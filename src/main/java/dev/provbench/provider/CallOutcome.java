package dev.provbench.provider;

import java.util.List;

/**
 * A call after all its attempts.
 *
 * @param last        the final attempt: the successful one, or the last failure.
 * @param attempts    how many attempts were sent.
 * @param rateLimited how many answered 429.
 * @param backoffMs   the total wait between attempts.
 * @param durationMs  first send to final answer, waits included.
 * @param history     every attempt in order.
 */
public record CallOutcome(AttemptResult last, int attempts, int rateLimited, long backoffMs, long durationMs,
                          List<AttemptRecord> history) {

  public CallOutcome {
    history = List.copyOf(history);
  }
}
