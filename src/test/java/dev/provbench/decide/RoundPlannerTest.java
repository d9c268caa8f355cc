package dev.provbench.decide;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.provbench.decide.SyntheticMatrix.Shape;
import dev.provbench.job.AdaptivePlan;
import dev.provbench.job.DecisionKind;
import dev.provbench.job.DecisionSpec;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The planner on simulated full runs: error rates under many looks, savings when easy, patience when hard. */
class RoundPlannerTest {
  private static final AdaptivePlan ACCURATE_AND_FAST = AdaptivePlan.DEFAULTS
      .withDecisions(List.of(DecisionSpec.MOST_ACCURATE, DecisionSpec.FASTEST));

  @Test
  void identicalDeploymentsRarelyGetAWinnerWithALookAfterEveryCase() {
    AdaptivePlan everyCase = ACCURATE_AND_FAST.withRoundCases(1);
    int runs = 1000;
    int claims = 0;
    for (int i = 0; i < runs; i++) {
      Walk w = RoundPlanner.walk(SyntheticMatrix.of(SyntheticMatrix.same(4, 60, 3), i), everyCase);
      if (w.decisions().stream().anyMatch(d -> d.verdict().claimsDifference())) claims++;
    }
    // Each decision is held to 5%; two decisions, so at most 10% of runs may claim anything, and far fewer should.
    assertTrue(claims <= 0.05 * runs, claims + " of " + runs + " null runs claimed a difference");
  }

  @Test
  void anEasyDecisionStopsEarlyWithTheRightWinner() {
    Shape easy = new Shape(new double[] {0.05, -0.25, -0.3}, new double[] {600, 1000, 1100}, 0.1, 60, 3);
    int right = 0;
    double share = 0;
    for (int i = 0; i < 100; i++) {
      Walk w = RoundPlanner.walk(SyntheticMatrix.of(easy, i), ACCURATE_AND_FAST.withSeed(i));
      right += w.decisions().stream().allMatch(d -> d.verdict() == DecisionVerdict.WINNER && d.winner().equals("Provider 1")) ? 1 : 0;
      share += w.shareOfFull();
    }
    assertTrue(right >= 95, right + " of 100 found Provider 1 most accurate and fastest");
    assertTrue(share / 100 < 0.6, "used " + share / 100 + " of the full matrix");
  }

  @ParameterizedTest(name = "futility {0}: not settled, {1}")
  @CsvSource({
      "false, matrix exhausted (60 of 60 cases)",
      "true, projected not to settle within the matrix (60 cases)",
  })
  void aHardDecisionSaysNotSettledNeverACoinFlip(boolean futility, String because) {
    Shape hard = new Shape(new double[] {0.01, 0}, SyntheticMatrix.filled(2, 1000), 0.3, 60, 3);
    int notSettled = 0;
    double share = 0;
    Map<String, Integer> becauses = new TreeMap<>();
    for (int i = 0; i < 100; i++) {
      Walk w = RoundPlanner.walk(SyntheticMatrix.of(hard, 1000 + i), AdaptivePlan.DEFAULTS.withSeed(i).withFutility(futility));
      DecisionResult d = w.decisions().get(0);
      becauses.merge(d.because(), 1, Integer::sum);
      if (d.verdict() == DecisionVerdict.NOT_SETTLED) {
        notSettled++;
        share += w.shareOfFull();
        if (d.because().equals("matrix exhausted (60 of 60 cases)")) assertEquals(1.0, w.shareOfFull(), 1e-9);
      }
      assertTrue(d.verdict() != DecisionVerdict.WINNER || d.winner().equals("Provider 1"), "a coin flip called a winner: " + d);
    }
    assertTrue(notSettled >= 95, notSettled + " of 100 hard decisions not settled");
    if (!futility) assertEquals(1.0, share / notSettled, 1e-9, "without futility a close race runs to the end");
    else assertTrue(share / notSettled < 0.9, "futility stopped a close race after " + share / notSettled + " of the matrix");
    assertTrue(becauses.getOrDefault(because, 0) >= 50, "why they stopped: " + becauses);
  }

  @Test
  void aWalkAsksForTheNextRoundsCellsAndOnlyThose() {
    CellMatrix full = SyntheticMatrix.of(new Shape(new double[] {0.3, -0.3}, SyntheticMatrix.filled(2, 1000), 0.3, 60, 3), 7);
    CellMatrix empty = new CellMatrix(full.deployments(), full.caseIds(), 3);
    Walk first = RoundPlanner.walk(empty, AdaptivePlan.DEFAULTS);
    assertEquals(0, first.rounds());
    assertEquals(2 * AdaptivePlan.DEFAULT_ROUND_CASES * 3, first.next().size());
    int[] order = CaseOrder.of(60, AdaptivePlan.DEFAULTS.seed());
    List<Integer> firstCases = Arrays.stream(order, 0, AdaptivePlan.DEFAULT_ROUND_CASES).boxed().sorted().toList();
    assertEquals(firstCases, first.next().stream().map(Walk.CellRef::caseIndex).distinct().sorted().toList());
  }

  @Test
  void anEquivalenceSaysWhoIsWithinTheMarginAndWhoIsNot() {
    Shape shape = new Shape(new double[] {0, 0, -0.3}, SyntheticMatrix.filled(3, 1000), 0.3, 400, 3);
    AdaptivePlan plan = AdaptivePlan.DEFAULTS.withDecisions(List.of(new DecisionSpec(DecisionKind.EQUIVALENT_TO, "Provider 1")))
        .withRoundCases(20);
    AdaptivePlan wide = new AdaptivePlan(plan.decisions(), 0.95, 0.1, 0.05, 20, 1, true);
    Walk w = RoundPlanner.walk(SyntheticMatrix.of(shape, 3), wide);
    assertEquals(List.of("Provider 2 equivalent", "Provider 3 differs"),
        w.decisions().stream().map(d -> d.subject() + " " + d.verdict().text()).toList());
  }

  @Test
  void aFullRunWhoseWinnerIsWithinTheMarginOfTheNextAcceptsThatWinnerOrATieWithIt() {
    // Provider 1 is 2% faster than Provider 2 (inside the 5% margin), both far ahead of Provider 3.
    Shape close = new Shape(new double[3], new double[] {1000, 1020, 1500}, 0.03, 300, 3);
    CellMatrix full = SyntheticMatrix.of(close, 11);
    AdaptivePlan fastest = AdaptivePlan.DEFAULTS.withDecisions(List.of(DecisionSpec.FASTEST)).withRoundCases(20);
    DecisionResult reference = FullRunDecision.of(full, fastest).get(0);
    assertEquals(DecisionVerdict.LEADS_WITHIN_MARGIN, reference.verdict(), reference.toString());
    assertEquals("Provider 1", reference.winner());
    DecisionResult adaptive = RoundPlanner.walk(full, fastest).decisions().get(0);
    assertTrue(adaptive.agrees(reference), adaptive + " against " + reference);
    assertTrue(tie("Provider 2, Provider 1").agrees(reference), "a tie that includes the winner reaches it");
    assertFalse(tie("Provider 2, Provider 3").agrees(reference), "a tie without the winner does not");
    assertFalse(winner("Provider 2").agrees(reference), "another winner does not");
  }

  @Test
  void aFullRunTiesTheDeploymentsLeftWhenTheRestAreBeaten() {
    // Providers 1 and 2 are the same speed; Provider 3 is far slower: the full run drops it and ties the two.
    Shape two = new Shape(new double[3], new double[] {1000, 1000, 1500}, 0.03, 300, 3);
    AdaptivePlan fastest = AdaptivePlan.DEFAULTS.withDecisions(List.of(DecisionSpec.FASTEST));
    DecisionResult reference = FullRunDecision.of(SyntheticMatrix.of(two, 12), fastest).get(0);
    assertEquals(DecisionVerdict.TIE, reference.verdict(), reference.toString());
    assertEquals("Provider 1, Provider 2", reference.winner());
  }

  @Test
  void futilityStopsARaceTooCloseForTheMatrixEarlyAndStillFindsARealLead() {
    // Over 600 cases a half-point difference almost never settles at this confidence; a 10-point lead does.
    AdaptivePlan plan = AdaptivePlan.DEFAULTS.withRoundCases(20);
    double hopeless = 0;
    int notSettled = 0;
    int found = 0;
    for (int i = 0; i < 20; i++) {
      Walk close = RoundPlanner.walk(SyntheticMatrix.of(new Shape(new double[] {0.005, 0}, SyntheticMatrix.filled(2, 1000), 0.3,
          600, 3), 2000 + i), plan.withSeed(i));
      DecisionResult d = close.decisions().get(0);
      assertTrue(d.verdict() == DecisionVerdict.NOT_SETTLED || "Provider 1".equals(d.winner()), "a coin flip called a winner: " + d);
      if (d.verdict() == DecisionVerdict.NOT_SETTLED) notSettled++;
      hopeless += close.shareOfFull() / 20;
      Walk lead = RoundPlanner.walk(SyntheticMatrix.of(new Shape(new double[] {0.1, 0}, SyntheticMatrix.filled(2, 1000), 0.3,
          600, 3), 3000 + i), plan.withSeed(i));
      if (lead.decisions().get(0).verdict() == DecisionVerdict.WINNER) found++;
    }
    assertTrue(notSettled >= 18, notSettled + " of 20 close races not settled");
    assertTrue(hopeless < 0.6, "a close race used " + hopeless + " of the matrix");
    assertEquals(20, found, "a 10-point lead over 600 cases is found every time");
  }

  private static DecisionResult tie(String who) {
    return new DecisionResult("fastest", "8b", null, DecisionVerdict.TIE, who, 0, 0, 0, 0, 0, 0, Double.NaN, Double.NaN, "");
  }

  private static DecisionResult winner(String who) {
    return new DecisionResult("fastest", "8b", null, DecisionVerdict.WINNER, who, 0, 0, 0, 0, 0, 0, Double.NaN, Double.NaN, "");
  }
}
