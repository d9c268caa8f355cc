package dev.provbench.provider;

/**
 * One attempt of a cell, kept so a user can query exactly what happened.
 *
 * @param attempt    1 for the first.
 * @param status     ok, http_error, timeout or transport_error.
 * @param httpStatus the response status, or null.
 * @param latencyMs  send to last byte (or to the failure).
 * @param waitMs     the wait before the next attempt; 0 for the last.
 * @param error      what went wrong, or null.
 */
public record AttemptRecord(int attempt, String status, Integer httpStatus, long latencyMs, long waitMs, String error) {}
