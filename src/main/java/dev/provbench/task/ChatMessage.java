package dev.provbench.task;

/**
 * One message of a request as sent: a rendered template's role and text, or, in a conversation's history, an
 * assistant reply that called tools or a tool's result. Immutable.
 *
 * @param role       {@code system}, {@code user}, {@code assistant} or {@code tool}.
 * @param content    the text; null for an assistant reply that only called tools.
 * @param toolCalls  an assistant reply's tool calls as {@code [{"id", "name", "arguments"}]}, or null.
 * @param toolCallId the id of the call a {@code tool} message answers, or null.
 */
public record ChatMessage(String role, String content, String toolCalls, String toolCallId) {
  /** A plain message. */
  public static ChatMessage of(MessageTemplate m) {
    return new ChatMessage(m.role(), m.content(), null, null);
  }

  /**
   * The id a conversation gives the {@code index}-th tool call (0-based) of the reply to turn {@code turn} (1-based):
   * the history sends the reply's calls under these ids and the next turn's tool results answer them.
   */
  public static String toolCallId(int turn, int index) {
    return "call_t" + turn + "_" + index;
  }
}
