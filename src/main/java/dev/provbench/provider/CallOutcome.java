package dev.provbench.provider;

import java.time.Instant;
import java.util.List;

/**
 * A call after all its attempts.
 *
 * @param history     every attempt in order; the last is the successful one, or the last failure.
 * @param waitsMs     the back-off after each attempt (0 for the last), as long as {@code history}.
 * @param throttleMs  the client-side rate-limit wait before each attempt, as long as {@code history}.
 * @param durationMs  first send to final answer, back-off included, throttle waits excluded.
 * @param firstSent   when the first attempt was sent (after its throttle wait).
 */
public record CallOutcome(List<AttemptResult> history, List<Long> waitsMs, List<Long> throttleMs, long durationMs,
                          Instant firstSent) {

  public CallOutcome {
    history = List.copyOf(history);
    waitsMs = List.copyOf(waitsMs);
    throttleMs = List.copyOf(throttleMs);
  }

  public AttemptResult last() {
    return history.get(history.size() - 1);
  }

  /** Attempts sent; reconnects not counted. */
  public int attempts() {
    return history.size();
  }

  public int rateLimited() {
    return (int) history.stream().filter(a -> a.httpStatus() != null && a.httpStatus() == 429).count();
  }

  public long backoffMs() {
    return waitsMs.stream().mapToLong(Long::longValue).sum();
  }

  public long totalThrottleMs() {
    return throttleMs.stream().mapToLong(Long::longValue).sum();
  }

  public int reconnects() {
    return history.stream().mapToInt(AttemptResult::reconnects).sum();
  }
}
