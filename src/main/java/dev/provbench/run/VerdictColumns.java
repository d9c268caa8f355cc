package dev.provbench.run;

import dev.provbench.results.CellResult;
import dev.provbench.results.ResultSchema;
import dev.provbench.task.ParsedChoice;
import java.util.List;
import java.util.Map;

/**
 * The one place a {@link Verdict} meets a row's columns: a run fills its new row with {@link #fill}, a rescore
 * overwrites the same columns of a stored row with {@link #overwrite}, so the two write the same values for the
 * same verdict. Stateless.
 */
final class VerdictColumns {
  /** The columns a verdict decides; every other column is the call's (a run's) or kept as stored (a rescore's). */
  static final List<String> NAMES = List.of("status", "error", "response", "reasoning", "output", "choice", "reasons",
      "correct_score", "non_null", "score_note", "extracted", "scores", "judge_calls");
  private static final List<ResultSchema.Col> COLUMNS =
      ResultSchema.COLUMNS.stream().filter(c -> NAMES.contains(c.name())).toList();

  private VerdictColumns() {}

  /**
   * Sets the verdict's columns on a row.
   *
   * @param response  the reply's content as it came (or as stored), or null when there was no reply.
   * @param reasoning the reply's own reasoning field (or the stored reasoning), or null.
   */
  static CellResult.Builder fill(CellResult.Builder row, Verdict verdict, String response, String reasoning) {
    ParsedChoice parsed = verdict.parsed();
    return row.status(verdict.status()).error(verdict.error())
        .response(verdict.storedResponse(response)).reasoning(verdict.reasoning(reasoning))
        .output(verdict.output()).choice(parsed == null ? null : parsed.choice())
        .reasons(parsed == null ? null : parsed.reasons())
        .correctScore(verdict.scores().correct()).nonNull(verdict.scores().nonNull()).scoreNote(verdict.scores().note())
        .extracted(verdict.extracted()).scores(verdict.cellScores()).judgeCalls(verdict.judgeCalls());
  }

  /**
   * Overwrites the verdict's columns of a stored row, given as column name to value, with the values the results
   * schema stores: what {@link #fill} sets, read back through {@link ResultSchema#COLUMNS}.
   */
  static void overwrite(Map<String, Object> row, Verdict verdict) {
    CellResult decided = fill(CellResult.builder(), verdict, (String) row.get("response"), (String) row.get("reasoning"))
        .build();
    for (ResultSchema.Col c : COLUMNS) row.put(c.name(), c.value().apply(decided));
  }
}
