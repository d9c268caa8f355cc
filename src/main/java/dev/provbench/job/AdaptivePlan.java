package dev.provbench.job;

import java.io.Serializable;
import java.util.List;

/**
 * The job's {@code adaptive} section: run in rounds and stop calling a model as soon as the decisions it takes part
 * in are settled, with anytime-valid statistics so looking after every round keeps the error rates. Immutable; read by
 * {@link AdaptiveReader}; the run stores it beside its rows so analysis and replay use the same policy.
 *
 * @param decisions    what to decide, each per size; default {@code [most_accurate]}.
 * @param confidence   1 − the family-wise error of each decision (split over its comparisons); default
 *                     {@value #DEFAULT_CONFIDENCE}.
 * @param margin       accuracy difference (0–1, e.g. 0.02 = 2 points) below which two deployments count as
 *                     equal: the margin of {@code equivalent_to}, and of a tie that settles {@code most_accurate}
 *                     ("no difference larger than the margin"); default {@value #DEFAULT_MARGIN}.
 * @param speedMargin  relative duration difference (0.05 = 5%) below which two deployments count as equally fast;
 *                     settles {@code fastest} as a tie; default {@value #DEFAULT_SPEED_MARGIN}.
 * @param roundCases   cases added per round (each with all its trials, for every deployment still in contention);
 *                     default {@value #DEFAULT_ROUND_CASES}. Smaller rounds stop sooner but start more Spark jobs.
 * @param seed         seeds the order in which cases are drawn; default {@value #DEFAULT_SEED}. The same seed over
 *                     the same cells gives the same rounds and decisions.
 * @param futility     stop a decision as "not settled" once it is projected not to settle within the matrix (even if
 *                     the difference seen so far were as large as its 95% upper bound); default true. It never makes
 *                     a claim, so error rates are unchanged; false runs every open decision to the end of the matrix.
 */
public record AdaptivePlan(List<DecisionSpec> decisions, double confidence, double margin, double speedMargin,
    int roundCases, long seed, boolean futility) implements Serializable {
  public static final double DEFAULT_CONFIDENCE = 0.95;
  public static final double DEFAULT_MARGIN = 0.02;
  public static final double DEFAULT_SPEED_MARGIN = 0.05;
  public static final int DEFAULT_ROUND_CASES = 6;
  public static final long DEFAULT_SEED = 1;

  /** {@code run --adaptive} on a job without an {@code adaptive} section. */
  public static final AdaptivePlan DEFAULTS = new AdaptivePlan(List.of(DecisionSpec.MOST_ACCURATE), DEFAULT_CONFIDENCE,
      DEFAULT_MARGIN, DEFAULT_SPEED_MARGIN, DEFAULT_ROUND_CASES, DEFAULT_SEED, true);

  public AdaptivePlan {
    decisions = List.copyOf(decisions);
  }

  /** The family-wise error of each decision. */
  public double alpha() {
    return 1 - confidence;
  }

  public AdaptivePlan withSeed(long s) {
    return new AdaptivePlan(decisions, confidence, margin, speedMargin, roundCases, s, futility);
  }

  public AdaptivePlan withDecisions(List<DecisionSpec> list) {
    return new AdaptivePlan(list, confidence, margin, speedMargin, roundCases, seed, futility);
  }

  public AdaptivePlan withRoundCases(int cases) {
    return new AdaptivePlan(decisions, confidence, margin, speedMargin, cases, seed, futility);
  }

  public AdaptivePlan withConfidence(double c) {
    return new AdaptivePlan(decisions, c, margin, speedMargin, roundCases, seed, futility);
  }

  public AdaptivePlan withFutility(boolean on) {
    return new AdaptivePlan(decisions, confidence, margin, speedMargin, roundCases, seed, on);
  }
}
