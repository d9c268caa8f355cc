package dev.provbench.task;

/**
 * A reply a conversation's later turns carry: the model's own or the case's recorded one. Immutable.
 *
 * @param content   the reply's text, or null when it only called tools.
 * @param toolCalls its tool calls as stored ({@code [{"name", "arguments"}]}), or null when it called none.
 */
public record ConversationReply(String content, String toolCalls) {
  /** How many tools the reply called. */
  public int toolCallCount() {
    return toolCalls == null ? 0 : Conversation.arrayLength(toolCalls);
  }
}
