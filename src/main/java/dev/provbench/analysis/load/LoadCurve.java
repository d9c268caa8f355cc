package dev.provbench.analysis.load;

import dev.provbench.stats.PairedDifference;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One model's load ladder and what it shows. Immutable.
 *
 * @param provider the provider.
 * @param model    the model id.
 * @param steps    the steps it ran, lowest load first.
 * @param knee     the index in {@code steps} of the saturation knee ({@link LoadKnee}), or -1 when none was reached.
 * @param best     the index of the highest step meeting the objective, or -1 when none does.
 * @param drops    per step, CorrectScore at that step − at the lowest step, paired by case, Holm-adjusted over
 *                 the steps; null at the lowest step.
 * @param stopped  whether the over-saturation stop cut it short: fewer steps than the longest curve, or a step
 *                 with fewer measured cells than the fullest step of the run.
 * @param sent     per step, measured sends per second by their start times ((cells − 1) ÷ first to last send), NaN
 *                 for a single cell: against a rate step's offered rate, how far the in-flight cap held sends back.
 */
public record LoadCurve(String provider, String model, List<LoadStepStats> steps, int knee, int best,
    List<PairedDifference> drops, boolean stopped, List<Double> sent) {

  public LoadCurve {
    steps = List.copyOf(steps);
    drops = Collections.unmodifiableList(new ArrayList<>(drops));
    sent = sent == null ? Collections.nCopies(steps.size(), Double.NaN) : List.copyOf(sent);
  }

  /** A curve whose send rates are unknown. */
  public LoadCurve(String provider, String model, List<LoadStepStats> steps, int knee, int best,
      List<PairedDifference> drops, boolean stopped) {
    this(provider, model, steps, knee, best, drops, stopped, null);
  }

  public String name() {
    return provider + " / " + model;
  }

  /** The knee step, or null. */
  public LoadStepStats kneeStep() {
    return knee < 0 ? null : steps.get(knee);
  }

  /** The highest step meeting the objective, or null. */
  public LoadStepStats bestStep() {
    return best < 0 ? null : steps.get(best);
  }

  /** The lowest step at which accuracy is significantly below the lowest step's, or null. */
  public LoadStepStats firstDrop() {
    for (int i = 1; i < steps.size(); i++) {
      PairedDifference d = drops.get(i);
      if (d != null && d.significant() && d.difference() < 0) return steps.get(i);
    }
    return null;
  }
}
