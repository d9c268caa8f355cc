package dev.provbench.results;

/**
 * One LLM-judge scorer's call for one cell, an element of the {@code judge_calls} column. Kept apart from the
 * cell's own columns: its latency, tokens and cost are never added to the benchmarked call's.
 *
 * @param scorer           the scorer's name as the job gives it.
 * @param model            the judge model's id as sent.
 * @param status           how the judge's call ended: a {@link CellStatus} value ({@code ok}, {@code parse_error} when
 *                         the reply named no offered letter, {@code http_error}, …), or {@value #SKIPPED} when no call
 *                         was sent (the cell had no output to judge, the judge's key is unset, its prompt could not be
 *                         rendered, or a rescore kept no stored verdict); {@code error} says which.
 * @param latencyMs        first send to final answer, retries and back-off included; null when nothing was sent.
 * @param promptTokens     the answered attempt's prompt tokens (server-reported, else estimated); null when none.
 * @param completionTokens the answered attempt's completion tokens; null when none.
 * @param costUsd          every billable attempt by the judge's price; null when unpriced or nothing was sent.
 * @param error            why the call gave no score, or null; never holds the judge's key.
 */
public record JudgeCall(String scorer, String model, String status, Long latencyMs, Integer promptTokens,
    Integer completionTokens, Double costUsd, String error) {
  /** The status of a judge call that was not sent. */
  public static final String SKIPPED = "skipped";

  /** A call that was not sent, and why. */
  public static JudgeCall skipped(String scorer, String model, String why) {
    return new JudgeCall(scorer, model, SKIPPED, null, null, null, null, why);
  }
}
