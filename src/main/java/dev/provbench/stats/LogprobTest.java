package dev.provbench.stats;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeSet;

/**
 * The log-probability test of Logprob Tracking (Chauvin, Le Merrer, Taïani and Tredan, "Log Probability Tracking of
 * LLM APIs", ICLR 2026, arXiv:2512.03816), over an audit's prompts: per prompt, each sample (of either deployment)
 * gives the vector of its first output position's log-probabilities over the prompt's tokens V, the tokens any sample
 * of the prompt listed among its alternatives; a token a sample did not list takes that sample's lowest listed
 * log-probability (its own is at most that), as the paper imputes it. The statistic is
 * <pre>  T = (1/P) Σₚ (1/|Vₚ|) ‖ mean of the reference's vectors − mean of the deployment's ‖²</pre>
 * (nats² per token: the paper's distance of mean log-probabilities, averaged over prompts so that prompts of more
 * tokens do not weigh more). V comes from the pooled samples, so it is the same under every relabelling, and the null
 * is exact under exchangeability: the deployment labels are permuted within each prompt (each keeps its counts).
 * Pure functions; the permutations come from {@code seed} and the pooled samples (never their labels).
 */
public final class LogprobTest {
  /** Permutations when none are asked: a p-value resolution of 1/1001. */
  public static final int PERMUTATIONS = 1_000;

  private LogprobTest() {}

  /** The test on every prompt with a sample on each side; NaN p when no prompt has them. */
  public static LogprobResult run(List<PromptLogprobs> prompts, int permutations, long seed) {
    List<Block> blocks = prompts.stream().filter(PromptLogprobs::testable).map(Block::of).toList();
    int reference = blocks.stream().mapToInt(b -> b.x).sum();
    int candidate = blocks.stream().mapToInt(b -> b.vectors.length - b.x).sum();
    if (blocks.isEmpty()) return LogprobResult.none(reference, candidate);
    double observed = statistic(blocks, null);
    SplittableRandom random = new SplittableRandom(seed ^ pooledKey(blocks));
    Permutations.Null versusNull = Permutations.test(observed, permutations, random, r -> statistic(blocks, r));
    return new LogprobResult(observed, versusNull.p(), versusNull.effectSd(), blocks.size(), reference,
        candidate);
  }

  /**
   * A key of the pooled samples that no relabelling changes (each prompt's vectors as a multiset): it varies the
   * permutations from one audit to the next, as a valid Monte Carlo permutation test needs (one fixed set of
   * permutations for every audit rejected identical deployments in 5.5 to 5.9% of simulated audits), while the same
   * cells still give the same p.
   */
  private static long pooledKey(List<Block> blocks) {
    long key = 1;
    for (Block block : blocks) {
      List<Integer> rows = new ArrayList<>();
      for (double[] v : block.vectors) rows.add(Arrays.hashCode(v));
      rows.sort(null);
      key = key * 1_000_003L + rows.hashCode();
    }
    return key;
  }

  /** T with each block's labels as given ({@code random} null) or permuted within the block. */
  private static double statistic(List<Block> blocks, SplittableRandom random) {
    double total = 0;
    for (Block block : blocks) {
      int n = block.vectors.length;
      int[] order = random == null ? block.identity : Permutations.shuffled(block.identity, random);
      int tokens = block.vectors[0].length;
      double distance = 0;
      for (int t = 0; t < tokens; t++) {
        double x = 0;
        double y = 0;
        for (int i = 0; i < n; i++) {
          double v = block.vectors[order[i]][t];
          if (i < block.x) x += v;
          else y += v;
        }
        double d = x / block.x - y / (n - block.x);
        distance += d * d;
      }
      total += distance / tokens;
    }
    return total / blocks.size();
  }

  /** One prompt's pooled samples (the reference's first) as vectors over the prompt's tokens, computed once. */
  private record Block(int x, double[][] vectors, int[] identity) {
    static Block of(PromptLogprobs s) {
      List<Map<String, Double>> pooled = new ArrayList<>(s.reference());
      pooled.addAll(s.candidate());
      TreeSet<String> tokens = new TreeSet<>();
      pooled.forEach(m -> tokens.addAll(m.keySet()));
      double[][] vectors = new double[pooled.size()][];
      int[] identity = new int[pooled.size()];
      for (int i = 0; i < pooled.size(); i++) {
        Map<String, Double> sample = pooled.get(i);
        double floor = sample.values().stream().mapToDouble(Double::doubleValue).min().orElse(0);
        vectors[i] = tokens.stream().mapToDouble(t -> sample.getOrDefault(t, floor)).toArray();
        identity[i] = i;
      }
      return new Block(s.reference().size(), vectors, identity);
    }
  }
}
