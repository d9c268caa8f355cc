package dev.provbench.cli;

import dev.provbench.analysis.RunSummary;
import dev.provbench.input.BadInputException;
import dev.provbench.job.Job;
import dev.provbench.preflight.EstimateText;
import dev.provbench.preflight.RunEstimate;
import dev.provbench.preflight.SpendGate;
import dev.provbench.results.CommittedCells;
import dev.provbench.results.ResultsFolder;
import dev.provbench.results.RunSeries;
import dev.provbench.run.JobRunner;
import dev.provbench.run.PreparedRun;
import java.io.PrintStream;
import java.util.Set;
import java.util.concurrent.Callable;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code provbench run JOB}: query every provider × model × case × trial and write one Parquet row per cell. */
@Command(name = "run", mixinStandardHelpOptions = true,
    description = "Run a job file: call every provider x model x case x trial, write Parquet, print the summary.")
final class RunCommand implements Callable<Integer> {
  @Mixin
  JobArgument jobFile;

  @Option(names = "--run-id", paramLabel = "ID",
      description = "names this new run (default: the job's run_id, else name-timestamp)")
  String runId;

  @Mixin
  OutputFolder out;

  @Option(names = "--resume", paramLabel = "RUN_ID",
      description = "finish an earlier run of this job: only cells without a row are called")
  String resume;

  @Option(names = "--retry-failed", description = "with --resume: run failed cells again too")
  boolean retryFailed;

  @Option(names = "--progress-seconds", defaultValue = "5", description = "seconds between progress lines; 0 for none")
  long progressSeconds;

  @Option(names = "--max-cost", paramLabel = "USD",
      description = "spending cap in US dollars (overrides the job's max_cost): asks for --yes when the estimate's"
          + " upper bound is above it, and stops taking new cells once the spend reaches it")
  Double maxCost;

  @Option(names = "--yes", description = "run even when the estimate's upper bound is above the spending cap")
  boolean yes;

  @Option(names = "--assumed-latency-ms", defaultValue = "" + RunEstimate.DEFAULT_LATENCY_MS,
      description = "latency per call the estimate's lowest wall time assumes (default: ${DEFAULT-VALUE})")
  long assumedLatencyMs;

  @Option(names = "--task-slots", paramLabel = "N",
      description = "Spark tasks the models are packed into (overrides the job's task_slots; 0: the task slots Spark has)")
  Integer taskSlots;

  @Option(names = "--adaptive", description = "run in rounds and stop calling a model once the decisions it takes part in"
      + " are settled (the job's `adaptive` section, or most_accurate per size at 95%% when it has none)")
  boolean adaptive;

  @Option(names = "--series", paramLabel = "NAME",
      description = "mark this run as one of a series of repeated runs, for `provbench trend RESULTS --series NAME`")
  String series;

  @Override
  public Integer call() {
    if (resume != null && runId != null) {
      throw new BadInputException("--resume", "names the run already; --run-id cannot be given too", "drop --run-id");
    }
    if (retryFailed && resume == null) {
      throw new BadInputException("--retry-failed", "only applies to --resume", "add --resume RUN_ID");
    }
    if (series != null) RunSeries.checkName("--series", series);
    Job job = JobOptions.taskSlots(JobOptions.apply(jobFile.read(), resume != null ? resume : runId, out.dir, maxCost),
        taskSlots);
    if (adaptive) job = JobOptions.adaptive(job);
    PreparedRun run = PreparedRun.prepare(job, System.getenv(), resume == null ? null : new PreparedRun.Resume(retryFailed));
    RunEstimate estimate = RunEstimate.fromCheck(run, assumedLatencyMs, resume == null ? Set.of()
        : CommittedCells.ofPartition(new Path(ResultsFolder.runDir(job.output(), job.runId()).toUri()),
            "", new Configuration()));
    System.out.print(EstimateText.render(estimate));
    SpendGate.confirm(estimate, job.maxCost(), yes, System.console(), System.out);
    if (series != null) RunSeries.mark(job.output(), job.runId(), series);
    return execute(run, System.out, progressSeconds) ? 0 : Main.EXIT_INCOMPLETE;
  }

  /**
   * Runs a prepared job with the analysis's summary and says when cells lack a row; shared with {@code demo}.
   *
   * @return whether every cell of the run has a row (see {@link JobRunner.Outcome#complete()}).
   */
  static boolean execute(PreparedRun run, PrintStream out, long progressSeconds) {
    JobRunner.Outcome outcome = JobRunner.execute(run, out, progressSeconds, RunCommand::summary);
    if (!outcome.complete()) out.printf("incomplete: %s; exit %d%n", outcome.missing(), Main.EXIT_INCOMPLETE);
    return outcome.complete();
  }

  /** The summary table of a finished run, and a ladder's load tables held to the job's objective. */
  private static String summary(SparkSession spark, Job job) {
    String text = RunSummary.render(RunSummary.rows(spark, job.output().toString(), job.runId()));
    return job.load() == null ? text : text + LoadReport.console(spark, job);
  }
}
