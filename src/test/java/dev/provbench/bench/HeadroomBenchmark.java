package dev.provbench.bench;

import dev.provbench.job.Job;
import dev.provbench.job.JobReader;
import dev.provbench.run.BenchmarkRun;
import dev.provbench.run.PreparedRun;
import dev.provbench.run.SparkSessions;
import dev.provbench.sim.RequestRecord;
import dev.provbench.sim.SimProfile;
import dev.provbench.sim.SimulatedProviders;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Harness headroom: how many cells per second provbench sustains with many calls in flight, and what the client
 * itself adds to each call. The simulated providers (in this JVM) answer every call after a fixed service time S,
 * so N calls in flight can finish at most N ÷ S cells per second. At each N a plain client (no Spark, see
 * {@link PlainClientLoad}) runs first, then a real job ({@code concurrency: N}, one model, N cases × rounds trials)
 * through {@link BenchmarkRun} in Spark local mode, as {@code provbench run} does. Each call's overhead is its
 * client-measured latency minus the server's service time of the same completion ({@link RequestRecord#serviceMs},
 * joined by completion id). Usage: bench/headroom.sh [inFlight=256,1024] [rounds=20] [serviceMs=200] [commitEveryCells],
 * the last to set the job's {@code commit.every_cells} (default: the job's default).
 */
public final class HeadroomBenchmark {
  static final String MODEL = "fixed-service";

  /**
   * One client at one load.
   *
   * @param client          {@code provbench} or {@code plain client}.
   * @param inFlight        calls kept in flight (the job's {@code concurrency}).
   * @param calls           calls asked for: in-flight × rounds.
   * @param answered        calls answered with status 200 and found in the server's journal.
   * @param idealPerS       in-flight ÷ S: what a client with no overhead would sustain.
   * @param sustainedPerS   calls finished per second from the end of the first round to the end of the round before
   *                        the last (the steady state: no ramp-up, no drain; see {@link #steadyRate}).
   * @param overheadP50Ms   median over calls of client latency minus server service time, ms.
   * @param overheadP99Ms   99th percentile of the same.
   * @param serviceP50Ms    the server's service time, median.
   * @param serviceP99Ms    the server's service time, 99th percentile.
   * @param serverInFlight  median over calls of the calls the server was already serving when one arrived: N − 1
   *                        when the client keeps its window full.
   * @param wallS           the whole run, job set-up and Parquet commit included.
   */
  record Figures(String client, int inFlight, long calls, long answered, double idealPerS, double sustainedPerS,
      double overheadP50Ms, double overheadP99Ms, double serviceP50Ms, double serviceP99Ms, int serverInFlight,
      double wallS) {
    double share() {
      return sustainedPerS / idealPerS;
    }
  }

  private HeadroomBenchmark() {}

  public static void main(String[] args) throws Exception {
    List<Integer> inFlight = Arrays.stream((args.length > 0 ? args[0] : "256,1024").split(",")).map(Integer::parseInt).toList();
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 20;
    long serviceMs = args.length > 2 ? Long.parseLong(args[2]) : 200;
    int commitEvery = args.length > 3 ? Integer.parseInt(args[3]) : 0;
    Path dir = Files.createTempDirectory("provbench-headroom");
    long t0 = System.nanoTime();
    SparkSession spark = SparkSessions.create("provbench-headroom", 2, Map.of());
    System.out.printf(Locale.ROOT, "spark start-up: %.1f s; %d cores%n", (System.nanoTime() - t0) / 1e9,
        Runtime.getRuntime().availableProcessors());
    List<Figures> figures = measure(spark, dir, inFlight, rounds, serviceMs, commitEvery);
    System.out.print(table(figures));
    spark.stop();
  }

  /** A warm-up at a small load, then at each load the plain client and provbench, one after the other. */
  static List<Figures> measure(SparkSession spark, Path dir, List<Integer> inFlight, int rounds, long serviceMs,
      int commitEveryCells) throws Exception {
    String commit = commitEveryCells > 0 ? "commit: {every_cells: " + commitEveryCells + "}\n" : "";
    try (SimulatedProviders sim = SimulatedProviders.start(profile(serviceMs), 0)) {
      int warm = Math.min(64, inFlight.get(0));
      PlainClientLoad.run(chatUrl(sim), MODEL, warm, 5);
      runJob(spark, dir.resolve("warm-up"), sim, warm, 5, commit);
      List<Figures> out = new ArrayList<>();
      for (int n : inFlight) {
        sim.resetStats();
        long t = System.nanoTime();
        List<PlainClientLoad.Call> plain = PlainClientLoad.run(chatUrl(sim), MODEL, n, rounds);
        double wall = (System.nanoTime() - t) / 1e9;
        sim.awaitIdle(10_000);
        out.add(plainFigures(n, rounds, serviceMs, plain, sim.requestLog(), wall));

        sim.resetStats();
        t = System.nanoTime();
        Job job = runJob(spark, dir.resolve("at-" + n), sim, n, rounds, commit);
        wall = (System.nanoTime() - t) / 1e9;
        sim.awaitIdle(10_000);
        out.add(jobFigures(spark, job, n, rounds, serviceMs, sim.requestLog(), wall));
      }
      return out;
    }
  }

  /** One model that answers after exactly {@code serviceMs}: no spread, no faults, its reply streamed at once. */
  static SimProfile profile(long serviceMs) {
    return SimProfile.parse("""
        providers:
          - name: Local
            path: /local
            models:
              - id: %s
                ttft_ms: {median: %d, sigma: 0}
                tokens_per_s: {median: 1000000000, sigma: 0}
                max_concurrency: 100000
        """.formatted(MODEL, serviceMs), "headroom benchmark");
  }

  private static String chatUrl(SimulatedProviders sim) {
    return sim.baseUrl("Local") + "/chat/completions";
  }

  private static Job runJob(SparkSession spark, Path dir, SimulatedProviders sim, int inFlight, int rounds, String commit)
      throws Exception {
    Files.createDirectories(dir);
    StringBuilder cases = new StringBuilder();
    for (int i = 0; i < inFlight; i++) {
      cases.append("{\"id\": \"c").append(i).append("\", \"input\": {\"input\": \"question ").append(i)
          .append("\", \"output\": \"answer\", \"expected\": \"answer\"}, \"expected\": 1}\n");
    }
    Files.writeString(dir.resolve("cases.jsonl"), cases);
    Files.copy(Path.of("data/templates/factuality.yaml"), dir.resolve("judge.yaml"));
    Files.writeString(dir.resolve("job.yaml"), """
        name: headroom-bench
        run_id: headroom-%d
        dataset: cases.jsonl
        output: results
        task: {template: judge.yaml, stream: true}
        trials: %d
        concurrency: %d
        providers:
          - name: Local
            base_url: %s
            models: [{id: %s, size: 8b}]
        %s""".formatted(inFlight, rounds, inFlight, sim.baseUrl("Local"), MODEL, commit));
    Job job = JobReader.read(dir.resolve("job.yaml"));
    BenchmarkRun.execute(spark, PreparedRun.prepare(job, Map.of()), new PrintStream(OutputStream.nullOutputStream()), 0);
    return job;
  }

  private static Figures jobFigures(SparkSession spark, Job job, int n, int rounds, long serviceMs, List<RequestRecord> log,
      double wall) {
    List<Row> rows = spark.read().parquet(job.output().toString())
        .selectExpr("response_id", "latency_ms", "unix_micros(finished_at) AS finished_us").where("status = 'ok'")
        .collectAsList();
    Map<String, Double> service = serviceById(log);
    List<Double> overhead = new ArrayList<>();
    long[] finished = new long[rows.size()];
    int i = 0;
    for (Row r : rows) {
      finished[i++] = r.getLong(2);
      Double s = service.get(r.<String>getAs("response_id"));
      if (s != null) overhead.add(r.<Long>getAs("latency_ms") - s);
    }
    return figures("provbench", n, rounds, serviceMs, overhead, finished, log, wall);
  }

  private static Figures plainFigures(int n, int rounds, long serviceMs, List<PlainClientLoad.Call> calls,
      List<RequestRecord> log, double wall) {
    Map<String, Double> service = serviceById(log);
    List<Double> overhead = new ArrayList<>();
    long[] finished = new long[calls.size()];
    int i = 0;
    for (PlainClientLoad.Call c : calls) {
      finished[i++] = c.finishedNanos() / 1000;
      Double s = service.get(c.responseId());
      if (s != null) overhead.add(c.latencyMs() - s);
    }
    return figures("plain client", n, rounds, serviceMs, overhead, finished, log, wall);
  }

  private static Figures figures(String client, int n, int rounds, long serviceMs, List<Double> overhead,
      long[] finishedMicros, List<RequestRecord> log, double wall) {
    double[] o = overhead.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    double[] service = log.stream().mapToDouble(RequestRecord::serviceMs).sorted().toArray();
    double[] inFlight = log.stream().mapToDouble(RequestRecord::inFlightAtArrival).sorted().toArray();
    return new Figures(client, n, (long) n * rounds, o.length, n * 1000.0 / serviceMs, steadyRate(finishedMicros, n),
        percentile(o, 0.5), percentile(o, 0.99), percentile(service, 0.5), percentile(service, 0.99),
        (int) percentile(inFlight, 0.5), wall);
  }

  private static Map<String, Double> serviceById(List<RequestRecord> log) {
    Map<String, Double> out = new HashMap<>();
    for (RequestRecord r : log) if (r.responseId() != null && r.status() == 200) out.put(r.responseId(), r.serviceMs());
    return out;
  }

  /**
   * Calls finished per second from the n-th finish (the first round's end) to the (total − n)-th (the end of the
   * round before the last): the rounds in between, with the ramp-up and the drain left out. Needs 3 rounds or more.
   */
  static double steadyRate(long[] finishedMicros, int n) {
    long[] f = finishedMicros.clone();
    Arrays.sort(f);
    int from = n - 1;
    int to = f.length - n - 1;
    if (to <= from || f[to] == f[from]) return Double.NaN;
    return (to - from) / ((f[to] - f[from]) / 1e6);
  }

  static double percentile(double[] sorted, double q) {
    if (sorted.length == 0) return Double.NaN;
    return sorted[Math.max(0, Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1))];
  }

  static String table(List<Figures> figures) {
    StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "%n%-13s %9s %7s %8s %9s %10s %8s %9s %9s %9s %9s %9s %7s%n",
        "client", "in flight", "calls", "answered", "ideal/s", "sustained/s", "÷ ideal", "ovh p50", "ovh p99",
        "svc p50", "svc p99", "srv infl", "wall s"));
    for (Figures f : figures) {
      out.append(String.format(Locale.ROOT, "%-13s %9d %7d %8d %9.0f %10.0f %8.3f %9.2f %9.2f %9.2f %9.2f %9d %7.1f%n",
          f.client(), f.inFlight(), f.calls(), f.answered(), f.idealPerS(), f.sustainedPerS(), f.share(),
          f.overheadP50Ms(), f.overheadP99Ms(), f.serviceP50Ms(), f.serviceP99Ms(), f.serverInFlight(), f.wallS()));
    }
    return out.toString();
  }
}
