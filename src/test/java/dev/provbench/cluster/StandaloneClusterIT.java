package dev.provbench.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.provbench.JudgeCases;
import dev.provbench.sim.ModelStats;
import dev.provbench.sim.SimProfile;
import dev.provbench.sim.SimulatedProviders;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged cluster jar on a real standalone Spark cluster on 127.0.0.1 (a master, a worker, two
 * executor JVMs, all started from Spark's own jars), submitted with {@code SparkSubmit} as a user would:
 * the API key reaches the executors through {@code spark.executorEnv}, each model's cells are split over
 * two partitions, and the simulated provider sees at most the model's concurrency in flight.
 */
class StandaloneClusterIT {
  private static final int CELLS = 30 * 2 * 2;

  @TempDir
  Path dir;

  private Path job(String baseUrl) throws IOException {
    JudgeCases.write(dir, 30);
    Path job = dir.resolve("job.yaml");
    Files.writeString(job, """
        run_id: cluster
        dataset: cases.jsonl
        output: results
        task: {template: judge.yaml}
        trials: 2
        concurrency: 4
        partitions_per_model: 2
        providers:
          - name: Sim
            base_url: %s
            api_key_env: CLUSTER_TEST_KEY
            models: [{id: judge-a}, {id: judge-b}]
        """.formatted(baseUrl));
    return job;
  }

  @Test
  void theClusterJarRunsOnAStandaloneClusterWithinEachModelsBound() throws Exception {
    SimProfile profile = SimProfile.parse("""
        providers:
          - name: Sim
            path: /s
            models:
              - {id: judge-a, ttft_ms: {median: 80, sigma: 0}, tokens_per_s: {median: 2000, sigma: 0}}
              - {id: judge-b, ttft_ms: {median: 80, sigma: 0}, tokens_per_s: {median: 2000, sigma: 0}}
        """, "cluster profile");
    try (SimulatedProviders sim = SimulatedProviders.start(profile, 0);
         LocalStandaloneCluster cluster = LocalStandaloneCluster.fromBuild(dir).start(4)) {
      Path job = job(sim.baseUrl("Sim"));
      Process submit = cluster.submit("submit", Map.of("CLUSTER_TEST_KEY", "cluster-test-key"), Map.of(
          "spark.executor.cores", "2", "spark.cores.max", "4", "spark.executor.memory", "1g",
          "spark.executorEnv.CLUSTER_TEST_KEY", "cluster-test-key"), List.of("run", job.toString(), "--progress-seconds", "0"));
      assertTrue(submit.waitFor(240, TimeUnit.SECONDS), "the submitted run did not finish");
      String log = cluster.logText("submit");
      assertEquals(0, submit.exitValue(), log);
      assertTrue(log.contains("2 experiments, " + CELLS + " cells"), log);

      assertTrue(sim.awaitIdle(5_000));
      for (ModelStats m : sim.stats().models()) {
        assertTrue(m.maxConcurrency() <= 4, m.model() + " had " + m.maxConcurrency() + " in flight at once");
        assertEquals(CELLS / 2, m.requests(), m.model());
      }
      try (Stream<Path> executors = Files.walk(cluster.workDir(), 2)) {
        assertEquals(2, executors.filter(p -> p.getParent().getFileName().toString().startsWith("app-")).count(),
            "two executor JVMs ran the cells");
      }
      try (Connection duck = DriverManager.getConnection("jdbc:duckdb:");
           ResultSet r = duck.createStatement().executeQuery("SELECT count(*), count(DISTINCT cell_id) FROM read_parquet('"
               + dir.resolve("results") + "/run_id=cluster/*.parquet')")) {
        assertTrue(r.next());
        assertEquals(CELLS, r.getLong(1));
        assertEquals(CELLS, r.getLong(2));
      }
    }
  }
}
