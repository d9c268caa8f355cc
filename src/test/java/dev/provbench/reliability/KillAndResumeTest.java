package dev.provbench.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.provbench.JudgeCases;
import dev.provbench.Slow;
import dev.provbench.SparkTestSession;
import dev.provbench.job.Job;
import dev.provbench.job.JobReader;
import dev.provbench.results.ResultsFolder;
import dev.provbench.run.BenchmarkRun;
import dev.provbench.run.PreparedRun;
import dev.provbench.sim.SimProfile;
import dev.provbench.sim.SimulatedProviders;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real run in a child JVM is killed with SIGKILL once some chunks are committed; the resumed run
 * makes only the missing calls, counted at the simulated provider, and every cell ends as one row.
 */
@Slow("kills a run in a child JVM and resumes it")
class KillAndResumeTest {
  private static final int CELLS = 40 * 2 * 2;

  @TempDir
  Path dir;

  private Path job(int port) throws Exception {
    JudgeCases.write(dir, 40);
    Path job = dir.resolve("job.yaml");
    Files.writeString(job, """
        run_id: killed
        dataset: cases.jsonl
        output: results
        task: {template: judge.yaml}
        trials: 2
        concurrency: 2
        commit: {every_cells: 5, every_seconds: 1}
        providers:
          - name: Sim
            base_url: http://127.0.0.1:%d/s/v1
            models: [{id: judge-a}, {id: judge-b}]
        """.formatted(port));
    return job;
  }

  private static SimProfile profile() {
    return SimProfile.parse("""
        time_scale: 1
        providers:
          - name: Sim
            path: /s
            models:
              - {id: judge-a, ttft_ms: {median: 150, sigma: 0}, tokens_per_s: {median: 1000, sigma: 0}}
              - {id: judge-b, ttft_ms: {median: 150, sigma: 0}, tokens_per_s: {median: 1000, sigma: 0}}
        """, "kill-test profile");
  }

  private static long distinctAfter(SparkSession spark, Job job) {
    return spark.read().parquet(job.output().toString()).where("run_id = 'killed'").select("cell_id").distinct().count();
  }

  private static long committedFiles(Path runDir) throws Exception {
    if (!Files.isDirectory(runDir)) return 0;
    try (Stream<Path> files = Files.list(runDir)) {
      return files.filter(f -> f.getFileName().toString().startsWith("part-")).count();
    }
  }

  @Test
  void aKilledRunResumesWithOnlyTheMissingCalls() throws Exception {
    try (SimulatedProviders sim = SimulatedProviders.start(profile(), 0)) {
      Path jobFile = job(sim.port());
      Job job = JobReader.read(jobFile);
      Path runDir = ResultsFolder.runDir(job.output(), "killed").localPath();

      // -Dspark.speculation=true, as a user's cluster defaults might say: provbench must turn it off
      Process child = ChildJvm.start(dir.resolve("child.log"), List.of("-Dspark.speculation=true"), "dev.provbench.cli.Main",
          "run", jobFile.toString(), "--progress-seconds", "1");
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
      while (committedFiles(runDir) < 6 && child.isAlive() && System.nanoTime() < deadline) Thread.sleep(50);
      assertTrue(child.isAlive(), "the run was still going when killed; log: " + Files.readString(dir.resolve("child.log")));
      child.destroyForcibly();
      assertTrue(child.waitFor(30, TimeUnit.SECONDS));
      assertNotEquals(0, child.exitValue());

      String log = Files.readString(dir.resolve("child.log"));
      assertTrue(log.contains("spark.speculation=true was set; provbench turns it off"), log);

      SparkSession spark = SparkTestSession.get();
      long before = spark.read().parquet(job.output().toString()).where("run_id = 'killed'").count();
      assertTrue(before >= 6 && before < CELLS, "rows committed before the kill: " + before);

      assertTrue(sim.awaitIdle(10_000), "the killed run's calls in flight ended");
      sim.resetStats();
      BenchmarkRun.execute(spark, PreparedRun.prepare(job, Map.of(), new PreparedRun.Resume(false)),
          new PrintStream(OutputStream.nullOutputStream()), 0);
      assertTrue(sim.awaitIdle(5_000));
      assertEquals(CELLS - before, sim.stats().totalRequests(), "calls made by the resumed run");
      assertEquals(CELLS, spark.read().parquet(job.output().toString()).where("run_id = 'killed'").count());
      assertEquals(CELLS, spark.read().parquet(job.output().toString()).where("run_id = 'killed'")
          .select("cell_id").distinct().count());
      System.out.printf("kill and resume: %d of %d cells committed before SIGKILL, %d calls on resume%n", before, CELLS,
          sim.stats().totalRequests());
      DocSection.check("kill-resume", "| cells planned | killed (SIGKILL) after | calls on resume | rows after | cells lost |"
          + " cells duplicated |\n|---|---|---|---|---|---|\n" + DocSection.row(CELLS, "6 committed chunks",
          "= cells without a row", CELLS, CELLS - distinctAfter(spark, job), CELLS - distinctAfter(spark, job)));
    }
  }

}
