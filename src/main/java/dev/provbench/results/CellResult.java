package dev.provbench.results;

import java.time.Instant;
import java.util.List;

/**
 * One row of the results: what one cell did and scored, in groups by concern, each built and read by name
 * ({@code r.speed().ttftMs()}). The groups have distinct types, so two of them cannot be swapped; each field's column,
 * type and unit are in {@link ResultSchema#COLUMNS} (which keeps the Parquet row flat) and {@code docs/METRICS.md}.
 *
 * @param identity which cell this is.
 * @param setup    how the cell was asked and what its case expects.
 * @param attempts the requests sent and the waits between them.
 * @param timing   when the cell ran and how long it took.
 * @param speed    the successful attempt's latencies; {@link Speed#NONE} unless answered.
 * @param tokens   the successful attempt's usage; {@link Tokens#NONE} unless answered.
 * @param cost     what the cell cost.
 * @param outcome  how the cell ended.
 * @param answer   what came back, as stored.
 * @param reading  what the task read from the answer.
 * @param scoring  the scores.
 * @param load     the load ladder's step; {@link Load#NONE} outside a ladder.
 * @param replay   when a trace replay meant to send the cell and how late it went; {@link Replay#NONE} outside one.
 */
public record CellResult(Identity identity, Setup setup, Attempts attempts, Timing timing, Speed speed, Tokens tokens,
    Cost cost, Outcome outcome, Answer answer, Reading reading, Scoring scoring, Load load, Replay replay) {

  /** A cell outside a trace replay. */
  public CellResult(Identity identity, Setup setup, Attempts attempts, Timing timing, Speed speed, Tokens tokens,
      Cost cost, Outcome outcome, Answer answer, Reading reading, Scoring scoring, Load load) {
    this(identity, setup, attempts, timing, speed, tokens, cost, outcome, answer, reading, scoring, load,
        Replay.NONE);
  }

  /**
   * @param runId    the run.
   * @param cellId   stable id of provider × model × case × trial.
   * @param provider the provider's display name.
   * @param model    the model id as sent.
   * @param size     8b, 70b, 405b, … (given or inferred), or empty.
   * @param caseId   the dataset case (a conversation's case for each of its turns).
   * @param trial    1-based trial number.
   * @param conversationId the conversation the cell is a turn of (a multi-turn case's id, a trace's session), or null.
   * @param turn     the cell's 1-based turn in its conversation, or null outside one.
   */
  public record Identity(String runId, String cellId, String provider, String model, String size, String caseId,
      int trial, String conversationId, Integer turn) {
    /** A cell outside a conversation. */
    public Identity(String runId, String cellId, String provider, String model, String size, String caseId, int trial) {
      this(runId, cellId, provider, model, size, caseId, trial, null, null);
    }
  }

  /**
   * @param toolMode     the task's tool mode, {@code text} or {@code native}, or null (rows of a format before 4).
   * @param stream       whether the request streamed.
   * @param cacheBust    whether a per-cell nonce opened the system message.
   * @param expected     the gold score.
   * @param expectedText the case's expected value as text (a string as it is, anything else as JSON), or null.
   */
  public record Setup(String toolMode, boolean stream, boolean cacheBust, double expected, String expectedText,
      Double temperature, String auditReference) {
    /** A cell outside an audit, its temperature unrecorded. */
    public Setup(String toolMode, boolean stream, boolean cacheBust, double expected, String expectedText) {
      this(toolMode, stream, cacheBust, expected, expectedText, null, null);
    }
  }

  /**
   * @param count       requests sent, the successful one included; reconnects not counted.
   * @param reconnects  requests re-sent at once on a fresh connection because a reused keep-alive connection was found
   *                    closed before the server read them.
   * @param rateLimited attempts answered 429.
   * @param backoffMs   total wait between attempts.
   * @param throttleMs  total wait for the provider's client-side rate limit; not part of duration_ms.
   * @param httpStatus  the last attempt's HTTP status, or null when none arrived.
   * @param log         every attempt, in order.
   */
  public record Attempts(int count, int reconnects, int rateLimited, long backoffMs, long throttleMs, Integer httpStatus,
      List<AttemptRecord> log) {
    public Attempts {
      log = List.copyOf(log);
    }
  }

  /**
   * @param startedAt  when the first attempt was sent (after any throttle wait).
   * @param finishedAt when the final answer or failure arrived.
   * @param durationMs first send to final answer, retries and back-off included, throttle_ms excluded.
   */
  public record Timing(Instant startedAt, Instant finishedAt, long durationMs) {}

  /**
   * @param latencyMs     the successful attempt alone, sent to last byte; null unless answered.
   * @param ttftMs        sent to the first non-empty delta of any kind (content, tool_calls, reasoning); streamed and
   *                      answered only.
   * @param firstAnswerMs sent to the first content or tool_calls delta; streamed and answered only.
   * @param tpotMs        (latency − ttft) ÷ (completion tokens − 1); streamed, answered, 2+ tokens.
   * @param outputTps     this request's decode rate: 1000 ÷ tpot_ms.
   * @param chunkGapsMs   gaps between consecutive non-empty deltas after the first (inter-chunk latency); streamed and
   *                      answered only, else null.
   */
  public record Speed(Long latencyMs, Long ttftMs, Long firstAnswerMs, Double tpotMs, Double outputTps,
      List<Integer> chunkGapsMs) {
    /** A cell that was not answered. */
    public static final Speed NONE = new Speed(null, null, null, null, null, null);

    public Speed {
      chunkGapsMs = chunkGapsMs == null ? null : List.copyOf(chunkGapsMs);
    }
  }

  /**
   * @param prompt     the successful attempt's prompt tokens (server or estimated, see source).
   * @param completion the successful attempt's completion tokens, reasoning included.
   * @param reasoning  usage.completion_tokens_details.reasoning_tokens, or null.
   * @param cached     usage.prompt_tokens_details.cached_tokens, or null.
   * @param source     server, estimated (the server sent no usage), or null (no answer).
   */
  public record Tokens(Long prompt, Long completion, Long reasoning, Long cached, String source) {
    /** A cell that was not answered. */
    public static final Tokens NONE = new Tokens(null, null, null, null, null);
  }

  /**
   * @param usd        price-list cost of every attempt that reported usage (failed cells too); null for a machine
   *                   priced by the hour.
   * @param usdPerHour the model's machine price per hour (self-hosted), or null; analyses turn it into cost.
   */
  public record Cost(Double usd, Double usdPerHour) {}

  /**
   * @param status how the cell ended.
   * @param error  what went wrong (no secret in it), or null.
   */
  public record Outcome(CellStatus status, String error) {}

  /**
   * @param responseId the provider's id of the answer (completion id, else x-request-id).
   * @param response   the answer's content text, reasoning stripped.
   * @param reasoning  reasoning text (reasoning_content / reasoning deltas), or null.
   * @param toolCalls  the native tool calls as JSON [{"name", "arguments"}], or null.
   * @param logprobs   the first {@link PositionLogprobs#STORED_POSITIONS} output positions' log-probabilities, or null
   *                   when the provider returned none (not asked, or not given).
   */
  public record Answer(String responseId, String response, String reasoning, String toolCalls,
      List<PositionLogprobs> logprobs) {
    public Answer {
      logprobs = logprobs == null ? null : List.copyOf(logprobs);
    }

    /** An answer without log-probabilities. */
    public Answer(String responseId, String response, String reasoning, String toolCalls) {
      this(responseId, response, reasoning, toolCalls, null);
    }
  }

  /**
   * @param output    the task's output (the judge score), or null.
   * @param choice    the parsed choice, or null.
   * @param reasons   the parsed reasons, or null.
   * @param extracted the output text the scorers judged (the judge's choice; a chat task's extracted text), or null.
   */
  public record Reading(Double output, String choice, String reasons, String extracted) {}

  /**
   * @param correctScore CorrectScore; null when the job did not use it.
   * @param nonNull      NonNull; null when the job did not use it.
   * @param note         why a score is 0 without an output, or null.
   * @param scores       every scorer's score, in job order; empty when the job has none.
   * @param judgeCalls   one call per LLM-judge scorer of the cell, in job order; null when the job has none. Its cost
   *                     and latency are never part of this row's own {@code cost_usd} or durations.
   */
  public record Scoring(Double correctScore, Double nonNull, String note, List<CellScore> scores,
      List<JudgeCall> judgeCalls) {
    public Scoring {
      scores = scores == null ? List.of() : List.copyOf(scores);
      judgeCalls = judgeCalls == null ? null : List.copyOf(judgeCalls);
    }
  }

  /**
   * @param step        the load ladder's step (1-based), or null outside a ladder.
   * @param concurrency requests the step kept in flight per model, or null unless a concurrency step.
   * @param rate        requests per second the step sent per model, or null unless a rate step.
   * @param warmup      whether the cell warmed its step up and is left out of its figures; false outside a ladder.
   */
  public record Load(Integer step, Integer concurrency, Double rate, boolean warmup) {
    /** Outside a load ladder. */
    public static final Load NONE = new Load(null, null, null, false);
  }

  /**
   * @param scheduledMs when the trace replay meant to send the cell: the row's timestamp ÷ the speed factor, ms from
   *                    the deployment's replay start; null outside a replay.
   * @param sendLagMs   its first attempt's send minus that moment, ms (fractional); above 10 it went late; null
   *                    outside a replay.
   */
  public record Replay(Long scheduledMs, Double sendLagMs) {
    /** Outside a trace replay. */
    public static final Replay NONE = new Replay(null, null);
  }
}
