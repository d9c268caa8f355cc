package dev.provbench.job;

import java.io.Serializable;

/**
 * A per-token price list for a hosted model.
 *
 * @param inputPer1M  US dollars per one million prompt tokens; zero or more; 0 when left out of the price list.
 * @param outputPer1M US dollars per one million completion tokens; zero or more; 0 when left out of the price list.
 */
public record Price(double inputPer1M, double outputPer1M) implements Serializable {

  /** The cost in US dollars of one call with these token counts. */
  public double cost(long promptTokens, long completionTokens) {
    return (promptTokens * inputPer1M + completionTokens * outputPer1M) / 1_000_000.0;
  }
}
