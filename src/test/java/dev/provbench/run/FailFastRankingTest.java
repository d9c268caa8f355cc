package dev.provbench.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.provbench.JudgeCases;
import dev.provbench.Slow;
import dev.provbench.SparkTestSession;
import dev.provbench.analysis.Analysis;
import dev.provbench.analysis.AnalysisOptions;
import dev.provbench.analysis.ResultsAnalyzer;
import dev.provbench.analysis.SpeedTables;
import dev.provbench.analysis.output.AnalysisTable;
import dev.provbench.analysis.output.Insight;
import dev.provbench.job.Job;
import dev.provbench.sim.SimProfile;
import dev.provbench.sim.SimulatedProviders;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shipped fail-fast profile through a real run: Provider 3 answers half its requests with an immediate
 * 400 and is the slowest when it answers. Over all cells its median duration is the lowest, so a ranking
 * that counted failures would call it fastest; the analysis must not, and flags its failure rate instead.
 */
@Slow("a full run and analysis of 600 cells")
class FailFastRankingTest {
  @TempDir
  Path dir;

  @Test
  void aProviderThatFailsFastIsFlaggedNotRankedFastest() throws Exception {
    SimProfile profile = SimProfile.load(Path.of("data/sim/fail-fast-profile.yaml"));
    try (SimulatedProviders sim = SimulatedProviders.start(profile, 0)) {
      Job job = JudgeCases.run(JudgeCases.job(dir, 60, "fail-fast", """
          task: {template: judge.yaml}
          trials: 1
          concurrency: 3
          providers:
            - {name: Provider 1, base_url: "%s", models: [{id: accounts/fireworks/models/llama-v3p1-8b-instruct}]}
            - {name: Provider 2, base_url: "%s", models: [{id: meta-llama/Meta-Llama-3.1-8B-Instruct-Turbo}]}
            - {name: Provider 3, base_url: "%s", models: [{id: llama3-1-8b}]}
          """.formatted(sim.baseUrl("Provider 1"), sim.baseUrl("Provider 2"), sim.baseUrl("Provider 3"))));

      SparkSession spark = SparkTestSession.get();
      List<Row> naive = spark.read().parquet(job.output().toString())
          .groupBy("provider").agg(org.apache.spark.sql.functions.expr("percentile(duration_ms, 0.5) AS p50"),
              org.apache.spark.sql.functions.expr("avg(CASE WHEN status = 'http_error' THEN 1.0 ELSE 0 END) AS failed"))
          .orderBy("p50").collectAsList();
      assertEquals("Provider 3", naive.get(0).getAs("provider"), "the trap is real: over all cells it looks fastest " + naive);
      assertTrue(naive.get(0).<BigDecimal>getAs("failed").doubleValue() > 0.5, naive.toString());

      Analysis analysis = ResultsAnalyzer.analyze(spark, job.output(), List.of("fail-fast"), true,
          AnalysisOptions.defaults());
      AnalysisTable spread = analysis.table(SpeedTables.SPREAD_ID);
      assertNotEquals("Provider 3", spread.value(0, "fastest"));
      assertEquals("Provider 1", spread.value(0, "fastest"));
      assertTrue(String.valueOf(spread.value(0, "high failure rate")).startsWith("Provider 3"), spread.rows().toString());
      List<String> sentences = analysis.insights().stream().map(Insight::text).toList();
      assertTrue(sentences.stream().noneMatch(s -> s.startsWith("Provider 3 is fastest")), sentences.toString());
      assertTrue(sentences.stream().anyMatch(s -> s.startsWith("Provider 3 fails far more often")), sentences.toString());
    }
  }
}
