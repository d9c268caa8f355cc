package dev.provbench.stats;

import java.util.List;

/**
 * The completions two deployments gave to one prompt: the unit an output-distribution test compares within. Immutable.
 *
 * @param prompt    what identifies the prompt (a case id); completions of different prompts are never compared.
 * @param reference the reference deployment's completions.
 * @param candidate the audited deployment's completions.
 */
public record PromptSamples(String prompt, List<String> reference, List<String> candidate) {
  public PromptSamples {
    reference = List.copyOf(reference);
    candidate = List.copyOf(candidate);
  }

  /** Whether both sides have the two completions each that a within-sample kernel mean needs. */
  public boolean testable() {
    return reference.size() >= 2 && candidate.size() >= 2;
  }
}
