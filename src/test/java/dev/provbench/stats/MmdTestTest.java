package dev.provbench.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The Hamming kernel by hand, the unbiased MMD² by hand, and the permutation test over many seeded data sets drawn
 * from two word distributions: the same one (it rejects about 5% of the time at 0.05) and a slightly different one.
 */
class MmdTestTest {
  private static final HammingKernel FOUR = new HammingKernel(4);
  private static final String[] WORDS = {"the", "a", "quiet", "bright", "river", "stone", "light", "runs", "holds"};

  @Test
  void hammingKernel() {
    kernel(1.0, "abcd", "abcd");
    kernel(0.75, "abcd", "abcx");
    kernel(1.0, "abcdef", "abcdxy"); // only the first L characters count
    kernel(0.5, "ab", "abcd"); // the pad equals only itself
    kernel(1.0, "", "");
    kernel(0.0, "wxyz", "abcd");
  }

  private static void kernel(double expected, String x, String y) {
    assertEquals(expected, FOUR.of(x, y), 1e-12, x + " · " + y);
    assertEquals(expected, FOUR.of(y, x), 1e-12, "symmetric");
  }

  @Test
  void unbiasedStatisticByHand() {
    // One prompt: X = {aaaa, aaab}, Y = {bbbb, abbb}. k: XX 0.75; YY 0.75; XY aaaa·bbbb 0, aaaa·abbb 0.25,
    // aaab·bbbb 0.25, aaab·abbb 0.5 → mean 0.25. MMD² = 0.75 − 2·0.25 + 0.75 = 1.0.
    PromptSamples one = new PromptSamples("p", List.of("aaaa", "aaab"), List.of("bbbb", "abbb"));
    assertEquals(1.0, MmdTest.statistic(List.of(one), FOUR), 1e-12);
    // A second prompt's completions are never compared with the first's: same completions, same MMD².
    PromptSamples two = new PromptSamples("q", List.of("aaaa", "aaab"), List.of("bbbb", "abbb"));
    assertEquals(1.0, MmdTest.statistic(List.of(one, two), FOUR), 1e-12);
  }

  @Test
  void promptsWithoutTwoCompletionsASideAreLeftOut() {
    PromptSamples thin = new PromptSamples("p", List.of("aaaa"), List.of("bbbb", "abbb"));
    MmdResult r = MmdTest.run(List.of(thin), FOUR, 10, 1);
    assertEquals(0, r.prompts());
    assertTrue(Double.isNaN(r.p()));
  }

  @Test
  void sameDistributionRejectsAboutFivePercent() {
    int rejected = 0;
    int audits = 200;
    for (int seed = 0; seed < audits; seed++) {
      SplittableRandom random = new SplittableRandom(seed);
      if (MmdTest.run(audit(random, 0, 10, 6), HammingKernel.FIRST_100_CHARACTERS, 199, seed).p() <= 0.05) rejected++;
    }
    assertTrue(rejected <= 20, rejected + " of " + audits + " identical audits rejected at 0.05");
  }

  @Test
  void aShiftInOneWordsWeightIsDetected() {
    int rejected = 0;
    int audits = 50;
    for (int seed = 0; seed < audits; seed++) {
      SplittableRandom random = new SplittableRandom(seed);
      if (MmdTest.run(audit(random, 2.5, 10, 6), HammingKernel.FIRST_100_CHARACTERS, 199, seed).p() <= 0.05) rejected++;
    }
    assertTrue(rejected >= 40, rejected + " of " + audits + " shifted audits rejected at 0.05");
  }

  @Test
  void powerAtTheObservedDifferenceAndAPlantedWordChange() {
    SplittableRandom random = new SplittableRandom(7);
    List<PromptSamples> shifted = audit(random, 2.5, 10, 10);
    assertTrue(MmdPower.atObserved(shifted, HammingKernel.FIRST_100_CHARACTERS, 10, 6, 40, 0.05, 3) >= 0.7);
    List<PromptSamples> same = audit(random, 0, 10, 10);
    assertTrue(MmdPower.atObserved(same, HammingKernel.FIRST_100_CHARACTERS, 10, 6, 40, 0.05, 3) <= 0.2);
    List<List<String>> reference = same.stream().map(PromptSamples::reference).toList();
    double small = MmdPower.wordChange(reference, 0.01, HammingKernel.FIRST_100_CHARACTERS, 30, 5, 40, 0.05, 3);
    double large = MmdPower.wordChange(reference, 0.5, HammingKernel.FIRST_100_CHARACTERS, 30, 5, 40, 0.05, 3);
    assertTrue(large > small + 0.2, small + " then " + large);
  }

  /** {@code prompts} prompts, {@code samples} completions a side; the candidate's word weights moved by {@code shift}. */
  private static List<PromptSamples> audit(SplittableRandom random, double shift, int prompts, int samples) {
    List<PromptSamples> out = new ArrayList<>();
    for (int p = 0; p < prompts; p++) {
      double[] weights = new SplittableRandom(p).doubles(WORDS.length).map(w -> Math.exp(5 * w)).toArray();
      double[] moved = weights.clone();
      moved[p % WORDS.length] *= Math.exp(shift);
      out.add(new PromptSamples("p" + p, completions(random, weights, samples), completions(random, moved, samples)));
    }
    return out;
  }

  private static List<String> completions(SplittableRandom random, double[] weights, int count) {
    List<String> out = new ArrayList<>();
    for (int c = 0; c < count; c++) {
      StringBuilder text = new StringBuilder();
      for (int w = 0; w < 6; w++) text.append(w == 0 ? "" : " ").append(WORDS[pick(random, weights)]);
      out.add(text.toString());
    }
    return out;
  }

  private static int pick(SplittableRandom random, double[] weights) {
    double total = 0;
    for (double w : weights) total += w;
    double u = random.nextDouble() * total;
    for (int i = 0; i < weights.length; i++) if ((u -= weights[i]) < 0) return i;
    return weights.length - 1;
  }
}
