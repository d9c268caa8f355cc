package dev.provbench.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.provbench.SparkTestSession;
import dev.provbench.results.CellResult;
import dev.provbench.results.CellStatus;
import dev.provbench.results.PositionLogprobs;
import dev.provbench.results.ResultSchema;
import dev.provbench.results.ResultsViews;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An audit's cells read back from Parquet for the fidelity table: each cell's first output position's alternatives
 * reach the test, and a deployment whose cells stored no {@code logprobs} is "not available" for it.
 */
class FidelityLoadTest {
  private static final String REFERENCE = "Ref/m";

  @TempDir
  Path dir;

  @Test
  void firstPositionsReachTheTestAndADeploymentWithoutThemIsNotAvailable() {
    SparkSession spark = SparkTestSession.get();
    List<Row> rows = new ArrayList<>();
    for (String provider : List.of("Ref", "Same", "Silent")) {
      for (int prompt = 0; prompt < 2; prompt++) {
        for (int trial = 1; trial <= 2; trial++) {
          rows.add(ResultSchema.toRow(cell(provider, "k" + prompt, trial, provider.equals("Silent") ? null : List.of(
              new PositionLogprobs("sea", -0.1 * trial, List.of(alt("sea", -0.1 * trial), alt("rock", -2.0))),
              new PositionLogprobs(" light", -0.5, List.of(alt(" light", -0.5)))))));
        }
      }
    }
    spark.createDataFrame(rows, ResultSchema.SCHEMA).write().partitionBy("run_id").parquet(dir.resolve("results").toString());
    ResultsViews.register(spark, dir.resolve("results").toString());

    FidelityAudit audit = FidelityTable.load(spark, "audit");
    FidelityAudit.Completions same = audit.deployments().get(1);
    assertEquals("Same", same.deployment().provider());
    assertEquals(Map.of("k0", List.of(Map.of("sea", -0.1, "rock", -2.0), Map.of("sea", -0.2, "rock", -2.0)),
        "k1", List.of(Map.of("sea", -0.1, "rock", -2.0), Map.of("sea", -0.2, "rock", -2.0))), same.firstLogprobs());
    assertFalse(audit.deployments().get(2).returnedLogprobs());
    List<FidelityAudit.Result> results = audit.results(false);
    assertEquals(List.of("Same mmd", "Same logprob", "Silent mmd", "Silent logprob"),
        results.stream().map(r -> r.deployment().provider() + " " + r.test().word()).toList());
    assertTrue(results.get(1).available());
    assertEquals(4, results.get(1).figures().candidate());
    assertFalse(results.get(3).available());
  }

  private static PositionLogprobs.Alternative alt(String token, double logprob) {
    return new PositionLogprobs.Alternative(token, logprob);
  }

  private static CellResult cell(String provider, String caseId, int trial, List<PositionLogprobs> logprobs) {
    return new CellResult(new CellResult.Identity("audit", provider + caseId + trial, provider, "m", "405b", caseId,
        trial), new CellResult.Setup("text", false, false, 1, null, 1.0, REFERENCE),
        new CellResult.Attempts(1, 0, 0, 0, 0, 200, List.of()), new CellResult.Timing(Instant.EPOCH, Instant.EPOCH, 0),
        CellResult.Speed.NONE, CellResult.Tokens.NONE, new CellResult.Cost(null, null),
        new CellResult.Outcome(CellStatus.OK, null), new CellResult.Answer(null, "sea light.", null, null, logprobs),
        new CellResult.Reading(null, null, null, null), new CellResult.Scoring(1.0, null, null, List.of(), null),
        CellResult.Load.NONE);
  }
}
