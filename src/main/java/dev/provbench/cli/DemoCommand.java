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
  // Local only, not OutputFolder's Hadoop URI: the demo writes its report and simulated marker beside the results.
  @Option(names = "--out", paramLabel = "DIR", description = "results folder, local (default: results)")
  Path out;

  @Option(names = "--workload", paramLabel = "NAME", defaultValue = "reference",
      description = "what to benchmark, one of ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}): reference is the"
          + " factuality judge (jobs/demo.yaml), long-context short and long prompts (jobs/long-context.yaml), load a load"
          + " ladder (jobs/load-demo.yaml), adaptive the reference task over a 600-case eval in rounds that stop when"
          + " decided (jobs/adaptive.yaml),"
          + " audit a fidelity audit of three deployments of one model (jobs/audit.yaml), chat multi-turn conversations"
          + " with accuracy per turn and each provider's prefix cache (jobs/chat.yaml), trace a chat trace replayed at its"
          + " own times (jobs/trace.yaml)")
  DemoRun.Workload workload;

  @Option(names = "--job", paramLabel = "FILE", description = "job file (default: the workload's, e.g. jobs/demo.yaml)")
  Path job;

  @Option(names = "--profile", paramLabel = "FILE",
      description = "simulator profile (default: the workload's, e.g. data/sim/demo-profile.yaml)")
  Path profile;

  @Option(names = "--time-scale", defaultValue = "0.1", description = "simulated delays x this (default: ${DEFAULT-VALUE})")
  double timeScale;

  @Option(names = "--run-id", paramLabel = "ID", description = "names the new run (default: demo-<timestamp>)")
  String runId;

  @Option(names = "--series", paramLabel = "NAME", description = "mark the run as one of a series (see `provbench trend`)")
  String series;

  @Option(names = "--sim-seed", paramLabel = "SEED",
      description = "the simulator's seed instead of the profile's: repeated runs draw afresh")
  Long simSeed;

  /** {@code --seed}, the former spelling of {@code --sim-seed} ({@code --seed} is the bootstrap's elsewhere). */
  @Option(names = "--seed", hidden = true, paramLabel = "SEED")
  void formerSeed(long seed) {
    simSeed = seed;
  }

  @Option(names = "--hour", paramLabel = "UTC_HOUR",
      description = "the hour of day (UTC, 0-23) the simulated providers play, for a profile with `drift`")
  Integer hour;

  @Override
  public Integer call() {
    if (hour != null && (hour < 0 || hour > 23)) {
      throw new BadInputException("--hour", "is " + hour + ", not a UTC hour", "give 0 to 23");
    }
    if (series != null) RunSeries.checkName("--series", series);
    DemoRun.Request request = DemoRun.Request.of(workload).withTimeScale(timeScale)
        .withRunId(runId).withSeries(new DemoRun.Series(series, simSeed, hour));
    if (job != null) request = request.withJob(job);
    if (profile != null) request = request.withProfile(profile);
    if (out != null) request = request.withOut(out);
    DemoRun.execute(request, System.out);
    return 0;
  }
}
