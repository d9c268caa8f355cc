package dev.provbench.stats;

import java.util.SplittableRandom;

/** Random relabellings for the permutation tests ({@link MmdTest}, {@link LogprobTest}). Stateless. */
final class Permutations {
  private Permutations() {}

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
