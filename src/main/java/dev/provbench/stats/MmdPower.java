package dev.provbench.stats;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The power of {@link MmdTest} by simulation from the completions at hand, for an audit's own size or a planned one:
 * each replicate draws {@code prompts} prompts (with replacement) and {@code samples} completions per prompt and side
 * (without replacement while enough are stored, with replacement beyond), runs the test with {@link #PERMUTATIONS}
 * permutations and counts rejections at {@code alpha}. Two kinds of difference:
 * <ul>
 *   <li>{@link #atObserved}: the difference the audit saw, resampled from both deployments' completions;</li>
 *   <li>{@link #wordChange}: a change planted in the reference's own completions: its completions of a prompt are
 *       split in two halves and in one half each word is replaced, with probability {@code rate}, by a word drawn
 *       from that prompt's reference vocabulary (perturbed word choices, as a quantized model makes them).</li>
 * </ul>
 * Pure functions of their arguments and {@code seed}.
 */
public final class MmdPower {
  /** Permutations per replicate: enough to decide at α = 0.05 (p resolution 1/201). */
  public static final int PERMUTATIONS = 200;
  /** The word-change rates {@link #detectableWordChange} tries, smallest first. */
  public static final double[] WORD_CHANGE_RATES = {0.05, 0.1, 0.25, 0.5, 0.75, 1.0};
  /** The power a planned audit is asked to have. */
  public static final double TARGET = 0.8;

  private MmdPower() {}

  /** The share of replicates of {@code prompts} × {@code samples} drawn from {@code data} that reject at {@code alpha}. */
  public static double atObserved(List<PromptSamples> data, HammingKernel kernel, int prompts, int samples,
      int replicates, double alpha, long seed) {
    List<PromptSamples> usable = data.stream().filter(PromptSamples::testable).toList();
    if (usable.isEmpty() || replicates < 1) return Double.NaN;
    return rejected(kernel, prompts, replicates, alpha, seed, (i, random) -> {
      PromptSamples s = usable.get(random.nextInt(usable.size()));
      return new PromptSamples(s.prompt() + "#" + i, draw(s.reference(), samples, random), draw(s.candidate(), samples, random));
    });
  }

  /**
   * The power against a word change of {@code rate}, planted in the reference's own completions (each prompt's list
   * needs at least four); NaN when no prompt has four.
   */
  public static double wordChange(List<List<String>> referenceByPrompt, double rate, HammingKernel kernel, int prompts,
      int samples, int replicates, double alpha, long seed) {
    List<List<String>> usable = referenceByPrompt.stream().filter(c -> c.size() >= 4).toList();
    if (usable.isEmpty() || replicates < 1) return Double.NaN;
    return rejected(kernel, prompts, replicates, alpha, seed, (i, random) -> {
      List<String> completions = usable.get(random.nextInt(usable.size()));
      List<String> shuffled = draw(completions, completions.size(), random);
      int half = completions.size() / 2;
      List<String> vocabulary = vocabulary(completions);
      List<String> changed = draw(shuffled.subList(half, shuffled.size()), samples, random).stream()
          .map(c -> changeWords(c, rate, vocabulary, random)).toList();
      return new PromptSamples("p" + i, draw(shuffled.subList(0, half), samples, random), changed);
    });
  }

  /** One prompt's samples of a replicate: the {@code i}-th prompt drawn. */
  private interface PromptDraw {
    PromptSamples draw(int i, SplittableRandom random);
  }

  /** The share of {@code replicates} of {@code prompts} drawn prompts each that reject at {@code alpha}. */
  private static double rejected(HammingKernel kernel, int prompts, int replicates, double alpha, long seed,
      PromptDraw prompt) {
    SplittableRandom random = new SplittableRandom(seed);
    int rejected = 0;
    for (int r = 0; r < replicates; r++) {
      List<PromptSamples> drawn = new ArrayList<>();
      for (int i = 0; i < prompts; i++) drawn.add(prompt.draw(i, random));
      if (MmdTest.run(drawn, kernel, PERMUTATIONS, random.nextLong()).p() <= alpha) rejected++;
    }
    return rejected / (double) replicates;
  }

  /** The smallest of {@link #WORD_CHANGE_RATES} detected with power {@link #TARGET}; NaN when none is. */
  public static double detectableWordChange(List<List<String>> referenceByPrompt, HammingKernel kernel, int prompts,
      int samples, int replicates, double alpha, long seed) {
    for (double rate : WORD_CHANGE_RATES) {
      if (wordChange(referenceByPrompt, rate, kernel, prompts, samples, replicates, alpha, seed) >= TARGET) return rate;
    }
    return Double.NaN;
  }

  /** {@code count} of {@code from}: a random order without replacement while it lasts, then with replacement. */
  static <T> List<T> draw(List<T> from, int count, SplittableRandom random) {
    List<T> pool = new ArrayList<>(from);
    List<T> out = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      if (i < from.size()) {
        int j = i + random.nextInt(pool.size() - i);
        T t = pool.get(i);
        pool.set(i, pool.get(j));
        pool.set(j, t);
        out.add(pool.get(i));
      } else {
        out.add(from.get(random.nextInt(from.size())));
      }
    }
    return out;
  }

  private static List<String> vocabulary(List<String> completions) {
    LinkedHashSet<String> words = new LinkedHashSet<>();
    for (String c : completions) for (String w : c.split(" ")) if (!w.isEmpty()) words.add(w);
    return List.copyOf(words);
  }

  private static String changeWords(String completion, double rate, List<String> vocabulary, SplittableRandom random) {
    String[] words = completion.split(" ", -1);
    for (int i = 0; i < words.length; i++) {
      if (!words[i].isEmpty() && random.nextDouble() < rate) words[i] = vocabulary.get(random.nextInt(vocabulary.size()));
    }
    return String.join(" ", words);
  }
}
