package dev.provbench.cli;

import dev.provbench.job.BadInputException;
import dev.provbench.job.Job;
import dev.provbench.job.JobReader;
import dev.provbench.job.ProviderSpec;
import dev.provbench.run.PreparedRun;
import dev.provbench.run.ResultsFolder;
import dev.provbench.sim.SimProfile;
import dev.provbench.sim.SimStats;
import dev.provbench.sim.SimulatedProviders;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The demo: the reference job against the local simulated providers, one command, no keys. Its
 * results are marked simulated ({@code run_id=<id>/_SIMULATED}) so every later view can say so.
 */
final class DemoRun {
  static final String SIMULATED_MARKER = "_SIMULATED";

  /** What the demo ran, and what the simulator saw. */
  record Outcome(Job job, SimStats serverStats) {}

  private DemoRun() {}

  static Outcome execute(Path jobFile, Path profileFile, double timeScale, Path out, String runId, PrintStream console,
      long progressSeconds) {
    SimProfile profile = SimProfile.load(profileFile).withTimeScale(timeScale);
    try (SimulatedProviders sim = SimulatedProviders.start(profile, 0)) {
      Job job = pointAt(JobReader.read(jobFile), sim);
      job = JobOptions.apply(job, runId != null ? runId : JobReader.defaultRunId("demo"), out);
      PreparedRun run = PreparedRun.prepare(job, Map.of());
      console.printf("provbench demo: SIMULATED providers on 127.0.0.1:%d (profile %s, time scale %s: delays are %s"
          + " the profile's real-speed figures). No real provider is called.%n", sim.port(), profileFile, timeScale,
          timeScale == 1 ? "at" : String.format("%.0fx shorter than", 1 / timeScale));
      RunCommand.runPrepared(run, console, progressSeconds);
      markSimulated(ResultsFolder.runDir(job.output(), job.runId()), profileFile, timeScale);
      console.println("note: these providers were SIMULATED; the figures show the tool at work, not real providers.");
      return new Outcome(job, sim.stats());
    }
  }

  /** Every provider of the job at the simulator's endpoint of the same name. */
  static Job pointAt(Job job, SimulatedProviders sim) {
    List<ProviderSpec> local = new ArrayList<>();
    for (ProviderSpec p : job.providers()) {
      if (sim.profile().provider(p.name()).isEmpty()) {
        throw new BadInputException(job.file() + ": providers", "provider `" + p.name() + "` is not in the simulator profile",
            "name the job's providers as the profile does (" + String.join(", ", sim.baseUrls().keySet()) + ")");
      }
      local.add(p.withBaseUrl(sim.baseUrl(p.name())));
    }
    return job.withProviders(local);
  }

  private static void markSimulated(Path runDir, Path profile, double timeScale) {
    try {
      Files.writeString(runDir.resolve(SIMULATED_MARKER), "providers simulated locally; profile "
          + profile.getFileName() + ", time scale " + timeScale + "\n");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot mark " + runDir + " as simulated", e);
    }
  }
}
