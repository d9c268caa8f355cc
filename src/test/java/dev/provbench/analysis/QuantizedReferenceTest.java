package dev.provbench.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.provbench.JudgeCases;
import dev.provbench.SparkTestSession;
import dev.provbench.analysis.output.AnalysisTable;
import dev.provbench.job.Job;
import dev.provbench.sim.SimProfile;
import dev.provbench.sim.SimulatedProviders;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shipped quantized profile through a real run and {@code analyze --reference "Self-hosted vLLM"}: the
 * deployment of a quantized variant (judge errors +12 points, about −6 points of accuracy) is called different,
 * the deployment of the same weights is not.
 */
class QuantizedReferenceTest {
  @TempDir
  Path dir;

  @Test
  void theQuantizedDeploymentDiffersAndTheIdenticalOneDoesNot() throws Exception {
    SimProfile profile = SimProfile.load(Path.of("data/sim/quantized-profile.yaml"));
    try (SimulatedProviders sim = SimulatedProviders.start(profile, 0)) {
      Job job = JudgeCases.run(JudgeCases.job(dir, 120, "quantized", """
          task: {template: judge.yaml}
          trials: 3
          concurrency: 8
          providers:
            - {name: Self-hosted vLLM, base_url: "%s", models: [{id: meta-llama/Llama-3.1-405B-Instruct, size: 405b}]}
            - {name: Same Weights Cloud, base_url: "%s", models: [{id: llama-3.1-405b-instruct, size: 405b}]}
            - {name: Quantized Cloud, base_url: "%s", models: [{id: llama-3.1-405b-instruct-fp8, size: 405b}]}
          """.formatted(sim.baseUrl("Self-hosted vLLM"), sim.baseUrl("Same Weights Cloud"), sim.baseUrl("Quantized Cloud"))));

      Analysis analysis = ResultsAnalyzer.analyze(SparkTestSession.get(), job.output(), List.of("quantized"), true,
          AnalysisOptions.defaults().withReference("Self-hosted vLLM"));
      AnalysisTable t = analysis.table(EquivalenceTable.ID);
      assertEquals(2, t.rows().size(), t.rows().toString());
      String quantized = verdict(t, "Quantized Cloud");
      String same = verdict(t, "Same Weights Cloud");
      assertTrue(quantized.startsWith("different: worse by"), t.rows().toString());
      assertTrue(!same.startsWith("different"), t.rows().toString());
      assertTrue(analysis.insights().stream().anyMatch(i -> i.text().startsWith("At 405b, Quantized Cloud is not equivalent"
          + " to Self-hosted vLLM: worse by")), analysis.insights().toString());

      AnalysisTable power = analysis.table(PowerTable.ID);
      assertEquals(120L, power.value(0, "cases"));
      assertEquals(3.0, (double) power.value(0, "trials per case"), 1e-9);
      double mde = (double) power.value(0, "MDE pts");
      assertTrue(mde > 1 && mde < 10, power.rows().toString());
      assertNotEquals(null, power.value(0, "cases needed"));
    }
  }

  private static String verdict(AnalysisTable t, String provider) {
    for (int r = 0; r < t.rows().size(); r++) {
      if (t.value(r, "provider").equals(provider)) return (String) t.value(r, "verdict");
    }
    throw new AssertionError("no row for " + provider + ": " + t.rows());
  }
}
