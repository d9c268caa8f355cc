package dev.provbench.decide;

import java.util.SplittableRandom;

/** The order in which an adaptive run draws cases: a seeded shuffle of the matrix's cases (in id order). Pure. */
public final class CaseOrder {
  private CaseOrder() {}

  public static int[] of(int cases, long seed) {
    int[] order = new int[cases];
    for (int i = 0; i < cases; i++) order[i] = i;
    SplittableRandom random = new SplittableRandom(seed);
    for (int i = cases - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int t = order[i];
      order[i] = order[j];
      order[j] = t;
    }
    return order;
  }
}
