package dev.provbench.results;

/**
 * One attempt of a cell, kept in {@code attempt_log} so a user can query exactly what happened.
 *
 * @param attempt          1 for the first.
 * @param status           the attempt's outcome as a {@link CellStatus} value (ok for a completion).
 * @param httpStatus       the response status, or null.
 * @param latencyMs        send to last byte (or to the failure).
 * @param waitMs           the wait before the next attempt; 0 for the last.
 * @param error            what went wrong, or null.
 * @param promptTokens     the prompt tokens the server reported for this attempt, or null.
 * @param completionTokens the completion tokens the server reported for this attempt, or null.
 * @param responseId       the provider's id of this attempt's response, or null.
 */
public record AttemptRecord(int attempt, String status, Integer httpStatus, long latencyMs, long waitMs, String error,
                            Long promptTokens, Long completionTokens, String responseId) {}
