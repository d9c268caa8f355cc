package dev.provbench.run;

/**
 * One call to make: a model, a case and a trial.
 *
 * @param cellId    stable id from run, provider, model, case and trial (and load step).
 * @param caseIndex index into the dataset.
 * @param trial     1-based trial number.
 * @param warmup    whether it warms a load step up and is left out of its figures; false outside a ladder.
 */
public record Cell(String cellId, int caseIndex, int trial, boolean warmup) {
  /** A cell of a plain run. */
  public Cell(String cellId, int caseIndex, int trial) {
    this(cellId, caseIndex, trial, false);
  }
}
