package dev.provbench.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

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

  private JobFolder folder;

  @BeforeEach
  void files() {
    folder = new JobFolder(dir);
  }

  private Job read(String load) throws Exception {
    return folder.read(JOB + load);
  }

  private void rejects(String load, String message) {
    folder.rejects(JOB + load, message);
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
    rejects("load: {cells_per_step: 4}\n", "load.concurrency: is missing. Fix: give `concurrency: [1, 2, 4, 8, 16]`"
        + " (requests in flight) or `rate: [2, 4, 8, 16]` (requests per second)");
    rejects("load: {concurrency: 4}\n", "load.concurrency: must be a non-empty list, got `4`." + fix);
    rejects("load: {concurrency: [1, 0]}\n", "load.concurrency: must hold whole numbers from 1 to 100000, got `0`." + fix);
    rejects("load: {concurrency: [4, 2]}\n", "load.concurrency: must rise from step to step, got 2 after 4." + fix);
    rejects("load: {concurrency: [1], objective: {max_error_rate: 2}}\n", "load.objective.max_error_rate: must be between"
        + " 0 and 1, got 2. Fix: write a share between 0 and 1, e.g. `max_error_rate: 0.05`");
    rejects("load: {concurrency: [1], objective: {p90_ms: 2}}\n",
        "load.objective.p90_ms: is not a known field. Fix: remove it; known fields here: duration_p90_ms, max_error_rate,"
            + " ttft_p90_ms");
    rejects("partitions_per_model: 2\nload: {concurrency: [1, 2]}\n", "load.concurrency: starts at 1 in flight, below"
        + " partitions_per_model 2 (each partition needs one). Fix: start the ladder at 2 or lower partitions_per_model");
  }

  @Test
  void rateLaddersAndDurationSteps() throws Exception {
    LoadPlan plan = read("load: {rate: [0.5, 2, 8], arrivals: poisson, seed: 7, max_concurrency: 16, step_seconds: 2.5,"
        + " max_cells_per_step: 500}\n").load();
    assertEquals(new LoadPlan(List.of(), List.of(0.5, 2.0, 8.0), Arrivals.POISSON, 7, 16, 0, 2.5, 500,
        LoadPlan.DEFAULT_WARMUP_CELLS, ServiceObjective.NONE, LoadPlan.DEFAULT_KNEE_GROWTH, LoadStop.DEFAULTS), plan);
    assertEquals(500, plan.measuredCells(10, 3), "a duration step's bound");
    assertEquals(3, plan.steps());
    LoadPlan defaults = read("load: {rate: [4]}\n").load();
    assertEquals(Arrivals.CONSTANT, defaults.arrivals());
    assertEquals(LoadPlan.DEFAULT_SEED, defaults.seed());
    assertNull(defaults.maxConcurrency(), "the models' own concurrency caps it");
    assertEquals(0, defaults.stepSeconds());
    LoadPlan timed = read("load: {concurrency: [1, 2], step_seconds: 10}\n").load();
    assertEquals(LoadPlan.DEFAULT_MAX_CELLS_PER_STEP, timed.measuredCells(10, 1));
  }

  @Test
  void badRateAndDurationFields() throws Exception {
    String rateFix = " Fix: list rising requests per second per model, e.g. `rate: [2, 4, 8, 16]`";
    rejects("load: {rate: [1], concurrency: [1]}\n", "load.rate: cannot be given with `concurrency`. Fix: give either"
        + " `concurrency: [1, 2, 4]` (requests in flight) or `rate: [2, 4, 8]` (requests per second), not both");
    rejects("load: {rate: 4}\n", "load.rate: must be a non-empty list, got `4`." + rateFix);
    rejects("load: {rate: []}\n", "load.rate: must be a non-empty list, got an empty list." + rateFix);
    rejects("load: {rate: [1, 0]}\n", "load.rate: must hold requests per second above 0 and up to 100000, got `0`." + rateFix);
    rejects("load: {rate: [1, fast]}\n", "load.rate: must hold requests per second above 0 and up to 100000, got `fast`."
        + rateFix);
    rejects("load: {rate: [4, 2.5]}\n", "load.rate: must rise from step to step, got 2.5 after 4." + rateFix);
    rejects("load: {rate: [1], arrivals: bursty}\n", "load.arrivals: must be `constant` or `poisson`, got `bursty`. Fix:"
        + " write `arrivals: constant` (evenly spaced) or `arrivals: poisson` (random gaps, seeded)");
    rejects("load: {concurrency: [1], arrivals: poisson}\n", "load.arrivals: only applies to a rate ladder. Fix: give"
        + " `rate: [...]` instead of `concurrency`, or remove it");
    rejects("load: {concurrency: [1], max_concurrency: 8}\n", "load.max_concurrency: only caps a rate ladder (a"
        + " concurrency step keeps its own level in flight). Fix: remove it");
    rejects("load: {rate: [1], max_concurrency: 0}\n", "load.max_concurrency: must be at least 1, got 0. Fix: write the"
        + " most requests in flight per model, e.g. `max_concurrency: 64`");
    rejects("partitions_per_model: 2\nconcurrency: 4\nload: {rate: [1], max_concurrency: 1}\n", "load.max_concurrency: is 1,"
        + " below partitions_per_model 2 (each partition needs one). Fix: raise it to at least 2 or lower partitions_per_model");
    rejects("load: {rate: [1], seed: -1}\n", "load.seed: must be at least 0, got -1. Fix: write a whole number, e.g. `seed: 42`");
    rejects("load: {rate: [1], step_seconds: 0}\n", "load.step_seconds: must be above 0, got 0. Fix: write how long each"
        + " step sends, e.g. `step_seconds: 30`");
    rejects("load: {rate: [1], step_seconds: ten}\n", "load.step_seconds: must be a number, got `ten`. Fix: write how long"
        + " each step sends, e.g. `step_seconds: 30`");
    rejects("load: {rate: [1], step_seconds: 5, cells_per_step: 40}\n", "load.step_seconds: cannot be given with"
        + " `cells_per_step`. Fix: end each step after a time (`step_seconds`) or after a number of cells"
        + " (`cells_per_step`), not both");
    rejects("load: {rate: [1], max_cells_per_step: 40}\n", "load.max_cells_per_step: only bounds a duration step. Fix: add"
        + " `step_seconds: 30` or remove it");
    rejects("load: {rate: [1], step_seconds: 5, max_cells_per_step: 0}\n", "load.max_cells_per_step: must be at least 1,"
        + " got 0. Fix: write the most measured cells per model a duration step may send, e.g. 5000");
  }
}
