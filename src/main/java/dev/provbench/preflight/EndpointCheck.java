package dev.provbench.preflight;

import dev.provbench.dataset.EvalCase;
import dev.provbench.job.Job;
import dev.provbench.job.ModelSpec;
import dev.provbench.job.ProviderSpec;
import dev.provbench.provider.AttemptResult;
import dev.provbench.provider.ChatCompletionClient;
import dev.provbench.provider.ChatRequest;
import dev.provbench.results.CellStatus;
import dev.provbench.run.CellPlanner;
import dev.provbench.run.CellRequest;
import dev.provbench.run.PreparedRun;
import dev.provbench.run.Verdict;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import okhttp3.Headers;

/**
 * The preflight check: one real request per provider × model, the job's first case rendered as the run renders it
 * ({@link CellRequest}) with the job's parameters, sent once (no retry) and judged by the run's {@link Verdict}.
 * A model not found also costs a {@code GET /models}, which no provider bills. On the driver, one model at a time,
 * so each latency is that of a lone request.
 */
public final class EndpointCheck {
  private EndpointCheck() {}

  /** The chat requests {@link #all} sends: one per model. */
  public static int requests(Job job) {
    return job.modelCount();
  }

  /** @param env where API keys are read; {@link PreparedRun#prepare} has checked them. */
  public static List<ModelCheck> all(PreparedRun run, Map<String, String> env) {
    List<ModelCheck> out = new ArrayList<>();
    for (ProviderSpec p : run.job().providers()) {
      String key = p.apiKeyEnv() == null ? null : env.get(p.apiKeyEnv());
      for (ModelSpec m : p.models()) out.add(one(run, p, m, key));
    }
    return out;
  }

  static ModelCheck one(PreparedRun run, ProviderSpec p, ModelSpec m, String apiKey) {
    Job job = run.job();
    EvalCase first = run.cases().get(0);
    ChatRequest request = CellRequest.of(run.spec(), p, m,
        CellPlanner.cellId(job.runId(), p.name(), m.id(), first.id(), 1), first);
    AtomicReference<Headers> headers = new AtomicReference<>();
    AttemptResult r = new ChatCompletionClient(p, m, job.timeouts(), apiKey).send(request, headers::set);
    Verdict verdict = !r.ok() ? null : Verdict.of(run.spec(), first, CellStatus.OK,
        null, r.reply().content(), Verdict.toolCallsJson(r.reply().toolCalls()));
    String baseUrl = m.baseUrl() != null ? m.baseUrl() : p.baseUrl();
    return CheckDiagnosis.of(p, m, job.task().stream(), r, headers.get(), verdict, baseUrl,
        () -> ModelList.fetch(baseUrl, p, apiKey, job.timeouts()));
  }
}
