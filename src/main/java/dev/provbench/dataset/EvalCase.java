package dev.provbench.dataset;

import dev.provbench.input.BadInputException;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * One case of an eval.
 *
 * @param id           a stable id: the row's {@code id}, else a hash of its input and expected value.
 * @param vars         the template variables (for the factuality task: input, output, expected); nested values as JSON.
 * @param expected     the gold score the task's output is compared with; NaN when the case's {@code expected} is not
 *                     a number or is missing (allowed for a chat task only, see {@link #requireNumericExpected}).
 * @param metadata     the row's {@code metadata} as JSON text, or null.
 * @param input        the row's {@code input} as JSON text, nested fields kept (what a chat task's templates render).
 * @param expectedJson the row's {@code expected} as JSON text (a number, string, list or object), or null when missing.
 * @param where        where the case was read, e.g. {@code cases.jsonl: line 2}, for error messages.
 */
public record EvalCase(String id, Map<String, String> vars, double expected, String metadata, String input,
    String expectedJson, String where) implements Serializable {

  public EvalCase {
    vars = Map.copyOf(vars);
  }

  /**
   * A part of this case judged on its own, such as a conversation's turn: its own input and expected value, the
   * expected value read as a number by the dataset's rule (a number, or text that is one; else NaN).
   *
   * @param partInput        the part's input as JSON text.
   * @param partExpectedJson the part's expected value as JSON text, or null.
   * @param partWhere        where the part was read, for error messages.
   */
  public EvalCase part(String partInput, String partExpectedJson, String partWhere) {
    double number = Double.NaN;
    if (partExpectedJson != null) {
      try {
        number = CaseParser.expected(CaseParser.JSON.readTree(partExpectedJson), partWhere);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return new EvalCase(id, vars, number, metadata, partInput, partExpectedJson, partWhere);
  }

  /** Fails, naming the case's line, unless its expected value is a number (the reference task compares scores). */
  public void requireNumericExpected() {
    String fix = "give the gold score as a number, e.g. \"expected\": 0.6";
    if (expectedJson == null) throw new BadInputException(where, "expected is missing", fix);
    if (Double.isNaN(expected)) {
      throw new BadInputException(where, "expected must be a number, got " + CaseParser.shorten(expectedJson), fix);
    }
  }
}
