package dev.provbench.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.provbench.JudgeCases;
import dev.provbench.Slow;
import dev.provbench.SparkTestSession;
import dev.provbench.analysis.load.LoadOptions;
import dev.provbench.cli.Main;
import dev.provbench.input.BadInputException;
import dev.provbench.job.Job;
import dev.provbench.job.JobReader;
import dev.provbench.run.LoadLadder;
import dev.provbench.run.PreparedRun;
import dev.provbench.sim.SimProfile;
import dev.provbench.sim.SimulatedProviders;
import dev.provbench.stats.Bootstrap;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real three-step ladder (1, 2 and 16 in flight, the last far past 6 so that the server sees it even on a busy machine; 24 measured and 3 warm-up cells per model and step) against the
 * load profile, whose Provider 2 judges far worse past 6 in flight: the ordinary tables read one step without its warm-up cells, the lowest unless asked, and say so;
 * the load tables keep every step.
 */
@Slow("a real three-step load ladder through Spark")
class LadderRowsTest {
  private static final int MEASURED = 24;
  private static final Experiment DEGRADING = new Experiment("Provider 2", "llama-3.1-8b-degrading", "8b");

  @TempDir
  static Path dir;
  static Job job;
  static Analysis lowest;
  static Analysis highest;

  @BeforeAll
  static void runLadder() throws Exception {
    SimProfile profile = SimProfile.load(Path.of("data/sim/load-profile.yaml")).withTimeScale(0.05);
    try (SimulatedProviders sim = SimulatedProviders.start(profile, 0)) {
      job = JobReader.read(JudgeCases.job(dir, MEASURED, "ladder-rows", """
          task: {template: judge.yaml}
          trials: 1
          load: {concurrency: [1, 2, 16], cells_per_step: %d, warmup_cells: 3}
          providers:
            - {name: Provider 1, base_url: "%s", models: [{id: llama-3.1-8b-wide, size: 8b}]}
            - {name: Provider 2, base_url: "%s", models: [{id: llama-3.1-8b-degrading, size: 8b}]}
          """.formatted(MEASURED, sim.baseUrl("Provider 1"), sim.baseUrl("Provider 2"))));
      LoadLadder.execute(SparkTestSession.get(), PreparedRun.prepare(job, Map.of()),
          new PrintStream(OutputStream.nullOutputStream()), 0);
      assertTrue(sim.awaitIdle(10_000));
    }
    lowest = analyze(null);
    highest = analyze(3);
  }

  private static Analysis analyze(Integer step) {
    return ResultsAnalyzer.analyze(SparkTestSession.get(), job.output(), List.of("ladder-rows"), true,
        new AnalysisOptions(new Bootstrap(1, 200), AnalysisOptions.DEFAULT_LATENCY_OBJECTIVE_MS, 1.0), new LoadOptions(job.load().objective(), job.load().kneeGrowth(), step));
  }

  @Test
  void theOrdinaryTablesReadOneStepWithoutWarmUpTheLowestByDefault() {
    step(lowest, 1, 1, "load step 1 of 3 (1 in flight per model)");
    step(highest, 3, 16, "load step 3 of 3 (16 in flight per model)");
  }

  private static void step(Analysis a, int step, int concurrency, String label) {
    assertEquals(step, a.run().ladder().step());
    assertEquals(concurrency, a.run().ladder().concurrency());
    assertTrue(a.heading().contains("ordinary tables: " + label + ", warm-up cells left out"), a.heading());
    for (ExperimentStats s : a.run().experiments()) assertEquals(MEASURED, s.cells(), s.experiment() + " at step " + step);
    assertEquals(2L * MEASURED, a.run().cells());
    assertEquals(MEASURED, a.run().caseTotals().get(DEGRADING).cases(), "one trial per case at one step");
    assertEquals(6, a.table("load_steps").rows().size(), "the load tables keep every step");
  }

  @Test
  void pastDegradeAboveTheChosenStepShowsTheDegradedAccuracy() {
    double unloaded = lowest.run().accuracy().get(DEGRADING).mean();
    double loaded = highest.run().accuracy().get(DEGRADING).mean();
    assertTrue(loaded < unloaded - 0.1, "judge error 0.05 at 1 in flight, 0.9 past 6: " + unloaded + " -> " + loaded);
  }

  @Test
  void aStepTheRunDoesNotHaveIsBadInput() {
    BadInputException e = assertThrows(BadInputException.class, () -> analyze(4));
    assertTrue(e.getMessage().contains("run `ladder-rows` has no load step 4") && e.getMessage().contains("use one of 1, 2, 3"),
        e.getMessage());
  }

  @Test
  void theRunSummaryAndSamplesLeaveOutOtherStepsAndWarmUp() {
    SparkSession spark = SparkTestSession.get();
    var rows = RunSummary.rows(spark, job.output().toString(), "ladder-rows");
    rows.forEach(r -> assertEquals(MEASURED, r.<Long>getAs("cells")));
    var experiments = spark.sql("SELECT load_step, cells FROM experiments WHERE run_id = 'ladder-rows'").collectAsList();
    assertEquals(6, experiments.size(), "the experiments view: a row per model and step");
    experiments.forEach(r -> assertEquals(MEASURED, r.getLong(1), "no warm-up cells at step " + r.get(0)));
    assertTrue(RunSummary.render(rows).contains("figures of load step 1 (1 in flight per model)"), RunSummary.render(rows));
    var lowestStep = spark.sql("SELECT cell_id FROM cells WHERE run_id = 'ladder-rows' AND load_step = 1 AND NOT load_warmup")
        .collectAsList().stream().map(r -> r.getString(0)).toList();
    for (CellSamples s : CellSamples.load(spark, "ladder-rows")) {
      long answered = spark.sql("SELECT count(*) FROM cells WHERE run_id = 'ladder-rows' AND load_step = 1 AND NOT load_warmup"
          + " AND status IN ('ok', 'parse_error') AND provider = '" + s.experiment().provider() + "'").first().getLong(0);
      assertEquals(MEASURED - answered, s.failedAll(), s.experiment().key());
      assertEquals(Math.min(answered, CellSamples.SLOWEST_SHOWN), s.slowest().size(), s.experiment().key());
      s.slowest().forEach(c -> assertTrue(lowestStep.contains(c.cellId()), c.cellId() + " is a measured cell of step 1"));
    }
  }

  @Test
  void analyzeTakesTheStepOnTheCommandLineAndNamesItInItsJson() throws Exception {
    Path out = dir.resolve("step2.json");
    assertEquals(0, Main.execute("analyze", job.output().toString(), "--run", "ladder-rows", "--load-step", "2",
        "--resamples", "200", "--format", "json", "--out-file", out.toString()));
    JsonNode json = new ObjectMapper().readTree(Files.readString(out));
    assertEquals(2, json.at("/load_step/step").asInt());
    assertEquals(2, json.at("/load_step/concurrency").asInt());
    assertEquals(3, json.at("/load_step/steps").asInt());
  }
}
