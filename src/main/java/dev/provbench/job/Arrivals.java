package dev.provbench.job;
import java.util.Locale;

/**
 * How a rate step spaces its sends (the {@code load} section's {@code arrivals}): {@code constant}, one every
 * 1 ÷ rate seconds, or {@code poisson}, exponential gaps of mean 1 ÷ rate from a seeded generator, so the same
 * job sends at the same moments every run.
 */
public enum Arrivals {
  CONSTANT,
  POISSON;

  /** The name as written in a job file. */
  public String yamlName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
