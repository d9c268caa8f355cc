package dev.provbench.job;

import java.io.Serializable;

/**
 * When and how long to wait before trying a call again. Retried: HTTP 408, 429, 500, 502, 503 and 504,
 * timeouts and broken connections (the rule is {@link dev.provbench.provider.AttemptResult#retryable()});
 * any other answer, an unreadable 2xx included, fails at once.
 *
 * <p>The wait before attempt n (2 or more) is the server's {@code retry-after-ms} or {@code Retry-After}
 * when it sent one, else {@code initialBackoffMs × 2^(n−2)} less a random share up to {@code jitter};
 * either way at most {@code maxBackoffMs}.
 *
 * @param maxAttempts      attempts per cell, the first included; 1 means no retry; default
 *                         {@value #DEFAULT_MAX_ATTEMPTS}.
 * @param initialBackoffMs the computed wait before the second attempt, doubled for each later one; default
 *                         {@value #DEFAULT_INITIAL_BACKOFF_MS}.
 * @param maxBackoffMs     the longest wait: caps both the computed wait and a server's {@code Retry-After};
 *                         default {@value #DEFAULT_MAX_BACKOFF_MS}.
 * @param jitter           the random share taken off each computed wait, 0–1 (0.5 waits 50–100% of it); a
 *                         server's {@code Retry-After} gets none; default {@value #DEFAULT_JITTER}.
 */
public record RetryPolicy(int maxAttempts, long initialBackoffMs, long maxBackoffMs, double jitter)
    implements Serializable {
  public static final int DEFAULT_MAX_ATTEMPTS = 4;
  public static final long DEFAULT_INITIAL_BACKOFF_MS = 500;
  public static final long DEFAULT_MAX_BACKOFF_MS = 30_000;
  public static final double DEFAULT_JITTER = 0.5;
  public static final RetryPolicy DEFAULTS = new RetryPolicy(DEFAULT_MAX_ATTEMPTS, DEFAULT_INITIAL_BACKOFF_MS,
      DEFAULT_MAX_BACKOFF_MS, DEFAULT_JITTER);
}
