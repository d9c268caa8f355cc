package dev.provbench.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.provbench.JudgeCases;
import dev.provbench.Slow;
import dev.provbench.SparkTestSession;
import dev.provbench.analysis.output.AnalysisTable;
import dev.provbench.analysis.output.OutputFormat;
import dev.provbench.job.Job;
import dev.provbench.results.ResultSchema;
import dev.provbench.sim.SimProfile;
import dev.provbench.sim.SimulatedProviders;
import dev.provbench.stats.Bootstrap;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The example judge in text mode (jobs/factuality-chat.yaml's task) and in native tool mode (the template with
 * {@code tool_mode: native}, as jobs/factuality-native-tools.yaml) run against the same simulated provider into one
 * results folder; {@code analyze --run text --run native} compares their parse failures and names each run's mode.
 */
@Slow("two Spark runs against the simulator on a time scale of 1")
class ToolModeComparisonTest {
  /** A judge that answers with native tool calls and breaks a quarter of its replies. */
  private static final String PROFILE = """
      time_scale: 1
      seed: 5
      providers:
        - name: Judge
          path: /judge
          models: [{id: judge-8b, ttft_ms: 10, tokens_per_s: 4000, tool_calls: true, rate_malformed: 0.25}]
      """;

  @TempDir
  Path dir;

  @Test
  void comparesParseFailuresAndToolModeOfTwoRuns() throws Exception {
    Path results;
    try (SimulatedProviders sim = SimulatedProviders.start(SimProfile.parse(PROFILE, "tool mode profile"), 0)) {
      String providers = "providers:\n  - name: Judge\n    base_url: " + sim.baseUrls().get("Judge")
          + "\n    models: [{id: judge-8b}]\n";
      String common = "trials: 2\nconcurrency: 4\n" + providers;
      JudgeCases.run(JudgeCases.job(dir, 12, "text", exampleTask() + common));
      Job nativeRun = JudgeCases.run(JudgeCases.job(dir, 12, "native",
          "task: {template: judge.yaml, tool_mode: native}\n" + common));
      assertTrue(sim.awaitIdle(10_000));
      results = nativeRun.output().localPath();
    }
    SparkSession spark = SparkTestSession.get();
    Analysis analysis = ResultsAnalyzer.analyze(spark, results, List.of("text", "native"), true,
        new AnalysisOptions(new Bootstrap(3, 200), 2500, 1.0));
    AnalysisTable t = analysis.table(RunComparison.ID);
    assertEquals(1, t.rows().size());
    double textShare = parseShare(spark, "text");
    double nativeShare = parseShare(spark, "native");
    assertTrue(textShare > 0 && nativeShare > 0, "the judge broke replies in both modes: " + textShare + ", " + nativeShare);
    assertEquals(textShare, (Double) t.value(0, "parse failures A"), 1e-9);
    assertEquals(nativeShare, (Double) t.value(0, "parse failures B"), 1e-9);
    boolean known = Arrays.asList(ResultSchema.SCHEMA.fieldNames()).contains(ToolModes.COLUMN);
    assertEquals(known ? "text" : null, t.value(0, "tool mode A"), "null where the results do not carry the mode");
    assertEquals(known ? "native" : null, t.value(0, "tool mode B"));
    String console = OutputFormat.CONSOLE.render(analysis.writeUp());
    assertTrue(console.contains("parse failures A") && console.contains("tool mode B"), console);
    if (known) {
      assertTrue(analysis.insights().stream().anyMatch(i -> i.text().startsWith("Judge at 8b (judge-8b): ")
          && i.text().contains("in text tool mode (run text)")), analysis.insights().toString());
    }
  }

  /** parse_error ÷ answered cells of a run, in percent, straight from the {@code cells} view. */
  private static double parseShare(SparkSession spark, String runId) {
    Row r = spark.sql("SELECT count_if(status = 'parse_error'), count_if(status IN ('ok', 'parse_error')) FROM cells"
        + " WHERE run_id = :run", Map.of("run", runId)).first();
    return 100.0 * r.getLong(0) / r.getLong(1);
  }

  /** The example job's task and scorers sections, as written. */
  private static String exampleTask() throws Exception {
    String text = Files.readString(Path.of("jobs/factuality-chat.yaml"));
    return text.substring(text.indexOf("\ntask:\n") + 1, text.indexOf("\ntrials:") + 1);
  }
}
