package dev.provbench.job;

import java.util.LinkedHashMap;
import java.util.Map;

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
 * @param logprobs          ask every deployment for token log-probabilities ({@code "logprobs": true,
 *                          "top_logprobs": K} in every request of the run, as OpenAI's chat completions API names them),
 *                          for the log-probability test beside the MMD; default {@value #DEFAULT_LOGPROBS}. A provider
 *                          that returns none gets "not available" for that test. The fields go out as each model's own
 *                          request fields ({@link #requestFields}), so a model's {@code request} or a chat task's
 *                          {@code params} must not set them too.
 * @param topLogprobs       K, the alternatives asked per output position, 1 to {@value #MAX_TOP_LOGPROBS} (OpenAI's
 *                          limit); default {@value #DEFAULT_TOP_LOGPROBS}; sent only with {@code logprobs}.
 */
public record AuditPlan(String referenceProvider, String referenceModel, int samples, double temperature,
    int maxTokens, boolean logprobs, int topLogprobs) {
  public static final int DEFAULT_SAMPLES = 10;
  public static final double DEFAULT_TEMPERATURE = 1.0;
  public static final int DEFAULT_MAX_TOKENS = 64;
  public static final boolean DEFAULT_LOGPROBS = false;
  public static final int DEFAULT_TOP_LOGPROBS = 5;
  public static final int MAX_TOP_LOGPROBS = 20;

  /** An audit that does not ask for log-probabilities. */
  public AuditPlan(String referenceProvider, String referenceModel, int samples, double temperature, int maxTokens) {
    this(referenceProvider, referenceModel, samples, temperature, maxTokens, DEFAULT_LOGPROBS, DEFAULT_TOP_LOGPROBS);
  }

  /** The request fields the audit adds to every request: {@code logprobs} and {@code top_logprobs}, or none. */
  public Map<String, Object> requestFields() {
    Map<String, Object> fields = new LinkedHashMap<>();
    if (logprobs) {
      fields.put("logprobs", true);
      fields.put("top_logprobs", topLogprobs);
    }
    return fields;
  }

  /** {@code PROVIDER/MODEL}: how the reference is named in cells and tables. */
  public String reference() {
    return referenceProvider + "/" + referenceModel;
  }
}
