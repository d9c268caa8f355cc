package dev.provbench.sim;

/** How a completion carries its answer, as kept in {@link RequestRecord}. */
public enum ReplyMode {
  /** As assistant text in {@code content}: the judge's {@code <function=select_choice>{...}</function>}, or a retrieval answer. */
  CONTENT,
  /** As a native OpenAI {@code tool_calls} entry, with {@code content} null ({@code tool_calls: true}). */
  TOOL_CALLS
}
