package dev.provbench.score;

import java.util.ArrayList;
import java.util.List;

/**
 * The scores of one cell, computed from its stored output alone, so they can be recomputed later.
 *
 * @param correct the primary score ({@code correct_score}): the reference task's CorrectScore, or a chat task's first
 *                scorer other than NonNull, else its NonNull; null when the job has none.
 * @param nonNull the NonNull score, or null when the job does not use it.
 * @param note    the primary score's note, or null.
 * @param all     every scorer's score, in job order ({@code scores} column).
 */
public record Scores(Double correct, Double nonNull, String note, List<NamedScore> all) {

  public Scores {
    all = List.copyOf(all);
  }

  /** The score of a scorer that calls a model, supplied by the caller: a fresh judge call, or the one stored. */
  @FunctionalInterface
  public interface ModelScores {
    NamedScore score(ScorerSpec spec, Answer answer);
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

  /** A chat task: every named scorer on the same answer; an {@link LlmJudge} scores null, "not judged". */
  public static Scores of(List<ScorerSpec> specs, Answer answer) {
    return of(specs, answer, (spec, a) -> new NamedScore(spec.name(), null, "not judged"));
  }

  /**
   * A chat task: every named scorer on the same answer, the {@link LlmJudge} scorers by {@code judged}, in job order.
   * The primary score may be a judge's, and null when that judge gave none.
   */
  public static Scores of(List<ScorerSpec> specs, Answer answer, ModelScores judged) {
    List<NamedScore> all = new ArrayList<>();
    NamedScore primary = null;
    NamedScore nonNull = null;
    for (ScorerSpec spec : specs) {
      NamedScore named;
      if (ScorerCatalog.callsModel(spec)) {
        named = judged.score(spec, answer);
      } else {
        Score s = ScorerCatalog.cached(spec).score(answer);
        named = new NamedScore(spec.name(), s.value(), s.note());
      }
      all.add(named);
      if (spec.type().equals(NonNull.NAME)) {
        if (nonNull == null) nonNull = named;
      } else if (primary == null) {
        primary = named;
      }
    }
    // A job that scores nothing but NonNull (a trace replay, say) has it as its accuracy.
    if (primary == null) primary = nonNull;
    return new Scores(primary == null ? null : primary.score(), nonNull == null ? null : nonNull.score(),
        primary == null ? null : primary.note(), all);
  }
}
