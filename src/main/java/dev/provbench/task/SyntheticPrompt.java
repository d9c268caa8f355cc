package dev.provbench.task;

import java.util.List;
import java.util.SplittableRandom;

/**
 * A prompt of a given length built from a trace's hash ids, so that requests sharing leading hash ids share the
 * identical text prefix and a server's prefix cache behaves as it did in production. Each block is
 * {@code blockTokens} words drawn from a fixed list of three-letter words by a generator seeded with the block's hash
 * id; blocks follow in order; blocks past the row's hash ids are drawn from the row's own key, so no other row shares
 * them; the last block is cut so the prompt holds exactly {@code inputTokens} words.
 *
 * <p>Every word is three letters and a space: four characters, one token as the simulated providers count
 * (characters ÷ 4, rounded up), so the prompt alone counts exactly {@code inputTokens} there. A real tokenizer counts
 * such words as one or two tokens each. Pure; thread-safe.
 */
public final class SyntheticPrompt {
  private static final String CONSONANTS = "bcdfghjklmnprstvwz";
  private static final String VOWELS = "aeiou";
  private static final int WORDS = CONSONANTS.length() * VOWELS.length() * CONSONANTS.length();
  /** Mixed into a row's own blocks' seeds, so they never meet a hash id's. */
  private static final long OWN_BLOCKS = 0x6F776E626C6BL;

  private SyntheticPrompt() {}

  /**
   * @param hashIds     the row's hash ids, one per leading block (possibly fewer than its blocks).
   * @param inputTokens the prompt's length in words (tokens); at least 1.
   * @param blockTokens words per block; at least 1.
   * @param rowKey      seeds the blocks past {@code hashIds}: distinct per row (its index in the trace).
   */
  public static String text(List<Long> hashIds, int inputTokens, int blockTokens, long rowKey) {
    StringBuilder out = new StringBuilder(inputTokens * 4);
    for (int block = 0; out.length() < inputTokens * 4; block++) {
      long seed = block < hashIds.size() ? hashIds.get(block) : (rowKey * 1_000_003L + block) ^ OWN_BLOCKS;
      SplittableRandom words = new SplittableRandom(seed);
      for (int w = 0; w < blockTokens && out.length() < inputTokens * 4; w++) word(words.nextInt(WORDS), out);
    }
    return out.toString();
  }

  /** Word {@code i} of the list and a space. */
  private static void word(int i, StringBuilder out) {
    int v = VOWELS.length();
    int c = CONSONANTS.length();
    out.append(CONSONANTS.charAt(i / (v * c))).append(VOWELS.charAt(i / c % v)).append(CONSONANTS.charAt(i % c)).append(' ');
  }
}
