package dev.provbench.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.provbench.JudgeCases;
import dev.provbench.Slow;
import dev.provbench.SparkTestSession;
import dev.provbench.analysis.load.LoadAnalysis;
import dev.provbench.analysis.load.LoadCurve;
import dev.provbench.analysis.load.LoadOptions;
import dev.provbench.analysis.load.LoadTables;
import dev.provbench.job.Job;
import dev.provbench.job.JobReader;
import dev.provbench.results.ResultsViews;
import dev.provbench.sim.SimProfile;
import dev.provbench.sim.SimulatedProviders;
import dev.provbench.stats.Bootstrap;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A rate ladder against a simulated model of known capacity: 2 slots serving each request in 50 ms, so at most
 * 2 ÷ 0.05 s = 40 req/s. Below it the measured throughput tracks the offered rate; above it it plateaus at the
 * capacity, the cap on requests in flight holds and the sends it holds back are reported late.
 */
@Slow("a rate ladder that sends at each step's rate in real time")
class RateLadderTest {
  private static final double CAPACITY = 2 / 0.050;
  private static final List<Double> RATES = List.of(10.0, 20.0, 80.0);
  private static final int CAP = 8;

  @TempDir
  Path dir;

  @Test
  void throughputTracksTheOfferedRateThenPlateausAtCapacity() throws Exception {
    SimProfile profile = SimProfile.parse("""
        time_scale: 1
        providers:
          - name: Narrow
            path: /n
            models:
              - {id: narrow-8b, ttft_ms: 50, tokens_per_s: 1000000, max_concurrency: 64,
                 capacity: {slots: 2, batch_slowdown: 0}}
        """, "inline");
    try (SimulatedProviders sim = SimulatedProviders.start(profile, 0)) {
      Job job = JobReader.read(JudgeCases.job(dir, 20, "rate", """
          task: {template: judge.yaml}
          partitions_per_model: 2
          load: {rate: %s, max_concurrency: %d, cells_per_step: 40, warmup_cells: 4}
          providers:
            - {name: Narrow, base_url: %s, models: [{id: narrow-8b}]}
          """.formatted(RATES, CAP, sim.baseUrl("Narrow"))));
      ByteArrayOutputStream printed = new ByteArrayOutputStream();
      SparkSession spark = SparkTestSession.get();
      LoadLadder.execute(spark, PreparedRun.prepare(job, Map.of()), new PrintStream(printed, true, StandardCharsets.UTF_8), 0);
      assertTrue(sim.awaitIdle(10_000));
      String log = printed.toString(StandardCharsets.UTF_8);

      Row rows = spark.read().parquet(job.output().toString()).selectExpr("count(*)", "count(DISTINCT cell_id)",
          "count_if(load_concurrency IS NULL)", "count_if(load_rate = 10 AND load_step = 1)",
          "count_if(load_rate = 80 AND load_step = 3 AND NOT load_warmup)").first();
      assertEquals(3L * 44, rows.getLong(0), log);
      assertEquals(rows.getLong(0), rows.getLong(1), "every cell its own id");
      assertEquals(rows.getLong(0), rows.getLong(2), "a rate step keeps no level in flight");
      assertEquals(44L, rows.getLong(3), "rows carry the step's rate");
      assertEquals(40L, rows.getLong(4));
      assertTrue(sim.stats().model("narrow-8b").maxConcurrency() <= CAP, "the cap held: " + sim.stats());

      ResultsViews.register(spark, job.output().toString());
      List<LoadCurve> curves = LoadAnalysis.load(spark, "rate", LoadOptions.of(job.load()), Bootstrap.defaults(), 1.0);
      String table = LoadTables.console(curves, job.load().objective());
      List<Double> tput = curves.get(0).steps().stream().map(s -> s.throughput()).toList();
      // Below capacity: 40 cells over 39 gaps plus one reply, 1-2 % under the rate; 15 % leaves room for a loaded machine.
      assertEquals(10, tput.get(0), 1.5, table);
      assertEquals(20, tput.get(1), 3, table);
      // At capacity: each request's own overhead (HTTP, the server's work) lengthens its 50 ms a little, never shortens it.
      assertTrue(tput.get(2) > 0.7 * CAPACITY && tput.get(2) < 1.1 * CAPACITY, "plateau at " + CAPACITY + " req/s\n" + table);
      assertTrue(table.contains("10.0 req/s") && table.contains("80.0 req/s"), "steps are labelled by their rate\n" + table);
      assertTrue(table.contains("sent/s"), table);

      assertTrue(log.contains("load step 1 of 3: 10 req/s (constant, at most 8 in flight), 40 cells + 4 warm-up"), log);
      assertTrue(log.lines().anyMatch(l -> l.startsWith("load step 3: ") && l.contains("measured sends went out late"
          + " (the cap of 8 in flight per model was full")), "at 80 req/s the cap holds sends back\n" + log);
      List<Double> sent = curves.get(0).sent();
      assertEquals(10, sent.get(0), 1, "below capacity the sends keep to the rate\n" + table);
      assertTrue(sent.get(2) < 0.6 * 80, "above it the cap slows them\n" + table);
      assertTrue(log.contains("load step 1: Narrow / narrow-8b sent 40 measured cells at"), log);
    }
  }
}
