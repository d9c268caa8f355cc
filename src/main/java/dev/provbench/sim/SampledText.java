package dev.provbench.sim;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.SplittableRandom;

/**
 * A tiny language model for prompts that are not judge prompts: a reply of {@code 10 + prompt hash mod 6} words, the
 * word at each position drawn from softmax(logits ÷ temperature) over {@link #WORDS}. The logits are a fixed draw keyed
 * by (weights, prompt, position), scaled by {@link #PEAK} so each position has a few likely words, like a real model's
 * next-token distribution; a {@link TextWeights#shift()} adds a second fixed draw keyed the same way. Temperature 0
 * takes the likeliest word. The sample's own randomness comes from the request's draws, so repeated requests (trials)
 * vary and the same request replays. Stateless; thread-safe.
 */
final class SampledText {
  static final String[] WORDS = {"the", "a", "light", "house", "stands", "on", "rocks", "near", "sea", "and", "its",
      "lamp", "turns", "slowly", "through", "night", "keeping", "ships", "safe", "from", "storms", "old", "white",
      "tower", "guides", "sailors", "home", "across", "dark", "water", "beam", "sweeps", "coast", "quiet", "watch",
      "keeper", "climbs", "stairs", "each", "evening", "bright", "signal", "warns", "boats", "away", "shore", "waves",
      "wind"};
  /** How peaked each position's distribution is: the logits' standard deviation at temperature 1. */
  static final double PEAK = 2.5;

  private SampledText() {}

  /**
   * @param prompt      the prompt's text (the last user message): the same prompt, the same distribution.
   * @param temperature the request's temperature; 0 or below picks the likeliest word at every position.
   * @param sample      the request's own randomness.
   */
  static String reply(TextWeights weights, String prompt, double temperature, SplittableRandom sample) {
    long promptKey = key(weights.weights(), prompt);
    int length = 10 + (int) Math.floorMod(promptKey, 6L);
    StringBuilder text = new StringBuilder();
    for (int position = 0; position < length; position++) {
      double[] logits = logits(promptKey, position, weights.shift());
      text.append(position == 0 ? "" : " ").append(WORDS[pick(logits, temperature, sample)]);
    }
    return text.append('.').toString();
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
