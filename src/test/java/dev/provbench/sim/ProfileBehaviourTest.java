package dev.provbench.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
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
                ttft_ms: {median: 1500}
                max_concurrency: 2
                retry_after_s: 2
        """, "inline");
    try (SimulatedProviders sim = SimulatedProviders.start(profile, 0)) {
      String url = sim.baseUrl("Busy") + "/chat/completions";
      String body = SimCalls.chat("two-at-once", "hello", false, false).toString();
      CyclicBarrier together = new CyclicBarrier(6);
      List<Callable<int[]>> calls = new ArrayList<>();
      for (int i = 0; i < 6; i++) {
        calls.add(() -> {
          together.await();
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
      assertTrue(sim.awaitIdle(5_000));
      // The server's own log says which arrivals found both slots taken; the client's replies must agree.
      List<RequestRecord> log = sim.requestLog();
      for (RequestRecord r : log) assertEquals(r.outcome() == Outcome.OVER_CAPACITY, r.inFlightAtArrival() >= 2, r.toString());
      assertEquals(refused, log.stream().filter(r -> r.outcome() == Outcome.OVER_CAPACITY).count());
      assertTrue(ok >= 2, ok + " served");
      ModelStats stats = sim.stats().model("two-at-once");
      int mostAdmitted = log.stream().filter(r -> r.outcome() != Outcome.OVER_CAPACITY)
          .mapToInt(r -> r.inFlightAtArrival() + 1).max().orElseThrow();
      assertEquals(mostAdmitted, stats.maxConcurrency());
      assertEquals(6, stats.requests());
      assertEquals(refused, stats.count(429));
      try (Response r = SimCalls.get("http://127.0.0.1:" + sim.port() + "/stats")) {
        assertEquals(stats.maxConcurrency(),
            SimCalls.JSON.readTree(r.body().string()).path("models").path(0).path("max_concurrency").asInt());
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
  void timeScaleScalesEveryDelay() throws Exception {
    // Sleeps never end early, so the server's own timings are lower bounds that hold on any machine.
    for (double scale : new double[] {1.0, 0.25}) {
      for (RequestRecord r : timedRequests(scale)) {
        assertTrue(r.firstDeltaMs() >= 200 * scale, scale + ": first delta " + r.firstDeltaMs());
        assertTrue(r.serviceMs() >= (200 + r.completionTokens() * 10) * scale, scale + ": service " + r.serviceMs());
      }
    }
    List<RequestRecord> quarter = timedRequests(0.25);
    double meanQuarter = quarter.stream().mapToDouble(RequestRecord::firstDeltaMs).average().orElseThrow();
    assertTrue(meanQuarter < 200, "a quarter of 200 ms should not take the full 200 ms: " + meanQuarter);
  }

  @Test
  void streamDeliversFirstTokenAtTtftThenPacesAtTokensPerSecond() throws Exception {
    SimProfile profile = SimProfile.parse("""
        providers:
          - name: Paced
            path: /paced
            models:
              - id: paced
                ttft_ms: {median: 300}
                tokens_per_s: {median: 100}
        """, "inline");
    try (SimulatedProviders sim = SimulatedProviders.start(profile, 0)) {
      double clientTtftMs = -1;
      long sent = System.nanoTime();
      try (Response r = SimCalls.post(sim.baseUrl("Paced") + "/chat/completions",
          SimCalls.chat("paced", FactualityPrompts.render("Q?", "Gus", "Gus"), true, true).toString())) {
        BufferedReader lines = new BufferedReader(r.body().charStream());
        for (String line; (line = lines.readLine()) != null; ) {
          if (!line.startsWith("data: {")) continue;
          JsonNode chunk = SimCalls.JSON.readTree(line.substring(6));
          if (clientTtftMs < 0 && !chunk.path("choices").path(0).path("delta").path("content").asText("").isEmpty()) {
            clientTtftMs = (System.nanoTime() - sent) / 1e6;
          }
        }
      }
      assertTrue(sim.awaitIdle(5_000));
      RequestRecord r = sim.requestLog().get(0);
      assertTrue(r.firstAnswerMs() >= 300, "first content written at " + r.firstAnswerMs());
      assertEquals(r.firstDeltaMs(), r.firstAnswerMs(), "no reasoning: the first delta is the answer");
      assertTrue(r.serviceMs() - r.firstAnswerMs() >= (r.completionTokens() - 3) * 10.0,
          "the rest paced at 100 tokens/s (the first delta carries ~3): " + r);
      assertTrue(clientTtftMs >= r.firstAnswerMs(), "the client cannot see content before it was written: "
          + clientTtftMs + " < " + r.firstAnswerMs());
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
    return new TreeMap<>(out);
  }

  /** Three streamed replies (ttft 200 ms + about 20 tokens at 100/s) as the server logged them. */
  private static List<RequestRecord> timedRequests(double timeScale) throws Exception {
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
      List<Integer> streamedTokens = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        List<JsonNode> chunks = SimCalls.chunks(sim.baseUrl("Timed"), SimCalls.chat("timed", "not a judge prompt " + i, true, true));
        JsonNode usage = chunks.get(chunks.size() - 1).path("usage");
        streamedTokens.add(usage.path("completion_tokens").asInt());
      }
      assertTrue(sim.awaitIdle(5_000));
      List<RequestRecord> log = sim.requestLog();
      assertEquals(streamedTokens, log.stream().map(RequestRecord::completionTokens).toList(),
          "each stream's usage chunk reports the tokens the server logged");
      assertTrue(streamedTokens.stream().allMatch(n -> n > 1), "about 20 tokens each: " + streamedTokens);
      return log;
    }
  }
}
