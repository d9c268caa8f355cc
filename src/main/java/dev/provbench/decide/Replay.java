package dev.provbench.decide;

import dev.provbench.job.AdaptivePlan;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Plays the adaptive policy over a stored full run many times, each time drawing the cases in another shuffled order,
 * without calling anyone: how often it reaches the decision the full run reaches with the fixed-size tests, and what
 * share of the calls it needs. Pure; single-threaded.
 */
public final class Replay {
  private Replay() {}

  /**
   * One decision over all replays.
   *
   * @param full        the full run's decision.
   * @param agreed      replays that reached the same verdict and winner.
   * @param claimed     replays whose verdict claimed a difference (a winner, or differs).
   * @param meanShare   mean share of the decision's full calls it used.
   * @param meanCost    mean cost of its calls.
   * @param verdicts    how many replays ended in each verdict.
   */
  public record DecisionSummary(DecisionResult full, int agreed, int claimed, double meanShare, double meanCost,
      Map<DecisionVerdict, Integer> verdicts) {}

  /**
   * All replays.
   *
   * @param replays        how many.
   * @param decisions      per decision.
   * @param allAgreed      replays where every decision agreed with the full run.
   * @param anyClaim       replays where any decision claimed a difference (on a null run, the family-wise error).
   * @param meanShare      mean share of the full matrix's calls a replay used (each cell once).
   * @param meanCost       mean cost of a replay's calls.
   * @param fullCalls      the full matrix's calls.
   * @param fullCost       the full run's cost.
   */
  public record Summary(int replays, List<DecisionSummary> decisions, int allAgreed, int anyClaim, double meanShare,
      double meanCost, long fullCalls, double fullCost) {}

  /** @param seed the first replay's case-order seed; replay i uses {@code seed + i}. */
  public static Summary run(CellMatrix full, AdaptivePlan plan, int replays, long seed) {
    List<DecisionResult> reference = FullRunDecision.of(full, plan);
    Map<String, Integer> agreed = new HashMap<>();
    Map<String, Integer> claimed = new HashMap<>();
    Map<String, Double> share = new HashMap<>();
    Map<String, Double> cost = new HashMap<>();
    Map<String, Map<DecisionVerdict, Integer>> verdicts = new HashMap<>();
    int allAgreed = 0;
    int anyClaim = 0;
    double shareSum = 0;
    double costSum = 0;
    long fullCalls = 0;
    double fullCost = 0;
    for (int i = 0; i < replays; i++) {
      Walk w = RoundPlanner.walk(full, plan, CaseOrder.of(full.cases(), seed + i), true);
      fullCalls = w.callsIfFull();
      fullCost = w.costIfFull();
      shareSum += w.shareOfFull();
      costSum += w.costUsd();
      Map<String, DecisionResult> byKey = new HashMap<>();
      for (DecisionResult d : w.decisions()) byKey.put(d.key(), d);
      boolean all = true;
      boolean any = false;
      for (DecisionResult ref : reference) {
        DecisionResult d = byKey.get(ref.key());
        boolean same = d != null && d.agrees(ref);
        all &= same;
        if (same) agreed.merge(ref.key(), 1, Integer::sum);
        if (d != null && d.verdict().claimsDifference()) {
          any = true;
          claimed.merge(ref.key(), 1, Integer::sum);
        }
        if (d != null) {
          share.merge(ref.key(), d.shareOfFull(), Double::sum);
          cost.merge(ref.key(), d.costUsd(), Double::sum);
          verdicts.computeIfAbsent(ref.key(), k -> new LinkedHashMap<>()).merge(d.verdict(), 1, Integer::sum);
        }
      }
      if (all) allAgreed++;
      if (any) anyClaim++;
    }
    List<DecisionSummary> out = new ArrayList<>();
    for (DecisionResult ref : reference) {
      String k = ref.key();
      out.add(new DecisionSummary(ref, agreed.getOrDefault(k, 0), claimed.getOrDefault(k, 0),
          share.getOrDefault(k, 0.0) / Math.max(1, replays), cost.getOrDefault(k, 0.0) / Math.max(1, replays),
          Map.copyOf(verdicts.getOrDefault(k, Map.of()))));
    }
    return new Summary(replays, List.copyOf(out), allAgreed, anyClaim, shareSum / Math.max(1, replays),
        costSum / Math.max(1, replays), fullCalls, fullCost);
  }
}
