package dev.provbench.sim;

import java.util.SplittableRandom;

/**
 * A log-normal distribution given the way latencies are usually described: its median and the
 * standard deviation of its logarithm. Immutable; thread-safe.
 *
 * @param median the middle value, in the unit of the field that holds it (ms, tokens/s); above 0.
 * @param sigma  the spread of {@code ln(value)}; 0 gives the median every time. Default 0.
 */
public record LogNormal(double median, double sigma) {

  /** One draw: {@code median × exp(sigma × z)} with {@code z} standard normal from {@code random}. */
  public double sample(SplittableRandom random) {
    return median * Math.exp(sigma * gaussian(random));
  }

  /** Box–Muller, so a draw uses exactly two numbers of the stream and stays reproducible. */
  static double gaussian(SplittableRandom random) {
    double u1 = 1.0 - random.nextDouble();
    double u2 = random.nextDouble();
    return Math.sqrt(-2.0 * Math.log(u1)) * Math.cos(2.0 * Math.PI * u2);
  }
}
