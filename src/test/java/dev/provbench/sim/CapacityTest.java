package dev.provbench.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.Response;
import org.junit.jupiter.api.Test;

/** The capacity model seen from outside: slots and a queue, slowdown as the batch fills, degradation, 429s. */
class CapacityTest {
  private static final String MODEL = "m";

  /** A model of 4 slots, 100 ms unloaded (time_scale 1), half again slower with the batch full. */
  private static SimProfile profile(String extra, int maxConcurrency) {
    return SimProfile.parse("""
        seed: 7
        providers:
          - name: P
            path: /p
            models:
              - id: m
                ttft_ms: 100
                tokens_per_s: 100000
                max_concurrency: %d
                capacity: {slots: 4, batch_slowdown: 0.5%s}
        """.formatted(maxConcurrency, extra), "inline");
  }

  @Test
  void slowdownAndDegradationFollowTheFields() {
    Capacity c = new Capacity(4, 0.5, 6, 0.6);
    assertEquals(1.0, c.slowdown(1), 1e-9);
    assertEquals(1.5, c.slowdown(4), 1e-9);
    assertEquals(1.5, c.slowdown(9), 1e-9);
    assertTrue(!c.degradedAt(6) && c.degradedAt(7));
    assertEquals(4 * 1000.0 / 150, c.throughput(8, 100), 1e-9);
    assertEquals(1 * 1000.0 / 100, c.throughput(1, 100), 1e-9);
  }

  @Test
  void throughputStopsGrowingAtTheSlotsWhileLatencyGrows() throws Exception {
    try (SimulatedProviders sim = SimulatedProviders.start(profile("", 64), 0)) {
      double[] at2 = closedLoop(sim, 2, 24);
      double[] at4 = closedLoop(sim, 4, 32);
      double[] at8 = closedLoop(sim, 8, 48);
      Capacity truth = new Capacity(4, 0.5, 0, 0);
      // requests/s within 25 % of the ideal, and flat past the 4 slots
      assertEquals(truth.throughput(2, 100), at2[0], truth.throughput(2, 100) * 0.25);
      assertEquals(truth.throughput(4, 100), at4[0], truth.throughput(4, 100) * 0.25);
      assertEquals(truth.throughput(8, 100), at8[0], truth.throughput(8, 100) * 0.25);
      assertTrue(at8[1] > 1.7 * at4[1], "latency doubles past the knee: " + at4[1] + " -> " + at8[1]);
      sim.awaitIdle(5000);
      ModelStats stats = sim.stats().model(MODEL);
      assertEquals(4, stats.maxBusySlots());
      assertTrue(stats.queued() > 0, "requests past 4 queued");
      assertEquals(0, stats.degraded());
    }
  }

  @Test
  void pastDegradeAboveRepliesAreJudgedWorseAndPastMaxConcurrencyRefused() throws Exception {
    try (SimulatedProviders sim = SimulatedProviders.start(profile(", degrade_above: 6, degraded_judge_error_rate: 1", 10), 0)) {
      closedLoop(sim, 6, 12);
      sim.awaitIdle(5000);
      assertEquals(0, sim.stats().model(MODEL).degraded(), "6 in flight is not past degrade_above");
      assertEquals(0, sim.stats().model(MODEL).count(429));
      sim.resetStats();
      closedLoop(sim, 12, 36);
      sim.awaitIdle(5000);
      ModelStats stats = sim.stats().model(MODEL);
      assertTrue(stats.degraded() > 0, "past 6 in flight replies are degraded");
      assertTrue(stats.count(429) > 0, "past max_concurrency 10 requests are refused");
      assertTrue(stats.maxConcurrency() <= 10);
    }
  }

  /** {@code clients} threads each sending requests back to back until {@code total} are sent: {req/s, mean ms}. */
  private static double[] closedLoop(SimulatedProviders sim, int clients, int total) throws Exception {
    String url = sim.baseUrl("P") + "/chat/completions";
    AtomicInteger next = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    List<Future<double[]>> futures = new ArrayList<>();
    long start = System.nanoTime();
    for (int c = 0; c < clients; c++) {
      futures.add(pool.submit(() -> {
        double sum = 0;
        int n = 0;
        int i;
        while ((i = next.getAndIncrement()) < total) {
          String body = SimCalls.chat(MODEL, "question " + i, false, false).toString();
          long t0 = System.nanoTime();
          try (Response r = SimCalls.post(url, body)) {
            r.body().string();
          }
          sum += (System.nanoTime() - t0) / 1e6;
          n++;
        }
        return new double[] {sum, n};
      }));
    }
    double sum = 0;
    double n = 0;
    for (Future<double[]> f : futures) {
      sum += f.get()[0];
      n += f.get()[1];
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    pool.shutdown();
    return new double[] {total / seconds, sum / n};
  }

  @Test
  void theLoadProfileReads() {
    SimProfile p = SimProfile.load(Path.of("data/sim/load-profile.yaml"));
    assertEquals(8, p.provider("Provider 1").orElseThrow().models().get(0).capacity().slots());
    assertEquals(6, p.provider("Provider 2").orElseThrow().models().get(0).capacity().degradeAbove());
    assertEquals(12, p.provider("Provider 3").orElseThrow().models().get(0).maxConcurrency());
  }
}
