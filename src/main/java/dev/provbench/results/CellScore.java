package dev.provbench.results;

/**
 * One scorer's score of a cell, an element of the {@code scores} column.
 *
 * @param scorer the scorer's name as the job gives it (e.g. {@code CorrectScore}, {@code ExactMatch}).
 * @param score  the score in [0, 1].
 * @param note   why the score is what it is when that is not obvious, or null.
 */
public record CellScore(String scorer, double score, String note) {}
