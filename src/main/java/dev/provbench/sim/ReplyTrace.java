package dev.provbench.sim;

/**
 * What one reply put on the wire and when, on the server's clock, for its {@link RequestRecord}. One per
 * request, written and read by the request's own thread.
 */
final class ReplyTrace {
  private final long arrivalNanos;
  private long firstDeltaNanos = -1;
  private long firstAnswerNanos = -1;
  private boolean usageSent;

  ReplyTrace(long arrivalNanos) {
    this.arrivalNanos = arrivalNanos;
  }

  /**
   * A non-empty delta is about to be written; {@code answer} for content or tool_calls, false for reasoning.
   * Taken before the write, so no client can have seen the delta earlier than the time kept.
   */
  void delta(boolean answer) {
    long now = System.nanoTime();
    if (firstDeltaNanos < 0) firstDeltaNanos = now;
    if (answer && firstAnswerNanos < 0) firstAnswerNanos = now;
  }

  void usageSent() {
    usageSent = true;
  }

  boolean wasUsageSent() {
    return usageSent;
  }

  /** Arrival to the first non-empty delta of any kind, in ms; -1 when none was written. */
  double firstDeltaMs() {
    return sinceArrival(firstDeltaNanos);
  }

  /** Arrival to the first content or tool_calls delta, in ms; -1 when none was written. */
  double firstAnswerMs() {
    return sinceArrival(firstAnswerNanos);
  }

  private double sinceArrival(long nanos) {
    return nanos < 0 ? -1 : (nanos - arrivalNanos) / 1e6;
  }
}
