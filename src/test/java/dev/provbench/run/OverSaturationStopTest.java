package dev.provbench.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.provbench.JudgeCases;
import dev.provbench.Slow;
import dev.provbench.SparkTestSession;
import dev.provbench.job.Job;
import dev.provbench.job.JobReader;
import dev.provbench.job.LoadStop;
import dev.provbench.job.ServiceObjective;
import dev.provbench.sim.SimProfile;
import dev.provbench.sim.SimulatedProviders;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The over-saturation stop: a failing provider's step ends early, its later steps are skipped, and the run says so. */
class OverSaturationStopTest {
  @TempDir
  Path dir;

  private static final ServiceObjective WITHIN_1S = new ServiceObjective(null, 1000.0, null);

  @Test
  void theRuleTable() {
    LoadStop stop = LoadStop.DEFAULTS;
    assertNull(LoadGuard.verdict(stop, WITHIN_1S, 0, 0, List.of(), List.of()), "no cells: nothing to judge");
    assertNull(LoadGuard.verdict(stop, WITHIN_1S, 10, 5, List.of(10L), List.of()), "half failed is not above half");
    assertEquals("60% of 10 cells failed (stop above 50%)", LoadGuard.verdict(stop, WITHIN_1S, 10, 6, List.of(10L), List.of()));
    assertNull(LoadGuard.verdict(stop, WITHIN_1S, 10, 0, List.of(4000L, 4000L), List.of()), "at 4 x the objective");
    assertEquals("duration p90 4001 ms is over 4 times the objective's 1000 ms",
        LoadGuard.verdict(stop, WITHIN_1S, 10, 0, List.of(4001L), List.of()));
    assertNull(LoadGuard.verdict(stop, ServiceObjective.NONE, 10, 0, List.of(1_000_000L), List.of()), "no latency limit");
    assertEquals("ttft p90 900 ms is over 4 times the objective's 200 ms",
        LoadGuard.verdict(stop, new ServiceObjective(200.0, null, null), 10, 0, List.of(), List.of(900L)));
  }

  @Test
  @Slow("a load ladder through Spark against a failing provider")
  void aFailingProviderIsStoppedAndItsLaterStepsSkipped() throws Exception {
    SimProfile profile = SimProfile.parse("""
        time_scale: 0.01
        providers:
          - {name: Failing, path: /f, models: [{id: failing-8b, rate_400: 0.8}]}
          - {name: Fine, path: /ok, models: [{id: fine-8b}]}
        """, "inline");
    try (SimulatedProviders sim = SimulatedProviders.start(profile, 0)) {
      Job job = JobReader.read(JudgeCases.job(dir, 40, "stop", """
          task: {template: judge.yaml}
          trials: 1
          load: {concurrency: [1, 2], warmup_cells: 0}
          providers:
            - {name: Failing, base_url: %s, models: [{id: failing-8b}]}
            - {name: Fine, base_url: %s, models: [{id: fine-8b}]}
          """.formatted(sim.baseUrl("Failing"), sim.baseUrl("Fine"))));
      ByteArrayOutputStream printed = new ByteArrayOutputStream();
      LoadLadder.execute(SparkTestSession.get(), PreparedRun.prepare(job, Map.of()),
          new PrintStream(printed, true, StandardCharsets.UTF_8), 0);
      assertTrue(sim.awaitIdle(10_000));
      String ladder = printed.toString(StandardCharsets.UTF_8);
      Map<String, Long> rows = new TreeMap<>();
      for (Row r : SparkTestSession.get().read().parquet(job.output().toString())
          .groupBy("provider", "load_step").count().collectAsList()) {
        rows.put(r.getString(0) + " " + r.getInt(1), r.getLong(2));
      }
      assertTrue(rows.get("Failing 1") < 20, "stopped soon after 10 cells: " + rows);
      assertEquals(null, rows.get("Failing 2"), "its later step is skipped: " + rows);
      assertEquals(40L, rows.get("Fine 1"));
      assertEquals(40L, rows.get("Fine 2"));
      assertTrue(ladder.contains("load step 1: Failing / failing-8b stopped after"), ladder);
      assertTrue(ladder.contains("failed (stop above 50%); steps 2 to 2 skipped for it"), ladder);
    }
  }
}
