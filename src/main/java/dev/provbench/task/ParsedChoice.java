package dev.provbench.task;

/**
 * What was read from a judge's reply.
 *
 * @param function the function name called, or null.
 * @param choice   the selected choice, or null when nothing valid parsed.
 * @param reasons  the model's reasons, or null.
 * @param score    the choice's score from {@code choice_scores}, or null: the task output.
 * @param error    why nothing valid parsed, or null.
 */
public record ParsedChoice(String function, String choice, String reasons, Double score, String error) {

  static ParsedChoice failed(String function, String error) {
    return new ParsedChoice(function, null, null, null, error);
  }
}
