package dev.provbench.stats;

import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;

/** Random relabellings for the permutation tests ({@link MmdTest}, {@link LogprobTest}). Stateless. */
final class Permutations {
  private Permutations() {}

  /**
   * Where an observed statistic falls in its permutation null.
   *
   * @param p        (1 + relabellings at least as large) ÷ (1 + relabellings).
   * @param effectSd (observed − the null's mean) ÷ its SD; NaN when the null has no spread.
   */
  record Null(double p, double effectSd) {}

  /** {@code observed} against {@code permutations} values of {@code statistic}, each drawing its relabelling from {@code random}. */
  static Null test(double observed, int permutations, SplittableRandom random, ToDoubleFunction<SplittableRandom> statistic) {
    int atLeast = 0;
    double sum = 0;
    double squares = 0;
    for (int b = 0; b < permutations; b++) {
      double permuted = statistic.applyAsDouble(random);
      if (permuted >= observed - 1e-12) atLeast++;
      sum += permuted;
      squares += permuted * permuted;
    }
    double mean = sum / permutations;
    double sd = Math.sqrt(Math.max(0, squares / permutations - mean * mean));
    return new Null((1.0 + atLeast) / (1.0 + permutations), sd > 0 ? (observed - mean) / sd : Double.NaN);
  }

  /** A uniformly random permutation of {@code identity} (Fisher–Yates), drawn from {@code random}; a new array. */
  static int[] shuffled(int[] identity, SplittableRandom random) {
    int[] out = identity.clone();
    for (int i = out.length - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int t = out[i];
      out[i] = out[j];
      out[j] = t;
    }
    return out;
  }
}
