package dev.provbench.run;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.provbench.dataset.EvalCase;
import dev.provbench.job.ModelSpec;
import dev.provbench.job.ProviderSpec;
import dev.provbench.job.TaskSpec;
import dev.provbench.provider.AttemptResult;
import dev.provbench.provider.CallOutcome;
import dev.provbench.provider.ChatCompletionClient;
import dev.provbench.provider.ChatRequest;
import dev.provbench.provider.ProviderThrottle;
import dev.provbench.provider.Reply;
import dev.provbench.provider.RetryingCaller;
import dev.provbench.results.AttemptRecord;
import dev.provbench.results.CellResult;
import dev.provbench.results.CellStatus;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Runs one cell end to end: render, call with retries, judge the reply ({@link Verdict}), ask a chat task's LLM
 * judges ({@link JudgeCallers}, after the call has ended, in the cell's window slot), price it. Never throws for a
 * failed call: a failure is a row with its status, and a failed judge call only a null score. One per partition
 * share; thread-safe.
 */
public final class CellRunner {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final RunSpec spec;
  private final ProviderSpec provider;
  private final ModelSpec model;
  private final ChatCompletionClient client;
  private final RetryingCaller caller;
  private final ProviderThrottle throttle;
  private final JudgeCallers judges;

  /** @param apiKey the provider's key, read by the caller from its own environment; may be null. */
  public CellRunner(RunSpec spec, PartitionSpec part, String apiKey) {
    this.spec = spec;
    this.provider = spec.providers().get(part.provider());
    this.model = provider.models().get(part.model());
    this.client = new ChatCompletionClient(provider, model, spec.timeouts(), apiKey);
    this.caller = new RetryingCaller(spec.retry());
    this.throttle = provider.rateLimit().none() ? null : new ProviderThrottle(provider.rateLimit(), part.rateShare());
    this.judges = spec.chat() == null ? null : new JudgeCallers(spec.chat().scorers(), spec.runId(), spec.providers(),
        spec.timeouts(), spec.retry(), judge -> JudgeSlots.shareWindow(judge.concurrency(), part, spec.partitions()));
  }

  public CellResult run(Cell cell, EvalCase evalCase) {
    return run(cell, evalCase, (TracePacer) null);
  }

  /**
   * A cell of a plain run, or a trace replay's row.
   *
   * @param pacer holds a trace replay's row until it is due and a send permit is free, once its request is built (so
   *              building it is never part of the send's lag); null outside a replay.
   */
  CellResult run(Cell cell, EvalCase evalCase, TracePacer pacer) {
    return run(cell, evalCase, () -> CellRequest.of(spec, provider, model, cell.cellId(), evalCase, cell.caseIndex()), pacer);
  }

  /** Runs a cell whose request is made by {@code request} (a conversation's turn), judged against {@code evalCase}. */
  CellResult run(Cell cell, EvalCase evalCase, Supplier<ChatRequest> build) {
    return run(cell, evalCase, build, null);
  }

  private CellResult run(Cell cell, EvalCase evalCase, Supplier<ChatRequest> build, TracePacer pacer) {
    Instant queued = Instant.now();
    Instant due = null;
    CallOutcome call;
    try {
      ChatRequest request = build.get();
      long estimate = ProviderThrottle.estimateTokens(request.system(), request.user());
      if (pacer != null) {
        due = pacer.awaitDue(cell.caseIndex());
        queued = Instant.now();
      }
      RetryingCaller.Pacing pacing = throttle == null ? RetryingCaller.Pacing.NONE : () -> throttle.beforeAttempt(estimate);
      try {
        call = caller.call(pacing, () -> {
          AttemptResult r = client.send(request);
          if (throttle != null) throttle.afterAttempt(r, estimate);
          return r;
        });
      } finally {
        if (due != null) pacer.sent();
      }
    } catch (RuntimeException e) {
      // A bug must not re-run the partition's paid calls: it becomes this cell's error.
      long ms = Duration.between(queued, Instant.now()).toMillis();
      call = new CallOutcome(List.of(AttemptResult.failure(AttemptResult.Outcome.TRANSPORT_ERROR, null, ms, null,
          "internal error: " + e)), List.of(0L), List.of(0L), ms, queued);
    }
    CellResult r = result(cell, evalCase, call, call.firstSent(), Instant.now());
    return spec.trace() == null ? r : replayed(r, cell, due, call.firstSent());
  }

  /** The row with its trace replay's session and turn, due offset and send lag; the lag counted when late. */
  private CellResult replayed(CellResult r, Cell cell, Instant due, Instant firstSent) {
    TraceSchedule t = spec.trace();
    int i = cell.caseIndex();
    Double lag = due == null ? null : TracePacer.lagMs(due, firstSent);
    // ceil, so a lag just above the tolerance counts here as it does in table trace (send_lag_ms > 10).
    if (lag != null && t.late() != null) t.late().add((long) Math.ceil(lag));
    CellResult.Identity id = r.identity();
    String session = t.conversationIds()[i];
    return new CellResult(new CellResult.Identity(id.runId(), id.cellId(), id.provider(), id.model(), id.size(), id.caseId(),
        id.trial(), session, session == null ? null : t.turns()[i]), r.setup(), r.attempts(), r.timing(), r.speed(),
        r.tokens(), r.cost(), r.outcome(), r.answer(), r.reading(), r.scoring(), r.load(), new CellResult.Replay(t.scheduledMs(i), lag));
  }

  /**
   * A conversation's turn that was never sent, because an earlier turn got no answer: a row with status
   * {@code not_sent}, no attempts and no cost, scoring 0.
   */
  CellResult notSent(Cell cell, EvalCase c, String why) {
    Instant now = Instant.now();
    Verdict verdict = Verdict.of(spec, c, CellStatus.NOT_SENT, why, null, null, CellJudges.NOT_JUDGED);
    VerdictColumns.Decided decided = VerdictColumns.of(verdict, new CellResult.Answer(null, null, null, null, null));
    return new CellResult(identity(cell, c), setup(c),
        new CellResult.Attempts(0, 0, 0, 0, 0, null, List.of()), new CellResult.Timing(now, now, 0),
        CellResult.Speed.NONE, CellResult.Tokens.NONE, new CellResult.Cost(null,
            model.costPerHour()), decided.outcome(), decided.answer(), decided.reading(), decided.scoring(), load(cell));
  }

  private CellResult.Identity identity(Cell cell, EvalCase c) {
    return new CellResult.Identity(spec.runId(), cell.cellId(), provider.name(), model.id(), model.size(), c.id(),
        cell.trial(), cell.turn() > 0 ? c.id() : null, cell.turn() > 0 ? cell.turn() : null);
  }

  private CellResult.Setup setup(EvalCase c) {
    return new CellResult.Setup(toolMode(spec), spec.stream(), spec.cacheBust(), c.expected(), expectedText(c),
        spec.temperature(), spec.auditReference());
  }

  private CellResult result(Cell cell, EvalCase c, CallOutcome call, Instant started, Instant finished) {
    AttemptResult last = call.last();
    Reply reply = last.reply();
    String toolCalls = reply == null ? null : Verdict.toolCallsJson(reply.toolCalls());
    // The judges answer after the cell's own call has ended: nothing of theirs is in its timings or cost.
    Verdict verdict = Verdict.of(spec, c, CellStatus.valueOf(last.outcome().name()), last.error(),
        reply == null ? null : reply.content(), toolCalls, judges == null ? CellJudges.NOT_JUDGED : judges);
    VerdictColumns.Decided decided = VerdictColumns.of(verdict, new CellResult.Answer(last.responseId(),
        reply == null ? null : reply.content(), reply == null ? null : reply.reasoning(), toolCalls,
        StoredLogprobs.of(reply)));
    return new CellResult(identity(cell, c), setup(c),
        new CellResult.Attempts(call.attempts(), call.reconnects(), call.rateLimited(), call.backoffMs(),
            call.totalThrottleMs(), last.httpStatus(), log(call)),
        new CellResult.Timing(started, finished, call.durationMs()),
        last.ok() ? CellTiming.speed(last) : CellResult.Speed.NONE,
        last.ok() ? CellTiming.tokens(last) : CellResult.Tokens.NONE,
        new CellResult.Cost(CellCost.priceList(model, call), model.costPerHour()),
        decided.outcome(), decided.answer(), decided.reading(), decided.scoring(),
        load(cell));
  }

  /** The cell's load step: the run's when it climbs a ladder, and whether the cell warms it up. */
  private CellResult.Load load(Cell cell) {
    LoadStep step = spec.load();
    if (step == null) return new CellResult.Load(null, null, null, cell.warmup());
    return new CellResult.Load(step.step(), step.rate() == null ? step.concurrency() : null, step.rate(), cell.warmup());
  }

  /**
   * The task's tool mode: the factuality judge's as the job sets it; a chat task's {@code native} when its request
   * fields offer {@code tools}, else {@code text}.
   */
  static String toolMode(RunSpec spec) {
    if (spec.chat() == null) return spec.toolMode();
    return spec.chat().paramsJson().has("tools") ? TaskSpec.NATIVE_TOOLS : TaskSpec.TEXT_TOOLS;
  }

  /** The expected value as text: a string as it is, anything else as JSON; null when the case has none. */
  static String expectedText(EvalCase c) {
    return expectedText(c.expectedJson());
  }

  /** An expected value's JSON text as text: a string as it is, anything else as JSON; null for null. */
  static String expectedText(String json) {
    if (json == null || !json.startsWith("\"")) return json;
    try {
      return JSON.readTree(json).asText();
    } catch (IOException e) {
      return json;
    }
  }

  private static List<AttemptRecord> log(CallOutcome call) {
    List<AttemptRecord> out = new ArrayList<>();
    for (int i = 0; i < call.attempts(); i++) {
      AttemptResult a = call.history().get(i);
      out.add(new AttemptRecord(i + 1, a.outcome().status(), a.httpStatus(), a.latencyMs(), call.waitsMs().get(i),
          a.error(), a.usage().estimated() ? null : a.usage().promptTokens(),
          a.usage().estimated() ? null : a.usage().completionTokens(), a.responseId()));
    }
    return out;
  }
}
