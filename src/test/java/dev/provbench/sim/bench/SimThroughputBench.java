package dev.provbench.sim.bench;

import dev.provbench.sim.SimProfile;
import dev.provbench.sim.SimulatedProviders;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.ConnectionPool;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * Requests per second the simulated providers sustain over loopback, client and server in one JVM:
 * {@code CONNECTIONS} threads, each with its own keep-alive connection, send chat completions until
 * {@code MAX_REQUESTS} are done or {@code MAX_SECONDS} have passed. Run with bench/sim/run.sh.
 */
public final class SimThroughputBench {
  static final int CONNECTIONS = 256;
  static final int MAX_REQUESTS = 20_000;
  static final int MAX_SECONDS = 30;
  private static final MediaType JSON = MediaType.get("application/json");

  /** One scenario's figures; latencies are client-side, request sent to last byte read. */
  record Result(String scenario, int requests, int failures, double seconds, double p50Ms, double p99Ms, int serverMaxInFlight) {
    double perSecond() {
      return requests / seconds;
    }
  }

  public static void main(String[] args) throws Exception {
    OkHttpClient client = new OkHttpClient.Builder()
        .connectionPool(new ConnectionPool(CONNECTIONS * 2, 5, TimeUnit.MINUTES))
        .retryOnConnectionFailure(false)
        .readTimeout(Duration.ofSeconds(30))
        .build();
    client.dispatcher().setMaxRequestsPerHost(CONNECTIONS);
    List<Result> results = new ArrayList<>();
    results.add(run(client, "zero delay, non-streaming", 0, false));
    results.add(run(client, "zero delay, streaming", 0, true));
    results.add(run(client, "200 ms delay, non-streaming", 200, false));
    results.add(run(client, "200 ms delay, streaming", 200, true));
    System.out.printf("%n%-30s %9s %9s %8s %9s %9s %9s %8s%n", "scenario", "requests", "failures", "seconds",
        "req/s", "p50 ms", "p99 ms", "in-flight");
    for (Result r : results) {
      System.out.printf("%-30s %9d %9d %8.1f %9.0f %9.1f %9.1f %8d%n", r.scenario(), r.requests(), r.failures(),
          r.seconds(), r.perSecond(), r.p50Ms(), r.p99Ms(), r.serverMaxInFlight());
    }
    client.dispatcher().executorService().shutdown();
    client.connectionPool().evictAll();
  }

  static Result run(OkHttpClient client, String scenario, int delayMs, boolean stream) throws Exception {
    SimProfile profile = SimProfile.parse("""
        providers:
          - name: Bench
            path: /bench
            models:
              - id: bench-model
                ttft_ms: {median: %d}
                tokens_per_s: {median: 1000000000}
                max_concurrency: 100000
        """.formatted(delayMs), "bench");
    try (SimulatedProviders sim = SimulatedProviders.start(profile, 0)) {
      String url = sim.baseUrl("Bench") + "/chat/completions";
      String body = requestBody(stream);
      warmUp(client, url, body);
      sim.resetStats();
      AtomicInteger issued = new AtomicInteger();
      AtomicInteger failures = new AtomicInteger();
      ConcurrentLinkedQueue<Double> latencies = new ConcurrentLinkedQueue<>();
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(MAX_SECONDS);
      ExecutorService threads = Executors.newFixedThreadPool(CONNECTIONS);
      long start = System.nanoTime();
      for (int i = 0; i < CONNECTIONS; i++) {
        threads.execute(() -> {
          while (issued.incrementAndGet() <= MAX_REQUESTS && System.nanoTime() < deadline) {
            long sent = System.nanoTime();
            if (call(client, url, body)) latencies.add((System.nanoTime() - sent) / 1e6);
            else failures.incrementAndGet();
          }
        });
      }
      threads.shutdown();
      threads.awaitTermination(MAX_SECONDS + 60, TimeUnit.SECONDS);
      double seconds = (System.nanoTime() - start) / 1e9;
      double[] sorted = latencies.stream().mapToDouble(Double::doubleValue).sorted().toArray();
      int maxInFlight = sim.stats().model("bench-model").maxConcurrency();
      return new Result(scenario, sorted.length, failures.get(), seconds, percentile(sorted, 0.50),
          percentile(sorted, 0.99), maxInFlight);
    }
  }

  private static void warmUp(OkHttpClient client, String url, String body) throws InterruptedException {
    ExecutorService threads = Executors.newFixedThreadPool(32);
    for (int i = 0; i < 2_000; i++) threads.execute(() -> call(client, url, body));
    threads.shutdown();
    threads.awaitTermination(60, TimeUnit.SECONDS);
  }

  private static boolean call(OkHttpClient client, String url, String body) {
    Request request = new Request.Builder().url(url).post(RequestBody.create(body, JSON)).build();
    try (Response r = client.newCall(request).execute()) {
      String text = r.body().string();
      return r.code() == 200 && (text.endsWith("data: [DONE]\n\n") || text.endsWith("}"));
    } catch (IOException e) {
      if (Boolean.getBoolean("bench.debug")) System.err.println("failed: " + e);
      return false;
    }
  }

  /** A judge prompt of about 1,000 characters, with the data markers the simulated judge reads. */
  private static String requestBody(boolean stream) {
    String story = "The ferry crosses the strait twelve times a day and carries up to 14 cars. ".repeat(8);
    String prompt = "Compare the factual content of a submitted answer with an expert answer.\\n[BEGIN DATA]\\n"
        + "************\\n[Question]: " + story + "\\n\\nHow long does each crossing take?\\n************\\n"
        + "[Expert]: About eighteen minutes\\n************\\n[Submission]: about eighteen minutes\\n"
        + "************\\n[END DATA]\\n(A) subset\\n(B) superset\\n(C) same\\n(D) disagree\\n(E) no matter";
    return "{\"model\": \"bench-model\", \"temperature\": 0, \"max_tokens\": 2048, \"stream\": " + stream
        + (stream ? ", \"stream_options\": {\"include_usage\": true}" : "")
        + ", \"messages\": [{\"role\": \"user\", \"content\": \"" + prompt + "\"}]}";
  }

  private static double percentile(double[] sorted, double q) {
    if (sorted.length == 0) return Double.NaN;
    return sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)];
  }

  private SimThroughputBench() {}

}
