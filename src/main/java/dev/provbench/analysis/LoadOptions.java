package dev.provbench.analysis;

import dev.provbench.job.LoadPlan;
import dev.provbench.job.ServiceObjective;

/**
 * What the load tables hold steps to. Immutable.
 *
 * @param objective  the service objective (the job's {@code load.objective}, or {@code --load-objective});
 *                   default none: every step meets it and goodput counts every correct answer.
 * @param kneeGrowth the saturation knee is the first step after which throughput grows by less than this share
 *                   while p90 latency still rises; default {@value LoadPlan#DEFAULT_KNEE_GROWTH}.
 */
public record LoadOptions(ServiceObjective objective, double kneeGrowth) {
  public static LoadOptions defaults() {
    return new LoadOptions(ServiceObjective.NONE, LoadPlan.DEFAULT_KNEE_GROWTH);
  }

  public static LoadOptions of(LoadPlan plan) {
    return new LoadOptions(plan.objective(), plan.kneeGrowth());
  }
}
