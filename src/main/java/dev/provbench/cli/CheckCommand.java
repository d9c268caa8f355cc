package dev.provbench.cli;

import dev.provbench.job.Job;
import dev.provbench.job.JobReader;
import dev.provbench.preflight.CheckTable;
import dev.provbench.preflight.EndpointCheck;
import dev.provbench.preflight.ModelCheck;
import dev.provbench.run.PreparedRun;
import java.io.PrintStream;
import dev.provbench.input.StoragePath;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code provbench check JOB}: one real request per model, and what each showed, before a run spends. */
@Command(name = "check", mixinStandardHelpOptions = true,
    description = "Send one real request per provider x model (the job's first case, its template and parameters)"
        + " and show what came back: reachable, key accepted, model found, answer parsed, streaming, usage,"
        + " rate-limit headers, latency and TTFT, with a fix for each failure. Exit 0 when all pass, 3 when any fails.")
final class CheckCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "JOB", description = "the job file (YAML)")
  StoragePath jobFile;

  @Option(names = "--out", paramLabel = "DIR", description = "results folder checked as run would (default: the job's output)")
  StoragePath out;

  @Override
  public Integer call() {
    return check(JobOptions.apply(JobReader.read(jobFile), null, out), System.getenv(), System.out);
  }

  static int check(Job job, Map<String, String> env, PrintStream console) {
    PreparedRun run = PreparedRun.prepare(job, env);
    console.printf("check: sending %d chat requests, one per model (%d providers), each the job's first case with its"
        + " template and parameters; a model not found adds a GET /models%n", EndpointCheck.requests(job),
        job.providers().size());
    List<ModelCheck> checks = EndpointCheck.all(run, env);
    console.print(CheckTable.render(checks));
    return checks.stream().allMatch(ModelCheck::passed) ? 0 : Main.EXIT_CHECK_FAILED;
  }
}
