package dev.provbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.provbench.JudgeCases;
import dev.provbench.SparkTestSession;
import dev.provbench.sim.SimProfile;
import dev.provbench.sim.SimulatedProviders;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The spending cap through the command line on the simulated providers: above the estimate it wants --yes; during
 * the run it stops taking new cells once the spend reaches it, keeps every finished cell, and a resume with a higher
 * cap finishes the run with each cell called exactly once.
 */
class SpendCapTest {
  private static final String PROFILE = """
      time_scale: 1
      seed: 11
      providers:
        - name: Dear
          path: /dear
          models: [{id: dear-8b, ttft_ms: 20, tokens_per_s: 1000}]
      """;
  /** About $0.35 a cell: some 300 prompt and 50 completion tokens at $1000 per million. */
  private static final double CAP = 1.5;

  @TempDir
  Path dir;

  private record Cli(int exit, String out) {}

  private static Cli run(String... args) {
    PrintStream console = System.out;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    try {
      int exit = Main.execute(args);
      return new Cli(exit, out.toString(StandardCharsets.UTF_8));
    } finally {
      System.setOut(console);
    }
  }

  @Test
  void theCapStopsTheRunKeepsEveryCellAndResumeFinishesIt() throws Exception {
    try (SimulatedProviders sim = SimulatedProviders.start(SimProfile.parse(PROFILE, "cap profile"), 0)) {
      JudgeCases.write(dir, 4);
      Path job = dir.resolve("job.yaml");
      Files.writeString(job, """
          run_id: capped
          dataset: cases.jsonl
          output: results
          task: {template: judge.yaml, max_tokens: 256}
          trials: 3
          concurrency: 1
          providers:
            - {name: Dear, base_url: %s, models: [{id: dear-8b, price: {input_per_1m: 1000, output_per_1m: 1000}}]}
          """.formatted(sim.baseUrl("Dear")));
      String cap = Double.toString(CAP);

      Cli refused = run("run", job.toString(), "--max-cost", cap, "--progress-seconds", "0");
      assertEquals(Main.EXIT_BAD_INPUT, refused.exit(), refused.out());
      assertTrue(refused.out().contains("estimate, before any call:"), refused.out());
      assertEquals(0, sim.requestLog().size(), "refused before any request");

      Cli capped = run("run", job.toString(), "--max-cost", cap, "--yes", "--progress-seconds", "0");
      assertEquals(Main.EXIT_INCOMPLETE, capped.exit(), capped.out());
      assertTrue(capped.out().contains("incomplete: "), capped.out());
      assertTrue(sim.awaitIdle(10_000));
      assertTrue(capped.out().contains("stopped at the spending cap: $"), capped.out());
      assertTrue(capped.out().contains("to finish: provbench run " + job + " --resume capped --max-cost"), capped.out());
      assertTrue(capped.out().contains(" spent, "), "the progress line shows the spend: " + capped.out());

      List<Row> kept = rows();
      assertTrue(kept.size() < 12, "stopped early: " + kept.size());
      assertEquals(kept.size(), sim.requestLog().size(), "every call made is a row");
      double spent = kept.stream().mapToDouble(r -> r.getDouble(1)).sum();
      double beforeLast = spent - kept.get(kept.size() - 1).getDouble(1);
      assertTrue(spent >= CAP && beforeLast < CAP, "one call in flight: stopped right after reaching the cap: "
          + beforeLast + " then " + spent);

      Cli resumed = run("run", job.toString(), "--resume", "capped", "--max-cost", "100", "--progress-seconds", "0");
      assertEquals(0, resumed.exit(), resumed.out());
      assertTrue(sim.awaitIdle(10_000));
      List<Row> all = rows();
      assertEquals(12, all.size());
      assertEquals(12, all.stream().map(r -> r.getString(0)).distinct().count(), "each cell once");
      assertEquals(12, sim.requestLog().size(), "each cell called exactly once over both executions");
    }
  }

  /** cell_id and cost_usd of the run's rows, in the order they finished. */
  private List<Row> rows() {
    return SparkTestSession.get().read().parquet(dir.resolve("results").toString()).where("run_id = 'capped'")
        .orderBy("finished_at").select("cell_id", "cost_usd").collectAsList();
  }
}
