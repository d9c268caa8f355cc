package dev.provbench.stats;

/**
 * One MMD two-sample test of a deployment's completions against the reference's. Immutable.
 *
 * @param statistic the unbiased MMD² over the prompts (kernel units: a share of agreeing characters); about 0, or
 *                  slightly below, when the distributions are the same.
 * @param p         the permutation p-value, (1 + #{permuted ≥ observed}) ÷ (1 + permutations).
 * @param effect    the statistic in standard deviations of its permutation null, (MMD² − null mean) ÷ null SD.
 * @param prompts   prompts with at least two completions on each side (the others are left out).
 * @param reference reference completions used.
 * @param candidate candidate completions used.
 */
public record MmdResult(double statistic, double p, double effect, int prompts, int reference, int candidate) {}
