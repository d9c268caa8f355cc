package dev.provbench.preflight;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.provbench.JudgeCases;
import dev.provbench.job.JobReader;
import dev.provbench.provider.ChatRequest;
import dev.provbench.run.CellPlanner;
import dev.provbench.run.CellRequest;
import dev.provbench.run.PreparedRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The estimate from a saved check, by hand: which entry it uses, what it computes from it, and what it says. */
class RunEstimateTest {
  private static final String URL = "http://127.0.0.1:9/v1";
  private static final Instant WHEN = Instant.parse("2026-03-01T09:30:00Z");

  @TempDir
  Path dir;

  /** A job of 4 cases × 2 trials, one model priced $1 / $2 per million tokens, max_tokens 100. */
  private PreparedRun run() throws Exception {
    Path job = JudgeCases.job(dir, 4, "est", """
        task: {template: judge.yaml, max_tokens: 100}
        trials: 2
        concurrency: 3
        providers: [{name: P, base_url: %s, models: [{id: m, price: {input_per_1m: 1, output_per_1m: 2}}]}]
        """.formatted(URL));
    return PreparedRun.prepare(JobReader.read(job), Map.of());
  }

  private static CheckMeasurement measured(String baseUrl, long completionTokens) {
    return new CheckMeasurement("P", "m", baseUrl, WHEN, 2, 1000, 300, completionTokens, 1500, 200L, true, 100);
  }

  /** Σ characters of the rendered prompts over all cells. */
  private static long chars(PreparedRun run) {
    long chars = 0;
    for (var c : run.cases()) {
      ChatRequest r = CellRequest.of(run.spec(), run.job().providers().get(0), run.job().providers().get(0).models().get(0),
          CellPlanner.cellId("est", "P", "m", c.id(), 1), c);
      chars += (r.system() == null ? 0 : r.system().length()) + r.user().length();
    }
    return chars * 2;
  }

  private RunEstimate estimate(PreparedRun run, CheckMeasurement... saved) {
    if (saved.length > 0) CheckFile.write(CheckFile.of(run.job()), List.of(saved));
    return RunEstimate.fromCheck(run, 2000, Set.of());
  }

  @Test
  void withoutACheckThereIsNoTypicalFigureAndTheTextSaysHowToGetOne() throws Exception {
    RunEstimate e = estimate(run());
    ModelEstimate m = e.models().get(0);
    assertNull(m.typicalCompletionTokens());
    assertNull(e.typicalCostUsd());
    assertEquals(Math.ceil(8 / 3.0) * 2.0, m.minWallSeconds(), 1e-9);
    assertTrue(EstimateText.render(e).contains("  typical completion tokens and cost: run `provbench check JOB` for a"
        + " typical figure (it saves what it measured to " + dir.resolve("est.check.json") + ")\n"), EstimateText.render(e));
  }

  @Test
  void aMatchingCheckGivesPromptTokensTypicalCompletionCostAndLatency() throws Exception {
    PreparedRun run = run();
    RunEstimate e = estimate(run, measured(URL, 80));
    ModelEstimate m = e.models().get(0);
    long prompt = Math.round(chars(run) * 0.3);
    assertEquals(prompt, m.promptTokens(), "characters x the 300 / 1000 tokens per character measured");
    assertEquals(8 * 40L, m.typicalCompletionTokens(), "cells x the mean answer of 80 / 2 calls");
    assertEquals(8 * 100L, m.maxCompletionTokens());
    assertEquals((prompt * 1 + 320 * 2) / 1e6, m.typicalCostUsd(), 1e-12);
    assertEquals((prompt * 1 + 800 * 2) / 1e6, m.maxCostUsd(), 1e-12);
    assertEquals(Math.ceil(8 / 3.0) * 1.5, m.minWallSeconds(), 1e-9, "the check's latency, not the assumed one");
    String text = EstimateText.render(e);
    assertTrue(text.contains("  from check at 2026-03-01 09:30:00 UTC (" + dir.resolve("est.check.json")
        + "): P / m (2 calls, 1500 ms)\n"), text);
  }

  @Test
  void aTypicalAnswerIsNeverAboveMaxTokens() throws Exception {
    assertEquals(8 * 100L, estimate(run(), measured(URL, 900)).models().get(0).typicalCompletionTokens());
  }

  @Test
  void aCheckOfAnotherBaseUrlIsNotUsed() throws Exception {
    RunEstimate e = estimate(run(), measured("http://127.0.0.1:10/v1", 80));
    assertNull(e.models().get(0).checked());
    assertTrue(EstimateText.render(e).contains("run `provbench check JOB` for a typical figure"), EstimateText.render(e));
  }

  @Test
  void onResumeOnlyTheCellsLeftCount() throws Exception {
    PreparedRun run = run();
    Set<String> done = Set.of(CellPlanner.cellId("est", "P", "m", run.cases().get(0).id(), 1),
        CellPlanner.cellId("est", "P", "m", run.cases().get(0).id(), 2), CellPlanner.cellId("est", "P", "m",
            run.cases().get(3).id(), 2));
    CheckFile.write(CheckFile.of(run.job()), List.of(measured(URL, 80)));
    ModelEstimate m = RunEstimate.fromCheck(run, 2000, done).models().get(0);
    assertEquals(5, m.cells());
    assertEquals(5 * 40L, m.typicalCompletionTokens());
  }

  @Test
  void aLaterCheckReplacesItsOwnEntriesAndKeepsTheRest() throws Exception {
    Path file = dir.resolve("a.check.json");
    CheckFile.write(file, List.of(measured(URL, 80), measured("http://other/v1", 10)));
    CheckFile.write(file, List.of(measured(URL, 60)));
    assertEquals(List.of("http://other/v1:10", URL + ":60"),
        CheckFile.read(file).stream().map(m -> m.baseUrl() + ":" + m.completionTokens()).toList());
    Files.writeString(file, "not json");
    assertEquals(List.of(), CheckFile.read(file), "an unreadable file is no check");
  }
}
