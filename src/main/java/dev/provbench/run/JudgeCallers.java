package dev.provbench.run;

import dev.provbench.job.ProviderSpec;
import dev.provbench.job.RetryPolicy;
import dev.provbench.job.Timeouts;
import dev.provbench.score.Answer;
import dev.provbench.score.LlmJudge;
import dev.provbench.score.ScorerCatalog;
import dev.provbench.score.ScorerSpec;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.function.ToIntFunction;

/**
 * The live {@link CellJudges} of one share of a run (or one partition of a rescore): a {@link JudgeCaller} per
 * LLM-judge scorer of the task, each key read from this executor's own environment. Thread-safe.
 */
final class JudgeCallers implements CellJudges {
  private final Map<String, JudgeCaller> callers = new LinkedHashMap<>();

  /**
   * @param runId       the run the calls belong to (its judges' per-JVM gates are its own).
   * @param shareWindow this share's part of a judge's concurrency ({@link JudgeSlots#shareWindow}).
   */
  JudgeCallers(List<ScorerSpec> scorers, String runId, List<ProviderSpec> providers, Timeouts timeouts, RetryPolicy retry,
      ToIntFunction<LlmJudge> shareWindow) {
    for (ScorerSpec spec : scorers) {
      if (!ScorerCatalog.callsModel(spec)) continue;
      LlmJudge judge = ScorerCatalog.cachedJudge(spec);
      String keyEnv = JudgeCaller.endpoint(judge, providers).apiKeyEnv();
      String key = keyEnv == null ? null : System.getenv(keyEnv);
      String problem = keyEnv != null && (key == null || key.isBlank())
          ? "environment variable " + keyEnv + " (API key of judge " + spec.name() + ") is not set on this executor:"
              + " pass it with --conf spark.executorEnv." + keyEnv + "=..."
          : null;
      callers.put(spec.name(), new JudgeCaller(spec.name(), judge, providers, timeouts, retry,
          new Semaphore(shareWindow.applyAsInt(judge), true),
          JudgeSlots.perJvm(runId, spec.name(), judge.concurrency()), problem == null ? key : null, problem));
    }
  }

  /** Whether the task has any LLM-judge scorer. */
  boolean any() {
    return !callers.isEmpty();
  }

  @Override
  public Judged judge(ScorerSpec spec, Answer answer) {
    return callers.get(spec.name()).judge(answer);
  }
}
