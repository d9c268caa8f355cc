package dev.provbench.stats;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The MMD two-sample test of Model Equality Testing (Gao, Liang and Guestrin, ICLR 2025): samples are (prompt,
 * completion) pairs from two deployments on the same prompts; the kernel is k((p, x), (p', y)) = 1[p = p'] · k(x, y)
 * with a string kernel ({@link HammingKernel}); the statistic is the unbiased MMD² (Gretton et al., JMLR 2012) over
 * the pairs the indicator keeps,
 * <pre>  MMD² = ΣXX k ÷ nXX − 2 ΣXY k ÷ nXY + ΣYY k ÷ nYY</pre>
 * where each sum runs over pairs of distinct completions of the same prompt and each n counts those pairs. The null
 * is exact under exchangeability: the deployment labels are permuted within each prompt (each prompt keeps its
 * counts), so a prompt mix cannot fake a difference. Pure functions; the permutations come from {@code seed}.
 */
public final class MmdTest {
  /** Permutations when none are asked: a p-value resolution of 1/1001. */
  public static final int PERMUTATIONS = 1_000;

  private MmdTest() {}

  /** The test on every prompt with two completions on each side; NaN p when no prompt has them. */
  public static MmdResult run(List<PromptSamples> prompts, HammingKernel kernel, int permutations, long seed) {
    List<Block> blocks = prompts.stream().filter(PromptSamples::testable).map(s -> Block.of(s, kernel)).toList();
    int reference = blocks.stream().mapToInt(b -> b.x).sum();
    int candidate = blocks.stream().mapToInt(b -> b.size() - b.x).sum();
    if (blocks.isEmpty()) return new MmdResult(Double.NaN, Double.NaN, Double.NaN, 0, reference, candidate);
    double observed = statistic(blocks, null);
    SplittableRandom random = new SplittableRandom(seed);
    Permutations.Null versusNull = Permutations.test(observed, permutations, random, r -> statistic(blocks, r));
    return new MmdResult(observed, versusNull.p(), versusNull.effectSd(), blocks.size(), reference, candidate);
  }

  /** The unbiased MMD² alone, no permutations. */
  public static double statistic(List<PromptSamples> prompts, HammingKernel kernel) {
    return statistic(prompts.stream().filter(PromptSamples::testable).map(s -> Block.of(s, kernel)).toList(), null);
  }

  /** MMD² with each block's labels as given ({@code random} null) or permuted within the block. */
  private static double statistic(List<Block> blocks, SplittableRandom random) {
    double xx = 0, xy = 0, yy = 0;
    long nxx = 0, nxy = 0, nyy = 0;
    for (Block block : blocks) {
      int n = block.size();
      int[] order = random == null ? block.identity : Permutations.shuffled(block.identity, random);
      for (int i = 0; i < n; i++) {
        boolean xi = i < block.x;
        double[] row = block.kernel[order[i]];
        for (int j = i + 1; j < n; j++) {
          double k = row[order[j]];
          if (xi && j < block.x) xx += k;
          else if (!xi) yy += k;
          else xy += k;
        }
      }
      int m = n - block.x;
      nxx += (long) block.x * (block.x - 1) / 2;
      nyy += (long) m * (m - 1) / 2;
      nxy += (long) block.x * m;
    }
    return xx / nxx - 2 * xy / nxy + yy / nyy;
  }

  /** One prompt's pooled completions (the reference's first) and their kernel matrix, computed once. */
  private record Block(int x, double[][] kernel, int[] identity) {
    static Block of(PromptSamples s, HammingKernel k) {
      List<String> pooled = new ArrayList<>(s.reference());
      pooled.addAll(s.candidate());
      int n = pooled.size();
      double[][] matrix = new double[n][n];
      for (int i = 0; i < n; i++) {
        for (int j = i; j < n; j++) matrix[i][j] = matrix[j][i] = k.of(pooled.get(i), pooled.get(j));
      }
      int[] identity = new int[n];
      for (int i = 0; i < n; i++) identity[i] = i;
      return new Block(s.reference().size(), matrix, identity);
    }

    int size() {
      return identity.length;
    }
  }
}
