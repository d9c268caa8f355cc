package dev.provbench.task;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.provbench.input.BadInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FactualityTaskTest {
  @TempDir
  Path dir;

  @Test
  void rendersTheShippedTemplateWithEscapingOff() {
    JudgeTemplate t = JudgeTemplate.load(Path.of("data/templates/factuality.yaml"));
    assertEquals(Set.of("input", "output", "expected"), t.variables());
    assertEquals(Map.of("A", 0.4, "B", 0.6, "C", 1.0, "D", 0.0, "E", 1.0), t.choiceScores());
    Prompt p = FactualityTask.prompt(t, Map.of("input", "Is 3 < 4 & \"true\"?", "output", "Yes <b>", "expected", "yes"));
    assertTrue(p.user().contains("[Question]: Is 3 < 4 & \"true\"?"), p.user());
    assertTrue(p.user().contains("[Submission]: Yes <b>"));
    assertTrue(p.system().contains("\"enum\": [\"A\", \"B\", \"C\", \"D\", \"E\"]"), p.system());
    assertTrue(p.system().contains("<function=example_function_name>"));
  }

  @Test
  void anyTemplateOfThatShapeWorks() throws Exception {
    Path f = dir.resolve("yesno.yaml");
    Files.writeString(f, "prompt: |\n  Q: {{question}}\n  Say Y or N.\nchoice_scores:\n  Y: 1\n  N: 0\n");
    JudgeTemplate t = JudgeTemplate.load(f);
    assertEquals("Q: why?\nSay Y or N.\n", FactualityTask.prompt(t, Map.of("question", "why?")).user());
    assertEquals(0.0, FactualityTask.answer(t, "<function=select_choice>{\"reasons\":\"r\",\"choice\":\"N\"}</function>").score());
    BadInputException e = assertThrows(BadInputException.class,
        () -> FactualityTask.checkVariables(t, f.toString(), Map.of("input", "x"), "data.json: case 1"));
    assertTrue(e.getMessage().contains("{{question}}"), e.getMessage());
  }

  /** autoevals' own factuality template uses triple-brace variables, a `|-` block and quoted choice keys. */
  @Test
  void aTemplateInAutoevalsNotationWorksUnchanged() throws Exception {
    Path f = dir.resolve("autoevals-style.yaml");
    Files.writeString(f, "prompt: |-\n  [Question]: {{{input}}}\n  [Expert]: {{{expected}}}\n  [Submission]: {{{output}}}\n"
        + "  Pick one.\nchoice_scores:\n  \"A\": 0.4\n  \"B\": 0.6\n  \"C\": 1\n  \"D\": 0\n  \"E\": 1\n");
    JudgeTemplate t = JudgeTemplate.load(f);
    assertEquals(Set.of("input", "output", "expected"), t.variables());
    assertEquals(Map.of("A", 0.4, "B", 0.6, "C", 1.0, "D", 0.0, "E", 1.0), t.choiceScores());
    assertEquals("[Question]: 3 < 4 & \"so\"?\n[Expert]: yes\n[Submission]: Yes <b>\nPick one.",
        FactualityTask.prompt(t, Map.of("input", "3 < 4 & \"so\"?", "output", "Yes <b>", "expected", "yes")).user());
  }

  @Test
  void aTemplateWithoutChoiceScoresIsRejected() throws Exception {
    Path f = dir.resolve("bad.yaml");
    Files.writeString(f, "prompt: hello {{input}}\n");
    BadInputException e = assertThrows(BadInputException.class, () -> JudgeTemplate.load(f));
    assertEquals(f + ": choice_scores: is missing. Fix: add `choice_scores:` mapping each choice letter to a score, e.g. `A: 0.4`",
        e.getMessage());
  }
}
