package dev.provbench.analysis.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.provbench.JudgeCases;
import dev.provbench.Slow;
import dev.provbench.SparkTestSession;
import dev.provbench.analysis.Analysis;
import dev.provbench.analysis.AnalysisOptions;
import dev.provbench.analysis.ResultsAnalyzer;
import dev.provbench.job.Job;
import dev.provbench.job.JobReader;
import dev.provbench.results.ResultsViews;
import dev.provbench.run.LoadLadder;
import dev.provbench.run.PreparedRun;
import dev.provbench.sim.SimModel;
import dev.provbench.sim.SimProfile;
import dev.provbench.sim.SimProvider;
import dev.provbench.sim.SimulatedProviders;
import dev.provbench.stats.Bootstrap;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A load ladder through Spark against the load profile, whose capacity is known: each provider's knee at its
 * serving slots, the highest step meeting the objective where the slots' latency says, and the accuracy drop
 * where (and only where) the profile degrades. Several seeds.
 */
@Slow("load ladders through Spark for several seeds")
class LoadLadderTest {
  private static final List<Integer> LADDER = List.of(1, 2, 4, 8, 16);
  /**
   * Replies of about 270 ms unloaded: slow enough that a loaded test machine's stalls of a few hundred ms do not
   * bend the curves.
   */
  private static final double TIME_SCALE = 0.25;
  /**
   * Between every provider's latency at its knee and at the step after: 405, 351 and 324 ms against 810, 702 and
   * 648 ms (see data/sim/load-profile.yaml).
   */
  private static final double OBJECTIVE_MS = 550;

  @TempDir
  Path dir;

  @ParameterizedTest
  @ValueSource(longs = {42, 7})
  void theLadderFindsEachProvidersKneeObjectiveAndAccuracyDrop(long seed) throws Exception {
    SimProfile profile = SimProfile.load(Path.of("data/sim/load-profile.yaml")).withSeed(seed).withTimeScale(TIME_SCALE);
    try (SimulatedProviders sim = SimulatedProviders.start(profile, 0)) {
      String runId = "ladder-" + seed;
      Job job = JobReader.read(JudgeCases.job(dir, 32, runId, """
          task: {template: judge.yaml}
          trials: 1
          load:
            concurrency: %s
            warmup_cells: 8
            objective: {duration_p90_ms: %s}
          providers:
          %s""".formatted(LADDER, OBJECTIVE_MS, providers(sim, profile))));
      ByteArrayOutputStream printed = new ByteArrayOutputStream();
      SparkSession spark = SparkTestSession.get();
      LoadLadder.execute(spark, PreparedRun.prepare(job, Map.of()), new PrintStream(printed, true, StandardCharsets.UTF_8), 0);
      assertTrue(sim.awaitIdle(10_000));

      String ladder = printed.toString(StandardCharsets.UTF_8);
      Row counts = spark.read().parquet(job.output().toString()).where("run_id = '" + runId + "'")
          .selectExpr("count(*)", "count_if(load_warmup)", "count(DISTINCT cell_id)",
              "count_if(provider = 'Provider 3' AND load_step = 5)").first();
      // Provider 3 at 16 in flight (p90 near 4 x the objective, 429s) may be stopped early; the rest run in full.
      assertEquals(3L * 4 * (32 + 8) + 2 * (32 + 8), counts.getLong(0) - counts.getLong(3),
          "3 models x 4 steps and 2 models at the last step, each 32 measured + 8 warm-up\n" + ladder);
      assertEquals(counts.getLong(0), counts.getLong(2), "every step's cells have their own ids");

      ResultsViews.register(spark, job.output().toString());
      Map<String, LoadCurve> curves = new HashMap<>();
      for (LoadCurve c : LoadAnalysis.load(spark, runId, LoadOptions.of(job.load()), Bootstrap.defaults(), 1.0)) {
        curves.put(c.provider(), c);
      }
      String table = LoadTables.console(List.copyOf(curves.values()), job.load().objective());
      for (SimProvider p : profile.providers()) {
        SimModel m = p.models().get(0);
        int slots = m.capacity().slots();
        LoadCurve c = curves.get(p.name());
        assertNotNull(c.kneeStep(), p.name() + " saturates within the ladder\n" + table);
        int knee = LADDER.indexOf(c.kneeStep().concurrency());
        assertTrue(Math.abs(knee - LADDER.indexOf(slots)) <= 1, p.name() + ": knee " + c.kneeStep().load()
            + ", truth " + slots + " slots\n" + table);
        assertEquals(slots, c.bestStep().concurrency(), p.name() + " meets the objective up to its slots\n" + table);
        if (m.capacity().degradeAbove() > 0) {
          assertNotNull(c.firstDrop(), p.name() + " degrades past " + m.capacity().degradeAbove() + " in flight\n" + table);
          assertEquals(8, c.firstDrop().concurrency(), "the first step past degrade_above\n" + table);
          assertTrue(c.drops().get(LADDER.indexOf(4)).adjustedP() > 0.05, "no drop within degrade_above\n" + table);
        } else {
          assertNull(c.firstDrop(), p.name() + " does not degrade\n" + table);
        }
      }
      assertTrue(curves.get("Provider 3").steps().get(4).rate429() > 0, "past max_concurrency 12 the provider answers 429\n" + table);
      assertTrue(curves.get("Provider 1").steps().stream().allMatch(s -> s.rate429() == 0), table);

      Analysis analysis = ResultsAnalyzer.analyze(spark, job.output(), List.of(runId), true, AnalysisOptions.defaults(),
          LoadOptions.of(job.load()));
      assertEquals(15, analysis.table("load_steps").rows().size(), "analyze adds the load tables");
      assertEquals(3, analysis.table("load_findings").rows().size());
      assertTrue(analysis.insights().stream().anyMatch(i -> i.text().startsWith("Provider 2 / llama-3.1-8b-degrading loses"
          + " accuracy under load")), analysis.insights().toString());
    }
  }

  private static String providers(SimulatedProviders sim, SimProfile profile) {
    StringBuilder out = new StringBuilder();
    for (SimProvider p : profile.providers()) {
      out.append("  - name: ").append(p.name()).append("\n    base_url: ").append(sim.baseUrl(p.name()))
          .append("\n    models: [{id: ").append(p.models().get(0).id()).append("}]\n");
    }
    return out.toString();
  }
}
