package dev.provbench.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.provbench.input.BadInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The job's {@code load} section: defaults, every field read, and one line per bad ladder with its exact message. */
class LoadReaderTest {
  private static final String JOB = """
      dataset: cases.jsonl
      task: {template: judge.yaml}
      providers: [{name: P, base_url: http://127.0.0.1:1/v1, models: [{id: m}]}]
      """;

  @TempDir
  Path dir;

  @BeforeEach
  void files() throws Exception {
    Files.writeString(dir.resolve("cases.jsonl"), "{\"input\": \"q\", \"expected\": 1}\n");
    Files.writeString(dir.resolve("judge.yaml"), "prompt: x\nchoice_scores: {A: 1}\n");
  }

  private Job read(String load) throws Exception {
    Path f = dir.resolve("job.yaml");
    Files.writeString(f, JOB + load);
    return JobReader.read(f);
  }

  private void rejects(String load, String message) throws Exception {
    BadInputException e = assertThrows(BadInputException.class, () -> read(load));
    assertEquals(dir.resolve("job.yaml") + ": " + message, e.getMessage());
  }

  @Test
  void noSectionNoLadderAndTheDefaults() throws Exception {
    assertNull(read("").load());
    LoadPlan plan = read("load: {concurrency: [1, 4]}\n").load();
    assertEquals(new LoadPlan(List.of(1, 4), 0, LoadPlan.DEFAULT_WARMUP_CELLS, ServiceObjective.NONE,
        LoadPlan.DEFAULT_KNEE_GROWTH, LoadStop.DEFAULTS), plan);
    assertEquals(30, plan.measuredCells(10, 3), "0 cells per step: every case x trials");
  }

  @Test
  void everyField() throws Exception {
    LoadPlan plan = read("""
        load:
          concurrency: [1, 2, 4]
          cells_per_step: 40
          warmup_cells: 0
          knee_growth: 0.2
          objective: {ttft_p90_ms: 800, duration_p90_ms: 3000, max_error_rate: 0.05}
          stop: {error_rate: 0.3, latency_factor: 2, min_cells: 5}
        """).load();
    assertEquals(new LoadPlan(List.of(1, 2, 4), 40, 0, new ServiceObjective(800.0, 3000.0, 0.05), 0.2,
        new LoadStop(0.3, 2, 5)), plan);
    assertEquals(40, plan.measuredCells(10, 3));
  }

  @Test
  void badLadders() throws Exception {
    String fix = " Fix: list rising requests in flight per model, e.g. `concurrency: [1, 2, 4, 8, 16]`";
    rejects("load: {cells_per_step: 4}\n", "load.concurrency: is missing." + fix);
    rejects("load: {concurrency: 4}\n", "load.concurrency: must be a non-empty list, got `4`." + fix);
    rejects("load: {concurrency: [1, 0]}\n", "load.concurrency: must hold whole numbers from 1 to 100000, got `0`." + fix);
    rejects("load: {concurrency: [4, 2]}\n", "load.concurrency: must rise from step to step, got 2 after 4." + fix);
    rejects("load: {concurrency: [1], objective: {max_error_rate: 2}}\n", "load.objective.max_error_rate: must be between"
        + " 0 and 1, got 2. Fix: write a share between 0 and 1, e.g. `max_error_rate: 0.05`");
    rejects("load: {concurrency: [1], objective: {p90_ms: 2}}\n",
        "load.objective.p90_ms: is not a known field. Fix: remove it; known fields here: duration_p90_ms, max_error_rate,"
            + " ttft_p90_ms");
  }
}
