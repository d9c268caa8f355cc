package dev.provbench.score;

/** {@code ExactMatch}: 1 when the output equals the expected text after {@link TextNormal}, else 0. */
public record ExactMatch(TextNormal normal) implements Scorer {
  public static final String NAME = "ExactMatch";

  @Override
  public Score score(Answer a) {
    if (a.output() == null) return NO_OUTPUT;
    if (a.expectedText() == null) return new Score(0, "no expected value");
    return new Score(normal.apply(a.output()).equals(normal.apply(a.expectedText())) ? 1 : 0, null);
  }
}
