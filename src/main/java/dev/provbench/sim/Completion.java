package dev.provbench.sim;

/**
 * One decided reply, before it is written: what it says and how long it takes. Immutable.
 *
 * @param id              {@code chatcmpl-...}, from the request's draw.
 * @param created         Unix seconds at arrival.
 * @param model           the requested model id, echoed.
 * @param mode            whether {@code text} goes out as content or as a tool call's arguments.
 * @param text            the assistant's content (a judge's tool call, or {@code Answer: ...} to a retrieval question),
 *                        or the {@code select_choice} arguments in {@link ReplyMode#TOOL_CALLS}.
 * @param toolCallId      {@code call_...}; used only in {@link ReplyMode#TOOL_CALLS}.
 * @param reasoning       the {@code reasoning_content} text; null when the model does not reason.
 * @param finishReason    {@code stop}, {@code tool_calls}, or {@code length} when {@code max_tokens} cut the text.
 * @param promptTokens    ceil(prompt characters / 4).
 * @param cachedTokens    prompt tokens of the longest already-seen run of leading messages; 0 without a prefix cache.
 * @param answerTokens    ceil(text characters / 4).
 * @param reasoningTokens ceil(reasoning characters / 4); 0 without reasoning.
 * @param usage           whether {@code usage} is sent at all ({@code usage: false} omits it).
 * @param reportsCache    whether usage carries {@code prompt_tokens_details.cached_tokens} ({@code prefix_cache}).
 * @param ttftMs          first-token delay, before {@code time_scale}: the drawn delay plus the uncached prompt's
 *                        prefill time ({@link SimModel#prefillMs}).
 * @param reasoningMs     first reasoning delta to the first answer delta, before {@code time_scale}.
 * @param generationMs    first answer token to last, before {@code time_scale}: answer tokens / tokens per s.
 */
record Completion(String id, long created, String model, ReplyMode mode, String text, String toolCallId,
    String reasoning, String finishReason, int promptTokens, int cachedTokens, int answerTokens, int reasoningTokens,
    boolean usage, boolean reportsCache, double ttftMs, double reasoningMs, double generationMs) {

  /** Answer and reasoning tokens: what {@code usage.completion_tokens} reports. */
  int completionTokens() {
    return answerTokens + reasoningTokens;
  }

  int totalTokens() {
    return promptTokens + completionTokens();
  }

  /** When the first answer delta is due, before {@code time_scale}. */
  double answerStartMs() {
    return ttftMs + reasoningMs;
  }

  double durationMs() {
    return ttftMs + reasoningMs + generationMs;
  }
}
