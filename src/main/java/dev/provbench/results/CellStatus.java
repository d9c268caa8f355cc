package dev.provbench.results;

import java.util.Locale;

/**
 * How a cell ended; stored in the {@code status} column as its lower-case name. A cell is
 * <em>answered</em> when the provider returned a completion (a 2xx with a readable body), whether or
 * not the task could read an answer out of it: only answered cells count in speed figures.
 */
public enum CellStatus {
  /** Answered, and the task read an answer (an output) from it. */
  OK,
  /** Answered, but no answer could be read from the reply: the output is null and it scores 0. */
  PARSE_ERROR,
  /** The provider answered with an HTTP error status (4xx, 5xx) after all retries. */
  HTTP_ERROR,
  /** A 2xx whose body is not a readable completion: not JSON, an error object, or no choices. */
  BAD_RESPONSE,
  /** No complete answer within the job's timeouts. */
  TIMEOUT,
  /** The connection failed or broke (refused, reset, a stream cut before {@code [DONE]}). */
  TRANSPORT_ERROR,
  /**
   * A turn of a conversation that was never sent: an earlier turn got no answer, and the job's history is the model's
   * own replies. No request, no cost; it scores 0 like every cell without an answer.
   */
  NOT_SENT;

  /** The value stored in the {@code status} column. */
  public String value() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The provider returned a completion: {@code ok} or {@code parse_error}. */
  public boolean answered() {
    return this == OK || this == PARSE_ERROR;
  }

  public static CellStatus of(String value) {
    return valueOf(value.toUpperCase(Locale.ROOT));
  }

  /** SQL that is true for answered cells of the {@code status} column; the one home of that rule in SQL. */
  public static final String ANSWERED_SQL = "status IN ('ok', 'parse_error')";
}
