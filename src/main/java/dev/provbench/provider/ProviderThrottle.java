package dev.provbench.provider;

import dev.provbench.job.RateLimit;

/**
 * A partition's share of its provider's requests- and tokens-per-minute limits, applied before every
 * attempt (retries too). Requests are paced evenly (a burst of one); tokens may burst by one second's
 * worth. One per partition, shared by its window of calls; thread-safe.
 */
public final class ProviderThrottle {
  private final PacedLimiter requests;
  private final PacedLimiter tokens;

  /** @param share this partition's part of the provider's limits, in (0, 1]. */
  public ProviderThrottle(RateLimit limit, double share) {
    this.requests = limit.requestsPerMinute() > 0
        ? new PacedLimiter(limit.requestsPerMinute() * share, 1, System::nanoTime) : null;
    double tpm = limit.tokensPerMinute() * share;
    this.tokens = tpm > 0 ? new PacedLimiter(tpm, tpm / 60, System::nanoTime) : null;
  }

  /** Waits until an attempt of about {@code promptTokens} may go; returns the milliseconds waited. */
  public long beforeAttempt(long promptTokens) throws InterruptedException {
    long wait = 0;
    if (requests != null) wait = Math.max(wait, requests.reserve(1));
    if (tokens != null) wait = Math.max(wait, tokens.reserve(promptTokens));
    if (wait > 0) Thread.sleep(wait);
    return wait;
  }

  /** Counts what an attempt used beyond its estimate (completion tokens, a larger prompt), so later attempts wait for it. */
  public void afterAttempt(AttemptResult r, long estimatedPromptTokens) {
    if (tokens == null) return;
    long used = (r.usage().completionTokens() == null ? 0 : r.usage().completionTokens())
        + (r.usage().promptTokens() == null ? 0 : Math.max(0, r.usage().promptTokens() - estimatedPromptTokens));
    if (used > 0) tokens.charge(used);
  }

  public static long estimateTokens(String... texts) {
    long chars = 0;
    for (String t : texts) chars += t == null ? 0 : t.length();
    return (chars + 3) / 4;
  }
}
