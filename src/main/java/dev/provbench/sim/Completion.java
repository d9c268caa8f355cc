package dev.provbench.sim;

/**
 * One decided reply, before it is written: what it says and how long it takes. Immutable.
 *
 * @param id               {@code chatcmpl-...}, from the request's draw.
 * @param created          Unix seconds at arrival.
 * @param model            the requested model id, echoed.
 * @param text             the assistant's content.
 * @param finishReason     {@code stop}, or {@code length} when {@code max_tokens} cut the text.
 * @param promptTokens     ceil(prompt characters / 4).
 * @param completionTokens ceil(text characters / 4).
 * @param ttftMs           first-token delay, before {@code time_scale}.
 * @param generationMs     first token to last, before {@code time_scale}: completion tokens / tokens per s.
 */
record Completion(String id, long created, String model, String text, String finishReason, int promptTokens,
    int completionTokens, double ttftMs, double generationMs) {

  int totalTokens() {
    return promptTokens + completionTokens;
  }

  double durationMs() {
    return ttftMs + generationMs;
  }
}
