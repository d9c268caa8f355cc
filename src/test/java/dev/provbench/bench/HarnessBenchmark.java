package dev.provbench.bench;

import com.sun.net.httpserver.HttpServer;
import dev.provbench.job.Job;
import dev.provbench.job.JobReader;
import dev.provbench.run.BenchmarkRun;
import dev.provbench.run.PreparedRun;
import dev.provbench.run.SparkSessions;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Harness efficiency: a local server answers every call after a fixed delay L; the job's wall time is
 * compared with its lower bound (max over models of cells x L / concurrency), and the client's latency
 * with the server's own service time. Usage: bench/harness.sh [models] [cases] [trials] [delayMs] [concurrency].
 */
public final class HarnessBenchmark {
  private static final String REPLY = "<function=select_choice>{\\\"reasons\\\": \\\"same\\\", \\\"choice\\\": \\\"C\\\"}</function>";

  public static void main(String[] args) throws Exception {
    int models = args.length > 0 ? Integer.parseInt(args[0]) : 8;
    int cases = args.length > 1 ? Integer.parseInt(args[1]) : 100;
    int trials = args.length > 2 ? Integer.parseInt(args[2]) : 3;
    long delayMs = args.length > 3 ? Long.parseLong(args[3]) : 200;
    int concurrency = args.length > 4 ? Integer.parseInt(args[4]) : 3;

    ConcurrentLinkedQueue<Long> serviceMicros = new ConcurrentLinkedQueue<>();
    HttpServer server = fixedDelayServer(delayMs, serviceMicros);
    Path dir = Files.createTempDirectory("provbench-bench");
    try {
      long t0 = System.nanoTime();
      SparkSession spark = SparkSessions.create("provbench-bench", models + 2, Map.of());
      double startup = seconds(t0);

      Job warm = writeJob(dir.resolve("warm"), server.getAddress().getPort(), 2, 5, 1, concurrency);
      long t1 = System.nanoTime();
      BenchmarkRun.execute(spark, PreparedRun.prepare(warm, Map.of()), new PrintStream(OutputStream.nullOutputStream()), 0);
      double warmup = seconds(t1);
      serviceMicros.clear();

      Job job = writeJob(dir.resolve("main"), server.getAddress().getPort(), models, cases, trials, concurrency);
      PreparedRun run = PreparedRun.prepare(job, Map.of());
      long t2 = System.nanoTime();
      BenchmarkRun.execute(spark, run, new PrintStream(OutputStream.nullOutputStream()), 0);
      double wall = seconds(t2);

      long cellsPerModel = (long) cases * trials;
      double lowerBound = cellsPerModel * delayMs / 1000.0 / concurrency;
      List<Row> lat = spark.read().parquet(job.output().toString())
          .selectExpr("percentile(latency_ms, 0.5)", "percentile(latency_ms, 0.99)", "count(*)",
              "sum(CASE WHEN status = 'ok' THEN 1 ELSE 0 END)")
          .collectAsList();
      List<Long> service = new ArrayList<>(serviceMicros);
      service.sort(Long::compare);
      double serviceP50 = service.get(service.size() / 2) / 1000.0;
      double serviceP99 = service.get((int) Math.min(service.size() - 1, Math.round(service.size() * 0.99))) / 1000.0;
      Row r = lat.get(0);
      System.out.printf("calls: %d (%d ok) over %d models, L = %d ms, concurrency %d per model%n",
          r.getLong(2), r.getLong(3), models, delayMs, concurrency);
      System.out.printf("spark start-up: %.1f s; warm-up job: %.1f s%n", startup, warmup);
      System.out.printf("wall: %.2f s; lower bound: %.2f s; ratio: %.3f (target <= 1.10)%n", wall, lowerBound, wall / lowerBound);
      System.out.printf("client latency p50 %.1f ms, p99 %.1f ms; server service p50 %.2f ms, p99 %.2f ms%n",
          r.getDouble(0), r.getDouble(1), serviceP50, serviceP99);
      System.out.printf("client overhead: median %.1f ms, p99 %.1f ms (target median <= 2 ms)%n",
          r.getDouble(0) - serviceP50, r.getDouble(1) - serviceP99);
      spark.stop();
    } finally {
      server.stop(0);
    }
  }

  private static HttpServer fixedDelayServer(long delayMs, ConcurrentLinkedQueue<Long> serviceMicros) throws Exception {
    // Without TCP_NODELAY the JDK server's separate header and body writes meet delayed ACKs: +40 ms a call.
    System.setProperty("sun.net.httpserver.nodelay", "true");
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 512);
    server.setExecutor(Executors.newFixedThreadPool(128));
    byte[] body = ("data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"" + REPLY + "\"}}]}\n\n"
        + "data: {\"choices\":[],\"usage\":{\"prompt_tokens\":400,\"completion_tokens\":20}}\n\n"
        + "data: [DONE]\n\n").getBytes(StandardCharsets.UTF_8);
    server.createContext("/", exchange -> {
      long start = System.nanoTime();
      exchange.getRequestBody().readAllBytes();
      try {
        Thread.sleep(delayMs);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
      exchange.sendResponseHeaders(200, body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
      serviceMicros.add((System.nanoTime() - start) / 1000);
    });
    server.start();
    return server;
  }

  private static Job writeJob(Path dir, int port, int models, int cases, int trials, int concurrency) throws Exception {
    Files.createDirectories(dir);
    StringBuilder data = new StringBuilder();
    for (int i = 0; i < cases; i++) {
      data.append("{\"id\": \"c").append(i).append("\", \"input\": {\"input\": \"question ").append(i)
          .append("\", \"output\": \"answer\", \"expected\": \"answer\"}, \"expected\": 1}\n");
    }
    Files.writeString(dir.resolve("cases.jsonl"), data);
    Files.copy(Path.of("data/templates/factuality.yaml"), dir.resolve("judge.yaml"));
    StringBuilder yaml = new StringBuilder("""
        name: harness-bench
        run_id: bench
        dataset: cases.jsonl
        output: results
        task: {template: judge.yaml, stream: true}
        trials: %d
        concurrency: %d
        providers:
          - name: Local
            base_url: http://127.0.0.1:%d/v1
            models:
        """.formatted(trials, concurrency, port));
    for (int m = 0; m < models; m++) yaml.append("      - {id: model-").append(m).append(", size: 8b}\n");
    Files.writeString(dir.resolve("job.yaml"), yaml);
    return JobReader.read(dir.resolve("job.yaml"));
  }

  private static double seconds(long startNanos) {
    return (System.nanoTime() - startNanos) / 1e9;
  }
}
