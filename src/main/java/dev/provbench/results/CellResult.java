package dev.provbench.results;

import dev.provbench.provider.AttemptRecord;
import java.time.Instant;
import java.util.List;

/**
 * One row of the results: what one cell did and scored. Columns and units are documented in
 * {@link ResultSchema} and the README.
 */
public record CellResult(
    String runId,
    String cellId,
    String provider,
    String model,
    String size,
    String caseId,
    int trial,
    String status,
    Integer httpStatus,
    String error,
    int attempts,
    int rateLimited,
    long backoffMs,
    long throttleMs,
    long durationMs,
    Long latencyMs,
    Long ttftMs,
    Long promptTokens,
    Long completionTokens,
    Double outputTps,
    Double costUsd,
    String response,
    Double output,
    String choice,
    String reasons,
    double expected,
    Double correctScore,
    Double nonNull,
    String scoreNote,
    boolean stream,
    Instant startedAt,
    Instant finishedAt,
    List<AttemptRecord> attemptLog) {}
