package dev.provbench.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.provbench.JudgeCases;
import dev.provbench.Slow;
import dev.provbench.SparkTestSession;
import dev.provbench.job.Job;
import dev.provbench.job.JobReader;
import dev.provbench.results.ResultsFolder;
import dev.provbench.sim.SimProfile;
import dev.provbench.sim.SimulatedProviders;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A ladder interrupted in its second step (its later chunks lost, as a kill before their commit would) and resumed:
 * each step counts only its own cells as done, only the missing cells are called, and a model the stop rule had
 * stopped in the first step is not called again.
 */
@Slow("a load ladder through Spark, stopped and resumed")
class ResumedLadderTest {
  private static final int STEP = 20 + 2;

  @TempDir
  Path dir;

  @Test
  void aResumedLadderCountsEachStepsOwnCells() throws Exception {
    SimProfile profile = SimProfile.parse("""
        time_scale: 0.01
        providers:
          - {name: Failing, path: /f, models: [{id: failing-8b, rate_400: 0.8}]}
          - {name: Fine, path: /ok, models: [{id: fine-8b}]}
        """, "inline");
    try (SimulatedProviders sim = SimulatedProviders.start(profile, 0)) {
      Job job = JobReader.read(JudgeCases.job(dir, 20, "resumed", """
          task: {template: judge.yaml}
          commit: {every_cells: 3}
          load: {concurrency: [1, 2, 4], cells_per_step: 20, warmup_cells: 2}
          providers:
            - {name: Failing, base_url: %s, models: [{id: failing-8b}]}
            - {name: Fine, base_url: %s, models: [{id: fine-8b}]}
          """.formatted(sim.baseUrl("Failing"), sim.baseUrl("Fine"))));
      SparkSession spark = SparkTestSession.get();
      LoadLadder.execute(spark, PreparedRun.prepare(job, Map.of()), new PrintStream(OutputStream.nullOutputStream()), 0);
      assertTrue(sim.awaitIdle(10_000));
      long failingRows = rows(spark, job, "provider = 'Failing'");
      assertTrue(failingRows < STEP, "the failing model was stopped in step 1: " + failingRows);
      assertEquals(3L * STEP, rows(spark, job, "provider = 'Fine'"));

      // Interrupted in step 2: its last chunks and all of step 3 never committed.
      List<String> stepTwo = files(spark, job, 2);
      for (String f : stepTwo.subList(stepTwo.size() / 2, stepTwo.size())) Files.delete(Path.of(URI.create(f)));
      for (String f : files(spark, job, 3)) Files.delete(Path.of(URI.create(f)));
      long keptTwo = rows(spark, job, "load_step = 2");
      assertTrue(keptTwo > 0 && keptTwo < STEP, "part of step 2 kept: " + keptTwo);
      assertEquals(0, rows(spark, job, "load_step = 3"));

      sim.resetStats();
      ByteArrayOutputStream printed = new ByteArrayOutputStream();
      LoadLadder.execute(spark, PreparedRun.prepare(job, Map.of(), new PreparedRun.Resume(false)),
          new PrintStream(printed, true, StandardCharsets.UTF_8), 0);
      assertTrue(sim.awaitIdle(10_000));
      String log = printed.toString(StandardCharsets.UTF_8);

      assertTrue(log.contains("load step 1: Failing / failing-8b stopped after"), "stopped again from its rows\n" + log);
      assertTrue(log.contains("resuming resumed: " + STEP + " cells already done, 0 to run"), "step 1\n" + log);
      assertTrue(log.contains("resuming resumed: " + keptTwo + " cells already done, " + (STEP - keptTwo) + " to run"),
          "step 2\n" + log);
      assertTrue(log.contains("resuming resumed: 0 cells already done, " + STEP + " to run"), "step 3\n" + log);
      assertEquals(0, sim.stats().model("failing-8b").requests(), "the stopped model is not called again");
      assertEquals(2 * STEP - keptTwo, sim.stats().model("fine-8b").requests(), "only the missing cells are called");
      assertEquals(3L * STEP, rows(spark, job, "provider = 'Fine'"));
      assertEquals(failingRows, rows(spark, job, "provider = 'Failing'"));
      assertEquals(rows(spark, job, "true"), spark.read().parquet(job.output().toString()).select("cell_id").distinct().count());
    }
  }

  private static long rows(SparkSession spark, Job job, String where) {
    return spark.read().parquet(job.output().toString()).where("run_id = 'resumed' AND " + where).count();
  }

  /** The committed files holding the step's rows, in the order they were written. */
  private static List<String> files(SparkSession spark, Job job, int step) throws Exception {
    String runDir = ResultsFolder.runDir(job.output(), job.runId()).toUri().toString();
    return spark.read().parquet(runDir).where("load_step = " + step).selectExpr("input_file_name() AS f").distinct()
        .collectAsList().stream().map((Row r) -> r.getString(0)).sorted().toList();
  }
}
