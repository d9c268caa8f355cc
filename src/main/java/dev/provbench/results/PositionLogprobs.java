package dev.provbench.results;

import java.util.List;

/**
 * One output position's log-probabilities as a row stores them (column {@code logprobs}): the first
 * {@link #STORED_POSITIONS} positions of an answer that returned them. Immutable.
 *
 * @param token   the token the deployment chose at this position.
 * @param logprob its natural-log probability.
 * @param top     the alternatives the provider returned at this position ({@code top_logprobs}, at most the audit's
 *                {@code top_logprobs}), in the order it sent them.
 */
public record PositionLogprobs(String token, double logprob, List<Alternative> top) {
  /**
   * Positions kept per answer: the log-probability test reads the first; a few more let an analysis look further
   * without a 64-token answer's worth of alternatives in every row.
   */
  public static final int STORED_POSITIONS = 16;

  public PositionLogprobs {
    top = List.copyOf(top);
  }

  /**
   * @param token   an alternative token.
   * @param logprob its natural-log probability.
   */
  public record Alternative(String token, double logprob) {}
}
