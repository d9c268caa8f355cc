package dev.provbench.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import okhttp3.Response;
import org.junit.jupiter.api.Test;

/** Profile settings seen from outside: the concurrency bound, seeded draws, the time scale. */
class ProfileBehaviourTest {

  @Test
  void beyondMaxConcurrencyRequestsGet429WithRetryAfter() throws Exception {
    SimProfile profile = SimProfile.parse("""
        providers:
          - name: Busy
            path: /busy
            models:
              - id: two-at-once
                ttft_ms: {median: 600}
                max_concurrency: 2
                retry_after_s: 2
        """, "inline");
    try (SimulatedProviders sim = SimulatedProviders.start(profile, 0)) {
      String url = sim.baseUrl("Busy") + "/chat/completions";
      String body = SimCalls.chat("two-at-once", "hello", false, false).toString();
      List<Callable<int[]>> calls = new ArrayList<>();
      for (int i = 0; i < 6; i++) {
        calls.add(() -> {
          try (Response r = SimCalls.post(url, body)) {
            r.body().string();
            return new int[] {r.code(), r.code() == 429 ? Integer.parseInt(r.header("Retry-After")) : -1};
          }
        });
      }
      ExecutorService pool = Executors.newFixedThreadPool(6);
      List<int[]> replies = new ArrayList<>();
      for (Future<int[]> f : pool.invokeAll(calls)) replies.add(f.get());
      pool.shutdown();

      long ok = replies.stream().filter(r -> r[0] == 200).count();
      long refused = replies.stream().filter(r -> r[0] == 429 && r[1] == 2).count();
      assertEquals(6, ok + refused, "every reply is a 200 or a 429 with Retry-After: 2");
      assertTrue(ok >= 2 && refused >= 1, ok + " served, " + refused + " refused");
      assertTrue(sim.awaitIdle(2_000));
      ModelStats stats = sim.stats().model("two-at-once");
      assertEquals(2, stats.maxConcurrency());
      assertEquals(6, stats.requests());
      assertEquals(refused, stats.count(429));
      for (RequestRecord r : sim.requestLog()) {
        assertEquals(r.outcome() == Outcome.OVER_CAPACITY, r.inFlightAtArrival() >= 2, r.toString());
      }
      try (Response r = SimCalls.get("http://127.0.0.1:" + sim.port() + "/stats")) {
        assertEquals(2, SimCalls.JSON.readTree(r.body().string()).path("models").path(0).path("max_concurrency").asInt());
      }
      sim.resetStats();
      assertEquals(0, sim.stats().totalRequests());
      assertEquals(0, sim.stats().model("two-at-once").maxConcurrency());
    }
  }

  @Test
  void sameSeedGivesTheSameAnswersWhateverTheArrivalOrder() {
    List<String> prompts = new ArrayList<>();
    for (int i = 0; i < 12; i++) prompts.add(FactualityPrompts.render("Question " + i + "?", "answer " + i, "answer " + i));
    Map<String, List<String>> first = answers(42, prompts);
    List<String> reversed = new ArrayList<>(prompts);
    Collections.reverse(reversed);
    assertEquals(first, answers(42, reversed));
    assertNotEquals(first, answers(43, prompts));
  }

  @Test
  void repeatsOfOneRequestGetFreshDraws() {
    Map<String, List<String>> replies = answers(42, Collections.nCopies(1, FactualityPrompts.render("Q?", "a b", "a b")));
    Set<String> letters = new HashSet<>();
    replies.values().forEach(list -> list.forEach(reply -> letters.add(ToolCallReplyTest.choice(reply))));
    assertTrue(letters.size() > 1, "three trials of one case at judge_error_rate 0.5 should not all agree: " + letters);
  }

  @Test
  void timeScaleScalesServiceTime() throws Exception {
    double full = meanServiceMs(1.0);
    double quarter = meanServiceMs(0.25);
    double ratio = full / quarter;
    assertTrue(full > 400 && full < 1500, "about 600 ms at scale 1, got " + full);
    assertTrue(ratio > 2.5 && ratio < 6, "scale 1 vs 0.25 should be about 4x, got " + ratio);
  }

  @Test
  void streamDeliversFirstTokenAtTtftThenPacesAtTokensPerSecond() throws IOException {
    SimProfile profile = SimProfile.parse("""
        providers:
          - name: Paced
            path: /paced
            models:
              - id: paced
                ttft_ms: {median: 300}
                tokens_per_s: {median: 100}
        """, "inline");
    try (SimulatedProviders sim = SimulatedProviders.start(profile, 0);
        Response r = SimCalls.post(sim.baseUrl("Paced") + "/chat/completions",
            SimCalls.chat("paced", FactualityPrompts.render("Q?", "Gus", "Gus"), true, true).toString())) {
      long sent = System.nanoTime();
      java.io.BufferedReader lines = new java.io.BufferedReader(r.body().charStream());
      double ttftMs = -1;
      int completionTokens = 0;
      for (String line; (line = lines.readLine()) != null; ) {
        if (!line.startsWith("data: {")) continue;
        JsonNode chunk = SimCalls.JSON.readTree(line.substring(6));
        if (ttftMs < 0 && !chunk.path("choices").path(0).path("delta").path("content").asText("").isEmpty()) {
          ttftMs = (System.nanoTime() - sent) / 1e6;
        }
        completionTokens = Math.max(completionTokens, chunk.path("usage").path("completion_tokens").asInt());
      }
      double latencyMs = (System.nanoTime() - sent) / 1e6;
      double outputTps = completionTokens / ((latencyMs - ttftMs) / 1000);
      assertTrue(ttftMs > 250 && ttftMs < 700, "ttft " + ttftMs);
      assertTrue(outputTps > 60 && outputTps < 140, "output tokens/s " + outputTps);
    }
  }

  /** Each prompt sent three times (trials), non-streaming, at judge_error_rate 0.5: replies by prompt. */
  private static Map<String, List<String>> answers(long seed, List<String> prompts) {
    SimProfile profile = SimProfile.parse("""
        time_scale: 0
        providers:
          - name: Coin
            path: /coin
            models:
              - id: coin-flip-judge
                judge_error_rate: 0.5
        """, "inline");
    Map<String, List<String>> out = new LinkedHashMap<>();
    try (SimulatedProviders sim = SimulatedProviders.start(profile, 0, seed)) {
      for (int trial = 0; trial < 3; trial++) {
        for (String p : prompts) {
          JsonNode c = SimCalls.complete(sim.baseUrl("Coin"), SimCalls.chat("coin-flip-judge", p, false, false));
          out.computeIfAbsent(p, k -> new ArrayList<>()).add(SimCalls.content(c));
        }
      }
    }
    return new java.util.TreeMap<>(out);
  }

  /** Mean server-side service time of streamed replies: ttft 200 ms + 40 tokens at 100/s. */
  private static double meanServiceMs(double timeScale) throws InterruptedException {
    SimProfile profile = SimProfile.parse("""
        providers:
          - name: Timed
            path: /timed
            models:
              - id: timed
                ttft_ms: {median: 200}
                tokens_per_s: {median: 100}
        """, "inline").withTimeScale(timeScale);
    try (SimulatedProviders sim = SimulatedProviders.start(profile, 0)) {
      for (int i = 0; i < 3; i++) {
        try (Response r = SimCalls.post(sim.baseUrl("Timed") + "/chat/completions",
            SimCalls.chat("timed", "not a judge prompt " + i, true, true).toString())) {
          assertNotNull(r.body().string());
        } catch (IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      }
      assertTrue(sim.awaitIdle(5_000));
      return sim.requestLog().stream().mapToDouble(RequestRecord::serviceMs).average().orElseThrow();
    }
  }
}
