package dev.provbench.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code provbench demo}: simulated providers + the reference job + the summary, in one command. */
@Command(name = "demo", mixinStandardHelpOptions = true,
    description = "Run the reference benchmark against local SIMULATED providers: no keys, no network.")
final class DemoCommand implements Callable<Integer> {
  @Option(names = "--out", paramLabel = "DIR", description = "results folder (default: results)")
  Path out;

  @Option(names = "--job", paramLabel = "FILE", description = "job file (default: jobs/demo.yaml)")
  Path job;

  @Option(names = "--profile", paramLabel = "FILE", description = "simulator profile (default: data/sim/demo-profile.yaml)")
  Path profile;

  @Option(names = "--time-scale", defaultValue = "0.1", description = "simulated delays x this (default: ${DEFAULT-VALUE})")
  double timeScale;

  @Option(names = "--run-id", description = "names the run (default: demo-<timestamp>)")
  String runId;

  @Override
  public Integer call() {
    DemoRun.execute(job != null ? job : ProjectHome.resolve("jobs/demo.yaml"),
        profile != null ? profile : ProjectHome.resolve("data/sim/demo-profile.yaml"), timeScale,
        out != null ? out : ProjectHome.resolve("results"), runId, System.out, 5);
    return 0;
  }
}
