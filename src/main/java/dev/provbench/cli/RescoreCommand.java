package dev.provbench.cli;

import dev.provbench.analysis.ResultsAnalyzer;
import dev.provbench.job.Job;
import dev.provbench.input.StoragePath;
import dev.provbench.job.JobReader;
import dev.provbench.results.ResultsViews;
import dev.provbench.run.Rescorer;
import dev.provbench.run.SparkSessions;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code provbench rescore RESULTS --job JOB [--llm-judge]}: re-parse and re-score stored responses as a new run; no
 * provider call, except the LLM judges' with {@code --llm-judge}.
 */
@Command(name = "rescore", mixinStandardHelpOptions = true,
    description = "Re-parse and re-score a run's stored raw responses with the job's current template and scorers,"
        + " writing a new run beside it (the original rows are never touched); calls no provider. LLMJudge scores"
        + " and judge_calls are kept as stored unless --llm-judge asks the judges again.")
final class RescoreCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "RESULTS", description = "the results folder: a path or a Hadoop URI (hdfs://…)")
  StoragePath results;

  @Option(names = "--job", required = true, paramLabel = "JOB", description = "the job file whose template and scorers to use")
  Path jobFile;

  @Option(names = "--run", paramLabel = "ID", description = "the run to rescore (default: the latest)")
  String runId;

  @Option(names = "--as", paramLabel = "ID", description = "the new run's id (default: <run>-rescored-<n>)")
  String newRunId;

  @Option(names = "--llm-judge", description = "ask each LLMJudge scorer's model again (its keys must be set);"
      + " default: keep the stored judge scores and judge_calls")
  boolean llmJudge;

  @Override
  public Integer call() {
    Job job = JobReader.read(jobFile);
    ResultsViews.checkFolder(results.toString());
    SparkSession spark = SparkSessions.create("provbench rescore", 2, Map.of());
    String run = runId;
    if (run == null) {
      ResultsViews.register(spark, results.toString());
      List<String> runs = ResultsAnalyzer.runIds(spark);
      if (runs.isEmpty()) throw new dev.provbench.input.BadInputException(results.toString(), "holds no results", "pass a results folder");
      run = runs.get(0);
    }
    Rescorer.Rescored r = Rescorer.rescore(spark, results, run, newRunId, job, llmJudge);
    System.out.printf("rescored %d cells of run %s as run %s: %d CorrectScores changed%ncompare: provbench analyze %s"
        + " --run %s --run %s%n", r.cells(), r.runId(), r.newRunId(), r.changed(), results, r.runId(), r.newRunId());
    return 0;
  }
}
