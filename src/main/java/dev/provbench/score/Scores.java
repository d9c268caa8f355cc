package dev.provbench.score;

import java.util.ArrayList;
import java.util.List;

/**
 * The scores of one cell, computed from its stored output alone, so they can be recomputed later.
 *
 * @param correct the primary score ({@code correct_score}): the reference task's CorrectScore, or a chat task's first
 *                scorer other than NonNull; null when the job has none.
 * @param nonNull the NonNull score, or null when the job does not use it.
 * @param note    the primary score's note, or null.
 * @param all     every scorer's score, in job order ({@code scores} column).
 */
public record Scores(Double correct, Double nonNull, String note, List<NamedScore> all) {

  public Scores {
    all = List.copyOf(all);
  }

  /** The reference task: its output is the judge's score, compared with the case's gold score. */
  public static Scores of(List<String> scorers, Double output, double expected) {
    Score correct = scorers.contains(NumericDiff.NAME) ? NumericDiff.score(output, expected) : null;
    Score nonNull = scorers.contains(NonNull.NAME) ? NonNull.score(output) : null;
    List<NamedScore> all = new ArrayList<>();
    for (String s : scorers) {
      Score v = s.equals(NumericDiff.NAME) ? correct : nonNull;
      if (v != null) all.add(new NamedScore(s, v.value(), v.note()));
    }
    return new Scores(correct == null ? null : correct.value(), nonNull == null ? null : nonNull.value(),
        correct == null ? null : correct.note(), all);
  }

  /** A chat task: every named scorer on the same answer. */
  public static Scores of(List<ScorerSpec> specs, Answer answer) {
    List<NamedScore> all = new ArrayList<>();
    NamedScore primary = null;
    NamedScore nonNull = null;
    for (ScorerSpec spec : specs) {
      Score s = ScorerCatalog.cached(spec).score(answer);
      NamedScore named = new NamedScore(spec.name(), s.value(), s.note());
      all.add(named);
      if (spec.type().equals(NonNull.NAME)) {
        if (nonNull == null) nonNull = named;
      } else if (primary == null) {
        primary = named;
      }
    }
    return new Scores(primary == null ? null : primary.score(), nonNull == null ? null : nonNull.score(),
        primary == null ? null : primary.note(), all);
  }
}
