package dev.provbench.preflight;

import dev.provbench.dataset.EvalCase;
import dev.provbench.input.StoragePath;
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
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The calls, tokens, cost and time a job will take, computed from its rendered prompts before any call: each case
 * is rendered once per model exactly as the run renders it ({@link CellRequest}). Prompt tokens are its characters ×
 * the tokens per character the check measured for that model ({@link CheckMeasurement}), else ≈ 4 characters a
 * token ({@link ProviderThrottle#estimateTokens}). Completion tokens and cost come twice: typical (the check's mean
 * answer) and an upper bound ({@code max_tokens} per answer). Wall time is a lower bound from the check's latency,
 * else an assumed one. Immutable.
 *
 * @param models         one estimate per provider × model, in job order.
 * @param maxAttempts    the retry policy's attempts per cell: the most calls a cell can take.
 * @param maxTokens      the job's {@code max_tokens}.
 * @param latencySeconds the latency per call assumed for models without a check; default {@value #DEFAULT_LATENCY_MS} ms.
 * @param checkFile      where the check's measurements are looked for ({@link CheckFile#of}), or null when not looked.
 */
public record RunEstimate(List<ModelEstimate> models, int maxAttempts, int maxTokens, double latencySeconds,
    String checkFile) {
  /** The latency per call assumed for the lowest wall time, when none is given. */
  public static final long DEFAULT_LATENCY_MS = 2000;

  public RunEstimate {
    models = List.copyOf(models);
  }

  /** The estimate without a check: prompt tokens at about 4 characters a token, no typical figures. */
  public static RunEstimate of(PreparedRun run, long latencyMs) {
    return of(run, latencyMs, List.of(), null, Set.of());
  }

  /**
   * The estimate from what the job's last check saved ({@link CheckFile#of}), if anything.
   *
   * @param done cell ids already done ({@code --resume}): left out of the estimate.
   */
  public static RunEstimate fromCheck(PreparedRun run, long latencyMs, Set<String> done) {
    if (run.job().file() == null) return of(run, latencyMs, List.of(), null, done);
    StoragePath file = CheckFile.of(run.job());
    return of(run, latencyMs, CheckFile.read(file), file.toString(), done);
  }

  /**
   * @param checked   what the check measured ({@link CheckFile#read}); a model without a matching entry (provider,
   *                  model id and base URL) is estimated as without a check.
   * @param checkFile where those came from, named in the text.
   * @param done      cell ids already done ({@code --resume}): left out of the estimate.
   */
  public static RunEstimate of(PreparedRun run, long latencyMs, List<CheckMeasurement> checked, String checkFile,
      Set<String> done) {
    Job job = run.job();
    double assumed = latencyMs / 1000.0;
    int maxTokens = job.task().maxTokens();
    boolean conversations = job.task().isChat() && job.task().chat().isConversation();
    List<ModelEstimate> out = new ArrayList<>();
    for (ProviderSpec p : job.providers()) {
      for (ModelSpec m : p.models()) {
        Optional<CheckMeasurement> check = CheckFile.find(checked, p, m);
        long chars = 0;
        long heuristic = 0;
        long cells = 0;
        long completion = 0;
        for (int i = 0; i < run.cases().size(); i++) {
          EvalCase c = run.cases().get(i);
          String cellId = CellPlanner.cellId(job.runId(), p.name(), m.id(), c.id(), 1);
          List<ChatRequest> requests = conversations ? CellRequest.turns(run.spec(), p, m, cellId, c)
              : List.of(CellRequest.of(run.spec(), p, m, cellId, c, i));
          long left = trialsLeft(job, p, m, c, done, conversations);
          for (ChatRequest r : requests) {
            chars += ((r.system() == null ? 0 : r.system().length()) + r.user().length()) * left;
            heuristic += ProviderThrottle.estimateTokens(r.system(), r.user()) * left;
            completion += (long) r.maxTokens() * left; // a trace replay's row asks for its own output length
            cells += left;
          }
        }
        long planned = cells;
        long prompt = check.isPresent() ? Math.round(chars * check.get().tokensPerChar()) : heuristic;
        Long typical = check.map(k -> Math.round(planned * Math.min(maxTokens, k.completionTokensPerCall()))).orElse(null);
        Double cost = m.price() == null ? null : m.price().cost(prompt, completion);
        Double typicalCost = m.price() == null || typical == null ? null : m.price().cost(prompt, typical);
        double latency = check.map(k -> k.latencyMs() / 1000.0).orElse(assumed);
        double wall = Math.ceil((double) cells / m.concurrency()) * latency;
        out.add(new ModelEstimate(p.name(), m.id(), cells, prompt, completion, cost, m.costPerHour(), m.concurrency(),
            wall, typical, typicalCost, latency, check.orElse(null)));
      }
    }
    return new RunEstimate(out, job.retry().maxAttempts(), maxTokens, assumed, checkFile);
  }

  /** Trials of the case not yet done; a conversation's trial is done when its first turn is (turns commit together). */
  private static long trialsLeft(Job job, ProviderSpec p, ModelSpec m, EvalCase c, Set<String> done, boolean conversation) {
    if (done.isEmpty()) return job.trials();
    long left = 0;
    for (int t = 1; t <= job.trials(); t++) {
      String id = conversation ? CellPlanner.cellId(job.runId(), p.name(), m.id(), c.id(), t, 1)
          : CellPlanner.cellId(job.runId(), p.name(), m.id(), c.id(), t);
      if (!done.contains(id)) left++;
    }
    return left;
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

  /** Σ of the checked models' typical completion tokens; null when no model was checked. */
  public Long typicalCompletionTokens() {
    List<Long> typical = models.stream().map(ModelEstimate::typicalCompletionTokens).filter(Objects::nonNull).toList();
    return typical.isEmpty() ? null : typical.stream().mapToLong(Long::longValue).sum();
  }

  /** Σ of the priced models' upper bounds; 0 when none is priced. */
  public double maxCostUsd() {
    return models.stream().filter(m -> m.maxCostUsd() != null).mapToDouble(ModelEstimate::maxCostUsd).sum();
  }

  /** Σ of the priced, checked models' typical cost; null when none is both. */
  public Double typicalCostUsd() {
    List<Double> typical = models.stream().map(ModelEstimate::typicalCostUsd).filter(Objects::nonNull).toList();
    return typical.isEmpty() ? null : typical.stream().mapToDouble(Double::doubleValue).sum();
  }

  /** Whether every model was estimated from a check. */
  public boolean allChecked() {
    return models.stream().allMatch(m -> m.checked() != null);
  }

  /** Models run side by side: the run takes at least its slowest model's time. */
  public double minWallSeconds() {
    return models.stream().mapToDouble(ModelEstimate::minWallSeconds).max().orElse(0);
  }
}
