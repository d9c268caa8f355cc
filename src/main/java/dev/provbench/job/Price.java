package dev.provbench.job;

import java.io.Serializable;

/**
 * A per-token price list for a hosted model.
 *
 * @param inputPer1M       US dollars per one million prompt tokens; zero or more; 0 when left out of the price list.
 * @param outputPer1M      US dollars per one million completion tokens; zero or more; 0 when left out of the price list.
 * @param cachedInputPer1M US dollars per one million prompt tokens the provider served from its prefix cache (usage's
 *                         {@code cached_tokens}); null when left out: cached tokens then cost {@code inputPer1M}.
 */
public record Price(double inputPer1M, double outputPer1M, Double cachedInputPer1M) implements Serializable {

  /** A price list without a cached-input price. */
  public Price(double inputPer1M, double outputPer1M) {
    this(inputPer1M, outputPer1M, null);
  }

  /** The cost in US dollars of one call with these token counts, none of them cached. */
  public double cost(long promptTokens, long completionTokens) {
    return cost(promptTokens, 0, completionTokens);
  }

  /**
   * The cost in US dollars of one call with these token counts.
   *
   * @param cachedTokens of {@code promptTokens}, those served from the cache; priced at {@code cachedInputPer1M}.
   */
  public double cost(long promptTokens, long cachedTokens, long completionTokens) {
    double cachedRate = cachedInputPer1M == null ? inputPer1M : cachedInputPer1M;
    long cached = Math.min(Math.max(0, cachedTokens), promptTokens);
    return ((promptTokens - cached) * inputPer1M + cached * cachedRate + completionTokens * outputPer1M) / 1_000_000.0;
  }
}
