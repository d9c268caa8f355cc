package dev.provbench.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.provbench.sim.ModelStats;
import dev.provbench.sim.SimProfile;
import dev.provbench.sim.SimulatedProviders;
import java.io.IOException;
import java.net.ServerSocket;
import dev.provbench.JudgeCases;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
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
  private final List<Process> processes = new ArrayList<>();

  @TempDir
  Path dir;

  @AfterEach
  void stopCluster() {
    processes.forEach(Process::destroyForcibly);
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  /** A Spark home made of the jars Maven resolved: jars/ and an empty RELEASE file. */
  private Path sparkHome() throws IOException {
    Path home = dir.resolve("spark-home");
    Files.createDirectories(home.resolve("jars"));
    Files.writeString(home.resolve("RELEASE"), "");
    for (String jar : Files.readString(Path.of(System.getProperty("provbench.sparkClasspath"))).trim().split(":")) {
      Path source = Path.of(jar);
      Files.createSymbolicLink(home.resolve("jars").resolve(source.getFileName()), source);
    }
    return home;
  }

  private Process start(Path home, String name, Map<String, String> env, List<String> args) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(List.of(System.getProperty("provbench.addOpens").trim().split("\\s+")));
    command.addAll(List.of("-Xmx1g", "-cp", home.resolve("jars") + "/*"));
    command.addAll(args);
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(dir.resolve(name + ".log").toFile());
    pb.environment().putAll(Map.of("SPARK_HOME", home.toString(), "SPARK_SCALA_VERSION", "2.13",
        "SPARK_LOCAL_IP", "127.0.0.1"));
    pb.environment().putAll(env);
    Process p = pb.start();
    processes.add(p);
    return p;
  }

  private void awaitLog(String name, String text, long seconds) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    Path log = dir.resolve(name + ".log");
    while (System.nanoTime() < deadline) {
      if (Files.exists(log) && Files.readString(log).contains(text)) return;
      Thread.sleep(200);
    }
    throw new AssertionError(name + " did not log `" + text + "`:\n" + (Files.exists(log) ? Files.readString(log) : ""));
  }

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
    try (SimulatedProviders sim = SimulatedProviders.start(profile, 0)) {
      Path home = sparkHome();
      int masterPort = freePort();
      String master = "spark://127.0.0.1:" + masterPort;
      start(home, "master", Map.of(), List.of("org.apache.spark.deploy.master.Master", "--host", "127.0.0.1",
          "--port", String.valueOf(masterPort), "--webui-port", String.valueOf(freePort())));
      awaitLog("master", "I have been elected leader", 60);
      start(home, "worker", Map.of(), List.of("org.apache.spark.deploy.worker.Worker", master, "--host", "127.0.0.1",
          "--cores", "4", "--memory", "3g", "--webui-port", String.valueOf(freePort()),
          "--work-dir", dir.resolve("work").toString()));
      awaitLog("master", "Registering worker", 60);

      Path job = job(sim.baseUrl("Sim"));
      Process submit = start(home, "submit", Map.of("CLUSTER_TEST_KEY", "cluster-test-key"), List.of(
          "org.apache.spark.deploy.SparkSubmit", "--master", master, "--deploy-mode", "client",
          "--class", "dev.provbench.cli.Main",
          "--conf", "spark.executor.cores=2", "--conf", "spark.cores.max=4", "--conf", "spark.executor.memory=1g",
          "--conf", "spark.driver.host=127.0.0.1", "--conf", "spark.executorEnv.CLUSTER_TEST_KEY=cluster-test-key",
          System.getProperty("provbench.clusterJar"), "run", job.toString(), "--progress-seconds", "0"));
      assertTrue(submit.waitFor(240, TimeUnit.SECONDS), "the submitted run did not finish");
      String log = Files.readString(dir.resolve("submit.log"));
      assertEquals(0, submit.exitValue(), log);
      assertTrue(log.contains("2 experiments, " + CELLS + " cells"), log);

      assertTrue(sim.awaitIdle(5_000));
      for (ModelStats m : sim.stats().models()) {
        assertTrue(m.maxConcurrency() <= 4, m.model() + " had " + m.maxConcurrency() + " in flight at once");
        assertEquals(CELLS / 2, m.requests(), m.model());
      }
      try (Stream<Path> executors = Files.walk(dir.resolve("work"), 2)) {
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
