package dev.provbench.score;

/**
 * {@code CorrectScore} (type {@code NumericDiff}): how close the task's numeric output is to the expected value.
 * 1 when both are 0, else {@code 1 − |expected − output| / (|expected| + |output|)}; 0 with a note when
 * the output is null. So (1, 0.6) → 0.75, (0.6, 0.4) → 0.8, expected 0 with any other output → 0.
 * As a {@link Scorer}, both the output and the expected value are read as numbers (text such as {@code " 0.6 "} too).
 */
public final class NumericDiff implements Scorer {
  /** The reference task's name for it, stored in {@code correct_score} and the {@code scores} column. */
  public static final String NAME = "CorrectScore";
  public static final String TYPE = "NumericDiff";

  public static Score score(Double output, double expected) {
    if (output == null || output.isNaN()) return new Score(0, "output is null");
    double o = output;
    if (o == 0 && expected == 0) return new Score(1, null);
    double value = 1 - Math.abs(expected - o) / (Math.abs(expected) + Math.abs(o));
    return new Score(Math.max(0, Math.min(1, value)), null);
  }

  @Override
  public Score score(Answer a) {
    if (a.output() == null) return NO_OUTPUT;
    Double expected = number(a.expectedText());
    if (expected == null) return new Score(0, "expected is not a number");
    Double output = number(a.output());
    return output == null ? new Score(0, "output is not a number") : score(output, expected);
  }

  /** A finite number written as text, or null. */
  public static Double number(String s) {
    if (s == null) return null;
    try {
      double d = Double.parseDouble(s.strip());
      return Double.isFinite(d) ? d : null;
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
