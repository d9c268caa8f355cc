package dev.provbench.sim;

/** What the server did with one chat completion request, as kept in {@link RequestRecord}. */
public enum Outcome {
  /** A complete, well-formed reply. */
  OK,
  /** A complete reply whose tool call does not parse ({@code rate_malformed}). */
  MALFORMED,
  /** Status 200, then the body stopped early and the connection closed ({@code rate_truncate}). */
  TRUNCATED,
  /** Held, then the connection closed with no status line ({@code rate_hang}); status 0. */
  HUNG,
  /** A random 429 ({@code rate_429}). */
  RATE_LIMITED,
  /** A 429 because {@code max_concurrency} requests were already in flight. */
  OVER_CAPACITY,
  /** A random 500, 502 or 503 ({@code rate_5xx}). */
  SERVER_ERROR,
  /** A random 400 {@code invalid_request_error}, answered at once ({@code rate_400}). */
  REJECTED,
  /** 400: the body is not a chat completion request. */
  BAD_REQUEST,
  /** 404: the provider does not serve the model. */
  UNKNOWN_MODEL,
  /** The client went away while the reply was being written. */
  CLIENT_GONE,
  /** The server was closed while the request was in flight. */
  STOPPED
}
