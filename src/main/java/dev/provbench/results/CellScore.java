package dev.provbench.results;

/**
 * One scorer's score of a cell, an element of the {@code scores} column.
 *
 * @param scorer the scorer's name as the job gives it (e.g. {@code CorrectScore}, {@code ExactMatch}).
 * @param score  the score in [0, 1]; null only for an LLM judge that gave none (its call failed or its reply could not
 *               be read: the note and {@code judge_calls} say why), so averages leave the cell out rather than count
 *               it wrong.
 * @param note   why the score is what it is when that is not obvious, or null.
 */
public record CellScore(String scorer, Double score, String note) {

  /** A score that is there. */
  public CellScore(String scorer, double score, String note) {
    this(scorer, Double.valueOf(score), note);
  }
}
