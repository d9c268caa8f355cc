package dev.provbench.task;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every extractor on a table of replies: one line per case (unicode, empty, huge, malformed). */
class ExtractorTest {
  private static final String HUGE = "x".repeat(1_000_000);

  private static ExtractorSpec spec(String type, String pattern, Integer group, String path, String function) {
    return new ExtractorSpec(type, pattern, group, path, function, Map.of(), null);
  }

  private static void test(String expected, ExtractorSpec spec, String answer, String toolCalls) {
    assertEquals(expected, Extractor.extract(spec, answer, toolCalls).text(), spec.type() + " on " + shorten(answer));
  }

  private static String shorten(String s) {
    return s == null || s.length() < 80 ? s : s.substring(0, 80) + "...";
  }

  @Test
  void wholeText() {
    ExtractorSpec text = ExtractorSpec.WHOLE_TEXT;
    test("Paris", text, "  Paris \n", null);
    test("Zürich — 東京 🚀", text, "Zürich — 東京 🚀", null);
    test(null, text, "", null);
    test(null, text, "   \n", null);
    test(null, text, null, null);
    test(HUGE, text, HUGE, null);
  }

  @Test
  void regexGroup() {
    ExtractorSpec answer = spec("regex", "Answer:\\s*(\\w+)", null, null, null);
    test("Paris", answer, "Thinking...\nAnswer: Paris.", null);
    test("東京", answer, "Answer: 東京", null);
    test(null, answer, "no answer here", null);
    test(null, answer, "", null);
    test("Answer: B", spec("regex", "Answer: [A-E]", null, null, null), "so. Answer: B", null);
    test("B", spec("regex", "(Answer): ([A-E])", 2, null, null), "Answer: B", null);
    test("x", spec("regex", "(x)$", null, null, null), HUGE, null);
  }

  @Test
  void jsonPath() {
    ExtractorSpec answer = spec("json_path", null, null, "$.answer", null);
    test("Paris", answer, "{\"answer\": \"Paris\"}", null);
    test("Paris", answer, "```json\n{\"answer\": \"Paris\"}\n```", null);
    test("Paris", answer, "Sure! {\"answer\": \"Paris\"} Hope that helps.", null);
    test("42", answer, "{\"answer\": 42}", null);
    test("{\"city\":\"Paris\"}", answer, "{\"answer\": {\"city\": \"Paris\"}}", null);
    test(null, answer, "{\"answer\": null}", null);
    test(null, answer, "{\"other\": 1}", null);
    test(null, answer, "{\"answer\": \"Par", null);
    test(null, answer, "", null);
    test("Ünïcødé 🚀", answer, "{\"answer\": \"Ünïcødé 🚀\"}", null);
    test("b", spec("json_path", null, null, "$.items[1].name", null), "{\"items\": [{\"name\": \"a\"}, {\"name\": \"b\"}]}", null);
    test("b", spec("json_path", null, null, "items[-1]['name']", null), "{\"items\": [{\"name\": \"a\"}, {\"name\": \"b\"}]}", null);
    test("2", spec("json_path", null, null, "$[1]", null), "[1, 2, 3]", null);
    test(HUGE, answer, "{\"answer\": \"" + HUGE + "\"}", null);
  }

  @Test
  void toolCallArgument() {
    ExtractorSpec choice = spec("tool_call", null, null, "choice", null);
    String calls = "[{\"name\": \"select_choice\", \"arguments\": \"{\\\"choice\\\": \\\"B\\\"}\"}]";
    test("B", choice, "", calls);
    test("B", choice, null, calls);
    test("B", spec("tool_call", null, null, "choice", "select_choice"), null, calls);
    test(null, spec("tool_call", null, null, "choice", "other_fn"), null, calls);
    test("{\"choice\":\"B\"}", spec("tool_call", null, null, null, null), null, calls);
    test(null, choice, null, "[{\"name\": \"f\", \"arguments\": \"{\\\"choice\\\": \"}]");
    test(null, choice, null, "not json");
    test(null, choice, "no call", null);
    test("C", choice, "<function=select_choice>{\"choice\": \"C\"}</function>", null);
  }

  @Test
  void functionText() {
    ExtractorSpec choice = spec("function_text", null, null, "choice", null);
    test("C", choice, "<function=select_choice>{\"reasons\": \"r\", \"choice\": \"C\"}</function>", null);
    test("C", choice, "Let me see.\n<function=select_choice>{\"reasons\": \"line\nbreak\",\n \"choice\": \"C\"}</function>", null);
    test("C", choice, "<function=select_choice>{\"choice\": \"C\"}", null);
    test(null, choice, "<function=select_choice>{\"choice\": ", null);
    test(null, choice, "C", null);
    test(null, choice, "", null);
    test("Ä", choice, "<function=f>{\"choice\": \"Ä\"}</function>", null);
    test(null, spec("function_text", null, null, "choice", "select_choice"), "<function=other>{\"choice\": \"C\"}</function>", null);
  }

  @Test
  void aMapTurnsTheTextIntoTheStoredOutput() {
    ExtractorSpec scores = new ExtractorSpec("function_text", null, null, "choice", null, Map.of("A", "0.4", "C", "1"), null);
    test("1", scores, "<function=select_choice>{\"choice\": \"C\"}</function>", null);
    Extracted unknown = Extractor.extract(scores, "<function=select_choice>{\"choice\": \"Z\"}</function>", null);
    assertEquals(null, unknown.text());
    assertEquals("unknown value `Z`", unknown.error());
  }

  @Test
  void reasoningInTheContentIsSplitOff() {
    assertEquals(new ThinkSplit("Paris", "the capital"), ThinkSplit.of("<think>the capital</think>\nParis"));
    assertEquals(new ThinkSplit("Paris", "hidden"), ThinkSplit.of("hidden</think>Paris"));
    assertEquals(new ThinkSplit("", "never closed"), ThinkSplit.of("<think>never closed"));
    assertEquals(new ThinkSplit("Paris", null), ThinkSplit.of("Paris"));
    assertEquals(new ThinkSplit(null, null), ThinkSplit.of(null));
  }

  @Test
  void badPathsAreRefused() {
    assertThrows(IllegalArgumentException.class, () -> JsonPath.parse("$.a[b]"));
    assertThrows(IllegalArgumentException.class, () -> JsonPath.parse(""));
    assertEquals(3, JsonPath.parse("$.a['b c'][0]").steps().size());
  }
}
