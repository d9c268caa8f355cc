package dev.provbench.score;

import dev.provbench.input.EditDistance;
import java.util.Arrays;

/**
 * {@code Levenshtein}: {@code 1 − distance / max(length)} between the output and the expected text after
 * {@link TextNormal}, counted in code points; 1 when both are empty. Texts longer than {@value #MAX_CHARS} code points
 * are compared on their first {@value #MAX_CHARS}, with a note, so one runaway answer cannot stall a partition.
 */
public record Levenshtein(TextNormal normal) implements Scorer {
  public static final String NAME = "Levenshtein";
  static final int MAX_CHARS = 10_000;

  @Override
  public Score score(Answer a) {
    if (a.output() == null) return NO_OUTPUT;
    if (a.expectedText() == null) return new Score(0, "no expected value");
    int[] x = normal.apply(a.output()).codePoints().toArray();
    int[] y = normal.apply(a.expectedText()).codePoints().toArray();
    String note = x.length > MAX_CHARS || y.length > MAX_CHARS ? "compared the first " + MAX_CHARS + " characters" : null;
    return new Score(similarity(cut(x), cut(y)), note);
  }

  /** Similarity of two code point arrays, in [0, 1]. */
  public static double similarity(int[] x, int[] y) {
    int longest = Math.max(x.length, y.length);
    return longest == 0 ? 1 : 1 - (double) EditDistance.of(x, y) / longest;
  }

  static double similarity(String x, String y) {
    return similarity(x.codePoints().toArray(), y.codePoints().toArray());
  }

  private static int[] cut(int[] s) {
    return s.length <= MAX_CHARS ? s : Arrays.copyOf(s, MAX_CHARS);
  }
}
