package dev.provbench.sim;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The rule, without judge errors, against the kind of each case of the project's datasets: the hand-written reference
 * set, and the generated 600-case set ({@code data/generate/FactualityCases.java}), whose every case the rule must read
 * as its kind says.
 */
class DatasetAgreementTest {
  private static final Map<String, String> LETTER_BY_KIND = Map.of("correct", "C", "different", "D", "superset", "B");

  @ParameterizedTest(name = "{0}")
  @CsvSource({"data/factuality.json, 0.9", "data/factuality-600.json, 1.0"})
  void ruleAgreesWithTheGoldKind(Path dataset, double atLeast) throws IOException {
    JsonNode cases = new ObjectMapper().readTree(dataset.toFile());
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
    assertTrue(rate >= atLeast, dataset + ": agreement " + rate + misses);
  }
}
