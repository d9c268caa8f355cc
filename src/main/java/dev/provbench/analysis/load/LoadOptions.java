package dev.provbench.analysis.load;

import dev.provbench.job.LoadPlan;
import dev.provbench.job.ServiceObjective;

/**
 * What the load tables hold steps to. Immutable.
 *
 * @param objective  the service objective (the job's {@code load.objective}, or {@code --load-objective});
 *                   default none: every step meets it and goodput counts every correct answer.
 * @param kneeGrowth the saturation knee is the first step after which throughput grows by less than this share
 *                   while p90 latency still rises; default {@value LoadPlan#DEFAULT_KNEE_GROWTH}.
 * @param step       the ladder step (1-based) the ordinary tables show ({@code --load-step}); default null: the
 *                   lowest. The load tables show every step (see {@link LadderStep}).
 */
public record LoadOptions(ServiceObjective objective, double kneeGrowth, Integer step) {
  /** The ordinary tables at the lowest step. */
  public LoadOptions(ServiceObjective objective, double kneeGrowth) {
    this(objective, kneeGrowth, null);
  }

  public static LoadOptions defaults() {
    return new LoadOptions(ServiceObjective.NONE, LoadPlan.DEFAULT_KNEE_GROWTH);
  }

  public static LoadOptions of(LoadPlan plan) {
    return new LoadOptions(plan.objective(), plan.kneeGrowth());
  }
}
