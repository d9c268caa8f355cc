package dev.provbench.sim;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * A tiny language model for prompts that are not judge prompts: a reply of {@code 10 + prompt hash mod 6} words, the
 * word at each position drawn from softmax(logits ÷ temperature) over {@link #WORDS}. The logits are a fixed draw keyed
 * by (weights, prompt, position), scaled by {@link #PEAK} so each position has a few likely words, like a real model's
 * next-token distribution; a {@link TextWeights#shift()} adds a second fixed draw keyed the same way. Temperature 0
 * takes the likeliest word. The sample's own randomness comes from the request's draws, so repeated requests (trials)
 * vary and the same request replays. Asked for them, a reply carries its words' log-probabilities under the same
 * logits ({@link #logprobs}). Stateless; thread-safe.
 */
final class SampledText {
  static final String[] WORDS = {"the", "a", "light", "house", "stands", "on", "rocks", "near", "sea", "and", "its",
      "lamp", "turns", "slowly", "through", "night", "keeping", "ships", "safe", "from", "storms", "old", "white",
      "tower", "guides", "sailors", "home", "across", "dark", "water", "beam", "sweeps", "coast", "quiet", "watch",
      "keeper", "climbs", "stairs", "each", "evening", "bright", "signal", "warns", "boats", "away", "shore", "waves",
      "wind"};
  /** How peaked each position's distribution is: the logits' standard deviation at temperature 1. */
  static final double PEAK = 2.5;
  /** The standard deviation of the per-request noise on each logit behind the returned log-probabilities. */
  static final double JITTER = 0.02;

  private SampledText() {}

  /**
   * @param prompt      the prompt's text (the last user message): the same prompt, the same distribution.
   * @param temperature the request's temperature; 0 or below picks the likeliest word at every position.
   * @param sample      the request's own randomness.
   */
  static String reply(TextWeights weights, String prompt, double temperature, SplittableRandom sample) {
    int[] words = words(weights, prompt, temperature, sample);
    StringBuilder text = new StringBuilder();
    for (int position = 0; position < words.length; position++) {
      text.append(position == 0 ? "" : " ").append(WORDS[words[position]]);
    }
    return text.append('.').toString();
  }

  /** The reply's words, as indices into {@link #WORDS}: what {@link #reply} joins. Same arguments, same words. */
  static int[] words(TextWeights weights, String prompt, double temperature, SplittableRandom sample) {
    long promptKey = key(weights.weights(), prompt);
    int[] words = new int[10 + (int) Math.floorMod(promptKey, 6L)];
    for (int position = 0; position < words.length; position++) {
      words[position] = pick(logits(promptKey, position, weights.shift()), temperature, sample);
    }
    return words;
  }

  /**
   * The log-probabilities of a reply's words, one position per word that starts within its first {@code chars}
   * characters (a reply cut by {@code max_tokens} keeps the words it began): log softmax(logits ÷ temperature) of the
   * weights' own logits (temperature 1 when it is 0 or below: a greedy reply reports the model's distribution), each
   * logit first moved by a draw of {@link #JITTER} standard deviation from {@code jitter}, as a GPU's batch moves the
   * last digits of a real model's; then the chosen word's and the {@code top} likeliest.
   *
   * @param words  the reply's words ({@link #words}).
   * @param jitter the request's own randomness for the jitter, apart from the sample's.
   */
  static List<Completion.TokenLogprob> logprobs(TextWeights weights, String prompt, double temperature, int[] words,
      int chars, int top, SplittableRandom jitter) {
    long promptKey = key(weights.weights(), prompt);
    double t = temperature > 0 ? temperature : 1;
    List<Completion.TokenLogprob> out = new ArrayList<>();
    int offset = 0;
    for (int position = 0; position < words.length && offset < chars; position++) {
      double[] logits = logits(promptKey, position, weights.shift());
      for (int w = 0; w < logits.length; w++) logits[w] = (logits[w] + JITTER * gaussian(jitter)) / t;
      double[] logprobs = logSoftmax(logits);
      String space = position == 0 ? "" : " ";
      List<Map.Entry<String, Double>> likeliest = IntStream.range(0, WORDS.length).boxed()
          .sorted(Comparator.comparingDouble((Integer w) -> -logprobs[w])).limit(top)
          .map(w -> Map.entry(space + WORDS[w], logprobs[w])).toList();
      out.add(new Completion.TokenLogprob(offset, space + WORDS[words[position]], logprobs[words[position]], likeliest));
      offset += WORDS[words[position]].length() + 1;
    }
    return out;
  }

  private static double[] logSoftmax(double[] logits) {
    double max = Arrays.stream(logits).max().orElse(0);
    double total = Arrays.stream(logits).map(l -> Math.exp(l - max)).sum();
    double log = max + Math.log(total);
    return Arrays.stream(logits).map(l -> l - log).toArray();
  }

  static double[] logits(long promptKey, int position, double shift) {
    SplittableRandom base = new SplittableRandom(promptKey * 31 + position);
    SplittableRandom moved = new SplittableRandom(~promptKey * 17 + position);
    double[] logits = new double[WORDS.length];
    for (int w = 0; w < logits.length; w++) logits[w] = PEAK * gaussian(base) + shift * gaussian(moved);
    return logits;
  }

  private static int pick(double[] logits, double temperature, SplittableRandom sample) {
    int best = 0;
    for (int w = 1; w < logits.length; w++) if (logits[w] > logits[best]) best = w;
    if (temperature <= 0) return best;
    double[] weights = new double[logits.length];
    double total = 0;
    for (int w = 0; w < logits.length; w++) total += weights[w] = Math.exp((logits[w] - logits[best]) / temperature);
    double u = sample.nextDouble() * total;
    for (int w = 0; w < weights.length; w++) if ((u -= weights[w]) < 0) return w;
    return best;
  }

  private static double gaussian(SplittableRandom random) {
    double u = 1 - random.nextDouble();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random.nextDouble());
  }

  private static long key(String weights, String prompt) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update((weights + '\0' + prompt).getBytes(StandardCharsets.UTF_8));
      return ByteBuffer.wrap(sha.digest()).getLong();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}
