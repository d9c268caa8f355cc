package dev.provbench.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The statistic by hand (a missing token at the sample's lowest listed log-probability), and the permutation test over
 * many seeded data sets of noisy top-5 lists: the same distribution (it rejects about 5% of the time at 0.05) and one
 * moved by 0.05 nats per token; the power by simulation at the observed difference and against a planted shift.
 */
class LogprobTestTest {
  private static final String[] TOKENS = {"sea", "light", "house", "rock", "tower", "wave", "night", "ship"};

  @Test
  void statisticByHand() {
    // One prompt, tokens {a, b, c}. Reference: (−1, −2, −3) and (−1, −2, c missing → its lowest listed, −2).
    // Candidate: (−2, −1, −3). Reference mean (−1, −2, −2.5), candidate (−2, −1, −3): squared distance
    // 1 + 1 + 0.25 = 2.25 over 3 tokens = 0.75.
    PromptLogprobs p = new PromptLogprobs("p", List.of(Map.of("a", -1.0, "b", -2.0, "c", -3.0), Map.of("a", -1.0,
        "b", -2.0)), List.of(Map.of("a", -2.0, "b", -1.0, "c", -3.0)));
    LogprobResult r = LogprobTest.run(List.of(p), 10, 1);
    assertEquals(0.75, r.statistic(), 1e-12);
    assertEquals(1, r.prompts());
    assertEquals(2, r.reference());
    assertEquals(1, r.candidate());
  }

  @Test
  void promptsWithoutASampleASideAreLeftOut() {
    PromptLogprobs thin = new PromptLogprobs("p", List.of(Map.of("a", -1.0)), List.of(Map.of()));
    LogprobResult r = LogprobTest.run(List.of(thin), 10, 1);
    assertEquals(0, r.prompts());
    assertTrue(Double.isNaN(r.p()));
  }

  @Test
  void sameDistributionRejectsAboutFivePercent() {
    int rejected = 0;
    int audits = 300;
    for (int seed = 0; seed < audits; seed++) {
      if (LogprobTest.run(audit(new SplittableRandom(seed), 0, 5, 2), 199, seed).p() <= 0.05) rejected++;
    }
    assertTrue(rejected <= 27, rejected + " of " + audits + " identical audits rejected at 0.05");
  }

  @Test
  void aSmallShiftIsDetectedFromFewSamples() {
    int rejected = 0;
    int audits = 100;
    for (int seed = 0; seed < audits; seed++) {
      if (LogprobTest.run(audit(new SplittableRandom(seed), 0.05, 5, 2), 199, seed).p() <= 0.05) rejected++;
    }
    assertTrue(rejected >= 80, rejected + " of " + audits + " shifted audits rejected at 0.05");
  }

  @Test
  void powerAtTheObservedDifferenceAndAPlantedShift() {
    SplittableRandom random = new SplittableRandom(7);
    assertTrue(LogprobPower.atObserved(audit(random, 0.05, 10, 4), 5, 2, 40, 0.05, 3) >= 0.8);
    assertTrue(LogprobPower.atObserved(audit(random, 0, 10, 4), 5, 2, 40, 0.05, 3) <= 0.2);
    List<List<Map<String, Double>>> own = audit(random, 0, 10, 4).stream().map(PromptLogprobs::reference).toList();
    assertTrue(LogprobPower.shift(own, 0.2, 5, 2, 40, 0.05, 3) >= 0.8);
    double detectable = LogprobPower.detectableShift(own, 5, 2, 20, 0.05, 3);
    assertTrue(detectable >= 0.01 && detectable <= 0.2, "detectable shift " + detectable);
  }

  /**
   * {@code prompts} prompts, {@code samples} a side: each prompt's log-probabilities fixed, each sample's jittered by
   * 0.02 nats and cut to its top 5; the candidate's moved by a fixed draw of {@code shift} nats per token.
   */
  private static List<PromptLogprobs> audit(SplittableRandom random, double shift, int prompts, int samples) {
    List<PromptLogprobs> out = new ArrayList<>();
    for (int p = 0; p < prompts; p++) {
      double[] base = new double[TOKENS.length];
      double[] moved = new double[TOKENS.length];
      for (int t = 0; t < base.length; t++) {
        base[t] = -0.5 * t - random.nextDouble();
        moved[t] = base[t] + shift * random.nextGaussian();
      }
      out.add(new PromptLogprobs("p" + p, samples(base, samples, random), samples(moved, samples, random)));
    }
    return out;
  }

  private static List<Map<String, Double>> samples(double[] logprobs, int count, SplittableRandom random) {
    List<Map<String, Double>> out = new ArrayList<>();
    for (int s = 0; s < count; s++) {
      List<Map.Entry<String, Double>> jittered = new ArrayList<>();
      for (int t = 0; t < logprobs.length; t++) jittered.add(Map.entry(TOKENS[t], logprobs[t] + 0.02 * random.nextGaussian()));
      jittered.sort(Map.Entry.comparingByValue((a, b) -> Double.compare(b, a)));
      Map<String, Double> top = new HashMap<>();
      jittered.subList(0, 5).forEach(e -> top.put(e.getKey(), e.getValue()));
      out.add(top);
    }
    return out;
  }
}
