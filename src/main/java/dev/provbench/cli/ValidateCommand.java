package dev.provbench.cli;

import dev.provbench.job.Job;
import dev.provbench.job.ModelSpec;
import dev.provbench.job.ProviderSpec;
import dev.provbench.preflight.EstimateText;
import dev.provbench.preflight.RunEstimate;
import dev.provbench.run.PreparedRun;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code provbench validate JOB}: every check of a run and its estimate, without starting Spark or sending a request. */
@Command(name = "validate", mixinStandardHelpOptions = true,
    description = "Check a job file, its dataset, template, API keys and output folder, and estimate the calls,"
        + " tokens, cost and time of a run; send nothing.")
final class ValidateCommand implements Callable<Integer> {
  @Mixin
  JobArgument jobFile;

  @Mixin
  OutputFolder out;

  @Option(names = "--assumed-latency-ms", defaultValue = "" + RunEstimate.DEFAULT_LATENCY_MS,
      description = "latency per call the estimate's lowest wall time assumes (default: ${DEFAULT-VALUE})")
  long assumedLatencyMs;

  @Override
  public Integer call() {
    Job job = JobOptions.apply(jobFile.read(), null, out.dir);
    PreparedRun run = PreparedRun.prepare(job, System.getenv());
    System.out.printf("%s: valid. %d cases x %d trials x %d models = %d cells%n", jobFile, run.cases().size(),
        job.trials(), job.modelCount(), run.totalCells());
    for (ProviderSpec p : job.providers()) {
      for (ModelSpec m : p.models()) {
        System.out.printf("  %-18s %-6s %-55s concurrency %d%n", p.name(), m.size(), m.id(), m.concurrency());
      }
    }
    System.out.print(EstimateText.render(RunEstimate.fromCheck(run, assumedLatencyMs, Set.of())));
    if (job.maxCost() != null) {
      System.out.printf("  max_cost %s: run asks for --yes when the upper bound is above it%n",
          EstimateText.usd(job.maxCost()));
    }
    return 0;
  }
}
