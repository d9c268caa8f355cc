package dev.provbench.job;

import java.io.Serializable;

/**
 * How often each partition makes its finished cells durable: a chunk of Parquet is committed every
 * {@code everyCells} cells or {@code everySeconds} seconds, whichever comes first (checked as cells
 * finish), and at the end. A crash or kill loses at most the cells finished since the last commit and
 * the calls in flight; {@code --resume} runs only what is missing.
 *
 * @param everyCells   cells per chunk; default {@value #DEFAULT_EVERY_CELLS}.
 * @param everySeconds the longest time between commits of a partition that is finishing cells; default
 *                     {@value #DEFAULT_EVERY_SECONDS}.
 */
public record CommitPolicy(int everyCells, long everySeconds) implements Serializable {
  public static final int DEFAULT_EVERY_CELLS = 200;
  public static final long DEFAULT_EVERY_SECONDS = 30;
  public static final CommitPolicy DEFAULTS = new CommitPolicy(DEFAULT_EVERY_CELLS, DEFAULT_EVERY_SECONDS);
}
