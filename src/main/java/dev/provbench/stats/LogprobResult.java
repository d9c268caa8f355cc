package dev.provbench.stats;

/**
 * One log-probability test of a deployment against the reference ({@link LogprobTest}). Immutable.
 *
 * @param statistic the mean over prompts of the squared distance between the two deployments' mean log-probability
 *                  vectors, per token of the prompt's vector (nats²); its square root is a root-mean-square difference
 *                  in nats. Above 0 even for identical deployments (sampling noise): read it against the null.
 * @param p         the permutation p-value, (1 + #{permuted ≥ observed}) ÷ (1 + permutations).
 * @param effect    the statistic in standard deviations of its permutation null, (statistic − null mean) ÷ null SD.
 * @param prompts   prompts with a sample with alternatives on each side (the others are left out).
 * @param reference reference samples used.
 * @param candidate candidate samples used.
 */
public record LogprobResult(double statistic, double p, double effect, int prompts, int reference, int candidate) {
  /** No prompt could be tested. */
  static LogprobResult none(int reference, int candidate) {
    return new LogprobResult(Double.NaN, Double.NaN, Double.NaN, 0, reference, candidate);
  }

  /** The root-mean-square difference of a token's mean log-probability between the deployments, in nats. */
  public double rmsNats() {
    return Math.sqrt(Math.max(0, statistic));
  }
}
