package dev.provbench.job;

import java.io.Serializable;

/**
 * When and how long to wait before trying a call again. Retried: 429, 500, 502, 503, 504,
 * timeouts and connection failures; anything else fails at once.
 *
 * @param maxAttempts      attempts per cell, the first included; default 4.
 * @param initialBackoffMs the wait before the second attempt; doubled each time; default 500.
 * @param maxBackoffMs     the longest wait, also the cap on a server's {@code Retry-After}; default 30,000.
 * @param jitter           the random share of each computed wait, 0–1 (0.5 waits 50–100% of it);
 *                         default 0.5. A server's {@code Retry-After} is honoured as given.
 */
public record RetryPolicy(int maxAttempts, long initialBackoffMs, long maxBackoffMs, double jitter)
    implements Serializable {
  public static final RetryPolicy DEFAULTS = new RetryPolicy(4, 500, 30_000, 0.5);
}
