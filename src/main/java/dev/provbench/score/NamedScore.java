package dev.provbench.score;

import java.io.Serializable;

/**
 * One scorer's verdict on one cell, as the {@code scores} column stores it.
 *
 * @param scorer the scorer's name ({@link ScorerSpec#name()}).
 * @param score  the score in [0, 1]; null only when an {@link LlmJudge} gave none (its call failed or its reply could
 *               not be read), with the note saying why.
 * @param note   why, when not obvious; or null.
 */
public record NamedScore(String scorer, Double score, String note) implements Serializable {

  /** A score that is there. */
  public NamedScore(String scorer, double score, String note) {
    this(scorer, Double.valueOf(score), note);
  }
}
