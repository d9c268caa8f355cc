package dev.provbench.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.provbench.results.CellResult;
import dev.provbench.results.CellStatus;
import dev.provbench.results.JudgeCall;
import dev.provbench.results.ResultSchema;
import dev.provbench.score.Scores;
import dev.provbench.task.ParsedChoice;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A run's new row and a rescore's overwritten row hold the same values for the same verdict; the {@code output}
 * column is the verdict's output for either task.
 */
class VerdictColumnsTest {
  private static final List<String> SCORERS = List.of("CorrectScore", "NonNull");
  private static final ParsedChoice CHOSE_C = new ParsedChoice("select_choice", "C", "same", 1.0, null);
  private static final JudgeCall JUDGED = new JudgeCall("judge", "j-model", "ok", 120L, 300, 5, 0.0001, null);

  /** One line per case: the verdict, the reply's content and reasoning, then the output column. */
  static Stream<Arguments> verdicts() {
    return Stream.of(
        Arguments.of(new Verdict(CellStatus.OK, null, CHOSE_C, Scores.of(SCORERS, 1.0, 1.0), "C", null, null),
            "<function=select_choice>{\"choice\": \"C\"}</function>", null, 1.0),
        Arguments.of(new Verdict(CellStatus.PARSE_ERROR, "no choice", new ParsedChoice("select_choice", null, null, null,
            "no choice"), Scores.of(SCORERS, null, 1.0), null, null, null), "I cannot tell", null, null),
        Arguments.of(new Verdict(CellStatus.TIMEOUT, "read timed out", null, Scores.of(SCORERS, null, 1.0), null, null,
            null), null, null, null),
        Arguments.of(new Verdict(CellStatus.OK, null, null, Scores.of(SCORERS, 1.0, 1.0), "42", null, List.of(JUDGED)),
            "42", null, 42.0),
        Arguments.of(new Verdict(CellStatus.OK, null, null, Scores.of(SCORERS, 0.0, 1.0), "Paris", "thought first",
            List.of(JUDGED)), "<think>thought first</think>Paris", "field reasoning", null));
  }

  @ParameterizedTest
  @MethodSource("verdicts")
  void aRunAndARescoreWriteTheSameColumns(Verdict verdict, String response, String reasoning, Double output) {
    Row run = ResultSchema.toRow(row(verdict, response, reasoning));
    Map<String, Object> stored = new LinkedHashMap<>();
    for (String name : ResultSchema.SCHEMA.fieldNames()) stored.put(name, stale(run, name));
    stored.put("response", response);
    stored.put("reasoning", reasoning);

    VerdictColumns.overwrite(stored, verdict);

    for (String name : VerdictColumns.NAMES) assertEquals(run.getAs(name), stored.get(name), name);
    assertEquals(output, run.getAs("output"));
  }

  @Test
  void thinkingInTheContentMovesToTheReasoningColumn() {
    Verdict v = new Verdict(CellStatus.OK, null, null, Scores.of(SCORERS, 0.0, 1.0), "Paris", "thought first", null);
    Row run = ResultSchema.toRow(row(v, "<think>thought first</think>Paris", null));
    assertEquals("Paris", run.getAs("response"));
    assertEquals("thought first", run.getAs("reasoning"));
  }

  /** A stored value a rescore must replace when the verdict decides it, and keep otherwise. */
  private static Object stale(Row run, String name) {
    return VerdictColumns.NAMES.contains(name) && !name.equals("scores") && !name.equals("judge_calls")
        && run.schema().apply(name).dataType().typeName().equals("string") ? "stale" : run.getAs(name);
  }

  /** A run's row of one answered cell with this verdict. */
  private static CellResult row(Verdict verdict, String response, String reasoning) {
    VerdictColumns.Decided d = VerdictColumns.of(verdict, new CellResult.Answer("rid", response, reasoning, null));
    return new CellResult(new CellResult.Identity("r", "c", "p", "m", "8b", "k", 1),
        new CellResult.Setup("text", false, false, 1, null), new CellResult.Attempts(1, 0, 0, 0, 0, 200, List.of()),
        new CellResult.Timing(Instant.EPOCH, Instant.EPOCH, 0), CellResult.Speed.NONE, CellResult.Tokens.NONE,
        new CellResult.Cost(null, null), d.outcome(), d.answer(), d.reading(), d.scoring(), CellResult.Load.NONE);
  }
}
