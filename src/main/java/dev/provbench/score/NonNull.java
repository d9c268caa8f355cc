package dev.provbench.score;

/** {@code NonNull}: 1 when the task produced an output (the judge's reply parsed to a score), else 0. */
public final class NonNull {
  public static final String NAME = "NonNull";

  private NonNull() {}

  public static Score score(Double output) {
    return output == null ? new Score(0, "output is null") : new Score(1, null);
  }
}
