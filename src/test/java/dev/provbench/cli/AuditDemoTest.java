package dev.provbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.provbench.Slow;
import dev.provbench.SparkTestSession;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code demo --workload audit} end to end: the shipped audit job (25 prompts × 10 samples of three deployments) against
 * the audit profile through Spark, then the fidelity table from the Parquet. The subtly different deployment is flagged,
 * the identical one is not, by both tests (the MMD and the log-probability test), and the cells carry what the audit
 * stored; the report has the logprob rows.
 */
@Slow("Spark, a run of 750 cells, the analysis with its power simulations and the report: well over ten seconds")
class AuditDemoTest {
  @TempDir
  Path dir;

  @Test
  void flagsTheQuantizedDeploymentAndNotTheIdenticalOne() throws Exception {
    Path out = dir.resolve("results");
    ConsoleRun run = ConsoleRun.of("demo", "--workload", "audit", "--out", out.toString(), "--run-id", "audit-test");
    String text = run.text();
    assertEquals(0, run.exit(), text);
    assertTrue(text.contains("3 providers, 3 models, 25 cases x 10 trials = 750 cells"), text);
    assertTrue(text.contains("Fidelity to the reference Self-hosted vLLM 405b"), text);
    assertTrue(text.contains("Quantized Cloud 405b: outputs differ from the reference Self-hosted vLLM 405b"), text);
    assertTrue(text.contains("Same Weights Cloud 405b: no difference from the reference Self-hosted vLLM 405b detected"), text);
    assertTrue(text.contains("Quantized Cloud 405b: log-probabilities differ from the reference Self-hosted vLLM 405b"
        + " (log-probability test p = 0.002 on 25 prompts × 10 samples)"), text);
    assertTrue(text.contains("Same Weights Cloud 405b: no difference in log-probabilities from the reference"
        + " Self-hosted vLLM 405b detected"), text);
    String report = Files.readString(out.resolve("_reports/audit-test/report.html"));
    assertTrue(report.contains("log-probabilities differ from the reference") && report.contains("<td>logprob</td>"),
        "the report's fidelity table and insights have the logprob rows");

    Row cells = SparkTestSession.get().read().parquet(out.toString()).where("run_id = 'audit-test'").selectExpr(
        "count(*)", "count_if(audit_reference = 'Self-hosted vLLM/meta-llama/Llama-3.1-405B-Instruct')",
        "count_if(temperature = 1.0)", "count(DISTINCT response)", "max(trial)",
        "count_if(size(logprobs) BETWEEN 10 AND 16 AND size(logprobs[0].top) = 5)").first();
    assertEquals(750L, cells.getLong(0));
    assertEquals(750L, cells.getLong(1), "every cell names the reference");
    assertEquals(750L, cells.getLong(2), "sampled at the audit's temperature");
    assertTrue(cells.getLong(3) > 600, "samples vary: " + cells);
    assertEquals(10, cells.getInt(4), "trial is the sample index, from 1");
    assertEquals(750L, cells.getLong(5), "every answer's logprobs, a position per word up to 16, five alternatives");
  }
}
