package dev.provbench.bench;

import dev.provbench.JudgeCases;
import dev.provbench.job.Job;
import dev.provbench.job.JobReader;
import dev.provbench.run.BenchmarkRun;
import dev.provbench.run.PreparedRun;
import dev.provbench.run.SparkSessions;
import dev.provbench.sim.ModelStats;
import dev.provbench.sim.SimProfile;
import dev.provbench.sim.SimulatedProviders;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Soak: many cells against simulated providers that refuse 20% of calls with 429, fail 2% with 5xx
 * and hang 1%, at a fast time scale, in a driver with a small heap. Counts lost and duplicated cells
 * and samples heap use after each GC. Usage: bench/soak.sh [models] [cases] [trials] [concurrency].
 */
public final class SoakBenchmark {
  public static void main(String[] args) throws Exception {
    int models = args.length > 0 ? Integer.parseInt(args[0]) : 10;
    int cases = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
    int trials = args.length > 2 ? Integer.parseInt(args[2]) : 5;
    int concurrency = args.length > 3 ? Integer.parseInt(args[3]) : 8;
    long cells = (long) models * cases * trials;

    StringBuilder profile = new StringBuilder("time_scale: 0.01\nseed: 11\nproviders:\n  - name: Soak\n    path: /soak\n    models:\n");
    for (int m = 0; m < models; m++) {
      profile.append("      - {id: soak-").append(m).append(", ttft_ms: {median: 400, sigma: 0.3}, tokens_per_s: {median: 60, sigma: 0.2},"
          + " max_concurrency: 64, retry_after_s: 1, rate_429: 0.20, rate_5xx: 0.02, rate_hang: 0.01, hang_ms: 100000}\n");
    }
    Path dir = Files.createTempDirectory("provbench-soak");
    try (SimulatedProviders sim = SimulatedProviders.start(SimProfile.parse(profile.toString(), "soak profile"), 0)) {
      Job job = writeJob(dir, sim.baseUrl("Soak"), models, cases, trials, concurrency);
      SparkSession spark = SparkSessions.create("provbench-soak", models + 2, Map.of());
      List<Long> heapMb = new ArrayList<>();
      ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
      MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
      sampler.scheduleAtFixedRate(() -> {
        System.gc();
        synchronized (heapMb) {
          heapMb.add(memory.getHeapMemoryUsage().getUsed() >> 20);
        }
      }, 1, 2, TimeUnit.SECONDS);
      long t0 = System.nanoTime();
      BenchmarkRun.execute(spark, PreparedRun.prepare(job, Map.of()), new PrintStream(System.out, true), 10);
      double seconds = (System.nanoTime() - t0) / 1e9;
      sampler.shutdownNow();

      Row r = spark.read().parquet(job.output().toString()).selectExpr("count(*)", "count(DISTINCT cell_id)",
          "sum(attempts)", "sum(rate_limited)", "sum(CASE WHEN status = 'ok' THEN 1 ELSE 0 END)",
          "sum(CASE WHEN status = 'timeout' THEN 1 ELSE 0 END)", "sum(CASE WHEN status = 'http_error' THEN 1 ELSE 0 END)",
          "sum(CASE WHEN status NOT IN ('ok', 'timeout', 'http_error') THEN 1 ELSE 0 END)",
          "sum(size(filter(attempt_log, a -> a.status = 'timeout')))",
          "sum(size(filter(attempt_log, a -> a.http_status >= 500)))").first();
      long served = sim.stats().models().stream().mapToLong(ModelStats::requests).sum();
      long rows = r.getLong(0);
      long distinct = r.getLong(1);
      System.out.printf("cells planned: %d; rows: %d; distinct cells: %d; lost: %d; duplicated: %d%n", cells, rows,
          distinct, cells - distinct, rows - distinct);
      System.out.printf("attempts: %d (server saw %d); 429s: %d; 5xx: %d; timeouts (hangs): %d%n", r.getLong(2), served,
          r.getLong(3), r.getLong(9), r.getLong(8));
      System.out.printf("final status: ok %d, http_error %d, timeout %d, other %d%n", r.getLong(4), r.getLong(6),
          r.getLong(5), r.getLong(7));
      synchronized (heapMb) {
        int n = heapMb.size();
        List<Long> firstHalf = heapMb.subList(0, n / 2);
        List<Long> secondHalf = heapMb.subList(n / 2, n);
        System.out.printf("wall: %.1f s (%.0f cells/s); max heap %d MB; heap after GC (MB): first half max %d, second half max %d; samples %s%n",
            seconds, cells / seconds, Runtime.getRuntime().maxMemory() >> 20, firstHalf.stream().mapToLong(x -> x).max().orElse(0),
            secondHalf.stream().mapToLong(x -> x).max().orElse(0), heapMb);
      }
      spark.stop();
    }
  }

  private static Job writeJob(Path dir, String baseUrl, int models, int cases, int trials, int concurrency) throws Exception {
    JudgeCases.write(dir, cases);
    StringBuilder yaml = new StringBuilder("""
        run_id: soak
        dataset: cases.jsonl
        output: results
        task: {template: judge.yaml, stream: true}
        trials: %d
        concurrency: %d
        timeouts: {connect_ms: 2000, read_ms: 300, call_ms: 5000}
        retry: {max_attempts: 4, initial_backoff_ms: 20, max_backoff_ms: 200}
        commit: {every_cells: 500, every_seconds: 10}
        providers:
          - name: Soak
            base_url: %s
            models:
        """.formatted(trials, concurrency, baseUrl));
    for (int m = 0; m < models; m++) yaml.append("      - {id: soak-").append(m).append(", size: 8b}\n");
    Files.writeString(dir.resolve("job.yaml"), yaml);
    return JobReader.read(dir.resolve("job.yaml"));
  }
}
