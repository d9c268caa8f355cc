package dev.provbench.cli;

import dev.provbench.analysis.RunSummary;
import dev.provbench.input.BadInputException;
import dev.provbench.input.StoragePath;
import dev.provbench.job.Job;
import dev.provbench.job.JobReader;
import dev.provbench.preflight.EstimateText;
import dev.provbench.preflight.RunEstimate;
import dev.provbench.preflight.SpendGate;
import dev.provbench.results.CommittedCells;
import dev.provbench.results.RunRows;
import dev.provbench.results.ResultSchema;
import dev.provbench.results.ResultsFolder;
import dev.provbench.results.RunSeries;
import dev.provbench.decide.DecisionResult;
import dev.provbench.decide.Walk;
import dev.provbench.run.AdaptiveRun;
import dev.provbench.run.BenchmarkRun;
import dev.provbench.run.LoadLadder;
import dev.provbench.run.PreparedRun;
import dev.provbench.run.SparkSessions;
import java.io.PrintStream;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code provbench run JOB}: query every provider × model × case × trial and write one Parquet row per cell. */
@Command(name = "run", mixinStandardHelpOptions = true,
    description = "Run a job file: call every provider x model x case x trial, write Parquet, print the summary.")
final class RunCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "JOB", description = "the job file (YAML): a path or a Hadoop URI (hdfs://…)")
  StoragePath jobFile;

  @Option(names = "--run-id", description = "names this run's results (default: the job's run_id, else name-timestamp)")
  String runId;

  @Option(names = "--out", paramLabel = "DIR",
      description = "results folder, a path or a Hadoop URI such as hdfs://namenode:8020/results (default: the job's output)")
  StoragePath out;

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
    Job job = JobOptions.taskSlots(JobOptions.apply(JobReader.read(jobFile), resume != null ? resume : runId, out, maxCost),
        taskSlots);
    if (adaptive) job = JobOptions.adaptive(job);
    PreparedRun run = PreparedRun.prepare(job, System.getenv(), resume == null ? null : new PreparedRun.Resume(retryFailed));
    RunEstimate estimate = RunEstimate.fromCheck(run, assumedLatencyMs, resume == null ? Set.of()
        : CommittedCells.ofPartition(new org.apache.hadoop.fs.Path(ResultsFolder.runDir(job.output(), job.runId()).toUri()),
            "", new org.apache.hadoop.conf.Configuration()));
    System.out.print(EstimateText.render(estimate));
    SpendGate.confirm(estimate, job.maxCost(), yes, System.console(), System.out);
    if (series != null) RunSeries.mark(job.output(), job.runId(), series);
    return runPrepared(run, System.out, progressSeconds) ? 0 : Main.EXIT_INCOMPLETE;
  }

  /**
   * Runs a prepared job and prints its summary; shared with {@code demo}.
   *
   * @return whether every cell of the run has a row (a load ladder counts as complete; its steps decide their cells).
   */
  static boolean runPrepared(PreparedRun run, PrintStream out, long progressSeconds) {
    Job job = run.job();
    out.printf("provbench: run %s: %d providers, %d models, %d cases x %d trials = %d cells -> %s%n", job.runId(),
        job.providers().size(), job.modelCount(), run.cases().size(), job.trials(), run.totalCells(),
        ResultsFolder.runDir(job.output(), job.runId()));
    int slots = Math.max(Runtime.getRuntime().availableProcessors(), run.spec().partitions().size());
    SparkSession spark = SparkSessions.create("provbench " + job.name(), slots, Map.of());
    Walk walk = null;
    if (job.adaptive() != null) walk = AdaptiveRun.execute(spark, run, out, progressSeconds);
    else if (job.load() == null) BenchmarkRun.execute(spark, run, out, progressSeconds);
    else LoadLadder.execute(spark, run, out, progressSeconds);
    out.println();
    out.print(RunSummary.render(RunSummary.rows(spark, job.output().toString(), job.runId())));
    if (job.load() != null) out.print(LoadReport.console(spark, job));
    out.print(usageNote(spark, job));
    out.println("results: " + ResultsFolder.runDir(job.output(), job.runId()));
    if (job.load() != null) return true;
    if (walk != null) {
      for (DecisionResult d : walk.decisions()) out.println(d.sentence(job.adaptive().confidence()));
      if (walk.stopped()) return true;
      out.printf("incomplete: round %d of the adaptive run has cells without a row; exit %d%n", walk.rounds() + 1,
          Main.EXIT_INCOMPLETE);
      return false;
    }
    long withRow = RunRows.of(spark, job.output(), job.runId()).select("cell_id").distinct().count();
    if (withRow >= run.totalCells()) return true;
    out.printf("incomplete: %d of %d cells have a row; exit %d%n", withRow, run.totalCells(), Main.EXIT_INCOMPLETE);
    return false;
  }

  /** How many answered cells carry estimated tokens because the server reported no usage; "" when none. */
  static String usageNote(SparkSession spark, Job job) {
    Row r = RunRows.of(spark, job.output(), job.runId())
        .selectExpr("count_if(usage_source = 'estimated')", "count_if(usage_source IS NOT NULL)").first();
    long estimated = r.getLong(0);
    if (estimated == 0) return "";
    return String.format("usage: %d of %d answered cells lack server usage (usage_source 'estimated': tokens and"
        + " cost at about 4 characters a token)%n", estimated, r.getLong(1));
  }
}
