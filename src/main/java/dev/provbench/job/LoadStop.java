package dev.provbench.job;

import java.io.Serializable;

/**
 * When a load step is stopped early for a model, and its later steps skipped, so a run never keeps
 * hammering a failing provider: once {@code minCells} of the model's measured cells in the step have
 * finished (per partition), if the share without an answer is above {@code errorRate}, or the p90 of their
 * duration (or ttft) is above {@code latencyFactor} times the objective's limit. Immutable.
 *
 * @param errorRate     the share of failed cells that stops the model; default {@value #DEFAULT_ERROR_RATE}.
 * @param latencyFactor how far past the objective's p90 duration or ttft limit stops it; default
 *                      {@value #DEFAULT_LATENCY_FACTOR}; not checked without such a limit.
 * @param minCells      finished cells before the rule is applied; default {@value #DEFAULT_MIN_CELLS}.
 */
public record LoadStop(double errorRate, double latencyFactor, int minCells) implements Serializable {
  public static final double DEFAULT_ERROR_RATE = 0.5;
  public static final double DEFAULT_LATENCY_FACTOR = 4;
  public static final int DEFAULT_MIN_CELLS = 10;
  public static final LoadStop DEFAULTS = new LoadStop(DEFAULT_ERROR_RATE, DEFAULT_LATENCY_FACTOR, DEFAULT_MIN_CELLS);
}
