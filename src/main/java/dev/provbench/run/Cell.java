package dev.provbench.run;

/**
 * One call to make: a model, a case and a trial.
 *
 * @param cellId    stable id from run, provider, model, case and trial.
 * @param caseIndex index into the dataset.
 * @param trial     1-based trial number.
 */
public record Cell(String cellId, int caseIndex, int trial) {}
