package dev.provbench.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.provbench.Slow;
import dev.provbench.SparkTestSession;
import dev.provbench.analysis.Analysis;
import dev.provbench.analysis.AnalysisOptions;
import dev.provbench.analysis.DecisionsTable;
import dev.provbench.analysis.ResultsAnalyzer;
import dev.provbench.analysis.output.AnalysisTable;
import dev.provbench.decide.AdaptiveMarker;
import dev.provbench.decide.CellMatrix;
import dev.provbench.decide.DecisionResult;
import dev.provbench.decide.DecisionVerdict;
import dev.provbench.decide.Replay;
import dev.provbench.decide.RoundPlanner;
import dev.provbench.decide.Walk;
import dev.provbench.input.StoragePath;
import dev.provbench.job.AdaptivePlan;
import dev.provbench.job.DecisionSpec;
import dev.provbench.job.Job;
import dev.provbench.job.JobReader;
import dev.provbench.job.ProviderSpec;
import dev.provbench.results.CellOutcome;
import dev.provbench.results.CellOutcomes;
import dev.provbench.sim.ModelStats;
import dev.provbench.sim.SimProfile;
import dev.provbench.sim.SimulatedProviders;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Adaptive runs of jobs/adaptive-8b.yaml against the simulated providers' easy, hard and null profiles: what they
 * decide, for how many calls, within the bound per model, and that analysis and replay compute the same decisions
 * from the stored cells; replays of a full run of the 600-case eval against the demo profile.
 */
@Slow("several adaptive runs through Spark, round by round")
class AdaptiveRunTest {
  private static final AdaptivePlan BOTH = AdaptivePlan.DEFAULTS.withDecisions(List.of(DecisionSpec.MOST_ACCURATE,
      DecisionSpec.FASTEST));
  private static final PrintStream QUIET = new PrintStream(OutputStream.nullOutputStream());

  @TempDir
  Path dir;

  @Test
  void anEasyDecisionStopsEarlyWithinTheBoundAndItsTableIsWhatReplayComputes() {
    try (SimulatedProviders sim = SimulatedProviders.start(profile("easy"), 0)) {
      SparkSession spark = SparkTestSession.get();
      Job job = job(sim, "easy");
      Walk walk = AdaptiveRun.execute(spark, PreparedRun.prepare(job, Map.of()), QUIET, 0);
      assertEquals("every decision settled", walk.stop());
      assertEquals(List.of("most_accurate 8b winner Provider 1", "fastest 8b winner Provider 1"),
          walk.decisions().stream().map(d -> d.decision() + " " + d.size() + " " + d.verdict().text() + " " + d.winner()).toList());
      assertTrue(walk.shareOfFull() < 0.6, "used " + walk.calls() + " of " + walk.callsIfFull() + " calls");

      Row rows = spark.sql("SELECT count(*), count(DISTINCT cell_id) FROM parquet.`" + job.output() + "` WHERE run_id = 'easy'").first();
      assertEquals(walk.calls(), rows.getLong(0), "one row per cell the rounds asked for");
      assertEquals(walk.calls(), rows.getLong(1), "no cell twice");
      for (ModelStats m : sim.stats().models()) {
        assertTrue(m.maxConcurrency() <= 3, m.model() + " had " + m.maxConcurrency() + " requests in flight; the job allows 3");
      }

      Analysis analysis = ResultsAnalyzer.analyze(spark, job.output(), List.of("easy"), true, AnalysisOptions.defaults());
      AnalysisTable table = analysis.table(DecisionsTable.ID);
      assertEquals(walk.decisions().size(), table.rows().size());
      for (int r = 0; r < table.rows().size(); r++) {
        DecisionResult d = walk.decisions().get(r);
        assertEquals(List.of(d.verdict().text(), d.winner(), d.calls()),
            List.of(table.value(r, "verdict"), table.value(r, "winner"), table.value(r, "calls")));
      }
      assertTrue(analysis.insights().get(0).text().matches("At 8b, Provider 1 is most accurate \\(95% anytime-valid\\);"
          + " decided after \\d+ of 540 calls, \\$[0-9.]+ of \\$[0-9.]+\\."), analysis.insights().get(0).text());

      // Replay's walk over the stored cells, read with plain SQL, in the run's own order: the same decisions.
      AdaptiveMarker marker = AdaptiveMarker.read(job.output(), "easy").orElseThrow();
      CellMatrix stored = CellMatrix.of(marker.deployments(), marker.caseIds(), marker.trials(), outcomes(spark, job));
      assertEquals(walk.decisions(), RoundPlanner.settle(stored, marker.plan()).decisions());
    }
  }

  @Test
  void aHardDecisionRunsToTheEndAndSaysNotSettled() {
    try (SimulatedProviders sim = SimulatedProviders.start(profile("hard"), 0)) {
      Job job = job(sim, "hard").withAdaptive(AdaptivePlan.DEFAULTS.withFutility(false));
      Walk walk = AdaptiveRun.execute(SparkTestSession.get(), PreparedRun.prepare(job, Map.of()), QUIET, 0);
      DecisionResult d = walk.decisions().get(0);
      assertEquals(DecisionVerdict.NOT_SETTLED, d.verdict());
      assertEquals("matrix exhausted (60 of 60 cases)", d.because());
      assertEquals("matrix exhausted", walk.stop());
    }
  }

  @Test
  void replaysOfANullRunRarelyClaimADifference() {
    try (SimulatedProviders sim = SimulatedProviders.start(profile("null"), 0)) {
      SparkSession spark = SparkTestSession.get();
      Job job = job(sim, "null").withAdaptive(null);
      BenchmarkRun.execute(spark, PreparedRun.prepare(job, Map.of()), QUIET, 0);
      AdaptivePlan everyCase = BOTH.withRoundCases(1);
      Replay.Summary s = Replay.run(CellMatrix.of(outcomes(spark, job)), everyCase, 1000, 1);
      assertEquals(540, s.fullCalls());
      assertTrue(s.anyClaim() <= 50, s.anyClaim() + " of 1000 replays of a null run claimed a difference");
    }
  }

  @Test
  void onTheDemoProfileReplaysOfA600CaseEvalReachTheFullRunsDecisionsWithFewerThanTwoFifthsOfTheCalls() {
    SimProfile demo = SimProfile.load(Path.of("data/sim/demo-profile.yaml")).withTimeScale(0.01);
    try (SimulatedProviders sim = SimulatedProviders.start(demo, 0)) {
      SparkSession spark = SparkTestSession.get();
      Job adaptive = JobReader.read(StoragePath.local(Path.of("jobs/adaptive.yaml")));
      Job full = local(JobReader.read(StoragePath.local(Path.of("jobs/factuality-600.yaml"))), sim, "full-600");
      BenchmarkRun.execute(spark, PreparedRun.prepare(full, Map.of()), QUIET, 0);
      Replay.Summary s = Replay.run(CellMatrix.of(CellOutcomes.of(spark, full.output(), full.runId())), adaptive.adaptive(),
          300, 1);
      assertEquals(18_000, s.fullCalls());
      assertTrue(s.allAgreed() >= 0.95 * 300, s.allAgreed() + " of 300 replays reached every decision of the full run: " + s);
      assertTrue(s.meanShare() <= 0.40, "replays used " + s.meanShare() + " of the full matrix's calls");
    }
  }

  private static SimProfile profile(String name) {
    return SimProfile.load(Path.of("data/sim/adaptive-" + name + "-profile.yaml")).withTimeScale(0.02);
  }

  private Job job(SimulatedProviders sim, String runId) {
    return local(JobReader.read(StoragePath.local(Path.of("jobs/adaptive-8b.yaml"))), sim, runId).withAdaptive(BOTH);
  }

  /** The job against the running simulator, writing into the test's folder. */
  private Job local(Job job, SimulatedProviders sim, String runId) {
    List<ProviderSpec> local = job.providers().stream().map(p -> p.withBaseUrl(sim.baseUrl(p.name()))).toList();
    return job.withProviders(local).withOutput(StoragePath.local(dir.resolve("results"))).withRunId(runId);
  }

  private static List<CellOutcome> outcomes(SparkSession spark, Job job) {
    return spark.sql("SELECT provider, model, size, case_id, trial, coalesce(correct_score, 0) AS score,"
        + " CASE WHEN status IN ('ok', 'parse_error') THEN CAST(duration_ms AS DOUBLE) ELSE CAST('NaN' AS DOUBLE) END AS ms,"
        + " coalesce(cost_usd, 0) AS cost FROM parquet.`" + job.output() + "` WHERE run_id = '" + job.runId() + "'")
        .collectAsList().stream().map(r -> new CellOutcome(r.getString(0), r.getString(1), r.getString(2), r.getString(3),
            r.getInt(4), r.getDouble(5), r.getDouble(6), r.getDouble(7))).toList();
  }
}
