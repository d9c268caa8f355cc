package dev.provbench.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class JudgePromptTest {

  @Test
  void readsTheThreeFieldsAndTheChoicesFromTheRealTemplate() {
    String story = "Tomas keeps a starter.\nHe bakes daily.\n\nQuestion: What is the starter's name?";
    JudgePrompt p = JudgePrompt.parse(FactualityPrompts.render(story, "Gus", "It is called\nGus.")).orElseThrow();
    assertEquals(story, p.question());
    assertEquals("Gus", p.expert());
    assertEquals("It is called\nGus.", p.submission());
    assertEquals(List.of("A", "B", "C", "D", "E"), p.choices());
    assertEquals("Question: What is the starter's name?", p.lastParagraph());
  }

  @Test
  void templateCarriesTheMarkersVerbatim() {
    for (String marker : List.of("[BEGIN DATA]", "[Question]: {{input}}", "[Expert]: {{expected}}",
        "[Submission]: {{output}}", "[END DATA]", "************")) {
      assertTrue(FactualityPrompts.template().contains(marker), marker);
    }
  }

  @Test
  void emptyWhenMarkersOrFieldsAreMissing() {
    assertTrue(JudgePrompt.parse("no data here").isEmpty());
    assertTrue(JudgePrompt.parse("[BEGIN DATA]\n************\n[Question]: q\n************\n[END DATA]").isEmpty());
  }

  @Test
  void choicesInsideTheDataAreNotOffered() {
    String prompt = "[BEGIN DATA]\n***\n[Question]: q\n***\n[Expert]: e\n***\n[Submission]: (Z) x\n***\n[END DATA]\n(A) one\n(B) two";
    assertEquals(List.of("A", "B"), JudgePrompt.parse(prompt).orElseThrow().choices());
  }
}
