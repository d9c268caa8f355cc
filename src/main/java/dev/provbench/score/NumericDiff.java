package dev.provbench.score;

/**
 * {@code CorrectScore}: how close the task's numeric output is to the expected value.
 * 1 when both are 0, else {@code 1 − |expected − output| / (|expected| + |output|)}; 0 with a note when
 * the output is null. So (1, 0.6) → 0.75, (0.6, 0.4) → 0.8, expected 0 with any other output → 0.
 */
public final class NumericDiff {
  public static final String NAME = "CorrectScore";

  private NumericDiff() {}

  public static Score score(Double output, double expected) {
    if (output == null || output.isNaN()) return new Score(0, "output is null");
    double o = output;
    if (o == 0 && expected == 0) return new Score(1, null);
    double value = 1 - Math.abs(expected - o) / (Math.abs(expected) + Math.abs(o));
    return new Score(Math.max(0, Math.min(1, value)), null);
  }
}
