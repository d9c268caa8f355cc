package dev.provbench.cli;

import dev.provbench.results.ResultsFolder;

import dev.provbench.analysis.RunSummary;
import dev.provbench.input.BadInputException;
import dev.provbench.job.Job;
import dev.provbench.job.JobReader;
import dev.provbench.run.BenchmarkRun;
import dev.provbench.run.PreparedRun;
import dev.provbench.run.SparkSessions;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code provbench run JOB}: query every provider × model × case × trial and write one Parquet row per cell. */
@Command(name = "run", mixinStandardHelpOptions = true,
    description = "Run a job file: call every provider x model x case x trial, write Parquet, print the summary.")
final class RunCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "JOB", description = "the job file (YAML)")
  Path jobFile;

  @Option(names = "--run-id", description = "names this run's results (default: the job's run_id, else name-timestamp)")
  String runId;

  @Option(names = "--out", paramLabel = "DIR", description = "results folder (default: the job's output)")
  Path out;

  @Option(names = "--resume", paramLabel = "RUN_ID",
      description = "finish an earlier run of this job: only cells without a row are called")
  String resume;

  @Option(names = "--retry-failed", description = "with --resume: run failed cells again too")
  boolean retryFailed;

  @Option(names = "--progress-seconds", defaultValue = "5", description = "seconds between progress lines; 0 for none")
  long progressSeconds;

  @Override
  public Integer call() {
    if (resume != null && runId != null) {
      throw new BadInputException("--resume", "names the run already; --run-id cannot be given too", "drop --run-id");
    }
    if (retryFailed && resume == null) {
      throw new BadInputException("--retry-failed", "only applies to --resume", "add --resume RUN_ID");
    }
    Job job = JobOptions.apply(JobReader.read(jobFile), resume != null ? resume : runId, out);
    PreparedRun run = PreparedRun.prepare(job, System.getenv(), resume == null ? null : new PreparedRun.Resume(retryFailed));
    runPrepared(run, System.out, progressSeconds);
    return 0;
  }

  /** Runs a prepared job and prints its summary; shared with {@code demo}. */
  static void runPrepared(PreparedRun run, PrintStream out, long progressSeconds) {
    Job job = run.job();
    out.printf("provbench: run %s: %d providers, %d models, %d cases x %d trials = %d cells -> %s%n", job.runId(),
        job.providers().size(), job.modelCount(), run.cases().size(), job.trials(), run.totalCells(),
        ResultsFolder.runDir(job.output(), job.runId()));
    int slots = Math.max(Runtime.getRuntime().availableProcessors(), run.spec().partitions().size());
    SparkSession spark = SparkSessions.create("provbench " + job.name(), slots, Map.of());
    BenchmarkRun.execute(spark, run, out, progressSeconds);
    out.println();
    out.print(RunSummary.render(RunSummary.rows(spark, job.output().toString(), job.runId())));
    out.println("results: " + ResultsFolder.runDir(job.output(), job.runId()));
  }
}
