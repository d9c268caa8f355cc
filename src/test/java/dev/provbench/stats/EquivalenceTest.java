package dev.provbench.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.provbench.stats.Equivalence.Verdict;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The equivalence test and the power formulas against simulation: per-case data drawn the way the simulated
 * judge makes it (a case's trials each lose a score of 0.4, 0.6, 0 or 1 with the judge's error rate, so a
 * deployment's accuracy falls by half its error rate), with a known true difference, many times, seeded.
 */
class EquivalenceTest {
  private static final double[] LOSS = {0.6, 0.4, 1, 0};
  private static final double MARGIN = 0.02;

  @Test
  void intervalsFromStudentsT() {
    double[] d = {0.1, -0.2, 0.0, 0.3};
    Equivalence e = Equivalence.test(d, MARGIN);
    PairedT t = PairedT.of(d);
    assertEquals(t.low(), e.low95(), 1e-15);
    assertEquals(t.high(), e.high95(), 1e-15);
    // t(0.95, 3 df) = 2.353363 against the normal's 1.644854: a small sample's 90% interval is that much wider.
    assertEquals(2.353363 * e.sd() / 2, e.high90() - e.difference(), 1e-6);
  }

  @Test
  void verdictsFromTheIntervals() {
    assertEquals(Verdict.EQUIVALENT, Equivalence.test(spread(0.001, 0.01, 50), MARGIN).verdict());
    assertEquals(Verdict.DIFFERENT, Equivalence.test(spread(-0.08, 0.05, 50), MARGIN).verdict());
    assertEquals(Verdict.INCONCLUSIVE, Equivalence.test(spread(0.0, 0.2, 50), MARGIN).verdict());
    assertEquals(Verdict.TOO_FEW_CASES, Equivalence.test(new double[] {0.1}, MARGIN).verdict());
    Equivalence e = Equivalence.test(spread(0.0, 0.2, 50), MARGIN);
    long planned = 50 + e.moreCases();
    assertTrue(Normal.Z_95 * e.sd() / Math.sqrt(planned) <= MARGIN - Math.abs(e.difference()), e.toString());
    assertTrue(Normal.Z_95 * e.sd() / Math.sqrt(planned - 1) > MARGIN - Math.abs(e.difference()), e.toString());
    assertTrue(e.describe().equals("inconclusive"));
    assertTrue(Equivalence.test(spread(-0.08, 0.05, 50), MARGIN).describe().startsWith("different: worse by 8.0 points"));
  }

  @Test
  void identicalDeploymentsAreCalledEquivalentAtEnoughCases() {
    Map<Verdict, Integer> v = verdicts(0.04, 0.04, 600, 3, 500, 1);
    assertTrue(v.get(Verdict.EQUIVALENT) >= 0.80 * 500, v.toString());
    assertTrue(v.get(Verdict.DIFFERENT) <= 0.08 * 500, "false differences " + v);
  }

  @Test
  void aRealDifferenceIsNeverCalledEquivalent() {
    Map<Verdict, Integer> v = verdicts(0.04, 0.20, 60, 3, 500, 2);
    assertTrue(v.get(Verdict.EQUIVALENT) <= 0.05 * 500, v.toString());
    assertTrue(v.get(Verdict.DIFFERENT) >= 0.80 * 500, v.toString());
  }

  /**
   * Nominally 5%. When one side hardly errs, the per-case differences are skewed and their mean and SD move
   * together, which makes the t-interval a little liberal: about 5.5% at −2 points and 7% at +2 points here.
   */
  @Test
  void atTheMarginEquivalenceIsClaimedRarely() {
    for (double other : new double[] {0.08, 0.0}) {
      Map<Verdict, Integer> v = verdicts(0.04, other, 600, 3, 4000, 3);
      assertTrue(v.get(Verdict.EQUIVALENT) <= 0.08 * 4000, "error rate " + other + ": " + v);
    }
  }

  @Test
  void theMinimumDetectableDifferenceIsDetectedEightyPercentOfTheTime() {
    double reference = 0.10;
    double other = 0.20;
    double trueDifference = -0.5 * (other - reference);
    double sd = CaseDifferences.sd(differences(reference, other, 200_000, 3, new SplittableRandom(4)));
    long cases = DecisionPower.casesNeeded(sd, Math.abs(trueDifference));
    assertEquals(Math.abs(trueDifference), DecisionPower.minimumDetectable(sd, cases), 0.001);
    SplittableRandom random = new SplittableRandom(5);
    int detected = 0;
    int runs = 1000;
    for (int r = 0; r < runs; r++) {
      Equivalence e = Equivalence.test(differences(reference, other, (int) cases, 3, random), MARGIN);
      if (e.high95() < 0 || e.low95() > 0) detected++;
    }
    assertEquals(0.80, detected / (double) runs, 0.05, cases + " cases at SD " + sd);
  }

  @Test
  void casesNeededFollowsTheFormula() {
    assertEquals(88, DecisionPower.casesNeeded(0.1, 0.03));
    assertEquals(0.0280, DecisionPower.minimumDetectable(0.1, 100), 0.0001);
    assertEquals(null, DecisionPower.casesNeeded(Double.NaN, 0.03));
  }

  /** At one test's level α: Student's quantiles, close to the normal's on many cases and larger on few. */
  @Test
  void detectableAtALevelUsesStudentsQuantiles() {
    assertEquals(DecisionPower.minimumDetectable(0.1, 10_000), DecisionPower.minimumDetectable(0.1, 10_000, 0.05), 0.00001);
    assertEquals((3.3896 + 0.8481) * 0.3 / Math.sqrt(60), DecisionPower.minimumDetectable(0.3, 60, 0.05 / 40), 0.001);
    long n = DecisionPower.casesNeeded(0.3, 0.02, 0.05 / 40);
    assertTrue(DecisionPower.minimumDetectable(0.3, n, 0.05 / 40) <= 0.02);
    assertTrue(DecisionPower.minimumDetectable(0.3, n - 1, 0.05 / 40) > 0.02);
    assertEquals(null, DecisionPower.casesNeeded(0.3, 0, 0.05));
  }

  private static Map<Verdict, Integer> verdicts(double reference, double other, int cases, int trials, int runs, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    Map<Verdict, Integer> out = new TreeMap<>(Map.of(Verdict.EQUIVALENT, 0, Verdict.DIFFERENT, 0, Verdict.INCONCLUSIVE, 0));
    for (int r = 0; r < runs; r++) {
      out.merge(Equivalence.test(differences(reference, other, cases, trials, random), MARGIN).verdict(), 1, Integer::sum);
    }
    return out;
  }

  /** Per case: other's trial mean − reference's, each trial losing a random judge-error score. */
  private static double[] differences(double reference, double other, int cases, int trials, SplittableRandom random) {
    double[] d = new double[cases];
    for (int c = 0; c < cases; c++) d[c] = (caseMean(other, trials, random) - caseMean(reference, trials, random));
    return d;
  }

  private static double caseMean(double errorRate, int trials, SplittableRandom random) {
    double sum = 0;
    for (int t = 0; t < trials; t++) sum += random.nextDouble() < errorRate ? 1 - LOSS[random.nextInt(LOSS.length)] : 1;
    return sum / trials;
  }

  /** {@code n} values with the given mean and a fixed spread, alternating sides. */
  private static double[] spread(double mean, double half, int n) {
    double[] d = new double[n];
    for (int i = 0; i < n; i++) d[i] = mean + (i % 2 == 0 ? half : -half);
    return d;
  }
}
