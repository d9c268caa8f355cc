package dev.provbench.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.provbench.JudgeCases;
import dev.provbench.Slow;
import dev.provbench.SparkTestSession;
import dev.provbench.job.Job;
import dev.provbench.job.JobReader;
import dev.provbench.sim.SimProfile;
import dev.provbench.sim.SimulatedProviders;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The factuality judge written as a chat task (jobs/factuality-chat.yaml) scores every case as the default task does,
 * in real Spark runs against the simulated providers, whose judges err, break their replies, answer with native tool
 * calls and reason first. Each run gets a fresh simulator, so both see the same draws.
 */
@Slow("real Spark runs against the simulator on a time scale of 1")
class ChatTaskSimTest {
  private static final String PROFILE = """
      time_scale: 1
      seed: 11
      providers:
        - name: Text
          path: /text
          models: [{id: text-8b, ttft_ms: 20, tokens_per_s: 2000, judge_error_rate: 0.4, rate_malformed: 0.2}]
        - name: Tools
          path: /tools
          models: [{id: tools-8b, ttft_ms: 20, tokens_per_s: 2000, judge_error_rate: 0.4, tool_calls: true, reasoning_ms: 50}]
      """;

  @TempDir
  Path dir;

  /** Per model and case: the sorted (status, correct_score, non_null) of its trials. */
  private Map<String, List<String>> run(String runId, String task) throws Exception {
    try (SimulatedProviders sim = SimulatedProviders.start(SimProfile.parse(PROFILE, "chat task profile"), 0)) {
      StringBuilder providers = new StringBuilder();
      for (Map.Entry<String, String> p : sim.baseUrls().entrySet()) {
        providers.append("  - name: ").append(p.getKey()).append("\n    base_url: ").append(p.getValue())
            .append("\n    models: [{id: ").append(p.getKey().toLowerCase(Locale.ROOT)).append("-8b}]\n");
      }
      Job job = JudgeCases.run(JudgeCases.job(dir, 8, runId, task + "trials: 2\nconcurrency: 2\nproviders:\n" + providers));
      assertTrue(sim.awaitIdle(10_000));
      List<Row> rows = SparkTestSession.get().read().parquet(job.output().toString()).where("run_id = '" + runId + "'").collectAsList();
      assertEquals(2 * 8 * 2, rows.size());
      Map<String, List<String>> out = new TreeMap<>();
      for (Row r : rows) {
        List<Row> scores = r.getList(r.fieldIndex("scores"));
        assertEquals(List.of("CorrectScore", "NonNull"), scores.stream().map(s -> s.<String>getAs("scorer")).toList());
        assertEquals(r.<Double>getAs("correct_score"), scores.get(0).<Double>getAs("score"));
        out.computeIfAbsent(r.getAs("model") + " " + r.getAs("case_id"), k -> new ArrayList<>())
            .add(r.getAs("status") + " " + r.getAs("correct_score") + " " + r.getAs("non_null"));
      }
      out.values().forEach(Collections::sort);
      return out;
    }
  }

  /** The example job's task and scorers sections, as written. */
  private static String exampleTask() throws Exception {
    String text = Files.readString(Path.of("jobs/factuality-chat.yaml"));
    return text.substring(text.indexOf("\ntask:\n") + 1, text.indexOf("\ntrials:") + 1);
  }

  @Test
  void theJudgeAsAChatTaskScoresAsTheDefaultTask() throws Exception {
    Map<String, List<String>> reference = run("reference", "task: {template: judge.yaml}\n");
    Map<String, List<String>> chat = run("chat", exampleTask());
    assertEquals(reference, chat);
    String all = reference.toString();
    assertTrue(all.contains("ok 1.0") && all.contains("ok 0."), "the judges erred sometimes: " + all);
    rescoreWithOtherScorers();
  }

  /** Rescoring the chat run with another scorer list re-judges the stored replies: same primary, one more score. */
  private void rescoreWithOtherScorers() throws Exception {
    String task = exampleTask().replace("  - NonNull\n", "  - NonNull\n  - {type: ExactMatch, name: exact}\n");
    Path jobFile = JudgeCases.job(dir, 8, "chat-rescore", task + "providers:\n  - {name: P, base_url: http://127.0.0.1:9/v1, models: [{id: m}]}\n");
    Job job = JobReader.read(jobFile);
    Rescorer.Rescored done = Rescorer.rescore(SparkTestSession.get(), job.output(), "chat", "chat-again", job);
    assertEquals(32, done.cells());
    assertEquals(0, done.changed(), "the primary scorer is the same");
    for (Row r : SparkTestSession.get().sql("SELECT a.correct_score, a.extracted, b.scores FROM cells a JOIN cells b"
        + " ON a.cell_id = b.cell_id WHERE a.run_id = 'chat' AND b.run_id = 'chat-again'").collectAsList()) {
      List<Row> scores = r.getList(2);
      assertEquals(List.of("CorrectScore", "NonNull", "exact"), scores.stream().map(s -> s.<String>getAs("scorer")).toList());
      assertEquals("1".equals(r.getString(1)) ? 1.0 : 0.0, scores.get(2).<Double>getAs("score"), "extracted " + r.getString(1));
    }
    List<Row> byScorer = SparkTestSession.get().sql("SELECT scorer, count(*) FROM scores WHERE run_id = 'chat-again'"
        + " GROUP BY scorer ORDER BY scorer").collectAsList();
    assertEquals("[[CorrectScore,32], [NonNull,32], [exact,32]]", byScorer.toString());
  }
}
