package dev.provbench.sim;

/**
 * One chat completion request as the server saw it, timed on the server's own clock. Immutable.
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
 */
public record RequestRecord(long arrivalEpochMs, long arrivalNanos, double serviceMs, String provider,
    String model, int status, boolean stream, int inFlightAtArrival, Outcome outcome) {}
