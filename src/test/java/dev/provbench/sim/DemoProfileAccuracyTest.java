package dev.provbench.sim;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import okhttp3.Response;
import org.junit.jupiter.api.Test;

/**
 * The demo profile over the project's dataset, three trials, with no delays: accuracy (mean
 * NumericDiff of the judge's score against gold, 0 when the reply does not parse) rises with size
 * and differs most between providers at 8b, as in the reference write-up.
 */
class DemoProfileAccuracyTest {
  private static final Map<String, Double> SCORES = Map.of("A", 0.4, "B", 0.6, "C", 1.0, "D", 0.0, "E", 1.0);

  @Test
  void accuracyRisesWithSizeAndVariesMostAt8b() throws IOException {
    SimProfile demo = SimProfile.load(Path.of("data/sim/demo-profile.yaml")).withTimeScale(0);
    JsonNode cases = SimCalls.JSON.readTree(FactualityPrompts.DATASET.toFile());
    Map<String, double[]> bySize = new LinkedHashMap<>();
    try (SimulatedProviders sim = SimulatedProviders.start(demo, 0)) {
      for (SimProvider p : demo.providers()) {
        for (int i = 0; i < p.models().size(); i++) {
          String size = p.models().size() == 1 ? "405b" : new String[] {"8b", "70b", "405b"}[i];
          double accuracy = accuracy(sim.baseUrl(p.name()), p.models().get(i).id(), cases);
          System.out.printf("%-18s %-5s %.3f%n", p.name(), size, accuracy);
          double[] s = bySize.computeIfAbsent(size, k -> new double[] {0, 0, 1, 0});
          s[0] += accuracy;
          s[1]++;
          s[2] = Math.min(s[2], accuracy);
          s[3] = Math.max(s[3], accuracy);
        }
      }
    }
    double mean8 = bySize.get("8b")[0] / bySize.get("8b")[1];
    double mean70 = bySize.get("70b")[0] / bySize.get("70b")[1];
    double mean405 = bySize.get("405b")[0] / bySize.get("405b")[1];
    System.out.printf("mean 8b %.3f, 70b %.3f, 405b %.3f%n", mean8, mean70, mean405);
    assertTrue(mean8 < mean70 && mean70 < mean405, "accuracy rises with size");
    double spread8 = bySize.get("8b")[3] - bySize.get("8b")[2];
    double spread70 = bySize.get("70b")[3] - bySize.get("70b")[2];
    double spread405 = bySize.get("405b")[3] - bySize.get("405b")[2];
    assertTrue(spread8 > spread70 && spread8 > spread405, "providers differ most at 8b");
  }

  /** Mean score over every case and three trials; 429, 5xx and truncation are retried, as a job would. */
  private static double accuracy(String baseUrl, String model, JsonNode cases) throws IOException {
    double sum = 0;
    int n = 0;
    for (int trial = 0; trial < 3; trial++) {
      for (JsonNode c : cases) {
        JsonNode in = c.path("input");
        String prompt = FactualityPrompts.render(in.path("input").asText(), in.path("expected").asText(),
            in.path("output").asText());
        String choice = choice(baseUrl, SimCalls.chat(model, prompt, false, false).toString());
        Double score = choice == null ? null : SCORES.get(choice);
        sum += score == null ? 0 : numericDiff(c.path("expected").asDouble(), score);
        n++;
      }
    }
    return sum / n;
  }

  private static String choice(String baseUrl, String body) {
    for (int attempt = 0; attempt < 10; attempt++) {
      try (Response r = SimCalls.post(baseUrl + "/chat/completions", body)) {
        if (r.code() == 200) return ToolCallReplyTest.choice(SimCalls.content(SimCalls.JSON.readTree(r.body().string())));
      } catch (IOException truncated) {
        // a fresh draw on the next attempt
      }
    }
    throw new IllegalStateException("no answer in 10 attempts");
  }

  private static double numericDiff(double expected, double output) {
    if (expected == 0 && output == 0) return 1;
    return 1 - Math.abs(expected - output) / (Math.abs(expected) + Math.abs(output));
  }
}
