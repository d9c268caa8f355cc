package dev.provbench.job;

import java.io.Serializable;

/**
 * HTTP timeouts of one attempt. A timed-out attempt is retried like a 5xx.
 *
 * @param connectMs time to open the TCP/TLS connection; default 10,000.
 * @param readMs    longest silence between two reads of the response (so a stream may run longer);
 *                  default 60,000.
 * @param callMs    the whole attempt, from send to last byte; default 300,000; 0 means none.
 */
public record Timeouts(long connectMs, long readMs, long callMs) implements Serializable {
  public static final Timeouts DEFAULTS = new Timeouts(10_000, 60_000, 300_000);
}
