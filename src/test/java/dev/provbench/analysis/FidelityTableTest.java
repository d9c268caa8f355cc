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

  @Test
  void logprobRowsBesideTheMmdAndNotAvailableWithoutThem() {
    Experiment silent = new Experiment("Silent", "m", "405b");
    FidelityAudit audit = new FidelityAudit(REFERENCE, List.of(withLogprobs(completions(REFERENCE, 0, 1), 0, 11),
        withLogprobs(completions(SAME, 0, 2), 0, 14), withLogprobs(completions(OTHER, 0, 3), 0.05, 13),
        completions(silent, 0, 4)));
    List<FidelityAudit.Result> results = audit.results();
    AnalysisTable table = FidelityTable.of(audit, results);
    assertEquals(List.of("Same mmd", "Same logprob", "Other mmd", "Other logprob", "Silent mmd", "Silent logprob"),
        results.stream().map(r -> r.deployment().provider() + " " + r.test().word()).toList());
    assertEquals("no difference detected", table.value(1, "verdict"));
    assertEquals("no difference detected", table.value(2, "verdict"), "the same words: the MMD cannot tell");
    assertEquals("differs", table.value(3, "verdict"), "0.05 nats per token");
    assertEquals("not available: no logprobs returned", table.value(5, "verdict"));
    assertEquals(20L, table.value(3, "prompts"));
    assertTrue((double) table.value(3, "power") >= 0.8, "power " + table.value(3, "power"));
    List<Insight> insights = FidelityTable.insights(audit, results);
    assertTrue(insights.get(3).text().startsWith("Other 405b: log-probabilities differ from the reference Ref 405b"
        + " (log-probability test p = 0.002 on 20 prompts × 10 samples)"), insights.get(3).text());
    assertTrue(insights.get(1).text().startsWith("Same 405b: no difference in log-probabilities from the reference Ref"
        + " 405b detected (log-probability test p = "), insights.get(1).text());
    assertTrue(insights.get(1).text().contains("this audit could detect a shift of "), insights.get(1).text());
    assertEquals("Silent 405b: the log-probability test is not available (it returned no log-probabilities); only the"
        + " MMD of its outputs speaks for it.", insights.get(5).text());
    AnalysisTable planning = FidelityTable.planning(audit);
    assertEquals(List.of("test", "planted change", "prompts", "samples a side", "power"),
        planning.columns().stream().map(c -> c.name()).toList());
    assertEquals("logprob", planning.value(9, "test"));
    assertEquals("0.01 nats per token", planning.value(9, "planted change"));
  }

  /**
   * The same completions, each with a first position over the eight words: each prompt's log-probabilities fixed by
   * the prompt, moved by a fixed draw of {@code shift} nats per word, jittered by 0.02 nats per sample, top 5.
   */
  private static FidelityAudit.Completions withLogprobs(FidelityAudit.Completions c, double shift, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    Map<String, List<Map<String, Double>>> byPrompt = new LinkedHashMap<>();
    c.byPrompt().forEach((prompt, texts) -> {
      SplittableRandom fixed = new SplittableRandom(prompt.hashCode());
      SplittableRandom moved = new SplittableRandom(prompt.hashCode() + 7L * (long) (shift * 1000));
      double[] base = new double[WORDS.length];
      for (int w = 0; w < base.length; w++) base[w] = -0.4 * w - fixed.nextDouble() + shift * moved.nextGaussian();
      List<Map<String, Double>> samples = new ArrayList<>();
      for (int s = 0; s < texts.size(); s++) {
        List<Map.Entry<String, Double>> all = new ArrayList<>();
        for (int w = 0; w < base.length; w++) all.add(Map.entry(WORDS[w], base[w] + 0.02 * random.nextGaussian()));
        all.sort(Map.Entry.comparingByValue((a, b) -> Double.compare(b, a)));
        Map<String, Double> top = new LinkedHashMap<>();
        all.subList(0, 5).forEach(e -> top.put(e.getKey(), e.getValue()));
        samples.add(top);
      }
      byPrompt.put(prompt, samples);
    });
    return new FidelityAudit.Completions(c.deployment(), c.byPrompt(), byPrompt);
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
