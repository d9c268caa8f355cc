package dev.provbench.run;

import java.time.Instant;
import java.util.concurrent.Semaphore;
import java.util.concurrent.locks.LockSupport;

/**
 * Holds each row of a trace replay until it is due, counting from the model share's first send (so setting up the
 * task does not make sends late): each deployment replays the whole trace from its own start. Rows wait for their
 * time outside the share's window: the lane has {@link #LOOKAHEAD} times the window's threads, and a row due takes one
 * of the window's send permits, so at most {@code window} requests are in flight and a waiting row never keeps a due
 * one from going. A row due while every permit is taken goes once one frees, late. One per model share in a
 * partition; thread-safe.
 */
final class TracePacer {
  /** Threads per send permit: rows up to this many windows ahead may wait for their time. */
  static final int LOOKAHEAD = 2;

  private final TraceSchedule schedule;
  private final Semaphore permits;
  private Start start;

  /** The share's start on both clocks: monotonic for waiting, the wall clock for the rows' send times. */
  private record Start(long nanos, Instant wall) {}

  /** @param window the share's requests in flight at most (its part of the model's {@code concurrency}). */
  TracePacer(TraceSchedule schedule, int window) {
    this.schedule = schedule;
    this.permits = new Semaphore(window);
  }

  /** The lane's threads: the window's, {@link #LOOKAHEAD} times. */
  static int laneThreads(int window) {
    return window * LOOKAHEAD;
  }

  /**
   * Called on the call's own thread just before it is sent: waits until the row is due, then for a send permit.
   * Returns when it was due, on the wall clock, against which the row's first send is measured; the caller gives the
   * permit back with {@link #sent()} once the call has ended.
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
    permits.acquireUninterruptibly();
    return s.wall().plusNanos(schedule.dueNanos(row));
  }

  /** The call of a row that {@link #awaitDue} let go has ended: its permit is free. */
  void sent() {
    permits.release();
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
