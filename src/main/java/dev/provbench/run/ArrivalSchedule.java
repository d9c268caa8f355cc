package dev.provbench.run;

import dev.provbench.job.Arrivals;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * When a rate step sends each of a model's cells, in seconds from the step's start, by the cell's ordinal in the
 * step (warm-up first): {@code constant} at ordinal ÷ rate, {@code poisson} at the sum of exponential gaps of
 * mean 1 ÷ rate drawn in order from a generator seeded by the plan's seed and the step. Every share of a model
 * computes the same times and sends its own ordinals, so the shares add up to the rate; every model of the step
 * gets the same times. Pure; one per share, thread-safe.
 */
final class ArrivalSchedule {
  private final double rate;
  private final Arrivals arrivals;
  private final SplittableRandom random;
  private double[] times = new double[64];
  private int known = 1;

  /** @param seed the plan's seed; mixed with {@code step} so each step draws its own gaps. */
  ArrivalSchedule(double rate, Arrivals arrivals, long seed, int step) {
    if (!(rate > 0)) throw new IllegalArgumentException("rate must be above 0, got " + rate);
    this.rate = rate;
    this.arrivals = arrivals;
    this.random = new SplittableRandom(seed * 1_000_003L + step);
  }

  /** Seconds from the step's start at which the cell of this ordinal is due; the first is due at once. */
  synchronized double secondsAt(long ordinal) {
    if (arrivals == Arrivals.CONSTANT) return ordinal / rate;
    if (ordinal > Integer.MAX_VALUE - 8) throw new IllegalArgumentException("ordinal too large: " + ordinal);
    while (known <= ordinal) {
      if (known == times.length) times = Arrays.copyOf(times, times.length * 2);
      times[known] = times[known - 1] + gap();
      known++;
    }
    return times[(int) ordinal];
  }

  /** An exponential gap of mean 1 ÷ rate (inverse of its distribution function). */
  private double gap() {
    return -Math.log(1 - random.nextDouble()) / rate;
  }

  /**
   * How many cells from ordinal {@code first} on are due less than {@code seconds} after it, at most {@code max}:
   * the measured cells of a rate step that lasts {@code seconds}.
   */
  int countWithin(long first, double seconds, int max) {
    double start = secondsAt(first);
    int n = 0;
    while (n < max && secondsAt(first + n) - start < seconds) n++;
    return n;
  }
}
