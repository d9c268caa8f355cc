package dev.provbench.provider;

import java.util.List;

/**
 * One output position's log-probabilities, as OpenAI's chat completions API returns them with {@code logprobs: true}
 * ({@code choices[0].logprobs.content[i]}). Immutable.
 *
 * @param token   the token chosen at this position.
 * @param logprob its natural-log probability.
 * @param top     the {@code top_logprobs} alternatives at this position, most likely first as the server sent them;
 *                empty when none were asked or sent.
 */
public record TokenLogprob(String token, double logprob, List<Alternative> top) {
  public TokenLogprob {
    top = List.copyOf(top);
  }

  /**
   * One alternative of a position.
   *
   * @param token   the alternative token.
   * @param logprob its natural-log probability.
   */
  public record Alternative(String token, double logprob) {}
}
