package dev.provbench.run;

import dev.provbench.dataset.DatasetReader;
import dev.provbench.dataset.EvalCase;
import dev.provbench.job.Job;
import dev.provbench.job.JobReader;
import dev.provbench.results.ResultsFolder;
import dev.provbench.task.Conversation;
import dev.provbench.task.FactualityTask;
import dev.provbench.task.JudgeTemplate;
import java.util.List;
import java.util.Map;

/**
 * A job checked against its dataset, template, environment and output folder, ready to run: every
 * check that can fail on bad input happens here, before Spark starts and before any request.
 *
 * @param job    the job.
 * @param cases  the dataset's cases, in file order.
 * @param spec   what the executors get.
 * @param resume how to resume an existing run, or null for a new run.
 */
public record PreparedRun(Job job, List<EvalCase> cases, RunSpec spec, Resume resume) {

  /**
   * Resuming a run: cells already committed are skipped.
   *
   * @param retryFailed run failed cells again too; their old rows move to {@code output/_superseded/}.
   */
  public record Resume(boolean retryFailed) {}

  public static PreparedRun prepare(Job job, Map<String, String> env) {
    return prepare(job, env, null);
  }

  public static PreparedRun prepare(Job job, Map<String, String> env, Resume resume) {
    TraceCases trace = job.trace() == null ? null : TraceCases.read(job);
    List<EvalCase> cases = trace != null ? trace.cases()
        : job.task().isChat() ? DatasetReader.readAny(job.dataset()) : DatasetReader.read(job.dataset());
    JudgeTemplate template = job.task().isChat() ? null : JudgeTemplate.load(job.task().template());
    for (int i = 0; i < cases.size() && template != null; i++) {
      FactualityTask.checkVariables(template, job.task().template().toString(), cases.get(i).vars(),
          job.dataset() + ": case " + (i + 1) + " (id " + cases.get(i).id() + ")");
    }
    if (job.task().isChat()) ChatTaskCheck.check(job, job.task().chat(), cases);
    JobReader.checkKeys(job, env);
    if (resume == null) ResultsFolder.check(job.output(), job.runId());
    else ResultsFolder.checkResumable(job.output(), job.runId());
    return new PreparedRun(job, cases, RunSpec.of(job, template, CellPlanner.partitions(job),
        trace == null ? null : trace.schedule()), resume);
  }

  public long totalCells() {
    if (spec.load() != null) return (long) spec.load().cells() * job.modelCount();
    return cellsPerTrial() * job.trials() * job.modelCount();
  }

  /** What one trial of a model runs: {@code 60 cases}, or {@code 40 conversations (201 turns)}. */
  public String describeCases() {
    if (spec.chat() == null || !spec.chat().isConversation()) return cases.size() + " cases";
    return cases.size() + " conversations (" + cellsPerTrial() + " turns)";
  }

  /** The cells of one trial of one model: a case each, or a conversation's turns each. */
  private long cellsPerTrial() {
    if (spec.chat() == null || !spec.chat().isConversation()) return cases.size();
    return cases.stream().mapToLong(c -> Conversation.count(c.input())).sum();
  }
}
