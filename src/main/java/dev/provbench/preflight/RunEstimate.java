package dev.provbench.preflight;

import dev.provbench.dataset.EvalCase;
import dev.provbench.job.Job;
import dev.provbench.job.ModelSpec;
import dev.provbench.job.ProviderSpec;
import dev.provbench.provider.ChatRequest;
import dev.provbench.provider.ProviderThrottle;
import dev.provbench.run.CellPlanner;
import dev.provbench.run.CellRequest;
import dev.provbench.run.PreparedRun;
import java.util.ArrayList;
import java.util.List;

/**
 * The calls, tokens, cost and time a job will take, computed from its rendered prompts before any call: each case
 * is rendered once per model exactly as the run renders it ({@link CellRequest}), and counted at ≈ 4 characters a
 * token ({@link ProviderThrottle#estimateTokens}). Completion tokens and cost are upper bounds ({@code max_tokens}
 * per answer); wall time is a lower bound from an assumed latency per call. Immutable.
 *
 * @param models         one estimate per provider × model, in job order.
 * @param maxAttempts    the retry policy's attempts per cell: the most calls a cell can take.
 * @param maxTokens      the job's {@code max_tokens}.
 * @param latencySeconds the latency per call assumed for the wall time; default {@value #DEFAULT_LATENCY_MS} ms.
 */
public record RunEstimate(List<ModelEstimate> models, int maxAttempts, int maxTokens, double latencySeconds) {
  /** The latency per call assumed for the lowest wall time, when none is given. */
  public static final long DEFAULT_LATENCY_MS = 2000;

  public RunEstimate {
    models = List.copyOf(models);
  }

  public static RunEstimate of(PreparedRun run, long latencyMs) {
    Job job = run.job();
    double latency = latencyMs / 1000.0;
    List<ModelEstimate> out = new ArrayList<>();
    for (ProviderSpec p : job.providers()) {
      for (ModelSpec m : p.models()) {
        long promptTokens = 0;
        for (EvalCase c : run.cases()) {
          String cellId = CellPlanner.cellId(job.runId(), p.name(), m.id(), c.id(), 1);
          ChatRequest r = CellRequest.of(run.spec(), p, m, cellId, c);
          promptTokens += ProviderThrottle.estimateTokens(r.system(), r.user()) * job.trials();
        }
        long cells = (long) run.cases().size() * job.trials();
        long completion = cells * job.task().maxTokens();
        Double cost = m.price() == null ? null : m.price().cost(promptTokens, completion);
        double wall = Math.ceil((double) cells / m.concurrency()) * latency;
        out.add(new ModelEstimate(p.name(), m.id(), cells, promptTokens, completion, cost, m.costPerHour(),
            m.concurrency(), wall));
      }
    }
    return new RunEstimate(out, job.retry().maxAttempts(), job.task().maxTokens(), latency);
  }

  public long cells() {
    return models.stream().mapToLong(ModelEstimate::cells).sum();
  }

  public long promptTokens() {
    return models.stream().mapToLong(ModelEstimate::promptTokens).sum();
  }

  public long maxCompletionTokens() {
    return models.stream().mapToLong(ModelEstimate::maxCompletionTokens).sum();
  }

  /** Σ of the priced models' upper bounds; 0 when none is priced. */
  public double maxCostUsd() {
    return models.stream().filter(m -> m.maxCostUsd() != null).mapToDouble(ModelEstimate::maxCostUsd).sum();
  }

  /** Models run side by side: the run takes at least its slowest model's time. */
  public double minWallSeconds() {
    return models.stream().mapToDouble(ModelEstimate::minWallSeconds).max().orElse(0);
  }
}
