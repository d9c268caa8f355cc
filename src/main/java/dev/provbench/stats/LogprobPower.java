package dev.provbench.stats;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeSet;

/**
 * The power of {@link LogprobTest} by simulation from the samples at hand, as {@link MmdPower} does for the MMD: each
 * replicate draws {@code prompts} prompts (with replacement) and {@code samples} samples per prompt and side (without
 * replacement while enough are stored, with replacement beyond), runs the test with {@link #PERMUTATIONS} permutations
 * and counts rejections at {@code alpha}. Two kinds of difference:
 * <ul>
 *   <li>{@link #atObserved}: the difference the audit saw, resampled from both deployments' samples;</li>
 *   <li>{@link #shift}: a change planted in the reference's own samples: its samples of a prompt are split in two
 *       halves and in one half every listed token's log-probability is moved by a fixed draw of standard deviation
 *       {@code nats} per token (the same for every sample of the half, as changed weights move them), on top of the
 *       reference's own request-to-request noise.</li>
 * </ul>
 * Pure functions of their arguments and {@code seed}.
 */
public final class LogprobPower {
  /** Permutations per replicate: enough to decide at α = 0.05 (p resolution 1/201). */
  public static final int PERMUTATIONS = 200;
  /** The shifts (nats, standard deviation per token) {@link #detectableShift} tries, smallest first. */
  public static final double[] SHIFTS = {0.005, 0.01, 0.02, 0.05, 0.1, 0.2, 0.5};

  private LogprobPower() {}

  /** The share of replicates of {@code prompts} × {@code samples} drawn from {@code data} that reject at {@code alpha}. */
  public static double atObserved(List<PromptLogprobs> data, int prompts, int samples, int replicates, double alpha,
      long seed) {
    List<PromptLogprobs> usable = data.stream().filter(PromptLogprobs::testable).toList();
    if (usable.isEmpty() || replicates < 1) return Double.NaN;
    return rejected(prompts, replicates, alpha, seed, (i, random) -> {
      PromptLogprobs s = usable.get(random.nextInt(usable.size()));
      return new PromptLogprobs(s.prompt() + "#" + i, MmdPower.draw(s.reference(), samples, random),
          MmdPower.draw(s.candidate(), samples, random));
    });
  }

  /**
   * The power against a shift of {@code nats} planted in the reference's own samples (each prompt's list needs at
   * least two, one a half); NaN when no prompt has two.
   */
  public static double shift(List<List<Map<String, Double>>> referenceByPrompt, double nats, int prompts, int samples,
      int replicates, double alpha, long seed) {
    List<List<Map<String, Double>>> usable = referenceByPrompt.stream()
        .map(l -> l.stream().filter(m -> !m.isEmpty()).toList()).filter(l -> l.size() >= 2).toList();
    if (usable.isEmpty() || replicates < 1) return Double.NaN;
    return rejected(prompts, replicates, alpha, seed, (i, random) -> {
      List<Map<String, Double>> own = usable.get(random.nextInt(usable.size()));
      List<Map<String, Double>> shuffled = MmdPower.draw(own, own.size(), random);
      int half = own.size() / 2;
      Map<String, Double> moves = moves(own, nats, random);
      List<Map<String, Double>> moved = MmdPower.draw(shuffled.subList(half, shuffled.size()), samples, random).stream()
          .map(m -> moved(m, moves)).toList();
      return new PromptLogprobs("p" + i, MmdPower.draw(shuffled.subList(0, half), samples, random), moved);
    });
  }

  /** The smallest of {@link #SHIFTS} detected with power {@link MmdPower#TARGET}; NaN when none is. */
  public static double detectableShift(List<List<Map<String, Double>>> referenceByPrompt, int prompts, int samples,
      int replicates, double alpha, long seed) {
    for (double nats : SHIFTS) {
      if (shift(referenceByPrompt, nats, prompts, samples, replicates, alpha, seed) >= MmdPower.TARGET) return nats;
    }
    return Double.NaN;
  }

  /** One prompt's samples of a replicate: the {@code i}-th prompt drawn. */
  private interface PromptDraw {
    PromptLogprobs draw(int i, SplittableRandom random);
  }

  private static double rejected(int prompts, int replicates, double alpha, long seed, PromptDraw prompt) {
    SplittableRandom random = new SplittableRandom(seed);
    int rejected = 0;
    for (int r = 0; r < replicates; r++) {
      List<PromptLogprobs> drawn = new ArrayList<>();
      for (int i = 0; i < prompts; i++) drawn.add(prompt.draw(i, random));
      if (LogprobTest.run(drawn, PERMUTATIONS, random.nextLong()).p() <= alpha) rejected++;
    }
    return rejected / (double) replicates;
  }

  /** A fixed move per token the prompt's samples list, in token order. */
  private static Map<String, Double> moves(List<Map<String, Double>> samples, double nats, SplittableRandom random) {
    TreeSet<String> tokens = new TreeSet<>();
    samples.forEach(m -> tokens.addAll(m.keySet()));
    Map<String, Double> out = new HashMap<>();
    for (String t : tokens) out.put(t, nats * gaussian(random));
    return out;
  }

  private static Map<String, Double> moved(Map<String, Double> sample, Map<String, Double> moves) {
    Map<String, Double> out = new HashMap<>();
    sample.forEach((token, logprob) -> out.put(token, logprob + moves.getOrDefault(token, 0.0)));
    return out;
  }

  private static double gaussian(SplittableRandom random) {
    double u = 1 - random.nextDouble();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random.nextDouble());
  }
}
