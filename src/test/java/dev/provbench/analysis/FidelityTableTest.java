package dev.provbench.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.provbench.analysis.output.AnalysisTable;
import dev.provbench.analysis.output.Insight;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The fidelity table and its insights on completions made up here, without Spark: a deployment that words its answers
 * differently is flagged, one that samples the reference's own distribution is not, and the table names both.
 */
class FidelityTableTest {
  private static final Experiment REFERENCE = new Experiment("Ref", "m", "405b");
  private static final Experiment SAME = new Experiment("Same", "m", "405b");
  private static final Experiment OTHER = new Experiment("Other", "m-fp8", "405b");
  private static final String[] WORDS = {"calm", "sea", "light", "tower", "night", "ship", "rock", "wave"};

  @Test
  void flagsTheDifferentDeploymentAndNotTheSameOne() {
    FidelityAudit audit = new FidelityAudit(REFERENCE, List.of(completions(REFERENCE, 0, 1), completions(SAME, 0, 2),
        completions(OTHER, 3, 3)));
    List<FidelityAudit.Result> results = audit.results();
    AnalysisTable table = FidelityTable.of(audit, results);
    assertEquals(FidelityTable.ID, table.id());
    assertEquals(List.of("provider", "model", "reference", "test", "prompts", "samples", "statistic", "effect sd", "p",
        "adjusted p", "verdict", "power"), table.columns().stream().map(c -> c.name()).toList());
    assertEquals("Same", table.value(0, "provider"));
    assertEquals("no difference detected", table.value(0, "verdict"));
    assertEquals("differs", table.value(1, "verdict"));
    assertEquals(200L, table.value(1, "samples"), "20 prompts x 10 samples");
    assertTrue((double) table.value(1, "power") >= 0.8, "power at the observed difference " + table.value(1, "power"));
    List<Insight> insights = FidelityTable.insights(audit, results);
    assertTrue(insights.get(1).text().startsWith("Other 405b: outputs differ from the reference Ref 405b (MMD p = 0.002"
        + " on 20 prompts × 10 samples)"), insights.get(1).text());
    assertTrue(insights.get(0).text().startsWith("Same 405b: no difference from the reference Ref 405b detected"),
        insights.get(0).text());
  }

  /** 20 prompts × 10 completions of six words; {@code shift} favours each prompt's first word that much more. */
  private static FidelityAudit.Completions completions(Experiment e, double shift, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    Map<String, List<String>> byPrompt = new LinkedHashMap<>();
    for (int p = 0; p < 20; p++) {
      double[] weights = new SplittableRandom(p).doubles(WORDS.length).map(w -> Math.exp(3 * w)).toArray();
      weights[p % WORDS.length] *= Math.exp(shift);
      List<String> texts = new ArrayList<>();
      for (int s = 0; s < 10; s++) {
        StringBuilder t = new StringBuilder();
        for (int w = 0; w < 6; w++) t.append(w == 0 ? "" : " ").append(WORDS[pick(weights, random)]);
        texts.add(t.toString());
      }
      byPrompt.put("p" + p, texts);
    }
    return new FidelityAudit.Completions(e, byPrompt);
  }

  private static int pick(double[] weights, SplittableRandom random) {
    double total = 0;
    for (double w : weights) total += w;
    double u = random.nextDouble() * total;
    for (int i = 0; i < weights.length; i++) if ((u -= weights[i]) < 0) return i;
    return weights.length - 1;
  }
}
