package dev.provbench.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.provbench.Slow;
import dev.provbench.SparkTestSession;
import dev.provbench.job.Job;
import dev.provbench.job.JobReader;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A provider's requests-per-minute limit holds across its models' partitions, on the server's clock. */
@Slow("waits out real rate-limit windows")
class RateLimitTest {
  @StartStop
  private final MockWebServer server = new MockWebServer();

  @TempDir
  Path dir;

  /** Runs {@code cases} cases on two models of one provider with this rate limit; returns the server's arrival times. */
  private List<Long> run(int cases, String rateLimit) throws Exception {
    List<Long> arrivals = Collections.synchronizedList(new ArrayList<>());
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        arrivals.add(System.nanoTime());
        return new MockResponse.Builder().body("{\"choices\": [{\"message\": {\"content\": "
            + "\"<function=select_choice>{\\\"reasons\\\": \\\"r\\\", \\\"choice\\\": \\\"C\\\"}</function>\"}}],"
            + " \"usage\": {\"prompt_tokens\": 25, \"completion_tokens\": 5}}").build();
      }
    });
    StringBuilder data = new StringBuilder();
    for (int i = 0; i < cases; i++) data.append("{\"input\": \"q").append(i).append("\", \"expected\": 1}\n");
    Files.writeString(dir.resolve("cases.jsonl"), data);
    Files.writeString(dir.resolve("judge.yaml"), "prompt: \"{{input}}\"\nchoice_scores: {C: 1}\n");
    Files.writeString(dir.resolve("job.yaml"), """
        run_id: rl
        dataset: cases.jsonl
        output: results
        task: {template: judge.yaml, stream: false}
        trials: 1
        concurrency: 3
        providers:
          - name: P
            base_url: http://127.0.0.1:%d/v1
            rate_limit: %s
            models: [{id: m1}, {id: m2, concurrency: 1}]
        """.formatted(server.getPort(), rateLimit));
    Job job = JobReader.read(dir.resolve("job.yaml"));
    BenchmarkRun.execute(SparkTestSession.get(), PreparedRun.prepare(job, Map.of()),
        new PrintStream(OutputStream.nullOutputStream()), 0);
    List<Long> sorted = new ArrayList<>(arrivals);
    Collections.sort(sorted);
    return sorted;
  }

  @Test
  void tokensPerMinuteHoldsAcrossTheProvidersModels() throws Exception {
    // Each call uses about 300 tokens (the system message and prompt, estimated at 4 characters a token,
    // and 5 completion tokens); 18,000 a minute is 300 a second: about one call a second after the burst.
    List<Long> sorted = run(3, "{tokens_per_minute: 18000}");
    assertEquals(6, sorted.size());
    double span = (sorted.get(sorted.size() - 1) - sorted.get(0)) / 1e9;
    assertTrue(span >= 3, "6 calls of ~300 tokens at 300 tokens a second took only " + span + " s");
    // The client's own wait is throttle_ms, never provider time: duration_ms is the one prompt call.
    Job job = JobReader.read(dir.resolve("job.yaml"));
    List<Row> waited = SparkTestSession.get().read().parquet(job.output().toString())
        .where("run_id = 'rl' AND throttle_ms >= 500").select("throttle_ms", "duration_ms", "latency_ms", "attempts")
        .collectAsList();
    assertTrue(waited.size() >= 2, "cells that waited for the rate limit: " + waited);
    for (Row r : waited) {
      assertEquals(1, r.<Integer>getAs("attempts"), r.toString());
      assertTrue(r.<Long>getAs("duration_ms") <= r.<Long>getAs("latency_ms") + 50, "duration excludes the wait: " + r);
    }
  }

  @Test
  void requestsPerMinuteHoldsAcrossTheProvidersModels() throws Exception {
    List<Long> sorted = run(12, "{requests_per_minute: 600}");
    SparkSession spark = SparkTestSession.get();
    Job job = JobReader.read(dir.resolve("job.yaml"));
    assertEquals(24, sorted.size());
    // 600 a minute is 10 a second: split 3:1 between the models' partitions, each paced evenly.
    int most = 0;
    for (int i = 0; i < sorted.size(); i++) {
      int j = i;
      while (j < sorted.size() && sorted.get(j) - sorted.get(i) < 1_000_000_000L) j++;
      most = Math.max(most, j - i);
    }
    assertTrue(most <= 10 + 2, "requests in the busiest second: " + most);
    double span = (sorted.get(sorted.size() - 1) - sorted.get(0)) / 1e9;
    assertTrue(span >= 1.6, "24 requests at 10 a second took only " + span + " s");
    long throttled = spark.read().parquet(job.output().toString()).where("run_id = 'rl'")
        .selectExpr("sum(throttle_ms)").first().getLong(0);
    assertTrue(throttled > 0, "waits are recorded in throttle_ms");
  }
}
