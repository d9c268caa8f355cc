package dev.provbench.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.provbench.JudgeCases;
import dev.provbench.sim.ModelStats;
import dev.provbench.sim.SimProfile;
import dev.provbench.sim.SimulatedProviders;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An executor JVM killed mid-run on a standalone cluster (two executors of two cores; six models packed into four
 * tasks): Spark re-runs its tasks elsewhere, the run still ends with every cell exactly one row, no model ever
 * has more than its concurrency in flight at the simulated provider, and the summary counts the cells the lost
 * attempts had done but not committed as re-run calls. Commits are rare here, so every cell the killed executor
 * had done is re-run: the calls the provider saw beyond one per cell are at least the count reported.
 */
class ExecutorLossIT {
  private static final int MODELS = 6;
  private static final int CASES = 30;
  private static final int TRIALS = 4;
  private static final int CELLS = MODELS * CASES * TRIALS;
  private static final int CONCURRENCY = 3;
  private static final Pattern PROGRESS = Pattern.compile("progress: (\\d+)/" + CELLS);
  private static final Pattern LOST = Pattern.compile("lost task attempts: (\\d+) .*re-run calls: (\\d+) cells");

  @TempDir
  Path dir;

  private static String models(String format) {
    StringBuilder out = new StringBuilder();
    for (int m = 1; m <= MODELS; m++) out.append(format.formatted(m));
    return out.toString();
  }

  private Path job(String baseUrl) throws Exception {
    JudgeCases.write(dir, CASES);
    Path job = dir.resolve("job.yaml");
    Files.writeString(job, """
        run_id: lost
        dataset: cases.jsonl
        output: results
        task: {template: judge.yaml}
        trials: %d
        concurrency: %d
        commit: {every_cells: 100000, every_seconds: 3600}
        providers:
          - name: Sim
            base_url: %s
            models:
        %s""".formatted(TRIALS, CONCURRENCY, baseUrl, models("      - {id: judge-%d}\n")));
    return job;
  }

  @Test
  void aLostExecutorsCellsRunAgainAndEveryCellIsOneRowWithinEachModelsBound() throws Exception {
    SimProfile profile = SimProfile.parse("""
        providers:
          - name: Sim
            path: /s
            models:
        %s""".formatted(models("      - {id: judge-%d, max_concurrency: 64, ttft_ms: {median: 60, sigma: 0},"
        + " tokens_per_s: {median: 2000, sigma: 0}}\n")), "executor loss profile");
    try (SimulatedProviders sim = SimulatedProviders.start(profile, 0);
         LocalStandaloneCluster cluster = LocalStandaloneCluster.fromBuild(dir).start(4)) {
      Process submit = cluster.submit("submit", Map.of(), Map.of("spark.executor.cores", "2", "spark.cores.max", "4",
          "spark.executor.memory", "1g"), List.of("run", job(sim.baseUrl("Sim")).toString(), "--progress-seconds", "1"));

      awaitProgress(cluster, submit, CELLS / 5);
      List<ProcessHandle> executors = cluster.executors();
      assertEquals(2, executors.size(), "two executors run the tasks");
      executors.get(0).destroyForcibly();

      assertTrue(submit.waitFor(180, TimeUnit.SECONDS), "the run did not finish:\n" + cluster.logText("submit"));
      String log = cluster.logText("submit");
      assertEquals(0, submit.exitValue(), log);
      Matcher lost = LOST.matcher(log);
      assertTrue(lost.find(), "no lost attempts reported:\n" + log);
      assertTrue(Integer.parseInt(lost.group(1)) >= 1, lost.group());
      long reported = Long.parseLong(lost.group(2));

      assertTrue(sim.awaitIdle(5_000));
      long requests = 0;
      for (ModelStats m : sim.stats().models()) {
        assertTrue(m.maxConcurrency() <= CONCURRENCY, m.model() + " had " + m.maxConcurrency() + " in flight at once");
        assertTrue(m.requests() >= CASES * TRIALS, m.model() + ": " + m.requests());
        requests += m.requests();
      }
      assertTrue(reported > 0 && reported <= requests - CELLS,
          "re-run calls reported " + reported + ", calls beyond one per cell " + (requests - CELLS));
      try (Connection duck = DriverManager.getConnection("jdbc:duckdb:");
           ResultSet r = duck.createStatement().executeQuery("SELECT count(*), count(DISTINCT cell_id) FROM read_parquet('"
               + dir.resolve("results") + "/run_id=lost/*.parquet')")) {
        assertTrue(r.next());
        assertEquals(CELLS, r.getLong(1), "rows");
        assertEquals(CELLS, r.getLong(2), "distinct cells");
      }
    }
  }

  /** Waits until the driver's progress line shows at least {@code cells} done. */
  private static void awaitProgress(LocalStandaloneCluster cluster, Process submit, int cells) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
    while (System.nanoTime() < deadline && submit.isAlive()) {
      Matcher m = PROGRESS.matcher(cluster.logText("submit"));
      int done = 0;
      while (m.find()) done = Integer.parseInt(m.group(1));
      if (done >= cells) return;
      Thread.sleep(100);
    }
    throw new AssertionError("the run never reached " + cells + " cells:\n" + cluster.logText("submit"));
  }
}
