package dev.provbench.score;

import java.io.Serializable;

/**
 * One scorer's verdict on one cell, as the {@code scores} column stores it.
 *
 * @param scorer the scorer's name ({@link ScorerSpec#name()}).
 * @param score  the score in [0, 1].
 * @param note   why, when not obvious; or null.
 */
public record NamedScore(String scorer, double score, String note) implements Serializable {}
