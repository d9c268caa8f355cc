package dev.provbench.provider;

import dev.provbench.job.RetryPolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

/**
 * Runs a call with the job's retry policy: exponential back-off with jitter, or the server's
 * {@code Retry-After} when it gives one (capped at {@code max_backoff_ms}). Thread-safe.
 */
public final class RetryingCaller {
  private final RetryPolicy policy;

  public RetryingCaller(RetryPolicy policy) {
    this.policy = policy;
  }

  public CallOutcome call(Supplier<AttemptResult> attempt) {
    long start = System.nanoTime();
    List<AttemptRecord> history = new ArrayList<>();
    int rateLimited = 0;
    long backoff = 0;
    for (int n = 1; ; n++) {
      AttemptResult result = attempt.get();
      if (result.httpStatus() != null && result.httpStatus() == 429) rateLimited++;
      boolean again = !result.ok() && result.retryable() && n < policy.maxAttempts();
      long wait = again ? waitBefore(n + 1, result.retryAfterMs()) : 0;
      history.add(new AttemptRecord(n, result.outcome().status(), result.httpStatus(), result.latencyMs(), wait, result.error()));
      if (!again) {
        return new CallOutcome(result, n, rateLimited, backoff, (System.nanoTime() - start) / 1_000_000, history);
      }
      try {
        Thread.sleep(wait);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return new CallOutcome(result, n, rateLimited, backoff, (System.nanoTime() - start) / 1_000_000, history);
      }
      backoff += wait;
    }
  }

  /** The wait before attempt {@code next} (2 or more). */
  long waitBefore(int next, Long retryAfterMs) {
    if (retryAfterMs != null) return Math.min(retryAfterMs, policy.maxBackoffMs());
    double base = Math.min(policy.maxBackoffMs(), policy.initialBackoffMs() * Math.pow(2, next - 2));
    double share = 1 - policy.jitter() * ThreadLocalRandom.current().nextDouble();
    return Math.round(base * share);
  }
}
