package dev.provbench.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The retrieval rule: the document's own value, or with the error draw a value it gives for the same attribute. */
class RetrievalAnswerTest {
  private static final String DOC = "Port Velden\nThe harbour master of Port Velden is Ilsa Marrow. The founding year of"
      + " Port Velden is 1742. Boats leave at dawn.\nFort Esk\nThe harbour master of Fort Esk is Bram Vey. The signal"
      + " colour of Fort Esk is teal.\nUpper Tal\nThe harbour master of Upper Tal is Runa Quill.";

  /** One row: the question after DOC, the error rate and draws, the reply expected. */
  private static void answers(String question, double errorRate, double errorDraw, double pickDraw, String expected) {
    RetrievalPrompt prompt = RetrievalPrompt.parse(request(DOC + "\n\nQuestion: " + question)).orElseThrow();
    assertEquals(expected, RetrievalAnswerer.answer(prompt, errorRate, errorDraw, pickDraw), question);
  }

  @Test
  void answersFromTheDocument() {
    answers("What is the harbour master of Port Velden?", 0, 0.5, 0.5, "Answer: Ilsa Marrow");
    answers("What is the founding year of Port Velden?", 0.1, 0.1, 0, "Answer: 1742");          // draw at the rate: right
    answers("what is the harbour master of fort esk?", 0, 0, 0, "Answer: Bram Vey");              // case ignored
    answers("What is the harbour master of Port Velden?", 0.1, 0.05, 0, "Answer: Bram Vey");     // errs: same attribute
    answers("What is the harbour master of Port Velden?", 0.1, 0.05, 0.99, "Answer: Runa Quill");
    answers("What is the signal colour of Fort Esk?", 1, 0, 0, "Answer: Ilsa Marrow");          // no other colour: any fact
    answers("What is the elevation of Fort Esk?", 0, 0, 0, RetrievalAnswerer.NOT_STATED);
  }

  @Test
  void readsTheLastQuestionOfTheLastUserMessage() {
    RetrievalPrompt p = RetrievalPrompt.parse(request("What is the signal colour of Fort Esk?\n" + DOC
        + "\nQuestion: What is the founding year of Port Velden?")).orElseThrow();
    assertEquals("founding year", p.attribute());
    assertEquals("Port Velden", p.entity());
    assertEquals("1742", p.answer());
    // No other place has a founding year, so every other fact's value is a distractor, in document order.
    assertEquals(List.of("Ilsa Marrow", "Bram Vey", "teal", "Runa Quill"), p.distractors());
    assertTrue(RetrievalPrompt.parse(request(DOC + "\nWho is in charge of Fort Esk?")).isEmpty(), "no question, no retrieval");
  }

  @Test
  void everyShippedCaseIsAnsweredRightWithoutErrorsAndHasADistractor() throws Exception {
    ObjectMapper json = new ObjectMapper();
    List<String> lines = Files.readAllLines(Path.of("data/long-context.jsonl"));
    assertFalse(lines.isEmpty());
    for (String line : lines) {
      JsonNode c = json.readTree(line);
      String user = c.path("input").path("document").asText() + "\n\nQuestion: " + c.path("input").path("question").asText();
      RetrievalPrompt p = RetrievalPrompt.parse(request(user)).orElseThrow();
      assertEquals("Answer: " + c.path("expected").asText(), RetrievalAnswerer.answer(p, 0, 0.5, 0.5), c.path("id").asText());
      assertFalse(p.distractors().isEmpty(), c.path("id").asText());
      assertFalse(RetrievalAnswerer.answer(p, 1, 0, 0.5).equals("Answer: " + c.path("expected").asText()), c.path("id").asText());
    }
  }

  private static ChatRequest request(String user) {
    return new ChatRequest("m", List.of(new ChatRequest.Message("system", "Answer from the document."),
        new ChatRequest.Message("user", user)), false, false, 0);
  }
}
