package dev.provbench.job;

import dev.provbench.input.StoragePath;
import java.util.List;

/**
 * One benchmark, as read from a job file and validated. Immutable; lives on the driver (paths are
 * resolved against the job file's folder). The defaults of its fields are the constants below, the one
 * place they are written; the reader uses them and a test keeps the job-file example of docs/JOBS.md in step.
 *
 * @param file              the job file it was read from: a local path or a Hadoop URI ({@code hdfs://…}).
 * @param name              a short name; default the file name without extension.
 * @param runId             names this run's results ({@code run_id=...} under {@code output}); default
 *                          {@code name-yyyyMMdd-HHmmss}, overridable on the command line.
 * @param dataset           the cases: JSON array, JSONL, CSV or Parquet; local or a Hadoop URI.
 * @param output            the results folder, local or a Hadoop URI; default {@value #DEFAULT_OUTPUT} beside the job file.
 * @param task              the task: the factuality judge (template, tool mode) or a chat task of the user's own
 *                          (messages, request fields, extractor, scorers with their options); temperature, max_tokens,
 *                          streaming, cache busting.
 * @param scorers           scorer names: the judge's among {@link #SCORERS}, default all of them; a chat task's as it
 *                          names them (its {@code ChatTask} holds them with their options), default ExactMatch, NonNull.
 * @param trials            how many times each case is run per model; default {@value #DEFAULT_TRIALS}.
 * @param partitionsPerModel Spark partitions per model; its {@code concurrency} is split between
 *                          them, so the bound holds across executors; default {@value #DEFAULT_PARTITIONS_PER_MODEL}.
 * @param timeouts          HTTP timeouts of one attempt; default {@link Timeouts#DEFAULTS}.
 * @param retry             the retry policy; default {@link RetryPolicy#DEFAULTS}.
 * @param commit            how often results are made durable while the run goes; default {@link CommitPolicy#DEFAULTS}.
 * @param providers         the providers and their models.
 * @param maxCost           US dollars the run may spend by the models' price lists, or null for no cap (the
 *                          default). {@code run} asks for {@code --yes} when the estimate's upper bound is above it,
 *                          and stops taking new cells once the spend of finished cells reaches it (cells in flight
 *                          finish and are kept); {@code --max-cost} on the command line overrides it.
 * @param taskSlots         how many Spark tasks the models' shares are packed into, each task driving the windows
 *                          of several models at once; default {@value #DEFAULT_TASK_SLOTS}: as many as the task
 *                          slots Spark has (local threads, or the cores of the executors granted). More shares than
 *                          slots never wait for a wave; each model's windows still add up to its concurrency.
 * @param load              the load ladder ({@code load} section), or null (the default) for a plain run.
 * @param adaptive          the adaptive plan ({@code adaptive} section or {@code run --adaptive}): rounds that stop
 *                          calling a model once its decisions are settled; null (the default) runs the whole matrix.
 * @param audit             the fidelity audit ({@code audit} section): every case asked {@code samples} times at a
 *                          temperature above 0, each deployment's completions later tested against the reference's;
 *                          null (the default) for no audit.
 * @param trace             the trace replay ({@code trace} section): the trace's rows sent to every deployment at their
 *                          timestamps; null (the default) for a run of the dataset's cases. With a trace, {@code trials}
 *                          is 1 and {@code dataset} is needed only for {@code prompts: cases} (null otherwise).
 */
public record Job(
    StoragePath file,
    String name,
    String runId,
    StoragePath dataset,
    StoragePath output,
    TaskSpec task,
    List<String> scorers,
    int trials,
    int partitionsPerModel,
    Timeouts timeouts,
    RetryPolicy retry,
    CommitPolicy commit,
    List<ProviderSpec> providers,
    Double maxCost,
    int taskSlots,
    LoadPlan load,
    AdaptivePlan adaptive,
    AuditPlan audit,
    TracePlan trace) {

  /** The scorers the factuality judge may name, and its default list; a chat task takes any of ScorerCatalog's. */
  public static final List<String> SCORERS = List.of("CorrectScore", "NonNull");
  public static final String DEFAULT_OUTPUT = "results";
  public static final int DEFAULT_TRIALS = 3;
  public static final int DEFAULT_PARTITIONS_PER_MODEL = 1;
  public static final int DEFAULT_TASK_SLOTS = 0;

  public Job {
    scorers = List.copyOf(scorers);
    providers = List.copyOf(providers);
  }

  public Job withRunId(String id) {
    return new Job(file, name, id, dataset, output, task, scorers, trials, partitionsPerModel, timeouts,
        retry, commit, providers, maxCost, taskSlots, load, adaptive, audit, trace);
  }

  public Job withOutput(StoragePath dir) {
    return new Job(file, name, runId, dataset, dir, task, scorers, trials, partitionsPerModel, timeouts,
        retry, commit, providers, maxCost, taskSlots, load, adaptive, audit, trace);
  }

  public Job withProviders(List<ProviderSpec> list) {
    return new Job(file, name, runId, dataset, output, task, scorers, trials, partitionsPerModel, timeouts,
        retry, commit, list, maxCost, taskSlots, load, adaptive, audit, trace);
  }

  /** The same job with another spending cap (null: none). */
  public Job withMaxCost(Double usd) {
    return new Job(file, name, runId, dataset, output, task, scorers, trials, partitionsPerModel, timeouts,
        retry, commit, providers, usd, taskSlots, load, adaptive, audit, trace);
  }

  /** The same job packed into another number of Spark tasks (0: the task slots Spark has). */
  public Job withTaskSlots(int slots) {
    return new Job(file, name, runId, dataset, output, task, scorers, trials, partitionsPerModel, timeouts,
        retry, commit, providers, maxCost, slots, load, adaptive, audit, trace);
  }

  /** The same job with another load plan (null: a plain run). */
  public Job withLoad(LoadPlan plan) {
    return new Job(file, name, runId, dataset, output, task, scorers, trials, partitionsPerModel, timeouts,
        retry, commit, providers, maxCost, taskSlots, plan, adaptive, audit, trace);
  }

  /** The same job run in rounds by another adaptive plan (null: the whole matrix). */
  public Job withAdaptive(AdaptivePlan plan) {
    return new Job(file, name, runId, dataset, output, task, scorers, trials, partitionsPerModel, timeouts,
        retry, commit, providers, maxCost, taskSlots, load, plan, audit, trace);
  }

  /** Total models over all providers. */
  public int modelCount() {
    return providers.stream().mapToInt(p -> p.models().size()).sum();
  }
}
