package dev.provbench.sim;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The rule, without judge errors, against the kind of each case of the project's dataset. */
class DatasetAgreementTest {
  private static final Map<String, String> LETTER_BY_KIND = Map.of("correct", "C", "different", "D", "superset", "B");

  @Test
  void ruleAgreesWithTheGoldKindForTheLargeMajority() throws IOException {
    JsonNode cases = new ObjectMapper().readTree(FactualityPrompts.DATASET.toFile());
    int agree = 0;
    StringBuilder misses = new StringBuilder();
    for (JsonNode c : cases) {
      JsonNode in = c.path("input");
      String prompt = FactualityPrompts.render(in.path("input").asText(), in.path("expected").asText(), in.path("output").asText());
      String got = FactualityJudge.rule(prompt).choice();
      String want = LETTER_BY_KIND.get(c.path("metadata").path("kind").asText());
      if (got.equals(want)) agree++;
      else misses.append("\n  ").append(c.path("id").asText()).append(": ").append(got).append(" for ").append(want);
    }
    double rate = (double) agree / cases.size();
    System.out.printf("rule agreement %d/%d = %.1f%%%s%n", agree, cases.size(), 100 * rate, misses);
    assertTrue(rate >= 0.9, "agreement " + rate + misses);
  }
}
