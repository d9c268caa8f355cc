package dev.provbench.run;

import java.time.Instant;
import java.util.concurrent.locks.LockSupport;

/**
 * Holds each row of a trace replay until it is due, counting from the model share's first send (so setting up the
 * task does not make sends late): each deployment replays the whole trace from its own start. A row the window held
 * back (all the model's {@code concurrency} in flight) goes at once, late. One per model share in a partition;
 * thread-safe.
 */
final class TracePacer {
  private final TraceSchedule schedule;
  private Start start;

  /** The share's start on both clocks: monotonic for waiting, the wall clock for the rows' send times. */
  private record Start(long nanos, Instant wall) {}

  TracePacer(TraceSchedule schedule) {
    this.schedule = schedule;
  }

  /**
   * Called on the call's own thread just before it is sent: waits until the row is due. Returns when it was due,
   * on the wall clock, against which the row's first send is measured.
   */
  Instant awaitDue(int row) {
    Start s = start();
    long due = s.nanos() + schedule.dueNanos(row);
    long left;
    // parkNanos, not sleep: Java 17's Thread.sleep rounds to whole ms, a park wakes within the timer slack (50 µs).
    while ((left = due - System.nanoTime()) > 0) {
      LockSupport.parkNanos(left);
      if (Thread.interrupted()) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while waiting to send trace row " + row);
      }
    }
    return s.wall().plusNanos(schedule.dueNanos(row));
  }

  /** The lag of a send: its first attempt's moment minus the row's due moment, ms. */
  static double lagMs(Instant due, Instant firstSent) {
    return (firstSent.getEpochSecond() - due.getEpochSecond()) * 1e3 + (firstSent.getNano() - due.getNano()) / 1e6;
  }

  private synchronized Start start() {
    if (start == null) start = new Start(System.nanoTime(), Instant.now());
    return start;
  }
}
