package dev.provbench.job;

import java.io.Serializable;

/**
 * HTTP timeouts of one attempt. A timed-out attempt is retried like a 5xx.
 *
 * @param connectMs time to open the TCP/TLS connection; default {@value #DEFAULT_CONNECT_MS}.
 * @param readMs    longest silence between two reads of the response (so a stream may run longer);
 *                  default {@value #DEFAULT_READ_MS}.
 * @param callMs    the whole attempt, from send to last byte; default {@value #DEFAULT_CALL_MS}; 0 means none.
 */
public record Timeouts(long connectMs, long readMs, long callMs) implements Serializable {
  public static final long DEFAULT_CONNECT_MS = 10_000;
  public static final long DEFAULT_READ_MS = 60_000;
  public static final long DEFAULT_CALL_MS = 300_000;
  public static final Timeouts DEFAULTS = new Timeouts(DEFAULT_CONNECT_MS, DEFAULT_READ_MS, DEFAULT_CALL_MS);
}
