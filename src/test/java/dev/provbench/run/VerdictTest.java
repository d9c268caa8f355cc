package dev.provbench.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.provbench.results.CellStatus;
import dev.provbench.task.JudgeTemplate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** One verdict for fresh and stored replies: status, output and CorrectScore, one line per case. */
class VerdictTest {
  private static final JudgeTemplate TEMPLATE = new JudgeTemplate("{{input}}", scores());
  private static final List<String> SCORERS = List.of("CorrectScore", "NonNull");
  private static final String CALL_B = "[{\"name\": \"select_choice\", \"arguments\": \"{\\\"reasons\\\": \\\"r\\\", \\\"choice\\\": \\\"B\\\"}\"}]";

  private static Map<String, Double> scores() {
    Map<String, Double> m = new LinkedHashMap<>();
    m.put("A", 0.4);
    m.put("B", 0.6);
    m.put("C", 1.0);
    m.put("D", 0.0);
    m.put("E", 1.0);
    return m;
  }

  private static void test(CellStatus status, Double output, double correct, CellStatus ended, String response, String toolCalls) {
    Verdict v = Verdict.of(TEMPLATE, SCORERS, 0.6, ended, "HTTP 500: down", response, toolCalls);
    assertEquals(status, v.status(), response + " / " + toolCalls);
    assertEquals(output, v.output(), response + " / " + toolCalls);
    assertEquals(correct, v.scores().correct(), 1e-9, response + " / " + toolCalls);
  }

  @Test
  void verdicts() {
    test(CellStatus.OK, 1.0, 0.75, CellStatus.OK, "<function=select_choice>{\"reasons\": \"r\", \"choice\": \"C\"}</function>", null);
    test(CellStatus.PARSE_ERROR, null, 0, CellStatus.OK, "I think C", null);
    test(CellStatus.OK, 0.6, 1, CellStatus.OK, "", CALL_B);
    test(CellStatus.OK, 0.6, 1, CellStatus.OK, null, CALL_B);
    test(CellStatus.OK, 1.0, 0.75, CellStatus.OK, "<function=select_choice>{\"choice\": \"C\"}</function>", CALL_B);
    test(CellStatus.PARSE_ERROR, null, 0, CellStatus.OK, "", "not json");
    test(CellStatus.OK, 0.6, 1, CellStatus.PARSE_ERROR, "<function=select_choice>{\"choice\": \"B\"}</function>", null);
    test(CellStatus.HTTP_ERROR, null, 0, CellStatus.HTTP_ERROR, null, null);
    test(CellStatus.BAD_RESPONSE, null, 0, CellStatus.BAD_RESPONSE, null, null);
    test(CellStatus.TIMEOUT, null, 0, CellStatus.TIMEOUT, null, null);
  }

  @Test
  void aFailureKeepsItsErrorAndAParseErrorSaysWhy() {
    assertEquals("HTTP 500: down", Verdict.of(TEMPLATE, SCORERS, 1, CellStatus.HTTP_ERROR, "HTTP 500: down", null, null).error());
    assertEquals(true, Verdict.of(TEMPLATE, SCORERS, 1, CellStatus.OK, null, "nothing", null).error() != null);
  }
}
