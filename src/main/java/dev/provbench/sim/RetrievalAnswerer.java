package dev.provbench.sim;

/**
 * The simulated model's rule for a retrieval question ({@link RetrievalPrompt}): it answers {@code Answer: Z} with the
 * value the document states, or, with probability {@code errorRate}, one of the document's distractors. It never sees
 * the expected answer, only the prompt. Stateless; thread-safe.
 */
final class RetrievalAnswerer {
  /** What it says when the document states no value for the question. */
  static final String NOT_STATED = "Answer: not stated in the document";
  /** What a malformed reply says: no {@code Answer:} line to extract. */
  static final String MALFORMED = "I could not find that in the document.";

  private RetrievalAnswerer() {}

  /**
   * @param errorDraw uniform in [0, 1): below {@code errorRate} the answer is a distractor (when there is one).
   * @param pickDraw  uniform in [0, 1): picks the distractor.
   */
  static String answer(RetrievalPrompt prompt, double errorRate, double errorDraw, double pickDraw) {
    if (errorDraw < errorRate && !prompt.distractors().isEmpty()) {
      return "Answer: " + prompt.distractors().get((int) (pickDraw * prompt.distractors().size()));
    }
    return prompt.answer() == null ? NOT_STATED : "Answer: " + prompt.answer();
  }
}
