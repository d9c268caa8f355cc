package dev.provbench.run;

import dev.provbench.job.LoadStop;
import dev.provbench.job.ServiceObjective;
import java.io.Serializable;

/**
 * One step of a load ladder, carried in the {@link RunSpec} of the pass that runs it: its cells, the load it
 * holds and when to stop a model early. Immutable.
 *
 * @param step        1-based position in the ladder; the rows' {@code load_step}.
 * @param concurrency requests in flight per model; the rows' {@code load_concurrency}.
 * @param rate        requests per second per model, or null for a concurrency step; the rows' {@code load_rate}.
 * @param warmup      cells per model sent first and left out of the figures ({@code load_warmup} true).
 * @param measured    cells per model measured after the warm-up.
 * @param objective   the job's service objective (the stop rule's latency limits come from it).
 * @param stop        when to stop a model early in this step.
 */
public record LoadStep(int step, int concurrency, Double rate, int warmup, int measured, ServiceObjective objective,
    LoadStop stop) implements Serializable {

  /** Warm-up and measured cells per model. */
  public int cells() {
    return warmup + measured;
  }
}
