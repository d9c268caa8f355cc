package dev.provbench.sim;

/** How a completion carries the judge's answer, as kept in {@link RequestRecord}. */
public enum ReplyMode {
  /** As assistant text: {@code <function=select_choice>{...}</function>} in {@code content}. */
  CONTENT,
  /** As a native OpenAI {@code tool_calls} entry, with {@code content} null ({@code tool_calls: true}). */
  TOOL_CALLS
}
