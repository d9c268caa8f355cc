package dev.provbench.provider;

import java.util.function.LongSupplier;

/**
 * A token bucket that lends: {@link #reserve} takes permits at once, even into debt, and answers how
 * long the caller must wait before using them, so callers queue in the order they asked. Refills at
 * {@code perMinute}; holds at most {@code burst} permits. Thread-safe.
 */
final class PacedLimiter {
  private final double perNano;
  private final double burst;
  private final LongSupplier clock;
  private double available;
  private long last;

  PacedLimiter(double perMinute, double burst, LongSupplier nanoClock) {
    this.perNano = perMinute / 60e9;
    this.burst = burst;
    this.clock = nanoClock;
    this.available = burst;
    this.last = nanoClock.getAsLong();
  }

  /** Takes {@code permits}; returns the milliseconds to wait before using them (0 when available now). */
  synchronized long reserve(double permits) {
    refill();
    available -= permits;
    return available >= 0 ? 0 : (long) Math.ceil(-available / perNano / 1e6);
  }

  /** Takes permits already used (e.g. completion tokens learnt after the call): later callers wait for them. */
  synchronized void charge(double permits) {
    refill();
    available -= permits;
  }

  private void refill() {
    long now = clock.getAsLong();
    available = Math.min(burst, available + (now - last) * perNano);
    last = now;
  }
}
