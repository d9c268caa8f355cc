package dev.provbench.sim;

/**
 * Which free-text distribution a model samples from when a prompt is neither a judge prompt nor a retrieval question
 * ({@link SampledText}). Deployments naming the same {@code weights} sample the same distribution, whatever their
 * model ids; a {@code shift} moves every word's logit by a fixed draw, as quantized weights would, leaving the
 * judge's verdicts (so the task's accuracy) untouched. Immutable.
 *
 * @param weights the weights' name, e.g. {@code llama-3.1-405b}; null (the default) keeps the judge's fallback reply.
 * @param shift   the standard deviation of the fixed perturbation added to each word's logit; 0 (the default) samples
 *                the weights' own distribution. About 0.3 is a subtle change (see docs/SIMULATOR.md).
 */
record TextWeights(String weights, double shift) {
  /** No free text: other prompts get the judge's fallback, as before sampled text existed. */
  static final TextWeights NONE = new TextWeights(null, 0);

  boolean samples() {
    return weights != null;
  }
}
