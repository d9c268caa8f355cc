package dev.provbench.provider;

import dev.provbench.job.RetryPolicy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

/**
 * Runs a call with the job's retry policy: exponential back-off with jitter, or the server's
 * {@code Retry-After} when it gives one, capped at {@code max_backoff_ms}. The client's own rate-limit
 * wait before each attempt is measured apart and kept out of the duration. Thread-safe.
 */
public final class RetryingCaller {
  private final RetryPolicy policy;

  /** Waits until the provider's client-side rate limit allows one more attempt; returns the ms waited. */
  @FunctionalInterface
  public interface Pacing {
    Pacing NONE = () -> 0;

    long await() throws InterruptedException;
  }

  public RetryingCaller(RetryPolicy policy) {
    this.policy = policy;
  }

  public CallOutcome call(Supplier<AttemptResult> attempt) {
    return call(Pacing.NONE, attempt);
  }

  public CallOutcome call(Pacing pacing, Supplier<AttemptResult> attempt) {
    List<AttemptResult> attempts = new ArrayList<>();
    List<Long> waits = new ArrayList<>();
    List<Long> throttled = new ArrayList<>();
    long start = 0;
    Instant firstSent = null;
    for (int n = 1; ; n++) {
      long paced;
      try {
        paced = pacing.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        attempts.add(AttemptResult.failure(AttemptResult.Outcome.TRANSPORT_ERROR, null, 0, null,
            "interrupted while waiting for the provider's rate limit"));
        waits.add(0L);
        throttled.add(0L);
        return done(attempts, waits, throttled, n == 1 ? System.nanoTime() : start,
            firstSent == null ? Instant.now() : firstSent);
      }
      if (n == 1) {
        start = System.nanoTime();
        firstSent = Instant.now();
      }
      throttled.add(paced);
      AttemptResult result = attempt.get();
      attempts.add(result);
      boolean again = !result.ok() && result.retryable() && n < policy.maxAttempts();
      long wait = again ? waitBefore(n + 1, result.retryAfterMs()) : 0;
      waits.add(wait);
      if (!again) return done(attempts, waits, throttled, start, firstSent);
      try {
        Thread.sleep(wait);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        waits.set(waits.size() - 1, 0L);
        return done(attempts, waits, throttled, start, firstSent);
      }
    }
  }

  private static CallOutcome done(List<AttemptResult> attempts, List<Long> waits, List<Long> throttled, long start,
      Instant firstSent) {
    long laterThrottle = throttled.stream().skip(1).mapToLong(Long::longValue).sum();
    long duration = Math.max(0, (System.nanoTime() - start) / 1_000_000 - laterThrottle);
    return new CallOutcome(attempts, waits, throttled, duration, firstSent);
  }

  /** The wait before attempt {@code next} (2 or more). */
  long waitBefore(int next, Long retryAfterMs) {
    if (retryAfterMs != null) return Math.min(retryAfterMs, policy.maxBackoffMs());
    double base = Math.min(policy.maxBackoffMs(), policy.initialBackoffMs() * Math.pow(2, next - 2));
    double share = 1 - policy.jitter() * ThreadLocalRandom.current().nextDouble();
    return Math.round(base * share);
  }
}
