package dev.provbench.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.provbench.Slow;
import dev.provbench.SparkTestSession;
import dev.provbench.decide.AdaptiveMarker;
import dev.provbench.decide.CellMatrix;
import dev.provbench.decide.RoundPlanner;
import dev.provbench.decide.Walk;
import dev.provbench.job.Job;
import dev.provbench.job.JobReader;
import dev.provbench.results.CellOutcomes;
import dev.provbench.results.ResultsFolder;
import dev.provbench.run.AdaptiveRun;
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
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An adaptive run in a child JVM is killed with SIGKILL in the middle of its rounds; the resumed run goes on from the
 * committed cells with the same plan, calls only cells that have no row, and ends with every cell once and the same
 * decisions that a walk over its stored cells computes.
 */
@Slow("kills an adaptive run in a child JVM and resumes it")
class AdaptiveKillAndResumeTest {
  @TempDir
  Path dir;

  @Test
  void aKilledAdaptiveRunResumesWithOnlyTheMissingCalls() throws Exception {
    SimProfile profile = SimProfile.load(Path.of("data/sim/adaptive-easy-profile.yaml")).withTimeScale(0.3);
    try (SimulatedProviders sim = SimulatedProviders.start(profile, 0)) {
      Path jobFile = job(sim.port());
      Job job = JobReader.read(jobFile);
      Path runDir = ResultsFolder.runDir(job.output(), "killed").localPath();

      Path childLog = dir.resolve("child.log");
      Process child = ChildJvm.start(childLog, List.of(), "dev.provbench.cli.Main", "run", jobFile.toString(),
          "--progress-seconds", "1");
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
      while (!Files.readString(childLog).contains("adaptive: round 2:") && child.isAlive() && System.nanoTime() < deadline) {
        Thread.sleep(50);
      }
      long atRoundTwo = committedFiles(runDir);
      while (committedFiles(runDir) < atRoundTwo + 2 && child.isAlive() && System.nanoTime() < deadline) Thread.sleep(20);
      assertTrue(child.isAlive(), "the run was still going when killed; log: " + Files.readString(childLog));
      child.destroyForcibly();
      assertTrue(child.waitFor(30, TimeUnit.SECONDS));
      assertNotEquals(0, child.exitValue());
      String log = Files.readString(childLog);
      assertTrue(log.contains("adaptive: round 2:") && !log.contains("adaptive: round 3:"), "killed in round 2: " + log);

      SparkSession spark = SparkTestSession.get();
      long before = rows(spark, job).getLong(0);
      assertTrue(sim.awaitIdle(10_000), "the killed run's calls in flight ended");
      sim.resetStats();
      Walk walk = AdaptiveRun.execute(spark, PreparedRun.prepare(job, Map.of(), new PreparedRun.Resume(false)),
          new PrintStream(OutputStream.nullOutputStream()), 0);
      assertTrue(sim.awaitIdle(5_000));
      assertEquals("every decision settled", walk.stop());
      Row after = rows(spark, job);
      assertEquals(after.getLong(0), after.getLong(1), "no cell twice");
      assertEquals(walk.calls(), after.getLong(0), "every cell the rounds asked for, once");
      assertEquals(after.getLong(0) - before, sim.stats().totalRequests(), "calls made by the resumed run: only cells without a row");
      AdaptiveMarker marker = AdaptiveMarker.read(job.output(), "killed").orElseThrow();
      CellMatrix stored = marker.matrix();
      CellOutcomes.of(spark, job.output(), "killed").forEach(stored::put);
      assertEquals(walk.decisions(), RoundPlanner.settle(stored, marker.plan()).decisions());
      System.out.printf("adaptive kill and resume: %d cells committed before SIGKILL, %d calls on resume, %d rows after%n",
          before, sim.stats().totalRequests(), after.getLong(0));
    }
  }

  private Path job(int port) throws Exception {
    String text = Files.readString(Path.of("jobs/adaptive-8b.yaml"))
        .replace("127.0.0.1:8765", "127.0.0.1:" + port)
        .replace("../data/", Path.of("data").toAbsolutePath() + "/")
        .replace("output: ../results", "output: results\nrun_id: killed\ncommit: {every_cells: 5, every_seconds: 1}\n"
            + "adaptive: {decisions: [most_accurate, fastest]}");
    Path job = dir.resolve("job.yaml");
    Files.writeString(job, text);
    return job;
  }

  private static Row rows(SparkSession spark, Job job) {
    return spark.sql("SELECT count(*), count(DISTINCT cell_id) FROM parquet.`" + job.output() + "` WHERE run_id = 'killed'").first();
  }

  private static long committedFiles(Path runDir) throws Exception {
    if (!Files.isDirectory(runDir)) return 0;
    try (Stream<Path> files = Files.list(runDir)) {
      return files.filter(f -> f.getFileName().toString().startsWith("part-")).count();
    }
  }
}
