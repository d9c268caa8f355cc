package dev.provbench.run;

import dev.provbench.results.CellResult;
import dev.provbench.results.ResultSchema;
import dev.provbench.task.ParsedChoice;
import java.util.List;
import java.util.Map;

/**
 * The one place a {@link Verdict} meets a row's columns: a run builds its new row's groups with {@link #of}, a rescore
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

  /** The groups of a row a verdict decides. */
  record Decided(CellResult.Outcome outcome, CellResult.Answer answer, CellResult.Reading reading,
      CellResult.Scoring scoring) {}

  /**
   * The verdict's groups of a row.
   *
   * @param received the answer as it came (or as stored): its content and the reply's own reasoning field as the
   *                 reply held them; all null when there was no reply.
   */
  static Decided of(Verdict verdict, CellResult.Answer received) {
    ParsedChoice parsed = verdict.parsed();
    return new Decided(new CellResult.Outcome(verdict.status(), verdict.error()),
        new CellResult.Answer(received.responseId(), verdict.storedResponse(received.response()),
            verdict.reasoning(received.reasoning()), received.toolCalls(), received.logprobs()),
        new CellResult.Reading(verdict.output(), parsed == null ? null : parsed.choice(),
            parsed == null ? null : parsed.reasons(), verdict.extracted()),
        new CellResult.Scoring(verdict.scores().correct(), verdict.scores().nonNull(), verdict.scores().note(),
            verdict.cellScores(), verdict.judgeCalls()));
  }

  /**
   * Overwrites the verdict's columns of a stored row, given as column name to value, with the values the results
   * schema stores: what {@link #of} decides, read back through {@link ResultSchema#COLUMNS}.
   */
  static void overwrite(Map<String, Object> row, Verdict verdict) {
    Decided d = of(verdict, new CellResult.Answer((String) row.get("response_id"), (String) row.get("response"),
        (String) row.get("reasoning"), (String) row.get("tool_calls")));
    // Only the verdict's columns are read from this row, so the call's groups may stay empty.
    CellResult decided = new CellResult(null, null, null, null, null, null, null, d.outcome(), d.answer(), d.reading(),
        d.scoring(), null);
    for (ResultSchema.Col c : COLUMNS) row.put(c.name(), c.value().apply(decided));
  }
}
