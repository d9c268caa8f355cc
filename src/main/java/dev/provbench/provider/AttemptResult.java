package dev.provbench.provider;

import java.util.Locale;

/**
 * The outcome of one HTTP attempt.
 *
 * @param outcome      what happened.
 * @param httpStatus   the response status, or null when none arrived.
 * @param latencyMs    request sent to last byte (or to the failure).
 * @param reply        what the completion carried; null unless {@link Outcome#OK}.
 * @param usage        token counts; {@link Usage#NONE} when none were seen.
 * @param timing       when the deltas of a streamed reply arrived; {@link StreamTiming#NONE} otherwise.
 * @param retryAfterMs the server's requested wait ({@code Retry-After} or {@code retry-after-ms}), or null.
 * @param error        what went wrong, with no secret in it; null when OK.
 * @param responseId   the provider's id of this response (body {@code id}, else {@code x-request-id}), or null.
 * @param reconnects   times this attempt was re-sent at once because its reused connection was found closed
 *                     before the request went out (the server never saw it).
 */
public record AttemptResult(
    Outcome outcome,
    Integer httpStatus,
    long latencyMs,
    Reply reply,
    Usage usage,
    StreamTiming timing,
    Long retryAfterMs,
    String error,
    String responseId,
    int reconnects) {

  /** Kinds of attempt outcome; a cell's status has the same lower-case names. */
  public enum Outcome {
    OK, HTTP_ERROR, BAD_RESPONSE, TIMEOUT, TRANSPORT_ERROR;

    public String status() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** The reply's content text, or null when there was no completion. */
  public String content() {
    return reply == null ? null : reply.content();
  }

  public Long promptTokens() {
    return usage.promptTokens();
  }

  public Long completionTokens() {
    return usage.completionTokens();
  }

  public Long ttftMs() {
    return timing.ttftMs();
  }

  public boolean ok() {
    return outcome == Outcome.OK;
  }

  /** 408, 429, 500, 502, 503, 504, timeouts and broken connections are worth another try. */
  public boolean retryable() {
    return switch (outcome) {
      case OK, BAD_RESPONSE -> false;
      case TIMEOUT, TRANSPORT_ERROR -> true;
      case HTTP_ERROR -> httpStatus != null && (httpStatus == 408 || httpStatus == 429 || httpStatus == 500
          || httpStatus == 502 || httpStatus == 503 || httpStatus == 504);
    };
  }

  public static AttemptResult failure(Outcome outcome, Integer status, long latencyMs, Long retryAfterMs, String error) {
    return new AttemptResult(outcome, status, latencyMs, null, Usage.NONE, StreamTiming.NONE, retryAfterMs, error, null, 0);
  }

  public static AttemptResult answered(int status, long latencyMs, Reply reply, Usage usage, StreamTiming timing) {
    return new AttemptResult(Outcome.OK, status, latencyMs, reply, usage, timing, null, null, reply.responseId(), 0);
  }

  /** The same result, with the token counts seen before it failed (or estimated for an answer). */
  public AttemptResult withUsage(Usage u) {
    return new AttemptResult(outcome, httpStatus, latencyMs, reply, u, timing, retryAfterMs, error, responseId, reconnects);
  }

  /** The same result, with the provider's id of the response (e.g. an error's {@code x-request-id}). */
  public AttemptResult withResponseId(String id) {
    return new AttemptResult(outcome, httpStatus, latencyMs, reply, usage, timing, retryAfterMs, error, id, reconnects);
  }

  /** The same result, with the reconnects that preceded it. */
  public AttemptResult withReconnects(int n) {
    return new AttemptResult(outcome, httpStatus, latencyMs, reply, usage, timing, retryAfterMs, error, responseId, n);
  }
}
