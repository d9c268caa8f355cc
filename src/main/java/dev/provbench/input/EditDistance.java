package dev.provbench.input;

/**
 * The Levenshtein distance: the fewest insertions, deletions and substitutions that turn one text into the other,
 * counted in code points. One implementation for the job file's "did you mean" ({@link YamlFields#nearest}) and the
 * {@code Levenshtein} scorer; it lives here because every package may use {@code input}. Pure; O(|a|·|b|) time,
 * O(|b|) memory.
 */
public final class EditDistance {
  private EditDistance() {}

  public static int of(String a, String b) {
    return of(a.codePoints().toArray(), b.codePoints().toArray());
  }

  /** The distance between two code point arrays. */
  public static int of(int[] a, int[] b) {
    int[] prev = new int[b.length + 1];
    int[] cur = new int[b.length + 1];
    for (int j = 0; j <= b.length; j++) prev[j] = j;
    for (int i = 1; i <= a.length; i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length; j++) {
        int substitute = prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
        cur[j] = Math.min(substitute, Math.min(prev[j], cur[j - 1]) + 1);
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length];
  }
}
