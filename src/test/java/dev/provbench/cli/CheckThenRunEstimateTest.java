package dev.provbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.provbench.Slow;
import dev.provbench.SparkTestSession;
import dev.provbench.job.Job;
import dev.provbench.job.JobReader;
import dev.provbench.preflight.CheckFile;
import dev.provbench.preflight.EndpointCheck;
import dev.provbench.preflight.EstimateText;
import dev.provbench.preflight.ModelEstimate;
import dev.provbench.preflight.RunEstimate;
import dev.provbench.run.BenchmarkRun;
import dev.provbench.run.PreparedRun;
import dev.provbench.sim.SimProfile;
import dev.provbench.sim.SimulatedProviders;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code check}, then the estimate it feeds, then the run, on the demo's simulated providers (data/sim/demo-profile.yaml,
 * its faults included) and the demo's dataset, template and prices: the typical estimate of prompt tokens, completion
 * tokens and cost is within 5% of what the run's Parquet reports (every attempt that reported usage, as
 * {@code cost_usd} bills it).
 */
@Slow("a check and then a whole run against the simulated providers")
class CheckThenRunEstimateTest {
  private static final double TIME_SCALE = 0.05;
  private static final double WITHIN = 0.05;

  @TempDir
  Path dir;

  private Path job(SimulatedProviders sim) throws Exception {
    Path job = dir.resolve("demo-like.yaml");
    Files.writeString(job, """
        run_id: checked
        dataset: %s
        output: results
        task: {template: %s, temperature: 0, max_tokens: 2048, stream: true}
        trials: 2
        concurrency: 4
        providers:
          - name: Provider 1
            base_url: %s
            models:
              - {id: accounts/fireworks/models/llama-v3p1-8b-instruct, price: {input_per_1m: 0.20, output_per_1m: 0.20}}
              - {id: accounts/fireworks/models/llama-v3p1-70b-instruct, price: {input_per_1m: 0.90, output_per_1m: 0.90}}
              - {id: accounts/fireworks/models/llama-v3p1-405b-instruct, price: {input_per_1m: 3.00, output_per_1m: 3.00}}
          - name: Provider 2
            base_url: %s
            models:
              - {id: meta-llama/Meta-Llama-3.1-8B-Instruct-Turbo, price: {input_per_1m: 0.18, output_per_1m: 0.18}}
              - {id: meta-llama/Meta-Llama-3.1-70B-Instruct-Turbo, price: {input_per_1m: 0.88, output_per_1m: 0.88}}
              - {id: meta-llama/Meta-Llama-3.1-405B-Instruct-Turbo, price: {input_per_1m: 3.50, output_per_1m: 3.50}}
          - name: Provider 3
            base_url: %s
            models:
              - {id: llama3-1-8b, price: {input_per_1m: 0.07, output_per_1m: 0.07}}
              - {id: llama3-1-70b, price: {input_per_1m: 0.80, output_per_1m: 0.80}}
              - {id: llama3-1-405b, price: {input_per_1m: 2.80, output_per_1m: 2.80}}
          - name: Self-hosted vLLM
            base_url: %s
            models: [{id: meta-llama/Meta-Llama-3.1-405B-Instruct-FP8, cost_per_hour: 27.0}]
        """.formatted(Path.of("data/factuality.json").toAbsolutePath(),
        Path.of("data/templates/factuality.yaml").toAbsolutePath(), sim.baseUrl("Provider 1"), sim.baseUrl("Provider 2"),
        sim.baseUrl("Provider 3"), sim.baseUrl("Self-hosted vLLM")));
    return job;
  }

  @Test
  void theTypicalEstimateFromTheCheckIsWithinFivePercentOfTheRun() throws Exception {
    SimProfile profile = SimProfile.load(Path.of("data/sim/demo-profile.yaml")).withTimeScale(TIME_SCALE);
    try (SimulatedProviders sim = SimulatedProviders.start(profile, 0)) {
      Path jobFile = job(sim);
      Job job = JobReader.read(jobFile);
      ByteArrayOutputStream checkOut = new ByteArrayOutputStream();
      CheckCommand.check(job, Map.of(), new PrintStream(checkOut, true), EndpointCheckSamples.N);
      assertTrue(sim.awaitIdle(10_000));
      long checkCalls = sim.requestLog().size();
      assertTrue(checkOut.toString().startsWith("check: sending " + (EndpointCheckSamples.N > 1 ? "up to " : "") + 10 * EndpointCheckSamples.N + " chat requests, "
          + EndpointCheckSamples.N + " per model (10 models, 4 providers)"), checkOut.toString());
      assertTrue(Files.isRegularFile(dir.resolve("demo-like.check.json")), checkOut.toString());
      assertEquals(dir.resolve("demo-like.check.json").toAbsolutePath(), CheckFile.of(job).localPath());

      PreparedRun run = PreparedRun.prepare(job, Map.of());
      RunEstimate estimate = RunEstimate.fromCheck(run, 2000, Set.of());
      String text = EstimateText.render(estimate);
      assertTrue(estimate.allChecked(), text);
      assertTrue(text.contains("  from check at "), text);
      BenchmarkRun.execute(SparkTestSession.get(), run, new PrintStream(OutputStream.nullOutputStream()), 0);
      assertTrue(sim.awaitIdle(10_000));
      assertTrue(sim.requestLog().size() > checkCalls + estimate.cells() - 1, "the run called every cell");

      Row served = SparkTestSession.get().read().parquet(job.output().toString()).where("run_id = 'checked'")
          .selectExpr("count(*)",
              "sum(aggregate(attempt_log, 0L, (n, a) -> n + coalesce(a.prompt_tokens, 0L)))",
              "sum(aggregate(attempt_log, 0L, (n, a) -> n + coalesce(a.completion_tokens, 0L)))",
              "sum(cost_usd)").first();
      assertEquals(estimate.cells(), served.getLong(0));
      Long typicalCompletion = estimate.typicalCompletionTokens();
      Double typicalCost = estimate.typicalCostUsd();
      assertNotNull(typicalCompletion, text);
      assertNotNull(typicalCost, text);
      String figures = String.format("prompt %d vs %d, completion %d vs %d, cost %.5f vs %.5f%n%s%s",
          estimate.promptTokens(), served.getLong(1), typicalCompletion, served.getLong(2), typicalCost,
          served.getDouble(3), text, checkOut);
      System.out.println(figures);
      assertWithin(estimate.promptTokens(), served.getLong(1), "prompt tokens", figures);
      assertWithin(typicalCompletion, served.getLong(2), "completion tokens", figures);
      assertWithin(typicalCost, served.getDouble(3), "cost", figures);
      for (ModelEstimate m : estimate.models()) {
        assertTrue(m.latencySeconds() < 1, "the check's lone-call latency at time scale " + TIME_SCALE + ": " + m);
      }
    }
  }

  private static void assertWithin(double estimated, double reported, String what, String figures) {
    assertTrue(Math.abs(estimated - reported) <= WITHIN * reported, what + " off by more than 5%: " + figures);
  }

  private static final class EndpointCheckSamples {
    static final int N = Integer.getInteger("samples", EndpointCheck.DEFAULT_SAMPLES);
  }
}
