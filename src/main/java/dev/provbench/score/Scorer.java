package dev.provbench.score;

/**
 * One way to score a cell: a pure function of its {@link Answer}, so a stored run can be rescored. Instances are
 * built from a {@link ScorerSpec} by {@link ScorerCatalog}; immutable and thread-safe.
 */
public interface Scorer {
  /** The score in [0, 1], with a note when it is 0 for a reason other than a wrong answer. */
  Score score(Answer answer);

  /** A null output scores 0 everywhere; the note says so. */
  Score NO_OUTPUT = new Score(0, "output is null");
}
