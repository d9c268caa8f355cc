package dev.provbench.run;

import dev.provbench.results.JudgeCall;
import dev.provbench.score.Answer;
import dev.provbench.score.NamedScore;
import dev.provbench.score.ScorerCatalog;
import dev.provbench.score.ScorerSpec;

/**
 * Where a cell's LLM-judge scores come from: fresh judge calls ({@link JudgeCallers}), or, in a rescore that does
 * not ask the judge again, the verdicts stored in the row. {@link Verdict} asks only for answers with an output.
 */
@FunctionalInterface
interface CellJudges {
  /** The judge's verdict on an answer that has an output. */
  Judged judge(ScorerSpec spec, Answer answer);

  /** No judge is asked: each LLM-judge scorer scores null, "not judged". */
  CellJudges NOT_JUDGED = (spec, answer) -> notJudged(spec, "not judged");

  /** A null score with the reason, and a skipped call carrying the same reason. */
  static Judged notJudged(ScorerSpec spec, String why) {
    return new Judged(new NamedScore(spec.name(), null, why),
        JudgeCall.skipped(spec.name(), ScorerCatalog.cachedJudge(spec).model(), why));
  }
}
