package dev.provbench.job;

import java.io.Serializable;
import java.util.List;

/**
 * The job's {@code load} section: a ladder of load levels each model is run at in turn, over the job's cases, to
 * see how latency, errors and accuracy change as load grows. A level is either a number of requests kept in
 * flight ({@code concurrency}) or an arrival rate ({@code rate}); exactly one of the two ladders is given.
 * Immutable; read by {@link LoadReader}.
 *
 * @param concurrency    the concurrency ladder: requests kept in flight per model at each step, strictly rising,
 *                       e.g. {@code [1, 2, 4, 8, 16]}; empty for a rate ladder. Replaces the models'
 *                       {@code concurrency} during the ladder (split over {@code partitions_per_model} as usual);
 *                       provider rate limits still hold.
 * @param rate           the rate ladder: requests per second per model at each step, strictly rising, e.g.
 *                       {@code [2, 4, 8, 16]}; empty for a concurrency ladder. Sends are scheduled whatever the
 *                       replies do (an open workload), split over the model's partitions so they add up to the rate.
 * @param arrivals       how a rate step spaces its sends; default {@link Arrivals#CONSTANT}.
 * @param seed           seeds the Poisson gaps (mixed with the step, the same for every model, so models are offered
 *                       the same moments); default {@value #DEFAULT_SEED}.
 * @param maxConcurrency a rate step's cap on requests in flight per model (sends waiting for their moment count
 *                       too), so a saturated provider cannot make the client open unbounded calls; a send the cap
 *                       holds back goes late and is counted in the step's log line; null (the default): the models'
 *                       own {@code concurrency}.
 * @param cellsPerStep   measured cells per model per step, cycling over the cases in order (a case comes back as
 *                       trial 2, 3, …); 0 (the default) means every case × {@code trials} once. Not with
 *                       {@code stepSeconds}.
 * @param stepSeconds    a duration step: measured cells are sent for this many seconds from the first measured send,
 *                       cycling over the cases, then calls in flight are awaited; 0 (the default): a count step.
 * @param maxCellsPerStep the most measured cells per model a duration step sends, so a fast provider cannot fill
 *                       the output; default {@value #DEFAULT_MAX_CELLS_PER_STEP}; only with {@code stepSeconds}.
 * @param warmupCells    cells per model sent first in each step and left out of its figures (rows with
 *                       {@code load_warmup} true); default {@value #DEFAULT_WARMUP_CELLS}.
 * @param objective      the service objective steps are held to; default {@link ServiceObjective#NONE}.
 * @param kneeGrowth     the saturation knee is the first step after which throughput grows by less than this
 *                       share while p90 latency keeps rising; default {@value #DEFAULT_KNEE_GROWTH}.
 * @param stop           when a model is stopped early for being far past the objective; default {@link LoadStop#DEFAULTS}.
 */
public record LoadPlan(List<Integer> concurrency, List<Double> rate, Arrivals arrivals, long seed,
    Integer maxConcurrency, int cellsPerStep, double stepSeconds, int maxCellsPerStep, int warmupCells,
    ServiceObjective objective, double kneeGrowth, LoadStop stop) implements Serializable {
  public static final int DEFAULT_WARMUP_CELLS = 2;
  public static final double DEFAULT_KNEE_GROWTH = 0.10;
  public static final long DEFAULT_SEED = 42;
  public static final int DEFAULT_MAX_CELLS_PER_STEP = 10_000;

  public LoadPlan {
    concurrency = List.copyOf(concurrency);
    rate = List.copyOf(rate);
  }

  /** A concurrency ladder of count steps. */
  public LoadPlan(List<Integer> concurrency, int cellsPerStep, int warmupCells, ServiceObjective objective,
      double kneeGrowth, LoadStop stop) {
    this(concurrency, List.of(), Arrivals.CONSTANT, DEFAULT_SEED, null, cellsPerStep, 0, DEFAULT_MAX_CELLS_PER_STEP,
        warmupCells, objective, kneeGrowth, stop);
  }

  /** Whether the steps are arrival rates rather than concurrency levels. */
  public boolean rateLadder() {
    return !rate.isEmpty();
  }

  /** Whether each step lasts {@code stepSeconds} rather than a number of cells. */
  public boolean durationSteps() {
    return stepSeconds > 0;
  }

  public int steps() {
    return rateLadder() ? rate.size() : concurrency.size();
  }

  /**
   * Measured cells per model in a count step for a dataset of {@code cases} cases run {@code trials} times; for a
   * duration step the bound {@code maxCellsPerStep}.
   */
  public int measuredCells(int cases, int trials) {
    if (durationSteps()) return maxCellsPerStep;
    return cellsPerStep > 0 ? cellsPerStep : cases * trials;
  }
}
