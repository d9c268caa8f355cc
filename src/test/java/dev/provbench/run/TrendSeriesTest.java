package dev.provbench.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.provbench.JudgeCases;
import dev.provbench.Slow;
import dev.provbench.SparkTestSession;
import dev.provbench.analysis.trend.Trend;
import dev.provbench.analysis.trend.TrendChange;
import dev.provbench.cli.Main;
import dev.provbench.input.StoragePath;
import dev.provbench.job.Job;
import dev.provbench.results.ResultsViews;
import dev.provbench.results.RunSeries;
import dev.provbench.sim.SimProfile;
import dev.provbench.sim.SimulatedProviders;
import dev.provbench.stats.Bootstrap;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A series of four runs against simulated providers, two at 06:00 and two at 14:00 UTC as the providers play
 * it: one provider's model drifts from 12:00 to 18:00 (it errs half the time more and is 1.5 times slower), the
 * other does not. The trend must flag exactly the drifting model's accuracy fall and latency rise, between the
 * second and third runs, and nothing for the steady one; {@code provbench trend} prints the sentences.
 */
@Slow("four runs against four simulators")
class TrendSeriesTest {
  private static final String PROFILE = """
      time_scale: 0.2
      providers:
        - name: Steady
          path: /steady
          models:
            - {id: llama-8b, ttft_ms: {median: 300, sigma: 0.1}, tokens_per_s: {median: 60, sigma: 0.05}, judge_error_rate: 0.05}
        - name: Drifting
          path: /drifting
          models:
            - id: llama-8b
              ttft_ms: {median: 300, sigma: 0.1}
              tokens_per_s: {median: 60, sigma: 0.05}
              judge_error_rate: 0.05
              drift: {from_hour: 12, to_hour: 18, latency_factor: 1.5, judge_error_add: 0.5}
      """;
  private static final int[] HOURS = {6, 6, 14, 14};

  @TempDir
  Path dir;

  @Test
  void theDriftIsFlaggedWhereItHappensAndNowhereElse() throws Exception {
    StoragePath results = null;
    List<String> runs = new ArrayList<>();
    for (int i = 0; i < HOURS.length; i++) {
      SimProfile profile = SimProfile.parse(PROFILE, "trend profile").withSeed(100 + i).playingHour(HOURS[i]);
      try (SimulatedProviders sim = SimulatedProviders.start(profile, 0)) {
        String runId = "r" + (i + 1);
        Job job = JudgeCases.run(JudgeCases.job(dir, 40, runId, """
            task: {template: judge.yaml}
            trials: 2
            concurrency: 8
            providers:
              - {name: Steady, base_url: "%s", models: [{id: llama-8b}]}
              - {name: Drifting, base_url: "%s", models: [{id: llama-8b}]}
            """.formatted(sim.baseUrl("Steady"), sim.baseUrl("Drifting"))));
        RunSeries.mark(job.output(), runId, "nightly");
        results = job.output();
        runs.add(runId);
        sim.awaitIdle(5_000);
      }
    }
    assertEquals(runs, RunSeries.runs(results, "nightly"));

    ResultsViews.register(SparkTestSession.get(), results.toString());
    Trend trend = Trend.load(SparkTestSession.get(), "nightly", runs, Bootstrap.defaults(), Trend.Thresholds.DEFAULTS);
    List<String> flagged = trend.flagged().stream()
        .map(c -> c.experiment().provider() + " " + c.metric() + " " + c.from() + "->" + c.to()).sorted().toList();
    assertEquals(List.of("Drifting ACCURACY r2->r3", "Drifting LATENCY r2->r3"), flagged, trend.changes().toString());
    TrendChange accuracy = trend.flagged().stream().filter(c -> c.metric() == TrendChange.Metric.ACCURACY).findFirst().orElseThrow();
    assertTrue(accuracy.change() < -10, "about half the errors cost half a point each: " + accuracy.change());
    TrendChange latency = trend.flagged().stream().filter(c -> c.metric() == TrendChange.Metric.LATENCY).findFirst().orElseThrow();
    assertTrue(latency.change() > 35 && latency.change() < 65, "1.5 times slower: " + latency.change());

    String out = cli("trend", results.toString(), "--series", "nightly", "--report", dir.resolve("trend").toString());
    assertTrue(out.contains("Drifting 8b accuracy fell"), out);
    assertTrue(out.contains("Drifting 8b p50 rose"), out);
    assertTrue(out.contains("By the hour of day the run started (UTC)"), out);
    assertEquals(Main.EXIT_BAD_INPUT, Main.execute("trend", results.toString(), "--series", "weekly"));
    String page = Files.readString(dir.resolve("trend/trend.html"));
    assertTrue(page.contains("Drifting 8b accuracy fell") && page.contains("data:image/png;base64,"), page);
    assertTrue(Files.size(dir.resolve("trend/trend-accuracy-8b.png")) > 5_000);
  }

  private static String cli(String... args) {
    PrintStream old = System.out;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    try {
      assertEquals(0, Main.execute(args), String.join(" ", args));
    } finally {
      System.setOut(old);
    }
    return out.toString(StandardCharsets.UTF_8);
  }
}
