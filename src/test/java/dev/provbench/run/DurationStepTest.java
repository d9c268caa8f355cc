package dev.provbench.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.provbench.JudgeCases;
import dev.provbench.Slow;
import dev.provbench.SparkTestSession;
import dev.provbench.job.Job;
import dev.provbench.job.JobReader;
import dev.provbench.sim.SimProfile;
import dev.provbench.sim.SimulatedProviders;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Duration steps against a simulated model answering in 50 ms: at a concurrency the step sends for its time from
 * its first measured send and stops on time; at a rate it sends the cells due within the time, no more.
 */
@Slow("duration steps that send for their whole time")
class DurationStepTest {
  private static final String PROFILE = """
      time_scale: 1
      providers:
        - {name: Quick, path: /q, models: [{id: quick-8b, ttft_ms: 50, tokens_per_s: 1000000, max_concurrency: 64}]}
      """;

  @TempDir
  Path dir;

  private Row measured(SparkSession spark, Job job) {
    return spark.read().parquet(job.output().toString()).where("run_id = '" + job.runId() + "' AND NOT load_warmup")
        .selectExpr("count(*)", "(unix_micros(max(started_at)) - unix_micros(min(started_at))) / 1e6",
            "(unix_micros(max(finished_at)) - unix_micros(min(started_at))) / 1e6", "count(DISTINCT cell_id)").first();
  }

  private Job run(SimulatedProviders sim, String runId, String load) throws Exception {
    Job job = JobReader.read(JudgeCases.job(dir.resolve(runId), 10, runId, """
        task: {template: judge.yaml}
        load: %s
        providers:
          - {name: Quick, base_url: %s, models: [{id: quick-8b}]}
        """.formatted(load, sim.baseUrl("Quick"))));
    LoadLadder.execute(SparkTestSession.get(), PreparedRun.prepare(job, Map.of()), new PrintStream(OutputStream.nullOutputStream()), 0);
    assertTrue(sim.awaitIdle(10_000));
    return job;
  }

  @Test
  void aDurationStepStopsOnTime() throws Exception {
    try (SimulatedProviders sim = SimulatedProviders.start(SimProfile.parse(PROFILE, "inline"), 0)) {
      SparkSession spark = SparkTestSession.get();
      Row atTwo = measured(spark, run(sim, "timed", "{concurrency: [2], step_seconds: 1, warmup_cells: 2}"));
      // 2 in flight at 50 ms each: some 40 cells in 1 s on an idle machine, far fewer on a busy one; more than the
      // two first sent shows the step kept sending, fewer than 2 x 1 s / 50 ms that it stopped.
      assertTrue(atTwo.getLong(0) > 4 && atTwo.getLong(0) <= 40 + 2, "cells in 1 s: " + atTwo);
      assertEquals(atTwo.getLong(0), atTwo.getLong(3), "cycling over 10 cases, each as a new trial");
      assertTrue(atTwo.getDouble(1) <= 1.05, "no send after its time (a checked send may start just after): " + atTwo);
      // The last calls in flight end within one reply (50 ms) of the time, plus a loaded machine's stall.
      assertTrue(atTwo.getDouble(2) < 1.4, "ended on time: " + atTwo);

      Row atRate = measured(spark, run(sim, "timed-rate", "{rate: [20], step_seconds: 1, warmup_cells: 2}"));
      assertEquals(20L, atRate.getLong(0), "20 req/s for 1 s, evenly spaced: 20 cells due within it");
      // Due over 0.95 s: never all at once (a busy machine may send some late, so no upper bound here).
      assertTrue(atRate.getDouble(1) >= 0.9, "sent over 0.95 s: " + atRate);
    }
  }
}
