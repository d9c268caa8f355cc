package dev.provbench.job;

import java.io.Serializable;
import java.util.List;

/**
 * The job's {@code load} section: a ladder of concurrency levels each model is run at in turn, over the
 * job's cases, to see how latency, errors and accuracy change as load grows. Immutable; read by
 * {@link LoadReader}.
 *
 * @param concurrency   the ladder: requests kept in flight per model at each step, strictly rising, e.g.
 *                      {@code [1, 2, 4, 8, 16]}. Replaces the models' {@code concurrency} during the ladder
 *                      (split over {@code partitions_per_model} as usual); provider rate limits still hold.
 * @param cellsPerStep  measured cells per model per step, cycling over the cases in order (a case comes
 *                      back as trial 2, 3, …); 0 (the default) means every case × {@code trials} once.
 * @param warmupCells   cells per model sent first in each step and left out of its figures (rows with
 *                      {@code load_warmup} true); default {@value #DEFAULT_WARMUP_CELLS}.
 * @param objective     the service objective steps are held to; default {@link ServiceObjective#NONE}.
 * @param kneeGrowth    the saturation knee is the first step after which throughput grows by less than this
 *                      share while p90 latency keeps rising; default {@value #DEFAULT_KNEE_GROWTH}.
 * @param stop          when a model is stopped early for being far past the objective; default {@link LoadStop#DEFAULTS}.
 */
public record LoadPlan(List<Integer> concurrency, int cellsPerStep, int warmupCells, ServiceObjective objective,
    double kneeGrowth, LoadStop stop) implements Serializable {
  public static final int DEFAULT_WARMUP_CELLS = 2;
  public static final double DEFAULT_KNEE_GROWTH = 0.10;

  public LoadPlan {
    concurrency = List.copyOf(concurrency);
  }

  /** Measured cells per model in a step for a dataset of {@code cases} cases run {@code trials} times. */
  public int measuredCells(int cases, int trials) {
    return cellsPerStep > 0 ? cellsPerStep : cases * trials;
  }
}
