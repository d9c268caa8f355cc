package dev.provbench.run;

import dev.provbench.job.CommitPolicy;
import dev.provbench.job.Job;
import dev.provbench.job.ProviderSpec;
import dev.provbench.job.RetryPolicy;
import dev.provbench.job.TaskSpec;
import dev.provbench.job.Timeouts;
import dev.provbench.results.ResultsFolder;
import dev.provbench.task.ChatTask;
import dev.provbench.task.JudgeTemplate;
import java.io.Serializable;
import java.util.List;

/**
 * Everything an executor needs to run cells, shipped in the task closure: text and numbers only
 * (no paths, no clients, no keys; each executor reads a key from its own environment).
 *
 * @param runId       the run's id.
 * @param providers   the providers and models, in job order.
 * @param template    the judge template's text and choice scores; null for a chat task.
 * @param temperature sampling temperature.
 * @param maxTokens   max_tokens.
 * @param stream      whether to stream.
 * @param cacheBust   whether a per-cell nonce opens the system message.
 * @param scorers     scorer names.
 * @param trials      trials per case.
 * @param timeouts    HTTP timeouts.
 * @param retry       retry policy.
 * @param partitions  the partition plan.
 * @param resultsDir  the run's results folder ({@code output/run_id=<id>}) as a Hadoop path.
 * @param commit      how often partitions commit their rows.
 * @param maxCost     the run's spending cap in US dollars (the job's {@code max_cost} or {@code --max-cost}), or null.
 * @param toolMode    the factuality judge's tool format, {@code text} or {@code native}.
 * @param chat        the chat task, or null for the factuality judge (then {@code template} is set).
 * @param load        the load step this pass runs, or null for a plain run.
 * @param auditReference the audit's reference deployment ({@code PROVIDER/MODEL}), stamped on every cell of an audit;
 *                    null for a run without one.
 * @param trace       a trace replay's schedule (case {@code i} is the trace's row {@code i}), or null for a run of the
 *                    dataset's cases.
 */
public record RunSpec(
    String runId,
    List<ProviderSpec> providers,
    JudgeTemplate template,
    double temperature,
    int maxTokens,
    boolean stream,
    boolean cacheBust,
    List<String> scorers,
    int trials,
    Timeouts timeouts,
    RetryPolicy retry,
    List<PartitionSpec> partitions,
    String resultsDir,
    CommitPolicy commit,
    Double maxCost,
    String toolMode,
    ChatTask chat,
    LoadStep load,
    String auditReference,
    TraceSchedule trace) implements Serializable {

  public RunSpec {
    providers = List.copyOf(providers);
    scorers = List.copyOf(scorers);
    partitions = List.copyOf(partitions);
  }

  static RunSpec of(Job job, JudgeTemplate template, List<PartitionSpec> partitions, TraceSchedule trace) {
    return new RunSpec(job.runId(), job.providers(), template, job.task().temperature(), job.task().maxTokens(),
        job.task().stream(), job.task().cacheBust(), job.scorers(), job.trials(), job.timeouts(), job.retry(), partitions,
        ResultsFolder.runDir(job.output(), job.runId()).toUri().toString(), job.commit(), job.maxCost(),
        job.task().toolMode(), job.task().chat(), null, job.audit() == null ? null : job.audit().reference(),
        trace);
  }

  /** The same pass running one load step. */
  RunSpec withLoad(LoadStep step) {
    return new RunSpec(runId, providers, template, temperature, maxTokens, stream, cacheBust, scorers, trials, timeouts,
        retry, partitions, resultsDir, commit, maxCost, toolMode, chat, step, auditReference, trace);
  }

  /** The same pass replaying a trace by {@code schedule}. */
  RunSpec withTrace(TraceSchedule schedule) {
    return new RunSpec(runId, providers, template, temperature, maxTokens, stream, cacheBust, scorers, trials, timeouts,
        retry, partitions, resultsDir, commit, maxCost, toolMode, chat, load, auditReference, schedule);
  }

  /** The factuality judge asks through native {@code tools}. */
  public boolean nativeTools() {
    return TaskSpec.NATIVE_TOOLS.equals(toolMode);
  }
}
