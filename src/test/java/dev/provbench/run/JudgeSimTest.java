package dev.provbench.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.provbench.JudgeCases;
import dev.provbench.Slow;
import dev.provbench.SparkTestSession;
import dev.provbench.input.StoragePath;
import dev.provbench.job.Job;
import dev.provbench.job.JobReader;
import dev.provbench.results.ResultsViews;
import dev.provbench.sim.RequestRecord;
import dev.provbench.sim.SimProfile;
import dev.provbench.sim.SimulatedProviders;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A chat task judged by LLM judges, in a real Spark run against the simulated providers. The benchmarked model plays
 * the factuality judge (erring and breaking some replies); its letter, read as a word, is compared with each case's
 * expected word by ExactMatch and by two simulated judges served beside it: {@code fair-judge} never errs, so it must
 * score exactly as ExactMatch (C when the words match, D when not); {@code contrary-judge} always errs, so it never
 * picks the fair judge's letter. Then rescore keeps the judges' verdicts, or asks them again with {@code --llm-judge}.
 */
@Slow("a Spark run with LLM judges, then two rescores")
class JudgeSimTest {
  private static final String PROFILE = """
      time_scale: 1
      seed: 23
      providers:
        - name: Sim
          path: /sim
          models:
            - {id: bench-8b, ttft_ms: 20, tokens_per_s: 2000, judge_error_rate: 0.3, rate_malformed: 0.15}
            - {id: fair-judge, ttft_ms: 30, tokens_per_s: 2000, judge_error_rate: 0, max_concurrency: 16}
            - {id: contrary-judge, ttft_ms: 30, tokens_per_s: 2000, judge_error_rate: 1, max_concurrency: 16}
      """;
  private static final String SCORERS = """
      scorers:
        - ExactMatch
        - {type: LLMJudge, name: fair, provider: Sim, model: fair-judge, concurrency: 2, price: {input_per_1m: 1, output_per_1m: 2}}
        - {type: LLMJudge, name: contrary, provider: Sim, model: contrary-judge, concurrency: 1}
        - NonNull
      """;
  private static final int CASES = 10;
  private static final int TRIALS = 2;

  @TempDir
  Path dir;

  /** Cases whose submission matches the expert (expected "same") or not ("disagree"). */
  private void writeCases() throws Exception {
    StringBuilder data = new StringBuilder();
    for (int i = 1; i <= CASES; i++) {
      boolean same = i % 3 != 0;
      data.append("{\"id\": \"c").append(i).append("\", \"input\": {\"input\": \"Question ").append(i)
          .append("?\", \"output\": \"").append(same ? "Answer " : "Other ").append(i).append("\", \"expected\": \"Answer ")
          .append(i).append("\"}, \"expected\": \"").append(same ? "same" : "disagree").append("\"}\n");
    }
    Files.writeString(dir.resolve("cases.jsonl"), data);
  }

  /** The example chat job's messages and extractor, the letter read as a word. */
  private static String task() throws Exception {
    String text = Files.readString(Path.of("jobs/factuality-chat.yaml"));
    String task = text.substring(text.indexOf("\ntask:\n") + 1, text.indexOf("\nscorers:") + 1);
    return task.replace("map: {A: \"0.4\", B: \"0.6\", C: \"1\", D: \"0\", E: \"1\"}",
        "map: {A: subset, B: superset, C: same, D: disagree, E: equivalent}");
  }

  private Path job(String runId, String baseUrl) throws Exception {
    Path job = dir.resolve(runId + ".yaml");
    Files.writeString(job, "run_id: " + runId + "\ndataset: cases.jsonl\noutput: results\n" + task() + SCORERS
        + "trials: " + TRIALS + "\nconcurrency: 4\npartitions_per_model: 2\nproviders:\n  - name: Sim\n    base_url: " + baseUrl
        + "\n    models: [{id: bench-8b, price: {input_per_1m: 0.2, output_per_1m: 0.2}}]\n");
    return job;
  }

  @Test
  void theJudgesScoreAsTheirErrorRatesSayAndRescoreKeepsOrAsksThem() throws Exception {
    writeCases();
    try (SimulatedProviders sim = SimulatedProviders.start(SimProfile.parse(PROFILE, "judge profile"), 0)) {
      Job job = JudgeCases.run(job("judged", sim.baseUrl("Sim")));
      assertTrue(sim.awaitIdle(10_000));
      Map<String, Row> rows = rows("judged");
      assertEquals(CASES * TRIALS, rows.size());
      int judged = checkRun(rows);
      assertEquals(judged, requests(sim, "fair-judge").size(), "one fair judge call per cell with an output");
      assertEquals(judged, requests(sim, "contrary-judge").size());
      assertTrue(judged > 0 && judged < CASES * TRIALS, "some cells had no output to judge: " + judged);
      assertTrue(maxInFlight(sim, "fair-judge") <= 2, "fair judge's concurrency 2");
      assertEquals(1, maxInFlight(sim, "contrary-judge"), "contrary judge's concurrency 1");

      Path results = job.output().localPath();
      Rescorer.Rescored kept = Rescorer.rescore(SparkTestSession.get(), StoragePath.local(results), "judged", "kept", JobReader.read(job("judged", sim.baseUrl("Sim"))));
      assertEquals(0, kept.changed());
      assertEquals(2 * judged, requests(sim, "judge").size(), "no judge asked again");
      Map<String, Row> keptRows = rows("kept");
      for (Map.Entry<String, Row> e : rows.entrySet()) {
        Row was = e.getValue();
        Row now = keptRows.get(e.getKey());
        assertEquals(was.getList(was.fieldIndex("scores")), now.getList(now.fieldIndex("scores")));
        assertEquals(was.getList(was.fieldIndex("judge_calls")), now.getList(now.fieldIndex("judge_calls")));
        assertEquals("text", now.<String>getAs("tool_mode"));
      }

      Rescorer.rescore(SparkTestSession.get(), StoragePath.local(results), "judged", "asked", JobReader.read(job("judged", sim.baseUrl("Sim"))), true);
      assertTrue(sim.awaitIdle(10_000));
      assertEquals(2 * judged * 2, requests(sim, "judge").size(), "each judge asked once more per judged cell");
      assertEquals(judged, checkRun(rows("asked")));
      assertTrue(maxInFlight(sim, "fair-judge") <= 2);
    }
  }

  /** Checks every row's judges against ExactMatch; returns how many cells were judged. */
  private static int checkRun(Map<String, Row> rows) {
    int judged = 0;
    for (Row r : rows.values()) {
      assertEquals("text", r.<String>getAs("tool_mode"));
      List<Row> scores = r.getList(r.fieldIndex("scores"));
      assertEquals(List.of("ExactMatch", "fair", "contrary", "NonNull"), scores.stream().map(s -> s.<String>getAs("scorer")).toList());
      List<Row> calls = r.getList(r.fieldIndex("judge_calls"));
      assertEquals(List.of("fair", "contrary"), calls.stream().map(c -> c.<String>getAs("scorer")).toList());
      assertEquals(List.of("fair-judge", "contrary-judge"), calls.stream().map(c -> c.<String>getAs("model")).toList());
      Row fair = calls.get(0);
      if (r.getAs("extracted") == null) {
        assertEquals("skipped", fair.getAs("status"));
        assertEquals(0.0, scores.get(1).<Double>getAs("score"));
        continue;
      }
      judged++;
      assertEquals("ok", r.getAs("status"), "a judged cell is answered");
      assertEquals(List.of("ok", "ok"), calls.stream().map(c -> c.<String>getAs("status")).toList(), r.toString());
      double exact = scores.get(0).getAs("score");
      assertEquals(exact, scores.get(1).<Double>getAs("score"), "the fair judge agrees with ExactMatch: " + r.getAs("extracted"));
      String fairLetter = scores.get(1).getAs("note");
      assertEquals(exact == 1 ? "judge chose C" : "judge chose D", fairLetter);
      assertNotEquals(fairLetter, scores.get(2).getAs("note"), "the contrary judge never picks the rule's letter");
      int in = fair.getAs("prompt_tokens");
      int out = fair.getAs("completion_tokens");
      assertTrue(in > 100 && out > 0, fair.toString());
      assertEquals((in * 1 + out * 2) / 1e6, fair.<Double>getAs("cost_usd"), 1e-12);
      assertNull(calls.get(1).getAs("cost_usd"), "the contrary judge is unpriced");
      assertTrue(fair.<Long>getAs("latency_ms") >= 0);
      if (r.<Integer>getAs("attempts") == 1) {
        long p = r.getAs("prompt_tokens");
        long c = r.getAs("completion_tokens");
        assertEquals((p + c) * 0.2 / 1e6, r.<Double>getAs("cost_usd"), 1e-12, "the cell's cost is its own call's alone");
      }
    }
    return judged;
  }

  private Map<String, Row> rows(String runId) {
    ResultsViews.register(SparkTestSession.get(), dir.resolve("results").toString());
    Map<String, Row> out = new HashMap<>();
    for (Row r : SparkTestSession.get().sql("SELECT * FROM cells WHERE run_id = '" + runId + "'").collectAsList()) {
      out.put(r.getAs("cell_id"), r);
    }
    return out;
  }

  private static List<RequestRecord> requests(SimulatedProviders sim, String model) {
    return sim.requestLog().stream().filter(r -> r.model() != null && r.model().contains(model)).toList();
  }

  private static int maxInFlight(SimulatedProviders sim, String model) {
    return requests(sim, model).stream().mapToInt(r -> r.inFlightAtArrival() + 1).max().orElse(0);
  }
}
