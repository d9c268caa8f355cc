package dev.provbench.run;

import dev.provbench.job.Arrivals;
import dev.provbench.job.LoadStop;
import dev.provbench.job.ServiceObjective;
import java.io.Serializable;
import java.util.Locale;

/**
 * One step of a load ladder, carried in the {@link RunSpec} of the pass that runs it: its cells, the load it
 * holds and when to stop a model early. Immutable (but for the accumulators of {@code late}).
 *
 * @param step        1-based position in the ladder; the rows' {@code load_step}.
 * @param concurrency requests in flight per model: a concurrency step's level (the rows' {@code load_concurrency}),
 *                    a rate step's cap (0: each model's own {@code concurrency}).
 * @param rate        requests per second per model, or null for a concurrency step; the rows' {@code load_rate}.
 * @param warmup      cells per model sent first and left out of the figures ({@code load_warmup} true).
 * @param measured    cells per model measured after the warm-up; for a duration step at a concurrency the bound
 *                    {@code max_cells_per_step}, for a duration step at a rate the cells due within the time.
 * @param objective   the job's service objective (the stop rule's latency limits come from it).
 * @param stop        when to stop a model early in this step.
 * @param arrivals    how a rate step spaces its sends; null for a concurrency step.
 * @param seed        seeds a Poisson step's gaps.
 * @param seconds     a duration step's length from its first measured send; 0 for a count step.
 * @param late        counts a rate step's late sends; null for a concurrency step.
 */
public record LoadStep(int step, int concurrency, Double rate, int warmup, int measured, ServiceObjective objective,
    LoadStop stop, Arrivals arrivals, long seed, double seconds, LateSends late) implements Serializable {

  /** A concurrency count step. */
  public LoadStep(int step, int concurrency, Double rate, int warmup, int measured, ServiceObjective objective,
      LoadStop stop) {
    this(step, concurrency, rate, warmup, measured, objective, stop, null, 0, 0, null);
  }

  /** Warm-up and measured cells per model (for a duration step at a concurrency, the bound). */
  public int cells() {
    return warmup + measured;
  }

  /** Whether sends follow a schedule rather than a window kept full. */
  boolean paced() {
    return rate != null;
  }

  /** Whether the step ends on time rather than after its cells: a duration step at a concurrency. */
  boolean timed() {
    return seconds > 0 && rate == null;
  }

  /** The step's send times; null for a concurrency step. */
  ArrivalSchedule schedule() {
    return rate == null ? null : new ArrivalSchedule(rate, arrivals, seed, step);
  }

  /** {@code 8 in flight} or {@code 2 req/s (poisson, at most 8 in flight)}, plus the step's length or cells. */
  String describe() {
    String load = rate == null ? concurrency + " in flight" : String.format(Locale.ROOT,
        "%s req/s (%s, at most %s in flight)", fmt(rate), arrivals.yamlName(), capText());
    String length = timed() ? fmt(seconds) + " s (at most " + measured + " cells)"
        : seconds > 0 ? fmt(seconds) + " s = " + measured + " cells" : measured + " cells";
    return load + ", " + length + " + " + warmup + " warm-up cells per model";
  }

  /** A rate step's cap on requests in flight, as text. */
  String capText() {
    return concurrency > 0 ? String.valueOf(concurrency) : "the model's concurrency";
  }

  private static String fmt(double d) {
    return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
  }
}
