package dev.provbench.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.provbench.JudgeCases;
import dev.provbench.Slow;
import dev.provbench.SparkTestSession;
import dev.provbench.job.Job;
import dev.provbench.sim.RequestRecord;
import dev.provbench.sim.SimProfile;
import dev.provbench.sim.SimulatedProviders;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each measured column of a real Spark run against the simulated providers, checked cell by cell against
 * what the server says it did (its request log, joined on {@code response_id}): time to first token and to
 * the answer, time per token, tokens, reasoning and cached tokens, estimated usage, cost, native tool calls.
 */
class GroundTruthTest {
  private static final String PROFILE = """
      time_scale: 1
      seed: 7
      providers:
        - name: Plain
          path: /plain
          models: [{id: plain-8b, ttft_ms: 60, tokens_per_s: 400}]
        - name: Tools
          path: /tools
          models: [{id: tools-8b, ttft_ms: 60, tokens_per_s: 400, tool_calls: true, reasoning_ms: 200}]
        - name: Quiet
          path: /quiet
          models: [{id: quiet-8b, ttft_ms: 60, tokens_per_s: 400, usage: false}]
        - name: Cache
          path: /cache
          models: [{id: cache-8b, ttft_ms: 60, tokens_per_s: 400, prefix_cache: true}]
      """;

  private static double median(List<Double> values) {
    List<Double> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    return sorted.get(sorted.size() / 2);
  }

  @TempDir
  Path dir;

  private List<Row> run(SimulatedProviders sim, String runId, boolean cacheBust) throws Exception {
    StringBuilder providers = new StringBuilder();
    for (Map.Entry<String, String> p : sim.baseUrls().entrySet()) {
      String model = p.getKey().toLowerCase(Locale.ROOT) + "-8b";
      providers.append("  - name: ").append(p.getKey()).append("\n    base_url: ").append(p.getValue())
          .append("\n    models: [{id: ").append(model).append(", price: {input_per_1m: 3, output_per_1m: 5}}]\n");
    }
    Job parsed = JudgeCases.run(JudgeCases.job(dir, 4, runId, """
        task: {template: judge.yaml, cache_bust: %s}
        trials: 3
        concurrency: 2
        providers:
        %s""".formatted(cacheBust, providers)));
    assertTrue(sim.awaitIdle(10_000));
    SparkSession spark = SparkTestSession.get();
    return spark.read().parquet(parsed.output().toString()).where("run_id = '" + runId + "'").collectAsList();
  }

  @Test
  void everyMeasuredColumnAgreesWithWhatTheServerDid() throws Exception {
    try (SimulatedProviders sim = SimulatedProviders.start(SimProfile.parse(PROFILE, "ground-truth profile"), 0)) {
      List<Row> cells = run(sim, "truth", false);
      Map<String, RequestRecord> served = new HashMap<>();
      for (RequestRecord r : sim.requestLog()) if (r.responseId() != null) served.put(r.responseId(), r);
      assertEquals(4 * 4 * 3, cells.size());
      assertEquals(cells.size(), sim.requestLog().size(), "one request per cell, none repeated");
      List<Double> ttftExcess = new ArrayList<>();
      List<Double> answerExcess = new ArrayList<>();
      for (Row c : cells) {
        String model = c.getAs("model");
        String where = model + " " + c.getAs("case_id") + "/" + c.getAs("trial");
        assertEquals("ok", c.getAs("status"), where + ": " + c.getAs("error"));
        RequestRecord s = served.get(c.<String>getAs("response_id"));
        assertNotNull(s, where + ": response_id " + c.getAs("response_id") + " is one the server sent");
        assertEquals(model, s.model(), where);
        long ttft = c.<Long>getAs("ttft_ms");
        long firstAnswer = c.<Long>getAs("first_answer_ms");
        assertTrue(ttft >= Math.floor(s.firstDeltaMs()), where + ": ttft " + ttft + " before the server wrote it " + s);
        assertTrue(firstAnswer >= Math.floor(s.firstAnswerMs()), where + ": first answer " + firstAnswer + " " + s);
        ttftExcess.add(ttft - s.firstDeltaMs());
        answerExcess.add(firstAnswer - s.firstAnswerMs());
        assertEquals((long) s.completionTokens(), (long) c.<Long>getAs("completion_tokens"), where);
        if (s.usageSent()) {
          assertEquals("server", c.getAs("usage_source"), where);
          assertEquals((long) s.promptTokens(), (long) c.<Long>getAs("prompt_tokens"), where);
          assertEquals(s.reasoningTokens() == 0 ? null : (long) s.reasoningTokens(), c.<Long>getAs("reasoning_tokens"), where);
          assertEquals((3.0 * s.promptTokens() + 5.0 * s.completionTokens()) / 1e6, c.<Double>getAs("cost_usd"), 1e-12, where);
        } else {
          assertEquals("estimated", c.getAs("usage_source"), where);
        }
        double tpot = c.<Double>getAs("tpot_ms");
        assertEquals((c.<Long>getAs("latency_ms") - ttft) / (double) (c.<Long>getAs("completion_tokens") - 1), tpot, 1e-9);
        assertFalse(c.<scala.collection.Seq<?>>getAs("chunk_gaps_ms").isEmpty(), where);
      }
      // The client sees each delta a little after the server wrote it (network, parsing; more while the JVM warms up).
      assertTrue(median(ttftExcess) <= 20, "ttft minus the server's first delta, ms: " + ttftExcess);
      assertTrue(median(answerExcess) <= 20, "first_answer minus the server's first answer delta, ms: " + answerExcess);
      long cacheHits = 0;
      for (Row c : cells) {
        String model = c.getAs("model");
        if (model.equals("tools-8b")) {
          assertNotNull(c.getAs("tool_calls"), "a native tool call is kept");
          assertTrue(c.<Long>getAs("first_answer_ms") > c.<Long>getAs("ttft_ms"), "reasoning precedes the answer");
          assertTrue(c.<Long>getAs("reasoning_tokens") > 0);
          assertNotNull(c.getAs("reasoning"));
        }
        if (model.equals("cache-8b")) {
          Long cached = c.getAs("cached_tokens");
          if (cached != null && cached > 0) cacheHits++;
        } else {
          assertTrue(c.getAs("cached_tokens") == null || c.<Long>getAs("cached_tokens") == 0, model);
        }
      }
      // Every prompt shares the system message: all but the first requests (two at once) find it cached.
      assertTrue(cacheHits >= 10, "cells served a cached prefix: " + cacheHits + " of 12");

      List<Row> busted = run(sim, "busted", true);
      for (Row c : busted) {
        if (c.<String>getAs("model").equals("cache-8b")) {
          assertTrue(c.<Boolean>getAs("cache_bust"));
          Long cached = c.getAs("cached_tokens");
          assertTrue(cached == null || cached == 0, "cache_bust: no prefix is shared, got " + cached);
        }
      }
    }
  }

  /**
   * A server that closes idle keep-alive connections (as uvicorn does) costs no attempt: the request that found
   * its pooled connection closed is re-sent at once on a new one and counted in {@code reconnects}; the server
   * saw each request exactly once.
   */
  @Test
  @Slow("waits out real idle periods on a time scale of 1")
  void aConnectionTheServerClosedWhileIdleIsAReconnectNotAnAttempt() throws Exception {
    String profile = """
        time_scale: 1
        idle_close_ms: 150
        providers:
          - name: Idle
            path: /idle
            models: [{id: idle-8b, ttft_ms: 20, tokens_per_s: 2000}]
        """;
    try (SimulatedProviders sim = SimulatedProviders.start(SimProfile.parse(profile, "idle profile"), 0)) {
      Job parsed = JudgeCases.run(JudgeCases.job(dir, 6, "idle", """
          task: {template: judge.yaml}
          trials: 1
          concurrency: 1
          retry: {max_attempts: 3, initial_backoff_ms: 2000}
          providers:
            - name: Idle
              base_url: %s
              rate_limit: {requests_per_minute: 120}
              models: [{id: idle-8b}]
          """.formatted(sim.baseUrl("Idle"))));
      assertTrue(sim.awaitIdle(10_000));
      Row totals = SparkTestSession.get().read().parquet(parsed.output().toString())
          .selectExpr("count(*) AS cells", "count_if(status = 'ok') AS ok", "sum(attempts) AS attempts",
              "sum(reconnects) AS reconnects", "sum(backoff_ms) AS backoff").first();
      assertEquals(6L, totals.<Long>getAs("cells"));
      assertEquals(6L, totals.<Long>getAs("ok"));
      assertEquals(6L, totals.<Long>getAs("attempts"), "no attempt was spent on a closed connection");
      assertEquals(0L, totals.<Long>getAs("backoff"));
      assertEquals(6, sim.requestLog().size(), "the server saw each request once");
      assertTrue(sim.stats().idleCloses() >= 4, "the server closed idle connections: " + sim.stats().idleCloses());
      assertTrue(totals.<Long>getAs("reconnects") >= 4, "requests re-sent on a new connection: " + totals);
    }
  }
}
