package dev.provbench.provider;

/**
 * The outcome of one HTTP attempt.
 *
 * @param outcome          what happened.
 * @param httpStatus       the response status, or null when none arrived.
 * @param content          the reply text (streamed deltas joined), or null.
 * @param promptTokens     {@code usage.prompt_tokens}, or null when the server did not report it.
 * @param completionTokens {@code usage.completion_tokens}, or null.
 * @param latencyMs        request sent to last byte (or to the failure).
 * @param ttftMs           request sent to the first non-empty content delta; streaming only, else null.
 * @param retryAfterMs     the server's requested wait ({@code Retry-After} or {@code retry-after-ms}), or null.
 * @param error            what went wrong, with no secret in it; null when OK.
 */
public record AttemptResult(
    Outcome outcome,
    Integer httpStatus,
    String content,
    Long promptTokens,
    Long completionTokens,
    long latencyMs,
    Long ttftMs,
    Long retryAfterMs,
    String error) {

  /** Kinds of attempt outcome; the cell's {@code status} uses their lower-case names. */
  public enum Outcome {
    OK, HTTP_ERROR, TIMEOUT, TRANSPORT_ERROR;

    public String status() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  public boolean ok() {
    return outcome == Outcome.OK;
  }

  /** 429, 5xx gateway and availability errors, timeouts and broken connections are worth another try. */
  public boolean retryable() {
    return switch (outcome) {
      case OK -> false;
      case TIMEOUT, TRANSPORT_ERROR -> true;
      case HTTP_ERROR -> httpStatus != null && (httpStatus == 408 || httpStatus == 429 || httpStatus == 500
          || httpStatus == 502 || httpStatus == 503 || httpStatus == 504);
    };
  }

  static AttemptResult failure(Outcome outcome, Integer status, long latencyMs, Long retryAfterMs, String error) {
    return new AttemptResult(outcome, status, null, null, null, latencyMs, null, retryAfterMs, error);
  }
}
