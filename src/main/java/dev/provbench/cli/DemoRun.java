package dev.provbench.cli;

import dev.provbench.analysis.AccuracyTables;
import dev.provbench.analysis.Analysis;
import dev.provbench.analysis.AnalysisOptions;
import dev.provbench.analysis.CacheTable;
import dev.provbench.analysis.FidelityTable;
import dev.provbench.analysis.ResultsAnalyzer;
import dev.provbench.analysis.SpeedByPromptSize;
import dev.provbench.analysis.SpeedTables;
import dev.provbench.analysis.TraceTable;
import dev.provbench.analysis.TradeoffTable;
import dev.provbench.analysis.TurnsTable;
import dev.provbench.analysis.load.LoadOptions;
import dev.provbench.analysis.output.AnalysisTable;
import dev.provbench.analysis.output.OutputFormat;
import dev.provbench.input.BadInputException;
import dev.provbench.job.AdaptivePlan;
import dev.provbench.job.DecisionSpec;
import dev.provbench.job.Job;
import dev.provbench.job.JobReader;
import dev.provbench.job.ProviderSpec;
import dev.provbench.report.RunReport;
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
        List.of(SpeedTables.VARIANCE_ID, SpeedByPromptSize.ID, AccuracyTables.VARIANCE_ID)),
    /** A load ladder; the run's summary already prints its load tables, so the write-up adds only the insights. */
    LOAD("load", "jobs/load-demo.yaml", "data/sim/load-profile.yaml", List.of()),
    /** The reference benchmark in rounds that stop when decided: what was decided, for how many calls. */
    ADAPTIVE("adaptive", "jobs/adaptive.yaml", "data/sim/demo-profile.yaml", List.of("decisions")),
    /** A fidelity audit: sampled completions of three deployments of one model, tested against the reference's. */
    AUDIT("audit", "jobs/audit.yaml", "data/sim/audit-profile.yaml", List.of(FidelityTable.ID)),
    /** Multi-turn conversations: accuracy turn by turn, and what each provider's prefix cache served. */
    CHAT("chat", "jobs/chat.yaml", "data/sim/chat-profile.yaml", List.of(TurnsTable.ID, CacheTable.ID)),
    /** A production-shaped trace replayed at its own times: how closely sends followed it, and the caches it hit. */
    TRACE("trace", "jobs/trace.yaml", "data/sim/trace-profile.yaml", List.of(TraceTable.ID, CacheTable.ID));

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

    /** The word {@code --workload} takes, e.g. {@code long-context}. */
    @Override
    public String toString() {
      return label;
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

  /**
   * How one demo run of a series differs from the others.
   *
   * @param name the series the run joins ({@code run --series}); null for none.
   * @param simSeed the simulator's seed instead of the profile's, so repeated runs draw afresh; null keeps it.
   * @param hour    the UTC hour of day the simulated providers play (see {@link SimProfile#playingHour}); null for
   *                the clock's.
   */
  record Series(String name, Long simSeed, Integer hour) {
    static final Series NONE = new Series(null, null, null);

    SimProfile apply(SimProfile profile) {
      SimProfile out = simSeed == null ? profile : profile.withSeed(simSeed);
      return hour == null ? out : out.playingHour(hour);
    }
  }

  /**
   * What one demo runs: immutable, each {@code with…} returns a changed copy. {@link #of} gives the workload's
   * defaults; {@code demo}'s options and the tests change what they name.
   *
   * @param workload        what is benchmarked and which tables the console write-up shows.
   * @param job             the job file; default the workload's (e.g. {@code jobs/demo.yaml}) under the project home.
   * @param profile         the simulator profile; default the workload's (e.g. {@code data/sim/demo-profile.yaml}).
   * @param timeScale       simulated delays × this; default 0.1. The profile's own time scale is replaced.
   * @param out             the results folder, local (the report is written beside the results); default {@code results}.
   * @param runId           names the new run; null (the default) for {@code demo-<timestamp>}.
   * @param series          how this run differs from the others of a series; default {@link Series#NONE}.
   * @param progressSeconds seconds between progress lines, 0 for none; default 5.
   */
  record Request(Workload workload, Path job, Path profile, double timeScale, Path out, String runId, Series series,
      long progressSeconds) {
    /** The workload's job and profile, time scale 0.1, results under {@code results}, a progress line every 5 s. */
    static Request of(Workload workload) {
      return new Request(workload, ProjectHome.resolve(workload.job()), ProjectHome.resolve(workload.profile()), 0.1,
          ProjectHome.resolve("results"), null, Series.NONE, 5);
    }

    Request withJob(Path job) {
      return new Request(workload, job, profile, timeScale, out, runId, series, progressSeconds);
    }

    Request withProfile(Path profile) {
      return new Request(workload, job, profile, timeScale, out, runId, series, progressSeconds);
    }

    Request withTimeScale(double timeScale) {
      return new Request(workload, job, profile, timeScale, out, runId, series, progressSeconds);
    }

    Request withOut(Path out) {
      return new Request(workload, job, profile, timeScale, out, runId, series, progressSeconds);
    }

    Request withRunId(String runId) {
      return new Request(workload, job, profile, timeScale, out, runId, series, progressSeconds);
    }

    Request withSeries(Series series) {
      return new Request(workload, job, profile, timeScale, out, runId, series, progressSeconds);
    }

    Request withProgressSeconds(long progressSeconds) {
      return new Request(workload, job, profile, timeScale, out, runId, series, progressSeconds);
    }
  }

  /** Runs the request's workload over its job against its simulator profile, then the write-up; prints to {@code console}. */
  static Outcome execute(Request request, PrintStream console) {
    Workload workload = request.workload();
    Path profileFile = request.profile();
    double timeScale = request.timeScale();
    Series series = request.series();
    SimProfile profile = series.apply(SimProfile.load(profileFile).withTimeScale(timeScale));
    try (SimulatedProviders sim = SimulatedProviders.start(profile, 0)) {
      Job job = pointAt(JobReader.read(request.job()), sim);
      if (workload == Workload.ADAPTIVE && job.adaptive() == null) {
        job = JobOptions.adaptive(job).withAdaptive(AdaptivePlan.DEFAULTS.withDecisions(List.of(DecisionSpec.MOST_ACCURATE,
            DecisionSpec.FASTEST)));
      }
      job = JobOptions.apply(job, request.runId() != null ? request.runId() : JobReader.defaultRunId("demo"), request.out());
      PreparedRun run = PreparedRun.prepare(job, Map.of());
      if (series.name() != null) RunSeries.mark(job.output(), job.runId(), series.name());
      console.printf("provbench demo: SIMULATED providers on 127.0.0.1:%d (profile %s, time scale %s: delays are %s"
          + " the profile's real-speed figures). No real provider is called.%n", sim.port(), profileFile, timeScale,
          timeScale == 1 ? "at" : String.format("%.0fx shorter than", 1 / timeScale));
      RunCommand.execute(run, console, request.progressSeconds());
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
    return RunReport.write(spark, all, loadOptions, AnalysisOptions.defaults(),
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
