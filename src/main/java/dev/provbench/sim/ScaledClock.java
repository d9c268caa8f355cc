package dev.provbench.sim;

import java.util.concurrent.TimeUnit;

/**
 * Sleeps until points in simulated time, counted from a request's arrival and multiplied by the profile's
 * {@code time_scale}. Deadlines are absolute, so pacing does not drift with sleep overshoot. One per request.
 */
final class ScaledClock {
  private final long startNanos;
  private final double timeScale;

  ScaledClock(long startNanos, double timeScale) {
    this.startNanos = startNanos;
    this.timeScale = timeScale;
  }

  /** Returns once {@code simulatedMs × time_scale} have passed since arrival. */
  void sleepUntil(double simulatedMs) throws InterruptedException {
    long deadline = startNanos + (long) (simulatedMs * timeScale * 1_000_000.0);
    long left;
    while ((left = deadline - System.nanoTime()) > 0) TimeUnit.NANOSECONDS.sleep(left);
  }
}
