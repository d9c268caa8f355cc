package dev.provbench.score;

/** {@code NonNull}: 1 when the task produced an output (the reply parsed to a score, or the extractor found text), else 0. */
public final class NonNull implements Scorer {
  public static final String NAME = "NonNull";

  public static Score score(Double output) {
    return output == null ? new Score(0, "output is null") : new Score(1, null);
  }

  @Override
  public Score score(Answer a) {
    return a.output() == null ? NO_OUTPUT : new Score(1, null);
  }
}
