package dev.provbench.score;

import java.util.List;

/**
 * The scores of one cell, computed from its stored output alone, so they can be recomputed later.
 *
 * @param correct the CorrectScore, or null when the job does not use it.
 * @param nonNull the NonNull score, or null when the job does not use it.
 * @param note    the CorrectScore's note, or null.
 */
public record Scores(Double correct, Double nonNull, String note) {

  public static Scores of(List<String> scorers, Double output, double expected) {
    Score correct = scorers.contains(NumericDiff.NAME) ? NumericDiff.score(output, expected) : null;
    Score nonNull = scorers.contains(NonNull.NAME) ? NonNull.score(output) : null;
    return new Scores(correct == null ? null : correct.value(), nonNull == null ? null : nonNull.value(),
        correct == null ? null : correct.note());
  }
}
