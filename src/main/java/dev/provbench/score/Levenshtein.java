package dev.provbench.score;

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
    return longest == 0 ? 1 : 1 - (double) distance(x, y) / longest;
  }

  static double similarity(String x, String y) {
    return similarity(x.codePoints().toArray(), y.codePoints().toArray());
  }

  private static int distance(int[] x, int[] y) {
    int[] prev = new int[y.length + 1];
    int[] cur = new int[y.length + 1];
    for (int j = 0; j <= y.length; j++) prev[j] = j;
    for (int i = 1; i <= x.length; i++) {
      cur[0] = i;
      for (int j = 1; j <= y.length; j++) {
        int swap = prev[j - 1] + (x[i - 1] == y[j - 1] ? 0 : 1);
        cur[j] = Math.min(swap, Math.min(prev[j], cur[j - 1]) + 1);
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[y.length];
  }

  private static int[] cut(int[] s) {
    return s.length <= MAX_CHARS ? s : java.util.Arrays.copyOf(s, MAX_CHARS);
  }
}
