package dev.provbench.sim;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The prompt prefixes each model has already answered, at the granularity of whole messages: what a
 * {@code prefix_cache} model reports as {@code cached_tokens}. Kept for the server's life (like the attempt
 * counters, not cleared by {@code resetStats()}). One per server; thread-safe.
 */
final class PrefixCache {
  private record Key(String provider, String model, long prefixHash) {}

  private final Set<Key> seen = ConcurrentHashMap.newKeySet();

  /**
   * The prompt tokens of the longest run of leading messages this model has seen before, 0 for a first-seen
   * prompt; then remembers every prefix of this one. Two requests arriving together may both find nothing.
   */
  int cachedTokens(String provider, String model, ChatRequest request) {
    long[] prefixes = request.prefixHashes();
    int longest = 0;
    for (int k = prefixes.length; k > 0 && longest == 0; k--) {
      if (seen.contains(new Key(provider, model, prefixes[k - 1]))) longest = k;
    }
    for (long h : prefixes) seen.add(new Key(provider, model, h));
    return request.promptTokens(longest);
  }
}
