package dev.provbench.score;

/**
 * One scorer's verdict on one cell.
 *
 * @param value the score in [0, 1].
 * @param note  why the score is what it is when that is not obvious (e.g. "output is null"), or null.
 */
public record Score(double value, String note) {}
