package dev.provbench.cli;

import dev.provbench.analysis.ResultsAnalyzer;
import dev.provbench.input.BadInputException;
import dev.provbench.input.StoragePath;
import dev.provbench.job.Job;
import dev.provbench.job.JobReader;
import dev.provbench.results.ResultsViews;
import dev.provbench.run.Rescorer;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code provbench rescore RESULTS --job JOB [--llm-judge]}: re-parse and re-score stored responses as a new run; no
 * provider call, except the LLM judges' with {@code --llm-judge}.
 */
@Command(name = "rescore", mixinStandardHelpOptions = true,
    description = "Re-parse and re-score a run's stored raw responses with the job's current template and scorers,"
        + " writing a new run beside it (the original rows are never touched); calls no provider. LLMJudge scores"
        + " and judge_calls are kept as stored unless --llm-judge asks the judges again.")
final class RescoreCommand implements Callable<Integer> {
  @Mixin
  ResultsArgument results;

  @Option(names = "--job", required = true, paramLabel = "JOB",
      description = "the job file whose template and scorers to use: a path or a Hadoop URI (hdfs://…)")
  StoragePath jobFile;

  @Mixin
  RunSelection run;

  @Option(names = "--run-id", paramLabel = "ID", description = "names the new run (default: <run>-rescored-<n>)")
  String newRunId;

  /** {@code --as ID}, the former spelling of {@code --run-id} here; kept for scripts. */
  @Option(names = "--as", hidden = true, paramLabel = "ID")
  void formerAs(String id) {
    newRunId = id;
  }

  @Option(names = "--llm-judge", description = "ask each LLMJudge scorer's model again (its keys must be set);"
      + " default: keep the stored judge scores and judge_calls")
  boolean llmJudge;

  @Override
  public Integer call() {
    String id = run.atMostOne();
    Job job = JobReader.read(jobFile);
    SparkSession spark = results.openSpark();
    if (id == null) {
      ResultsViews.register(spark, results.toString());
      List<String> runs = ResultsAnalyzer.runIds(spark);
      if (runs.isEmpty()) throw new BadInputException(results.toString(), "holds no results", "pass a results folder");
      id = runs.get(0);
    }
    Rescorer.Rescored r = Rescorer.rescore(spark, results.path, id, newRunId, job, llmJudge);
    System.out.printf("rescored %d cells of run %s as run %s: %d CorrectScores changed%ncompare: provbench analyze %s"
        + " --run %s --run %s%n", r.cells(), r.runId(), r.newRunId(), r.changed(), results, r.runId(), r.newRunId());
    return 0;
  }
}
