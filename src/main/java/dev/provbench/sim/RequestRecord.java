package dev.provbench.sim;

/**
 * One chat completion request as the server saw it and what it sent back, timed on the server's own clock:
 * the ground truth a client's measurements can be checked against. Immutable.
 *
 * @param arrivalEpochMs    wall-clock arrival, ms since the epoch (for people).
 * @param arrivalNanos      {@link System#nanoTime()} at arrival (for intervals between records).
 * @param serviceMs         arrival to the last byte written or the connection dropped.
 * @param provider          the provider's name.
 * @param model             the requested model id, as sent (null when the body had none).
 * @param status            the HTTP status sent; 0 when the connection closed before a status line.
 * @param stream            whether a streamed reply was asked for.
 * @param inFlightAtArrival requests of this model already in flight when it arrived.
 * @param outcome           what was done with it.
 * @param firstDeltaMs      arrival to the first non-empty delta of any kind written (reasoning, content or
 *                          tool call); -1 when none was (not streamed, or not a completion).
 * @param firstAnswerMs     arrival to the first content or tool_calls delta written; -1 when none was.
 * @param responseId        the completion's {@code id} ({@code chatcmpl-...}); null when no completion was sent.
 * @param promptTokens      {@code usage.prompt_tokens} of the completion (sent or not, see {@code usageSent}); 0 without one.
 * @param completionTokens  {@code usage.completion_tokens}, reasoning included; 0 without a completion.
 * @param reasoningTokens   {@code completion_tokens_details.reasoning_tokens}; 0 without reasoning.
 * @param cachedTokens      {@code prompt_tokens_details.cached_tokens}; 0 without {@code prefix_cache}.
 * @param usageSent         whether the client was sent those counts: false for {@code usage: false}, a stream
 *                          without {@code include_usage}, a truncated reply, or no completion.
 * @param replyMode         how the answer was carried; null when no completion was sent.
 */
public record RequestRecord(long arrivalEpochMs, long arrivalNanos, double serviceMs, String provider,
    String model, int status, boolean stream, int inFlightAtArrival, Outcome outcome, double firstDeltaMs,
    double firstAnswerMs, String responseId, int promptTokens, int completionTokens, int reasoningTokens,
    int cachedTokens, boolean usageSent, ReplyMode replyMode) {}
