package dev.provbench.job;

import java.io.Serializable;

/**
 * A provider's own limits, honoured across all of its models and executors: each of the provider's
 * partitions enforces a share in proportion to its concurrency window, so the shares add up to the
 * limit. Requests are paced evenly; tokens may burst by one second's worth.
 *
 * @param requestsPerMinute requests (attempts, retries included) per minute; 0 for no limit.
 * @param tokensPerMinute   prompt + completion tokens per minute (prompt estimated at 4 characters a
 *                          token before sending, completion counted from {@code usage}); 0 for no limit.
 */
public record RateLimit(double requestsPerMinute, double tokensPerMinute) implements Serializable {
  public static final RateLimit NONE = new RateLimit(0, 0);

  public boolean none() {
    return requestsPerMinute <= 0 && tokensPerMinute <= 0;
  }
}
