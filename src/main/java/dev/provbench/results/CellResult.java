package dev.provbench.results;

import java.time.Instant;
import java.util.List;

/**
 * One row of the results: what one cell did and scored. Built by name ({@link #builder()}); each field's
 * column, type and unit are in {@link ResultSchema#COLUMNS} and {@code docs/METRICS.md}.
 *
 * @param runId the run.
 * @param cellId stable id of provider × model × case × trial.
 * @param provider the provider's display name.
 * @param model the model id as sent.
 * @param size 8b, 70b, 405b, … (given or inferred), or empty.
 * @param caseId the dataset case.
 * @param trial 1-based trial number.
 * @param status how the cell ended.
 * @param httpStatus the last attempt's HTTP status, or null when none arrived.
 * @param error what went wrong (no secret in it), or null.
 * @param attempts requests sent, the successful one included; reconnects not counted.
 * @param reconnects requests re-sent at once on a fresh connection because a reused keep-alive connection was found closed before the server read them.
 * @param rateLimited attempts answered 429.
 * @param backoffMs total wait between attempts.
 * @param throttleMs total wait for the provider's client-side rate limit; not part of duration_ms.
 * @param durationMs first send to final answer, retries and back-off included, throttle_ms excluded.
 * @param latencyMs the successful attempt alone, sent to last byte; null unless answered.
 * @param ttftMs sent to the first non-empty delta of any kind (content, tool_calls, reasoning); streamed and answered only.
 * @param firstAnswerMs sent to the first content or tool_calls delta; streamed and answered only.
 * @param tpotMs (latency − ttft) ÷ (completion tokens − 1); streamed, answered, 2+ tokens.
 * @param outputTps this request's decode rate: 1000 ÷ tpot_ms.
 * @param chunkGapsMs gaps between consecutive non-empty deltas after the first (inter-chunk latency); streamed and answered only.
 * @param promptTokens the successful attempt's prompt tokens (server or estimated, see usage_source).
 * @param completionTokens the successful attempt's completion tokens, reasoning included.
 * @param reasoningTokens usage.completion_tokens_details.reasoning_tokens, or null.
 * @param cachedTokens usage.prompt_tokens_details.cached_tokens, or null.
 * @param usageSource server, estimated (the server sent no usage), or null (no answer).
 * @param costUsd price-list cost of every attempt that reported usage (failed cells too); null for a machine priced by the hour.
 * @param usdPerHour the model's machine price per hour (self-hosted), or null; analyses turn it into cost.
 * @param responseId the provider's id of the answer (completion id, else x-request-id).
 * @param response the answer's content text, reasoning stripped.
 * @param reasoning reasoning text (reasoning_content / reasoning deltas), or null.
 * @param toolCalls the native tool calls as JSON [{"name", "arguments"}], or null.
 * @param output the task's output (the judge score), or null.
 * @param choice the parsed choice, or null.
 * @param reasons the parsed reasons, or null.
 * @param expected the gold score.
 * @param correctScore CorrectScore; null when the job did not use it.
 * @param nonNull NonNull; null when the job did not use it.
 * @param scoreNote why a score is 0 without an output, or null.
 * @param expectedText the case's expected value as text (a string as it is, anything else as JSON), or null.
 * @param extracted the output text the scorers judged (the judge's choice; a chat task's extracted text), or null.
 * @param scores every scorer's score, in job order; empty when the job has none.
 * @param toolMode the task's tool mode, {@code text} or {@code native}, or null (rows of a format before 4).
 * @param judgeCalls one call per LLM-judge scorer of the cell, in job order; null when the job has none. Its cost and
 *        latency are never part of this row's own {@code cost_usd} or durations.
 * @param stream whether the request streamed.
 * @param cacheBust whether a per-cell nonce opened the system message.
 * @param loadStep the load ladder's step (1-based), or null outside a ladder.
 * @param loadConcurrency requests the step kept in flight per model, or null unless a concurrency step.
 * @param loadRate requests per second the step sent per model, or null unless a rate step.
 * @param loadWarmup whether the cell warmed its step up and is left out of its figures; false outside a ladder.
 * @param startedAt when the first attempt was sent (after any throttle wait).
 * @param finishedAt when the final answer or failure arrived.
 * @param attemptLog every attempt, in order.
 */
public record CellResult(
    String runId,
    String cellId,
    String provider,
    String model,
    String size,
    String caseId,
    int trial,
    CellStatus status,
    Integer httpStatus,
    String error,
    int attempts,
    int reconnects,
    int rateLimited,
    long backoffMs,
    long throttleMs,
    long durationMs,
    Long latencyMs,
    Long ttftMs,
    Long firstAnswerMs,
    Double tpotMs,
    Double outputTps,
    int[] chunkGapsMs,
    Long promptTokens,
    Long completionTokens,
    Long reasoningTokens,
    Long cachedTokens,
    String usageSource,
    Double costUsd,
    Double usdPerHour,
    String responseId,
    String response,
    String reasoning,
    String toolCalls,
    Double output,
    String choice,
    String reasons,
    double expected,
    Double correctScore,
    Double nonNull,
    String scoreNote,
    String expectedText,
    String extracted,
    List<CellScore> scores,
    String toolMode,
    List<JudgeCall> judgeCalls,
    boolean stream,
    boolean cacheBust,
    Integer loadStep,
    Integer loadConcurrency,
    Double loadRate,
    boolean loadWarmup,
    Instant startedAt,
    Instant finishedAt,
    List<AttemptRecord> attemptLog) {

  public CellResult {
    attemptLog = List.copyOf(attemptLog);
    scores = scores == null ? List.of() : List.copyOf(scores);
    judgeCalls = judgeCalls == null ? null : List.copyOf(judgeCalls);
  }

  public static Builder builder() {
    return new Builder();
  }

  /** A builder seeded with this row's values, to change a few by name. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.runId = runId;
    b.cellId = cellId;
    b.provider = provider;
    b.model = model;
    b.size = size;
    b.caseId = caseId;
    b.trial = trial;
    b.status = status;
    b.httpStatus = httpStatus;
    b.error = error;
    b.attempts = attempts;
    b.reconnects = reconnects;
    b.rateLimited = rateLimited;
    b.backoffMs = backoffMs;
    b.throttleMs = throttleMs;
    b.durationMs = durationMs;
    b.latencyMs = latencyMs;
    b.ttftMs = ttftMs;
    b.firstAnswerMs = firstAnswerMs;
    b.tpotMs = tpotMs;
    b.outputTps = outputTps;
    b.chunkGapsMs = chunkGapsMs;
    b.promptTokens = promptTokens;
    b.completionTokens = completionTokens;
    b.reasoningTokens = reasoningTokens;
    b.cachedTokens = cachedTokens;
    b.usageSource = usageSource;
    b.costUsd = costUsd;
    b.usdPerHour = usdPerHour;
    b.responseId = responseId;
    b.response = response;
    b.reasoning = reasoning;
    b.toolCalls = toolCalls;
    b.output = output;
    b.choice = choice;
    b.reasons = reasons;
    b.expected = expected;
    b.correctScore = correctScore;
    b.nonNull = nonNull;
    b.scoreNote = scoreNote;
    b.expectedText = expectedText;
    b.extracted = extracted;
    b.scores = scores;
    b.toolMode = toolMode;
    b.judgeCalls = judgeCalls;
    b.stream = stream;
    b.cacheBust = cacheBust;
    b.loadStep = loadStep;
    b.loadConcurrency = loadConcurrency;
    b.loadRate = loadRate;
    b.loadWarmup = loadWarmup;
    b.startedAt = startedAt;
    b.finishedAt = finishedAt;
    b.attemptLog = attemptLog;
    return b;
  }

  /** Sets fields by name; unset reference fields stay null, numbers 0. Not thread-safe. */
  public static final class Builder {
    private String runId;
    private String cellId;
    private String provider;
    private String model;
    private String size;
    private String caseId;
    private int trial;
    private CellStatus status;
    private Integer httpStatus;
    private String error;
    private int attempts;
    private int reconnects;
    private int rateLimited;
    private long backoffMs;
    private long throttleMs;
    private long durationMs;
    private Long latencyMs;
    private Long ttftMs;
    private Long firstAnswerMs;
    private Double tpotMs;
    private Double outputTps;
    private int[] chunkGapsMs;
    private Long promptTokens;
    private Long completionTokens;
    private Long reasoningTokens;
    private Long cachedTokens;
    private String usageSource;
    private Double costUsd;
    private Double usdPerHour;
    private String responseId;
    private String response;
    private String reasoning;
    private String toolCalls;
    private Double output;
    private String choice;
    private String reasons;
    private double expected;
    private Double correctScore;
    private Double nonNull;
    private String scoreNote;
    private String expectedText;
    private String extracted;
    private List<CellScore> scores = List.of();
    private String toolMode;
    private List<JudgeCall> judgeCalls;
    private boolean stream;
    private boolean cacheBust;
    private Integer loadStep;
    private Integer loadConcurrency;
    private Double loadRate;
    private boolean loadWarmup;
    private Instant startedAt;
    private Instant finishedAt;
    private List<AttemptRecord> attemptLog = List.of();

    private Builder() {}

    public Builder runId(String v) { runId = v; return this; }

    public Builder cellId(String v) { cellId = v; return this; }

    public Builder provider(String v) { provider = v; return this; }

    public Builder model(String v) { model = v; return this; }

    public Builder size(String v) { size = v; return this; }

    public Builder caseId(String v) { caseId = v; return this; }

    public Builder trial(int v) { trial = v; return this; }

    public Builder status(CellStatus v) { status = v; return this; }

    public Builder httpStatus(Integer v) { httpStatus = v; return this; }

    public Builder error(String v) { error = v; return this; }

    public Builder attempts(int v) { attempts = v; return this; }

    public Builder reconnects(int v) { reconnects = v; return this; }

    public Builder rateLimited(int v) { rateLimited = v; return this; }

    public Builder backoffMs(long v) { backoffMs = v; return this; }

    public Builder throttleMs(long v) { throttleMs = v; return this; }

    public Builder durationMs(long v) { durationMs = v; return this; }

    public Builder latencyMs(Long v) { latencyMs = v; return this; }

    public Builder ttftMs(Long v) { ttftMs = v; return this; }

    public Builder firstAnswerMs(Long v) { firstAnswerMs = v; return this; }

    public Builder tpotMs(Double v) { tpotMs = v; return this; }

    public Builder outputTps(Double v) { outputTps = v; return this; }

    public Builder chunkGapsMs(int[] v) { chunkGapsMs = v; return this; }

    public Builder promptTokens(Long v) { promptTokens = v; return this; }

    public Builder completionTokens(Long v) { completionTokens = v; return this; }

    public Builder reasoningTokens(Long v) { reasoningTokens = v; return this; }

    public Builder cachedTokens(Long v) { cachedTokens = v; return this; }

    public Builder usageSource(String v) { usageSource = v; return this; }

    public Builder costUsd(Double v) { costUsd = v; return this; }

    public Builder usdPerHour(Double v) { usdPerHour = v; return this; }

    public Builder responseId(String v) { responseId = v; return this; }

    public Builder response(String v) { response = v; return this; }

    public Builder reasoning(String v) { reasoning = v; return this; }

    public Builder toolCalls(String v) { toolCalls = v; return this; }

    public Builder output(Double v) { output = v; return this; }

    public Builder choice(String v) { choice = v; return this; }

    public Builder reasons(String v) { reasons = v; return this; }

    public Builder expected(double v) { expected = v; return this; }

    public Builder correctScore(Double v) { correctScore = v; return this; }

    public Builder nonNull(Double v) { nonNull = v; return this; }

    public Builder scoreNote(String v) { scoreNote = v; return this; }

    public Builder expectedText(String v) { expectedText = v; return this; }

    public Builder extracted(String v) { extracted = v; return this; }

    public Builder scores(List<CellScore> v) { scores = v; return this; }
    public Builder toolMode(String v) { toolMode = v; return this; }
    public Builder judgeCalls(List<JudgeCall> v) { judgeCalls = v; return this; }

    public Builder stream(boolean v) { stream = v; return this; }

    public Builder cacheBust(boolean v) { cacheBust = v; return this; }
    public Builder loadStep(Integer v) { loadStep = v; return this; }
    public Builder loadConcurrency(Integer v) { loadConcurrency = v; return this; }
    public Builder loadRate(Double v) { loadRate = v; return this; }
    public Builder loadWarmup(boolean v) { loadWarmup = v; return this; }

    public Builder startedAt(Instant v) { startedAt = v; return this; }

    public Builder finishedAt(Instant v) { finishedAt = v; return this; }

    public Builder attemptLog(List<AttemptRecord> v) { attemptLog = v; return this; }

    public CellResult build() {
      return new CellResult(runId, cellId, provider, model, size, caseId, trial, status, httpStatus, error, attempts, reconnects, rateLimited, backoffMs, throttleMs, durationMs, latencyMs, ttftMs, firstAnswerMs, tpotMs, outputTps, chunkGapsMs, promptTokens, completionTokens, reasoningTokens, cachedTokens, usageSource, costUsd, usdPerHour, responseId, response, reasoning, toolCalls, output, choice, reasons, expected, correctScore, nonNull, scoreNote, expectedText, extracted, scores, toolMode, judgeCalls, stream, cacheBust, loadStep, loadConcurrency, loadRate, loadWarmup, startedAt, finishedAt, attemptLog);
    }
  }
}
