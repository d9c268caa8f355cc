package dev.provbench.stats;

import java.util.List;
import java.util.Map;

/**
 * The first output position's log-probabilities two deployments returned for one prompt: per sample, the alternatives
 * it listed ({@code top_logprobs}), token to natural-log probability. The unit {@link LogprobTest} compares within.
 * Immutable.
 *
 * @param prompt    what identifies the prompt (a case id); samples of different prompts are never compared.
 * @param reference the reference deployment's samples.
 * @param candidate the audited deployment's samples.
 */
public record PromptLogprobs(String prompt, List<Map<String, Double>> reference, List<Map<String, Double>> candidate) {
  public PromptLogprobs {
    reference = reference.stream().filter(m -> !m.isEmpty()).map(Map::copyOf).toList();
    candidate = candidate.stream().filter(m -> !m.isEmpty()).map(Map::copyOf).toList();
  }

  /** Whether each side has a sample with alternatives: a within-prompt permutation needs one a side. */
  public boolean testable() {
    return !reference.isEmpty() && !candidate.isEmpty();
  }
}
