package dev.provbench.decide;

import java.util.List;

/**
 * Where the rounds of an adaptive run stand, given the cells that are in: the decisions so far, and either the cells
 * the next round needs or why the run stops. Immutable.
 *
 * @param rounds      rounds complete.
 * @param next        cells the next round needs that are not in yet (deployment index, case index, trial), in
 *                    matrix order; empty when the run stops.
 * @param decisions   every decision's row; those still open say so in {@code because}.
 * @param stop        why the run stops ("every decision settled", "matrix exhausted"); null while it goes on.
 * @param calls       cells the rounds used (each once, whatever the decisions that needed it).
 * @param callsIfFull cells of the full matrix.
 * @param costUsd     what they cost.
 * @param costIfFull  what the full matrix costs (an estimate unless every cell is in).
 */
public record Walk(int rounds, List<CellRef> next, List<DecisionResult> decisions, String stop, long calls,
    long callsIfFull, double costUsd, double costIfFull) {

  /** One cell of the matrix: deployment, case and trial (from 1). */
  public record CellRef(int deployment, int caseIndex, int trial) {}

  public boolean stopped() {
    return stop != null;
  }

  public double shareOfFull() {
    return callsIfFull == 0 ? 0 : (double) calls / callsIfFull;
  }
}
