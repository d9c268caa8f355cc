package dev.provbench.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.provbench.SparkTestSession;
import dev.provbench.analysis.Analysis;
import dev.provbench.analysis.AnalysisOptions;
import dev.provbench.analysis.ResultsAnalyzer;
import dev.provbench.analysis.ResultsFixture;
import dev.provbench.analysis.RunComparison;
import dev.provbench.analysis.output.AnalysisTable;
import dev.provbench.input.StoragePath;
import dev.provbench.job.Job;
import dev.provbench.job.JobReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code rescore} with a template whose B is worth 1 instead of 0.6: scores change, the original rows do
 * not, and the provider (a server that fails any request) is never called.
 */
class RescorerTest {
  @StartStop
  private final MockWebServer provider = new MockWebServer();

  @TempDir
  Path dir;

  @Test
  void newChoiceScoresChangeScoresWithoutAnyRequest() throws Exception {
    AtomicInteger calls = new AtomicInteger();
    provider.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        calls.incrementAndGet();
        return new MockResponse.Builder().code(500).body("rescore must not call a provider").build();
      }
    });
    SparkSession spark = SparkTestSession.get();
    Path results = ResultsFixture.write(spark, dir.resolve("results"));
    Files.writeString(results.resolve("run_id=r1/_SIMULATED"), "");
    Job job = JobReader.read(job(dir, "{A: 0.4, B: 1, C: 1, D: 0, E: 1}"));

    Rescorer.Rescored r = Rescorer.rescore(spark, StoragePath.local(results), "r1", null, job);

    assertEquals(0, calls.get(), "requests sent to the provider");
    assertEquals(0, provider.getRequestCount());
    assertEquals("r1-rescored-1", r.newRunId());
    assertEquals(16, r.cells());
    assertEquals(5, r.changed(), "the five B answers (all on cases with gold 0.6)");
    assertTrue(Files.exists(results.resolve("run_id=r1-rescored-1/_SIMULATED")));
    check(spark, "r1|P1|8b|c2|1", "r1", "ok", 0.6, 1.0);
    check(spark, "r1|P1|8b|c2|1", "r1-rescored-1", "ok", 1.0, 0.75);
    check(spark, "r1|P1|8b|c2|2", "r1-rescored-1", "parse_error", null, 0.0);
    check(spark, "r1|P2|8b|c1|1", "r1-rescored-1", "ok", 0.4, 1 - 0.6 / 1.4);
    check(spark, "r1|P2|70b|c2|2", "r1-rescored-1", "timeout", null, 0.0);
    assertEquals(19, spark.read().parquet(results.resolve("run_id=r1").toString()).count() + 2,
        "the original rows are untouched (17 in r1 + 2 in r0)");

    Analysis compared = ResultsAnalyzer.analyze(spark, results, List.of("r1", "r1-rescored-1"), false,
        AnalysisOptions.defaults());
    AnalysisTable t = compared.table(RunComparison.ID);
    int p1At70b = row(t, "70b", "P1");
    assertEquals(-12.5, (Double) t.value(p1At70b, "Δ pts"), 1e-9);
    assertEquals(0.0, (Double) t.value(p1At70b, "Δ p50 s"), 1e-9);
    assertTrue(compared.heading().contains("simulated providers"));
  }

  /** The comparison's row of a size and provider. */
  private static int row(AnalysisTable t, String size, String provider) {
    for (int r = 0; r < t.rows().size(); r++) {
      if (size.equals(t.rows().get(r).get(0)) && provider.equals(t.rows().get(r).get(1))) return r;
    }
    throw new AssertionError(t.id() + " has no row " + size + "/" + provider);
  }

  private static void check(SparkSession spark, String cellId, String runId, String status, Double output, double correct) {
    Row r = spark.sql("SELECT status, output, correct_score FROM cells WHERE cell_id = '" + cellId + "' AND run_id = '"
        + runId + "'").first();
    assertEquals(status, r.getString(0), cellId + " in " + runId);
    assertEquals(output, r.isNullAt(1) ? null : r.getDouble(1), cellId + " in " + runId);
    assertEquals(correct, r.getDouble(2), 1e-9, cellId + " in " + runId);
  }

  private Path job(Path dir, String choiceScores) throws Exception {
    Files.writeString(dir.resolve("judge.yaml"), "prompt: |\n  Compare {{output}} with {{expected}} for {{input}}.\n"
        + "choice_scores: " + choiceScores + "\n");
    Files.writeString(dir.resolve("cases.json"), "[{\"input\": {\"input\": \"q\", \"output\": \"a\", \"expected\": \"a\"},"
        + " \"expected\": 1}]");
    Files.writeString(dir.resolve("job.yaml"), "name: rescore-test\ndataset: cases.json\ntask: {template: judge.yaml}\n"
        + "providers:\n  - name: P1\n    base_url: " + provider.url("/v1") + "\n    models: [{id: m-p1-8b, size: 8b}]\n");
    return dir.resolve("job.yaml");
  }
}
