package dev.provbench.task;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ToolCallParserTest {
  private static final Map<String, Double> SCORES = new LinkedHashMap<>(Map.of("A", 0.4, "B", 0.6, "C", 1.0, "D", 0.0, "E", 1.0));

  /** One line per case: the reply, the choice expected (null for none) and the score. */
  private static void test(String reply, String choice, Double score) {
    ParsedChoice p = ToolCallParser.parse(reply, SCORES);
    assertEquals(choice, p.choice(), "choice of: " + reply);
    assertEquals(score, p.score(), "score of: " + reply);
    if (choice == null) assertEquals(true, p.error() != null, "a failure says why: " + reply);
  }

  @Test
  void readsTheToolCall() {
    test("<function=select_choice>{\"reasons\": \"same facts\", \"choice\": \"C\"}</function>", "C", 1.0);
    test("<function=select_choice>{\"reasons\": \"adds\", \"choice\": \"B\"}</function>", "B", 0.6);
    test("<function=select_choice>{\"reasons\": \"line one\nline two\", \"choice\": \"A\"}</function>", "A", 0.4);
    test("<function=select_choice>{\n  \"reasons\": \"pretty\",\n  \"choice\": \"D\"\n}\n</function>", "D", 0.0);
    test("<function=select_choice>{\"reasons\": \"no closing tag\", \"choice\": \"E\"}", "E", 1.0);
    test("Sure! Here is my answer:\n<function=select_choice>{\"reasons\": \"x\", \"choice\": \"C\"}</function>\nThanks.", "C", 1.0);
    test("<function=select_choice>{\"choice\": \"B\", \"reasons\": \"order does not matter\"}</function>", "B", 0.6);
    test("<function=select_choice>{\"reasons\": \"x\", \"choice\": \" C \"}</function>", "C", 1.0);
    test("<function=select_choice>{\"reasons\": \"braces } inside\", \"choice\": \"C\"}}</function>", "C", 1.0);
  }

  @Test
  void failsWithAReason() {
    test("<function=select_choice>{\"reasons\": \"x\", \"choice\": \"Z\"}</function>", null, null);
    test("<function=other_tool>{\"choice\": \"C\"}</function>", null, null);
    test("The answer is C.", null, null);
    test("<function=select_choice>{\"reasons\": \"x\", \"choice\": </function>", null, null);
    test("<function=select_choice>not json at all</function>", null, null);
    test("<function=select_choice>{\"reasons\": \"no choice\"}</function>", null, null);
    test("", null, null);
    test(null, null, null);
    test("\u0000\u0001garbage{{{", null, null);
  }
}
