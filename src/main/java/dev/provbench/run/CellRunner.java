package dev.provbench.run;

import dev.provbench.results.CellResult;

import dev.provbench.dataset.EvalCase;
import dev.provbench.job.ModelSpec;
import dev.provbench.job.ProviderSpec;
import dev.provbench.provider.AttemptRecord;
import dev.provbench.provider.AttemptResult;
import dev.provbench.provider.CallOutcome;
import dev.provbench.provider.ChatCompletionClient;
import dev.provbench.provider.ChatRequest;
import dev.provbench.provider.ProviderThrottle;
import dev.provbench.provider.RetryingCaller;
import dev.provbench.score.Scores;
import dev.provbench.task.FactualityTask;
import dev.provbench.task.ParsedChoice;
import dev.provbench.task.Prompt;
import java.time.Instant;
import java.util.List;

/**
 * Runs one cell end to end: render, call with retries, parse, score. Never throws for a failed call:
 * a failure is a row with its status. One per partition; thread-safe.
 */
public final class CellRunner {
  private final RunSpec spec;
  private final ProviderSpec provider;
  private final ModelSpec model;
  private final ChatCompletionClient client;
  private final RetryingCaller caller;
  private final ProviderThrottle throttle;

  /** @param apiKey the provider's key, read by the caller from its own environment; may be null. */
  public CellRunner(RunSpec spec, PartitionSpec part, String apiKey) {
    this.spec = spec;
    this.provider = spec.providers().get(part.provider());
    this.model = provider.models().get(part.model());
    this.client = new ChatCompletionClient(provider, model, spec.timeouts(), apiKey);
    this.caller = new RetryingCaller(spec.retry());
    this.throttle = provider.rateLimit().none() ? null : new ProviderThrottle(provider.rateLimit(), part.rateShare());
  }

  public CellResult run(Cell cell, EvalCase evalCase) {
    Instant started = Instant.now();
    CallOutcome call;
    long[] throttled = {0};
    try {
      Prompt prompt = FactualityTask.prompt(spec.template(), evalCase.vars());
      ChatRequest request = new ChatRequest(model.id(), prompt.system(), prompt.user(), spec.temperature(),
          spec.maxTokens(), spec.stream());
      long estimate = ProviderThrottle.estimateTokens(prompt.system(), prompt.user());
      call = caller.call(() -> attempt(request, estimate, throttled));
    } catch (RuntimeException e) {
      // A bug must not re-run the partition's paid calls: it becomes this cell's error.
      long ms = java.time.Duration.between(started, Instant.now()).toMillis();
      AttemptRecord only = new AttemptRecord(1, "transport_error", null, ms, 0, "internal error: " + e);
      call = new CallOutcome(new AttemptResult(AttemptResult.Outcome.TRANSPORT_ERROR, null, null, null, null, ms, null,
          null, "internal error: " + e), 1, 0, 0, ms, List.of(only));
    }
    return result(cell, evalCase, call, throttled[0], started, Instant.now());
  }

  /** One attempt, after the provider's rate limits allow it; {@code throttled[0]} adds up the waits. */
  private AttemptResult attempt(ChatRequest request, long estimatedTokens, long[] throttled) {
    if (throttle != null) {
      try {
        throttled[0] += throttle.beforeAttempt(estimatedTokens);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return new AttemptResult(AttemptResult.Outcome.TRANSPORT_ERROR, null, null, null, null, 0, null, null,
            "interrupted while waiting for the provider's rate limit");
      }
    }
    AttemptResult r = client.send(request);
    if (throttle != null) throttle.afterAttempt(r, estimatedTokens);
    return r;
  }

  private CellResult result(Cell cell, EvalCase c, CallOutcome call, long throttleMs, Instant started, Instant finished) {
    AttemptResult last = call.last();
    ParsedChoice parsed = last.ok() ? FactualityTask.answer(spec.template(), last.content()) : null;
    Double output = parsed == null ? null : parsed.score();
    String status = !last.ok() ? last.outcome().status() : output == null ? "parse_error" : "ok";
    String error = !last.ok() ? last.error() : parsed.error();
    Scores scores = Scores.of(spec.scorers(), output, c.expected());
    long held = call.history().stream().mapToLong(AttemptRecord::latencyMs).sum();
    Double cost = cost(last, held);
    return new CellResult(spec.runId(), cell.cellId(), provider.name(), model.id(), model.size(), c.id(), cell.trial(),
        status, last.httpStatus(), error, call.attempts(), call.rateLimited(), call.backoffMs(), throttleMs,
        call.durationMs(),
        last.ok() ? last.latencyMs() : null, last.ttftMs(), last.promptTokens(), last.completionTokens(),
        outputTps(last), cost, last.content(), output, parsed == null ? null : parsed.choice(),
        parsed == null ? null : parsed.reasons(), c.expected(), scores.correct(), scores.nonNull(), scores.note(),
        spec.stream(), started, finished, call.history());
  }

  private Double cost(AttemptResult last, long heldMs) {
    if (model.costPerHour() != null) return model.cost(0, 0, heldMs);
    if (model.price() == null || last.promptTokens() == null || last.completionTokens() == null) return null;
    return model.cost(last.promptTokens(), last.completionTokens(), heldMs);
  }

  /** Completion tokens per second after the first token: generation speed, time to first token excluded. */
  static Double outputTps(AttemptResult last) {
    if (!last.ok() || last.ttftMs() == null || last.completionTokens() == null) return null;
    long generating = last.latencyMs() - last.ttftMs();
    return generating <= 0 ? null : last.completionTokens() * 1000.0 / generating;
  }
}
