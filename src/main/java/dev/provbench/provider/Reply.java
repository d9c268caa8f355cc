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
 */
public record Reply(String content, String reasoning, List<ToolCall> toolCalls, String responseId) {
  public Reply {
    toolCalls = List.copyOf(toolCalls);
  }
}
