package dev.provbench.provider;

/**
 * Token counts of one attempt: as the server reported them in {@code usage}, or estimated from the text
 * when it sent none.
 *
 * @param promptTokens     {@code usage.prompt_tokens}, or null.
 * @param completionTokens {@code usage.completion_tokens} (reasoning included), or null.
 * @param reasoningTokens  {@code usage.completion_tokens_details.reasoning_tokens}, or null.
 * @param cachedTokens     {@code usage.prompt_tokens_details.cached_tokens}, or null.
 * @param estimated        true when the server sent no usage and the counts were estimated from the text.
 */
public record Usage(Long promptTokens, Long completionTokens, Long reasoningTokens, Long cachedTokens, boolean estimated) {
  /** No usage seen. */
  public static final Usage NONE = new Usage(null, null, null, null, false);

  /** Counts estimated from the text (about 4 characters a token) because the server reported none. */
  public static Usage estimated(long promptTokens, long completionTokens) {
    return new Usage(promptTokens, completionTokens, null, null, true);
  }

  /** Whether the server reported both counts, so the attempt can be priced from them. */
  public boolean reported() {
    return !estimated && promptTokens != null && completionTokens != null;
  }
}
