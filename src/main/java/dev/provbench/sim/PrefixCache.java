package dev.provbench.sim;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What each {@code prefix_cache} model reports as {@code cached_tokens}, as vLLM's automatic prefix caching finds it:
 * the prompt (every message's content in order) cut into blocks of {@code blockTokens} tokens as {@link TokenCount}
 * counts them (four characters each), each full block named by a hash chained over the blocks before it; cached are
 * the leading blocks this model has seen before, times the block size, and never the whole prompt (at least one
 * token is computed, as vLLM recomputes the last). Kept for the server's life and never evicted (like the attempt
 * counters, not cleared by {@code resetStats()}). One per server; thread-safe.
 */
final class PrefixCache {
  private record Key(String provider, String model, long chainHash) {}

  private final int blockTokens;
  private final Set<Key> seen = ConcurrentHashMap.newKeySet();

  /** @param blockTokens the profile's {@code cache_block_tokens}; at least 1. */
  PrefixCache(int blockTokens) {
    if (blockTokens < 1) throw new IllegalArgumentException("cache block must hold at least 1 token, got " + blockTokens);
    this.blockTokens = blockTokens;
  }

  /**
   * The prompt tokens of the longest run of leading full blocks this model has seen before, 0 for a first-seen
   * prompt; then remembers every block of this one. Two requests arriving together may both find nothing.
   */
  int cachedTokens(String provider, String model, ChatRequest request) {
    long[] chain = chain(request.promptText(), blockTokens * 4);
    int matched = 0;
    while (matched < chain.length && seen.contains(new Key(provider, model, chain[matched]))) matched++;
    for (long h : chain) seen.add(new Key(provider, model, h));
    return Math.max(0, Math.min(matched * blockTokens, request.promptTokens() - 1));
  }

  /** Element k: the stable 64-bit hash of the first k + 1 full blocks of {@code blockChars} characters. */
  static long[] chain(String text, int blockChars) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      long[] out = new long[text.length() / blockChars];
      for (int k = 0; k < out.length; k++) {
        sha.update(text.substring(k * blockChars, (k + 1) * blockChars).getBytes(StandardCharsets.UTF_8));
        out[k] = ByteBuffer.wrap(((MessageDigest) sha.clone()).digest()).getLong();
      }
      return out;
    } catch (NoSuchAlgorithmException | CloneNotSupportedException e) {
      throw new IllegalStateException("every JDK has a cloneable SHA-256", e);
    }
  }
}
