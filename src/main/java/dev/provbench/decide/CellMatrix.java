package dev.provbench.decide;

import dev.provbench.results.CellOutcome;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The matrix deployment × case × trial with what is known of each cell: its score, its duration when answered and
 * its cost; a cell not run yet is absent. Deployments in {@link Deployment} order and cases in id order, so a run
 * and its analysis index them alike. Built once on the driver, then read only; not thread-safe while filled.
 */
public final class CellMatrix {
  private final List<Deployment> deployments;
  private final List<String> caseIds;
  private final int trials;
  private final Map<String, Integer> deploymentIndex = new HashMap<>();
  private final Map<String, Integer> caseIndex = new HashMap<>();
  private final double[] score;
  private final double[] duration;
  private final double[] cost;
  private final boolean[] present;

  public CellMatrix(List<Deployment> deployments, List<String> caseIds, int trials) {
    this.deployments = deployments.stream().sorted().toList();
    this.caseIds = caseIds.stream().sorted().toList();
    this.trials = trials;
    for (int d = 0; d < this.deployments.size(); d++) deploymentIndex.put(this.deployments.get(d).key(), d);
    for (int c = 0; c < this.caseIds.size(); c++) caseIndex.put(this.caseIds.get(c), c);
    int cells = this.deployments.size() * this.caseIds.size() * trials;
    score = new double[cells];
    duration = new double[cells];
    cost = new double[cells];
    present = new boolean[cells];
    Arrays.fill(duration, Double.NaN);
  }

  /** The matrix with the given cells filled in; cells outside it (another deployment, case or trial) are ignored. */
  public static CellMatrix of(List<Deployment> deployments, List<String> caseIds, int trials, Iterable<CellOutcome> cells) {
    CellMatrix m = new CellMatrix(deployments, caseIds, trials);
    for (CellOutcome o : cells) m.put(o);
    return m;
  }

  /** A full run's matrix: its deployments, cases and trials are what its cells show. */
  public static CellMatrix of(List<CellOutcome> cells) {
    List<Deployment> deployments = cells.stream().map(o -> new Deployment(o.provider(), o.model(), o.size())).distinct().toList();
    List<String> cases = cells.stream().map(CellOutcome::caseId).distinct().toList();
    int trials = cells.stream().mapToInt(CellOutcome::trial).max().orElse(1);
    return of(deployments, cases, trials, cells);
  }

  public void put(CellOutcome o) {
    Integer d = deploymentIndex.get(o.provider() + "/" + o.model());
    Integer c = caseIndex.get(o.caseId());
    if (d == null || c == null || o.trial() < 1 || o.trial() > trials) return;
    int i = index(d, c, o.trial());
    score[i] = o.score();
    duration[i] = o.durationMs();
    cost[i] = o.costUsd();
    present[i] = true;
  }

  private int index(int d, int c, int trial) {
    return (d * caseIds.size() + c) * trials + trial - 1;
  }

  public List<Deployment> deployments() {
    return deployments;
  }

  public List<String> caseIds() {
    return caseIds;
  }

  public int cases() {
    return caseIds.size();
  }

  public int trials() {
    return trials;
  }

  public boolean has(int d, int c, int trial) {
    return present[index(d, c, trial)];
  }

  /** Every trial of the case is in. */
  public boolean complete(int d, int c) {
    for (int t = 1; t <= trials; t++) if (!has(d, c, t)) return false;
    return true;
  }

  public double score(int d, int c, int trial) {
    return score[index(d, c, trial)];
  }

  /** The duration in ms of an answered cell; NaN when it failed. */
  public double duration(int d, int c, int trial) {
    return duration[index(d, c, trial)];
  }

  public double cost(int d, int c, int trial) {
    return cost[index(d, c, trial)];
  }

  /** Mean cost of the deployment's cells that are in; 0 when none are. */
  public double meanCost(int d) {
    double sum = 0;
    int n = 0;
    for (int c = 0; c < caseIds.size(); c++) {
      for (int t = 1; t <= trials; t++) {
        if (has(d, c, t)) {
          sum += cost(d, c, t);
          n++;
        }
      }
    }
    return n == 0 ? 0 : sum / n;
  }
}
