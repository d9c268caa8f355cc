package dev.provbench.job;

/**
 * A fidelity audit ({@code audit} section of a job): every case of the job is asked {@code samples} times of every
 * provider × model at {@code temperature}, and the analysis tests each deployment's completions against the
 * reference's on the same prompts (the {@code fidelity} table). The cells are ordinary cells: {@code trial} is the
 * sample index, and each carries the reference's name. Immutable; validated by {@link AuditReader}.
 *
 * @param referenceProvider the reference deployment's provider, as the job names it.
 * @param referenceModel    the reference deployment's model id at that provider.
 * @param samples           completions asked per prompt and deployment (the run's trials); default
 *                          {@value #DEFAULT_SAMPLES}, at least 2 (a within-deployment kernel mean needs two).
 * @param temperature       the sampling temperature sent, above 0 (at 0 a deployment has one completion per prompt);
 *                          default {@value #DEFAULT_TEMPERATURE}. Replaces the task's.
 * @param maxTokens         {@code max_tokens} sent; default {@value #DEFAULT_MAX_TOKENS} (the test reads the first
 *                          100 characters). Replaces the task's.
 */
public record AuditPlan(String referenceProvider, String referenceModel, int samples, double temperature,
    int maxTokens) {
  public static final int DEFAULT_SAMPLES = 10;
  public static final double DEFAULT_TEMPERATURE = 1.0;
  public static final int DEFAULT_MAX_TOKENS = 64;

  /** {@code PROVIDER/MODEL}: how the reference is named in cells and tables. */
  public String reference() {
    return referenceProvider + "/" + referenceModel;
  }
}
