package dev.provbench.cli;

import dev.provbench.analysis.AccuracyTables;
import dev.provbench.analysis.Analysis;
import dev.provbench.analysis.AnalysisOptions;
import dev.provbench.analysis.ResultsAnalyzer;
import dev.provbench.analysis.SpeedTables;
import dev.provbench.analysis.TradeoffTable;
import dev.provbench.analysis.load.LoadOptions;
import dev.provbench.analysis.output.AnalysisTable;
import dev.provbench.analysis.output.OutputFormat;
import dev.provbench.input.BadInputException;
import dev.provbench.job.AdaptivePlan;
import dev.provbench.job.DecisionSpec;
import dev.provbench.job.Job;
import dev.provbench.job.JobReader;
import dev.provbench.job.ProviderSpec;
import dev.provbench.results.ResultsFolder;
import dev.provbench.results.RunSeries;
import dev.provbench.results.SimulatedRuns;
import dev.provbench.run.PreparedRun;
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
import org.apache.spark.sql.SparkSession;

/**
 * The demo: a shipped job (the reference benchmark by default, see {@link Workload}) against the local simulated
 * providers, one command, no keys. Its results are marked simulated ({@code run_id=<id>/_SIMULATED}) so every later view can say so.
 */
final class DemoRun {

  /** What the demo ran, what the simulator saw, and the report it wrote. */
  record Outcome(Job job, SimStats serverStats, Path report) {}

  /**
   * What the demo benchmarks: a job, the profile its simulated providers play, and the tables its console write-up
   * shows (the report has them all; a table the analysis lacks is left out).
   */
  enum Workload {
    /** The factuality judge over the reference providers: the write-up's three tables. */
    REFERENCE("reference", "jobs/demo.yaml", "data/sim/demo-profile.yaml",
        List.of(TradeoffTable.ID, SpeedTables.VARIANCE_ID, AccuracyTables.VARIANCE_ID)),
    /** Retrieval questions over short and long prompts: speed by prompt length shows a ranking that flips. */
    LONG_CONTEXT("long-context", "jobs/long-context.yaml", "data/sim/long-context-profile.yaml",
        List.of(SpeedTables.VARIANCE_ID, dev.provbench.analysis.SpeedByPromptSize.ID, AccuracyTables.VARIANCE_ID)),
    /** A load ladder; the run's summary already prints its load tables, so the write-up adds only the insights. */
    LOAD("load", "jobs/load-demo.yaml", "data/sim/load-profile.yaml", List.of()),
    /** The reference benchmark in rounds that stop when decided: what was decided, for how many calls. */
    ADAPTIVE("adaptive", "jobs/adaptive.yaml", "data/sim/demo-profile.yaml", List.of("decisions"));

    private final String label;
    private final String job;
    private final String profile;
    private final List<String> tables;

    Workload(String label, String job, String profile, List<String> tables) {
      this.label = label;
      this.job = job;
      this.profile = profile;
      this.tables = tables;
    }

    /** The workload {@code --workload} names, or a bad-input error listing the names. */
    static Workload named(String label) {
      for (Workload w : values()) if (w.label.equals(label)) return w;
      throw new BadInputException("--workload", "unknown workload `" + label + "`",
          "use one of " + String.join(", ", java.util.Arrays.stream(values()).map(w -> w.label).toList()));
    }

    /** The job file, relative to the project's home. */
    String job() {
      return job;
    }

    /** The simulator profile, relative to the project's home. */
    String profile() {
      return profile;
    }
  }

  private DemoRun() {}

  static Outcome execute(Path jobFile, Path profileFile, double timeScale, Path out, String runId, PrintStream console,
      long progressSeconds) {
    return execute(jobFile, profileFile, timeScale, out, runId, Series.NONE, console, progressSeconds);
  }

  static Outcome execute(Path jobFile, Path profileFile, double timeScale, Path out, String runId, Series series,
      PrintStream console, long progressSeconds) {
    return execute(Workload.REFERENCE, jobFile, profileFile, timeScale, out, runId, series, console, progressSeconds);
  }

  /**
   * How one demo run of a series differs from the others.
   *
   * @param name the series the run joins ({@code run --series}); null for none.
   * @param seed the simulator's seed instead of the profile's, so repeated runs draw afresh; null keeps it.
   * @param hour the UTC hour of day the simulated providers play (see {@link SimProfile#playingHour}); null for
   *             the clock's.
   */
  record Series(String name, Long seed, Integer hour) {
    static final Series NONE = new Series(null, null, null);

    SimProfile apply(SimProfile profile) {
      SimProfile out = seed == null ? profile : profile.withSeed(seed);
      return hour == null ? out : out.playingHour(hour);
    }
  }

  /** Runs {@code workload}'s write-up over {@code jobFile} against {@code profileFile} (the workload's own, or the user's). */
  static Outcome execute(Workload workload, Path jobFile, Path profileFile, double timeScale, Path out, String runId,
      Series series, PrintStream console, long progressSeconds) {
    SimProfile profile = series.apply(SimProfile.load(profileFile).withTimeScale(timeScale));
    try (SimulatedProviders sim = SimulatedProviders.start(profile, 0)) {
      Job job = pointAt(JobReader.read(jobFile), sim);
      if (workload == Workload.ADAPTIVE && job.adaptive() == null) {
        job = JobOptions.adaptive(job).withAdaptive(AdaptivePlan.DEFAULTS.withDecisions(List.of(DecisionSpec.MOST_ACCURATE,
            DecisionSpec.FASTEST)));
      }
      job = JobOptions.apply(job, runId != null ? runId : JobReader.defaultRunId("demo"), out);
      PreparedRun run = PreparedRun.prepare(job, Map.of());
      if (series.name() != null) RunSeries.mark(job.output(), job.runId(), series.name());
      console.printf("provbench demo: SIMULATED providers on 127.0.0.1:%d (profile %s, time scale %s: delays are %s"
          + " the profile's real-speed figures). No real provider is called.%n", sim.port(), profileFile, timeScale,
          timeScale == 1 ? "at" : String.format("%.0fx shorter than", 1 / timeScale));
      RunCommand.runPrepared(run, console, progressSeconds);
      markSimulated(ResultsFolder.runDir(job.output(), job.runId()).localPath(), profileFile, timeScale);
      Path report = writeUp(job, workload, console);
      console.println("report: " + report);
      console.println("note: these providers were SIMULATED; the figures show the tool at work, not real providers.");
      awaitIdle(sim);
      return new Outcome(job, sim.stats(), report);
    }
  }

  /** The workload's tables and the insights on the console, from the Parquet; the full report beside the results. */
  private static Path writeUp(Job job, Workload workload, PrintStream console) {
    // The run's session, still active: a second builder with options would only warn that they cannot apply.
    SparkSession spark = SparkSession.active();
    LoadOptions loadOptions = job.load() == null ? LoadOptions.defaults() : LoadOptions.of(job.load());
    Analysis all = ResultsAnalyzer.analyze(spark, job.output(), List.of(job.runId()), true, AnalysisOptions.defaults(),
        loadOptions);
    List<AnalysisTable> shown = workload.tables.stream()
        .flatMap(id -> all.tables().stream().filter(t -> t.id().equals(id))).toList();
    Analysis writeUp = new Analysis(all.run(), null, shown, all.insights());
    console.println();
    console.print(OutputFormat.CONSOLE.render(writeUp.writeUp()));
    // Under an underscore folder: Spark and other engines skip it when they read the results.
    return ReportCommand.write(spark, all, loadOptions, AnalysisOptions.defaults(),
        job.output().localPath().resolve("_reports").resolve(job.runId()));
  }

  private static void awaitIdle(SimulatedProviders sim) {
    try {
      sim.awaitIdle(5_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
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
      Files.writeString(runDir.resolve(SimulatedRuns.RUN_MARKER), "providers simulated locally; profile "
          + profile.getFileName() + ", time scale " + timeScale + "\n");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot mark " + runDir + " as simulated", e);
    }
  }
}
