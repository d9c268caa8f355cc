package dev.provbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.provbench.Slow;
import dev.provbench.SparkTestSession;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code demo --workload long-context} end to end on a few of the shipped cases: the job against its profile, then
 * Spark SQL on the Parquet. The profile's low-latency, slow-prefill provider must be fastest on the short prompts and
 * its fast-prefill one on the long prompts, and the rows must carry the prompt length that tells them apart.
 */
@Slow("Spark, a run of 48 cells and the report: well over ten seconds")
class LongContextDemoTest {
  private static final int PER_LENGTH = 4;

  @TempDir
  Path dir;

  @Test
  void theFastestProviderFlipsBetweenShortAndLongPrompts() throws Exception {
    Path job = smallJob();
    Path out = dir.resolve("results");
    // Time scale 0.5: the medians the profile sets stay 50 ms or more apart, well above the scheduling noise.
    ConsoleRun run = ConsoleRun.of("demo", "--workload", "long-context", "--job", job.toString(), "--out", out.toString(),
        "--time-scale", "0.5", "--run-id", "long-context-test");
    String text = run.text();
    assertEquals(0, run.exit(), text);
    assertTrue(text.contains("SIMULATED providers") && text.contains("long-context-profile.yaml"), text);
    assertTrue(text.contains("3 providers, 3 models, 8 cases x 2 trials = 48 cells"), text);
    assertTrue(text.contains("Speed variance") && !text.contains("Aggregate trade-off by size"), text);
    assertTrue(Files.exists(out.resolve("_reports/long-context-test")), text);

    SparkSession spark = SparkTestSession.get();
    spark.read().parquet(out.toString()).where("run_id = 'long-context-test'").createOrReplaceTempView("long_context_cells");
    Row shape = spark.sql("""
        SELECT count(*), count_if(status = 'ok'), count_if((prompt_tokens >= 1000) <> (case_id LIKE 'long-%')),
               min(prompt_tokens), max(prompt_tokens), avg(correct_score)
        FROM long_context_cells""").first();
    assertEquals(48L, shape.getLong(0));
    assertEquals(48L, shape.getLong(1), "every cell answered");
    assertEquals(0L, shape.getLong(2), "prompt_tokens tells the long cases from the short ones");
    assertTrue(shape.getLong(3) > 250 && shape.getLong(4) < 4000, shape.toString());
    assertTrue(shape.getDouble(5) > 0.8, "ExactMatch on the retrieval answers: " + shape);
    Row judged = spark.sql("""
        SELECT count_if(judge_calls[0].status = 'ok' AND judge_calls[0].model = 'llama-3.1-405b-judge'),
               count_if(filter(scores, x -> x.scorer = 'judge')[0].score
                        = filter(scores, x -> x.scorer = 'ExactMatch')[0].score),
               count_if(judge_calls[0].cost_usd > 0)
        FROM long_context_cells""").first();
    assertEquals(48L, judged.getLong(0), "the LLM judge answered every cell, through its own model");
    assertTrue(judged.getLong(1) >= 40, "a judge erring 3% of the time mostly agrees with ExactMatch: " + judged);
    assertEquals(48L, judged.getLong(2), "the judge's cost is its own column");

    Map<String, List<String>> byLength = new TreeMap<>();
    for (String figure : List.of("ttft_ms", "duration_ms")) {
      for (Row r : spark.sql("""
          SELECT CASE WHEN prompt_tokens >= 1000 THEN 'long' ELSE 'short' END AS length, provider,
                 percentile(%s, 0.5) AS p50
          FROM long_context_cells WHERE status = 'ok'
          GROUP BY 1, 2 ORDER BY length, p50""".formatted(figure)).collectAsList()) {
        byLength.computeIfAbsent(figure + " " + r.getString(0), k -> new ArrayList<>()).add(r.getString(1));
      }
    }
    assertEquals("Provider 1", byLength.get("ttft_ms short").get(0), byLength.toString());
    assertEquals("Provider 1", byLength.get("duration_ms short").get(0), byLength.toString());
    assertEquals("Provider 2", byLength.get("ttft_ms long").get(0), byLength.toString());
    assertEquals("Provider 2", byLength.get("duration_ms long").get(0), byLength.toString());
  }

  /** The shipped job over its first {@value #PER_LENGTH} long and short cases, two trials. */
  private Path smallJob() throws Exception {
    List<String> lines = Files.readAllLines(Path.of("data/long-context.jsonl"));
    List<String> cases = Stream.concat(lines.stream().filter(l -> l.contains("\"id\":\"long-")).limit(PER_LENGTH),
        lines.stream().filter(l -> l.contains("\"id\":\"short-")).limit(PER_LENGTH)).toList();
    assertEquals(2 * PER_LENGTH, cases.size());
    Files.write(dir.resolve("cases.jsonl"), cases);
    String job = Files.readString(Path.of("jobs/long-context.yaml"))
        .replace("dataset: ../data/long-context.jsonl", "dataset: cases.jsonl")
        .replace("trials: 3", "trials: 2");
    Path file = dir.resolve("long-context.yaml");
    Files.writeString(file, job);
    return file;
  }
}
