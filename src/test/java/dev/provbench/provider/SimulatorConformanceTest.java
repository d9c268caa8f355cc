package dev.provbench.provider;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.provbench.job.ModelSpec;
import dev.provbench.job.ProviderSpec;
import dev.provbench.job.RateLimit;
import dev.provbench.job.Timeouts;
import dev.provbench.sim.SimProfile;
import dev.provbench.sim.SimulatedProviders;
import dev.provbench.task.FactualityTask;
import dev.provbench.task.JudgeTemplate;
import dev.provbench.task.ParsedChoice;
import dev.provbench.task.Prompt;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Our own client reads the simulated providers' streaming and whole answers, and the judge's tool call parses. */
class SimulatorConformanceTest {
  private static void test(boolean stream, String submitted, String expert, String choice) {
    SimProfile profile = SimProfile.load(Path.of("src/test/resources/sim/fast.yaml"));
    JudgeTemplate template = JudgeTemplate.load(Path.of("data/templates/factuality.yaml"));
    try (SimulatedProviders sim = SimulatedProviders.start(profile, 0)) {
      ModelSpec model = new ModelSpec("judge-small", "8b", null, null, 1, null);
      ProviderSpec provider = new ProviderSpec("Fast", sim.baseUrl("Fast"), null, Map.of(), List.of(model),
          RateLimit.NONE);
      Prompt prompt = FactualityTask.prompt(template, Map.of("input", "What colour is the door?", "output", submitted,
          "expected", expert));
      AttemptResult r = new ChatCompletionClient(provider, model, Timeouts.DEFAULTS, null)
          .send(new ChatRequest("judge-small", prompt.system(), prompt.user(), 0, 2048, stream));
      assertTrue(r.ok(), r.error());
      assertNotNull(r.promptTokens());
      assertTrue(r.completionTokens() > 0);
      if (stream) assertNotNull(r.ttftMs());
      else assertNull(r.ttftMs());
      ParsedChoice parsed = FactualityTask.answer(template, r.content());
      assertEquals(choice, parsed.choice(), r.content());
    }
  }

  @Test
  void readsEveryKindOfAnswer() {
    test(true, "The door is red.", "The door is red.", "C");
    test(false, "The door is red.", "The door is red.", "C");
    test(true, "The door is red and has a brass knocker.", "The door is red.", "B");
    test(false, "The shed is blue.", "The door is red.", "D");
  }
}
