package dev.provbench.run;

import dev.provbench.dataset.EvalCase;
import dev.provbench.job.ModelSpec;
import dev.provbench.job.ProviderSpec;
import dev.provbench.provider.ChatRequest;
import dev.provbench.task.FactualityTask;
import dev.provbench.task.Prompt;

/**
 * The request a cell sends: its case rendered with the job's template, the cache-bust nonce when asked for, and
 * the job's request parameters. The one home of that rule, used by the run, its estimate and the preflight check,
 * so what is estimated and checked is what is sent. Stateless.
 */
public final class CellRequest {
  private CellRequest() {}

  public static ChatRequest of(RunSpec spec, ProviderSpec provider, ModelSpec model, String cellId, EvalCase evalCase) {
    Prompt prompt = FactualityTask.prompt(spec.template(), evalCase.vars());
    String system = spec.cacheBust() ? CacheBust.nonce(spec.runId(), cellId) + prompt.system() : prompt.system();
    return new ChatRequest(model.id(), system, prompt.user(), spec.temperature(), spec.maxTokens(), spec.stream(),
        provider.streamOptions());
  }
}
