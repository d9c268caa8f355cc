package dev.provbench.cli;

import dev.provbench.input.BadInputException;
import dev.provbench.results.RunSeries;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code provbench demo}: simulated providers + a shipped job (the reference one by default) + the summary, in one command. */
@Command(name = "demo", mixinStandardHelpOptions = true,
    description = "Run a shipped benchmark (the reference one by default) against local SIMULATED providers: no keys, no network.")
final class DemoCommand implements Callable<Integer> {
  @Option(names = "--out", paramLabel = "DIR", description = "results folder (default: results)")
  Path out;

  @Option(names = "--workload", paramLabel = "NAME", defaultValue = "reference",
      description = "what to benchmark: reference (the factuality judge, jobs/demo.yaml), long-context (short and long"
          + " prompts, jobs/long-context.yaml), load (a load ladder, jobs/load-demo.yaml) or adaptive (the reference job in"
          + " rounds that stop when decided, jobs/adaptive.yaml) (default: ${DEFAULT-VALUE})")
  String workload;

  @Option(names = "--job", paramLabel = "FILE", description = "job file (default: the workload's, e.g. jobs/demo.yaml)")
  Path job;

  @Option(names = "--profile", paramLabel = "FILE",
      description = "simulator profile (default: the workload's, e.g. data/sim/demo-profile.yaml)")
  Path profile;

  @Option(names = "--time-scale", defaultValue = "0.1", description = "simulated delays x this (default: ${DEFAULT-VALUE})")
  double timeScale;

  @Option(names = "--run-id", description = "names the run (default: demo-<timestamp>)")
  String runId;

  @Option(names = "--series", paramLabel = "NAME", description = "mark the run as one of a series (see `provbench trend`)")
  String series;

  @Option(names = "--seed", description = "the simulator's seed instead of the profile's: repeated runs draw afresh")
  Long seed;

  @Option(names = "--hour", paramLabel = "UTC_HOUR",
      description = "the hour of day (UTC, 0-23) the simulated providers play, for a profile with `drift`")
  Integer hour;

  @Override
  public Integer call() {
    if (hour != null && (hour < 0 || hour > 23)) {
      throw new BadInputException("--hour", "is " + hour + ", not a UTC hour", "give 0 to 23");
    }
    if (series != null) RunSeries.checkName("--series", series);
    DemoRun.Workload w = DemoRun.Workload.named(workload);
    DemoRun.execute(w, job != null ? job : ProjectHome.resolve(w.job()),
        profile != null ? profile : ProjectHome.resolve(w.profile()), timeScale,
        out != null ? out : ProjectHome.resolve("results"), runId, new DemoRun.Series(series, seed, hour), System.out, 5);
    return 0;
  }
}
