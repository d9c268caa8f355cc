package dev.provbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.provbench.Slow;
import dev.provbench.SparkTestSession;
import java.nio.file.Path;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code demo --workload audit} end to end: the shipped audit job (25 prompts × 10 samples of three deployments) against
 * the audit profile through Spark, then the fidelity table from the Parquet. The subtly different deployment is flagged,
 * the identical one is not, and the cells carry what the audit stored.
 */
@Slow("Spark, a run of 750 cells, the analysis with its power simulations and the report: well over ten seconds")
class AuditDemoTest {
  @TempDir
  Path dir;

  @Test
  void flagsTheQuantizedDeploymentAndNotTheIdenticalOne() {
    Path out = dir.resolve("results");
    ConsoleRun run = ConsoleRun.of("demo", "--workload", "audit", "--out", out.toString(), "--run-id", "audit-test");
    String text = run.text();
    assertEquals(0, run.exit(), text);
    assertTrue(text.contains("3 providers, 3 models, 25 cases x 10 trials = 750 cells"), text);
    assertTrue(text.contains("Fidelity to the reference Self-hosted vLLM 405b"), text);
    assertTrue(text.contains("Quantized Cloud 405b: outputs differ from the reference Self-hosted vLLM 405b"), text);
    assertTrue(text.contains("Same Weights Cloud 405b: no difference from the reference Self-hosted vLLM 405b detected"), text);

    Row cells = SparkTestSession.get().read().parquet(out.toString()).where("run_id = 'audit-test'").selectExpr(
        "count(*)", "count_if(audit_reference = 'Self-hosted vLLM/meta-llama/Llama-3.1-405B-Instruct')",
        "count_if(temperature = 1.0)", "count(DISTINCT response)", "max(trial)").first();
    assertEquals(750L, cells.getLong(0));
    assertEquals(750L, cells.getLong(1), "every cell names the reference");
    assertEquals(750L, cells.getLong(2), "sampled at the audit's temperature");
    assertTrue(cells.getLong(3) > 600, "samples vary: " + cells);
    assertEquals(10, cells.getInt(4), "trial is the sample index, from 1");
  }
}
