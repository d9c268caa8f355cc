package dev.provbench.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.provbench.SparkTestSession;
import dev.provbench.analysis.RunSummary;
import dev.provbench.job.Job;
import dev.provbench.job.JobReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole run path on Spark local mode against a judging server: 2 providers x 2 models x 5 cases x 3 trials. */
class SparkRunTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @StartStop
  private final MockWebServer server = new MockWebServer();

  @TempDir
  Path dir;

  /** Answers C when the submission equals the expert answer, else D; model m-b of P1 garbles case "c5". */
  static final class JudgingDispatcher extends Dispatcher {
    final Map<String, AtomicInteger> inFlight = new ConcurrentHashMap<>();
    final Map<String, AtomicInteger> maxInFlight = new ConcurrentHashMap<>();
    final AtomicInteger requests = new AtomicInteger();

    @Override
    public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
      requests.incrementAndGet();
      try {
        JsonNode body = JSON.readTree(request.getBody().utf8());
        String key = request.getUrl().encodedPath() + " " + body.get("model").asText();
        int now = inFlight.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
        maxInFlight.computeIfAbsent(key, k -> new AtomicInteger()).accumulateAndGet(now, Math::max);
        try {
          Thread.sleep(80);
          String[] parts = body.at("/messages/1/content").asText().split("\\|");
          String reply = parts[1].equals(parts[2]) ? call("C") : call("D");
          if (key.equals("/p1/v1/chat/completions m-b") && parts[0].equals("c5")) reply = "I think it is C.";
          return new MockResponse.Builder().setHeader("Content-Type", "text/event-stream")
              .body(sse(reply)).build();
        } finally {
          inFlight.get(key).decrementAndGet();
        }
      } catch (IOException e) {
        return new MockResponse.Builder().code(400).build();
      }
    }

    private static String call(String choice) {
      return "<function=select_choice>{\"reasons\": \"compared\", \"choice\": \"" + choice + "\"}</function>";
    }

    private static String sse(String reply) throws IOException {
      return "data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":" + JSON.writeValueAsString(reply) + "}}]}\n\n"
          + "data: {\"choices\":[],\"usage\":{\"prompt_tokens\":1000,\"completion_tokens\":20}}\n\n"
          + "data: [DONE]\n\n";
    }
  }

  private Path job() throws Exception {
    Files.writeString(dir.resolve("cases.jsonl"), """
        {"id": "c1", "input": {"input": "c1", "output": "Paris", "expected": "Paris"}, "expected": 1}
        {"id": "c2", "input": {"input": "c2", "output": "Lyon", "expected": "Paris"}, "expected": 0}
        {"id": "c3", "input": {"input": "c3", "output": "Paris, France", "expected": "Paris"}, "expected": 0.6}
        {"id": "c4", "input": {"input": "c4", "output": "4", "expected": "4"}, "expected": 1}
        {"id": "c5", "input": {"input": "c5", "output": "5", "expected": "5"}, "expected": 1}
        """);
    Files.writeString(dir.resolve("judge.yaml"), "prompt: \"{{input}}|{{output}}|{{expected}}\"\n"
        + "choice_scores: {A: 0.4, B: 0.6, C: 1, D: 0, E: 1}\n");
    String base = "http://127.0.0.1:" + server.getPort();
    Path job = dir.resolve("job.yaml");
    Files.writeString(job, """
        name: spark-test
        run_id: r1
        dataset: cases.jsonl
        output: results
        task: {template: judge.yaml, stream: true}
        trials: 3
        concurrency: 2
        retry: {max_attempts: 2, initial_backoff_ms: 10}
        providers:
          - name: P1
            base_url: %1$s/p1/v1
            api_key_env: PATH
            models:
              - {id: m-a, size: 8b, price: {input_per_1m: 1.0, output_per_1m: 2.0}}
              - {id: m-b, size: 70b}
          - name: P2
            base_url: %1$s/p2/v1
            models:
              - {id: m-a}
              - {id: m-b, size: 70b, cost_per_hour: 36}
        """.formatted(base));
    return job;
  }

  @Test
  void writesOneRowPerCellWithinEachModelsConcurrency() throws Exception {
    JudgingDispatcher judge = new JudgingDispatcher();
    server.setDispatcher(judge);
    Job job = JobReader.read(job());
    PreparedRun run = PreparedRun.prepare(job, System.getenv());
    SparkSession spark = SparkTestSession.get();
    ByteArrayOutputStream console = new ByteArrayOutputStream();
    BenchmarkRun.execute(spark, run, new PrintStream(console, true), 0);

    String results = job.output().toString();
    List<Row> rows = spark.read().parquet(results).where("run_id = 'r1'").collectAsList();
    assertEquals(60, rows.size());
    assertEquals(60, judge.requests.get(), "no cell was sent twice");
    assertEquals(60L, spark.read().parquet(results).select("cell_id").distinct().count());
    assertTrue(Files.exists(job.output().localPath().resolve("_provbench.json")));
    assertTrue(console.toString().contains("progress: 60/60 cells (100%), 0 failed"), console.toString());

    assertEquals(4, judge.maxInFlight.size());
    judge.maxInFlight.forEach((model, max) -> assertEquals(2, max.get(), "in flight at once for " + model));

    Map<String, Row> byExperiment = new HashMap<>();
    for (Row r : RunSummary.rows(spark, results, "r1")) byExperiment.put(r.getAs("provider") + "/" + r.getAs("model"), r);
    // c1, c2, c4, c5 judged right; c3 (gold 0.6) judged D -> 0; so 4 of 5 cases score 1.
    assertSummary(byExperiment.get("P1/m-a"), 15, 0, 0.8, 1.0);
    assertSummary(byExperiment.get("P2/m-a"), 15, 0, 0.8, 1.0);
    // P1 m-b garbles c5: a parse error, answered, scoring 0.
    assertSummary(byExperiment.get("P1/m-b"), 15, 3, 0.6, 0.8);
    assertSummary(byExperiment.get("P2/m-b"), 15, 0, 0.8, 1.0);

    Row p1a = spark.read().parquet(results).where("provider = 'P1' AND model = 'm-a' AND case_id = 'c1' AND trial = 2")
        .first();
    assertEquals("ok", p1a.getAs("status"));
    assertEquals("C", p1a.getAs("choice"));
    assertEquals(1.0, (Double) p1a.getAs("output"));
    assertEquals(1000 * 1.0 / 1e6 + 20 * 2.0 / 1e6, (Double) p1a.getAs("cost_usd"), 1e-12);
    assertEquals(CellPlanner.cellId("r1", "P1", "m-a", "c1", 2), p1a.getAs("cell_id"));
    assertTrue((Long) p1a.getAs("latency_ms") >= 80);
    assertEquals(1, ((scala.collection.Seq<?>) p1a.getAs("attempt_log")).size());
  }

  private static void assertSummary(Row r, long cells, long scoredZero, double correct, double nonNull) {
    assertEquals(cells, r.<Long>getAs("cells"));
    assertEquals(scoredZero, r.<Long>getAs("scored_zero"), "no answer of " + r);
    assertEquals(0L, r.<Long>getAs("failed"), "a parse error is answered, not failed: " + r);
    assertEquals(correct, r.<Double>getAs("correct"), 1e-9, "CorrectScore of " + r);
    assertEquals(nonNull, r.<Double>getAs("non_null"), 1e-9, "NonNull of " + r);
  }
}
