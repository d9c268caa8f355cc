package dev.provbench.run;

/**
 * One call to make: a model, a case and a trial (and a turn of a conversation).
 *
 * @param cellId    stable id from run, provider, model, case and trial (and load step, and turn).
 * @param caseIndex index into the dataset.
 * @param trial     1-based trial number.
 * @param warmup    whether it warms a load step up and is left out of its figures; false outside a ladder.
 * @param turn      the 1-based turn of a conversation's case; 0 outside a conversation.
 */
public record Cell(String cellId, int caseIndex, int trial, boolean warmup, int turn) {
  /** A cell of a load step. */
  public Cell(String cellId, int caseIndex, int trial, boolean warmup) {
    this(cellId, caseIndex, trial, warmup, 0);
  }

  /** A cell of a plain run. */
  public Cell(String cellId, int caseIndex, int trial) {
    this(cellId, caseIndex, trial, false, 0);
  }
}
