package dev.provbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.provbench.JudgeCases;
import dev.provbench.SparkTestSession;
import dev.provbench.job.Job;
import dev.provbench.job.JobReader;
import dev.provbench.preflight.ModelEstimate;
import dev.provbench.preflight.RunEstimate;
import dev.provbench.run.BenchmarkRun;
import dev.provbench.run.JobRunner;
import dev.provbench.run.PreparedRun;
import dev.provbench.sim.SimProfile;
import dev.provbench.sim.SimulatedProviders;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The estimate made before a run against what the run then reports, on the simulated providers. The simulator
 * counts prompt tokens as ceil(characters ÷ 4) over all messages, the estimate's own rule, so the two agree to the
 * token (well within the 5% a real tokenizer would need); with cache_bust the nonce is counted too. A provider
 * with {@code stream_options: false} is not asked for usage, so the simulator sends none and its cells are estimated.
 */
class EstimateAgainstRunTest {
  private static final String PROFILE = """
      time_scale: 1
      seed: 5
      providers:
        - name: Plain
          path: /plain
          models: [{id: plain-8b, ttft_ms: 20, tokens_per_s: 1000}]
        - name: Unasked
          path: /unasked
          models: [{id: unasked-8b, ttft_ms: 20, tokens_per_s: 1000}]
      """;

  @TempDir
  Path dir;

  private Job job(SimulatedProviders sim, String runId, boolean cacheBust) throws Exception {
    JudgeCases.write(dir, 5);
    Path job = dir.resolve(runId + ".yaml");
    Files.writeString(job, """
        run_id: %s
        dataset: cases.jsonl
        output: results
        task: {template: judge.yaml, max_tokens: 300, cache_bust: %s}
        trials: 2
        concurrency: 3
        providers:
          - {name: Plain, base_url: %s, models: [{id: plain-8b, price: {input_per_1m: 2, output_per_1m: 6}}]}
          - name: Unasked
            base_url: %s
            stream_options: false
            models: [{id: unasked-8b, price: {input_per_1m: 2, output_per_1m: 6}}]
        """.formatted(runId, cacheBust, sim.baseUrl("Plain"), sim.baseUrl("Unasked")));
    return JobReader.read(job);
  }

  @Test
  void promptTokensMatchWhatTheServerCountedAndTheBoundsHold() throws Exception {
    try (SimulatedProviders sim = SimulatedProviders.start(SimProfile.parse(PROFILE, "estimate profile"), 0)) {
      for (boolean cacheBust : new boolean[] {false, true}) {
        String runId = cacheBust ? "busted" : "plain";
        PreparedRun run = PreparedRun.prepare(job(sim, runId, cacheBust), Map.of());
        RunEstimate estimate = RunEstimate.of(run, 2000);
        BenchmarkRun.execute(SparkTestSession.get(), run, new PrintStream(OutputStream.nullOutputStream()), 0);
        assertTrue(sim.awaitIdle(10_000));
        SparkSession spark = SparkTestSession.get();
        ModelEstimate plain = estimate.models().get(0);
        Row served = spark.read().parquet(run.job().output().toString())
            .where("run_id = '" + runId + "' AND model = 'plain-8b'")
            .selectExpr("count(*)", "sum(prompt_tokens)", "sum(completion_tokens)", "sum(cost_usd)").first();
        assertEquals(plain.cells(), served.getLong(0));
        long reported = served.getLong(1);
        assertTrue(Math.abs(plain.promptTokens() - reported) <= 0.05 * reported, plain.promptTokens() + " vs " + reported);
        assertEquals(reported, plain.promptTokens(), runId + ": the simulator counts by the estimate's rule");
        assertTrue(served.getLong(2) <= plain.maxCompletionTokens());
        assertTrue(served.getDouble(3) <= plain.maxCostUsd(), served.getDouble(3) + " > " + plain.maxCostUsd());
        assertEquals(10 * 2, estimate.cells());
        assertEquals(Math.ceil(10 / 3.0) * 2.0, plain.minWallSeconds(), 1e-9);

        assertEquals(0, spark.read().parquet(run.job().output().toString())
            .where("run_id = '" + runId + "' AND model = 'unasked-8b' AND usage_source <> 'estimated'").count());
        String note = JobRunner.usageNote(spark, run.job());
        assertEquals("usage: 10 of 20 answered cells lack server usage (usage_source 'estimated': tokens and cost at"
            + " about 4 characters a token)\n", note.replace("\r", ""));
      }
    }
  }
}
