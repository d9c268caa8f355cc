package dev.provbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.provbench.Slow;
import dev.provbench.SparkTestSession;
import dev.provbench.analysis.RunSummary;
import dev.provbench.results.ResultsFolder;
import dev.provbench.results.SimulatedRuns;
import dev.provbench.sim.ModelStats;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The demo end to end at 20x speed: the reference job against the simulated providers. */
@Slow("the whole demo: a run, the analysis and the report")
class DemoRunTest {
  @TempDir
  Path out;

  @Test
  void everyCellIsARowWithinTheConcurrencyBoundAndAccuracyRisesWithSize() throws Exception {
    ByteArrayOutputStream console = new ByteArrayOutputStream();
    DemoRun.Outcome demo = DemoRun.execute(DemoRun.Request.of(DemoRun.Workload.REFERENCE).withTimeScale(0.05)
        .withOut(out).withRunId("demo-test").withProgressSeconds(0), new PrintStream(console, true));
    SparkSession spark = SparkTestSession.get();

    String text = console.toString();
    assertTrue(text.contains("SIMULATED providers"), text);
    assertTrue(text.contains("10 experiments, 1800 cells"), text);
    assertTrue(Files.exists(ResultsFolder.runDir(out, "demo-test").resolve(SimulatedRuns.RUN_MARKER)));
    assertTrue(text.contains("Aggregate trade-off by size"), text);
    assertTrue(text.contains("Speed variance") && text.contains("Accuracy variance"), text);
    assertTrue(text.contains("report: " + demo.report()), text);
    assertTrue(Files.readString(demo.report()).contains("simulated"), "the report says the providers were simulated");

    List<Row> cells = spark.read().parquet(out.toString()).where("run_id = 'demo-test'").select("cell_id").collectAsList();
    assertEquals(1800, cells.size());
    assertEquals(1800, cells.stream().map(r -> r.getString(0)).distinct().count());

    assertEquals(10, demo.serverStats().models().size());
    for (ModelStats m : demo.serverStats().models()) {
      assertEquals(3, m.maxConcurrency(), "most in flight at once at the server for " + m.model());
      assertTrue(m.requests() >= 180, m.model() + " answered " + m.requests());
    }

    Map<String, double[]> bySize = new TreeMap<>();
    for (Row r : RunSummary.rows(spark, out.toString(), "demo-test")) {
      double[] sum = bySize.computeIfAbsent(r.getAs("size"), k -> new double[2]);
      sum[0] += r.<Double>getAs("correct") * r.<Long>getAs("cells");
      sum[1] += r.<Long>getAs("cells");
    }
    double acc8 = bySize.get("8b")[0] / bySize.get("8b")[1];
    double acc70 = bySize.get("70b")[0] / bySize.get("70b")[1];
    double acc405 = bySize.get("405b")[0] / bySize.get("405b")[1];
    assertTrue(acc8 < acc70 && acc70 < acc405, "accuracy by size: " + acc8 + " " + acc70 + " " + acc405);
  }
}
