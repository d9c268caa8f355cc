package dev.provbench.provider;

import java.util.List;

/**
 * What a completion carried.
 *
 * @param content    the content text (streamed deltas joined); empty when there was none.
 * @param reasoning  reasoning text ({@code reasoning_content} or {@code reasoning}), or null when none.
 * @param toolCalls  native tool calls, in index order; empty when none.
 * @param responseId the provider's id of the answer: the completion's {@code id}, else the
 *                   {@code x-request-id} header; null when neither came.
 * @param logprobs   the content's log-probabilities, one per output position in order ({@code choices[0].logprobs
 *                   .content}, streamed chunks' joined); null when the provider returned none (not asked, or it
 *                   ignores the field).
 */
public record Reply(String content, String reasoning, List<ToolCall> toolCalls, String responseId,
    List<TokenLogprob> logprobs) {
  public Reply {
    toolCalls = List.copyOf(toolCalls);
    logprobs = logprobs == null ? null : List.copyOf(logprobs);
  }

  /** A reply without log-probabilities. */
  public Reply(String content, String reasoning, List<ToolCall> toolCalls, String responseId) {
    this(content, reasoning, toolCalls, responseId, null);
  }
}
