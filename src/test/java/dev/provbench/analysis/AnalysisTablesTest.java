package dev.provbench.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.provbench.SparkTestSession;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every table of {@code analyze} on the fixture (see {@link ResultsFixture}), against values computed by hand. */
class AnalysisTablesTest {
  @TempDir
  static Path dir;
  static SparkSession spark;
  static Analysis analysis;

  @BeforeAll
  static void analyse() throws Exception {
    spark = SparkTestSession.get();
    ResultsFixture.write(spark, dir.resolve("results"));
    AnalysisOptions options = new AnalysisOptions(Bootstrap.defaults(), 2500, 1.0);
    analysis = ResultsAnalyzer.analyze(spark, dir.resolve("results"), List.of(), false, options);
  }

  @Test
  void viewsKeepTheLatestAttemptOfEachCell() {
    assertEquals(19, spark.sql("SELECT * FROM results").count());
    assertEquals(16, spark.sql("SELECT * FROM cells WHERE run_id = 'r1'").count());
    assertEquals("ok", spark.sql("SELECT status FROM cells WHERE cell_id = 'r1|P2|8b|c2|2'").first().getString(0));
    assertEquals(5, spark.sql("SELECT * FROM experiments").count(), "4 in r1, 1 in r0");
    assertEquals(2400.0 / 1000, spark.sql("SELECT duration_mean_s FROM experiments WHERE run_id = 'r1' AND provider = 'P2'"
        + " AND size = '8b'").first().getDouble(0), 1e-9);
  }

  @Test
  void latestRunByDefault() {
    assertEquals("r1", analysis.run().runId());
    assertEquals(List.of("r1", "r0"), ResultsAnalyzer.runIds(spark));
  }

  @Test
  void tradeoffBySize() {
    check(TradeoffTable.ID, "cells", 8L, "8b");
    check(TradeoffTable.ID, "failed", 2L, "8b");
    check(TradeoffTable.ID, "CorrectScore", (3 + 4 / 7.0 + 2) / 8, "8b");
    check(TradeoffTable.ID, "NonNull", 6 / 8.0, "8b");
    check(TradeoffTable.ID, "duration mean s", 1.85, "8b");
    check(TradeoffTable.ID, "duration p50 s", 1.8, "8b");
    check(TradeoffTable.ID, "Δ accuracy pts", null, "8b");
    check(TradeoffTable.ID, "cells", 8L, "70b");
    check(TradeoffTable.ID, "failed", 1L, "70b");
    check(TradeoffTable.ID, "CorrectScore", 0.75, "70b");
    check(TradeoffTable.ID, "duration mean s", 4.45, "70b");
    check(TradeoffTable.ID, "duration p50 s", 3.75, "70b");
    check(TradeoffTable.ID, "Δ accuracy pts", (0.75 - (5 + 4 / 7.0) / 8) * 100, "70b");
    check(TradeoffTable.ID, "Δ accuracy %", (0.75 - (5 + 4 / 7.0) / 8) / ((5 + 4 / 7.0) / 8) * 100, "70b");
    check(TradeoffTable.ID, "Δ duration s", 2.6, "70b");
    assertEquals("8b", table(TradeoffTable.ID).rows().get(0).get(0), "sizes order numerically");
    assertTrue(table(TradeoffTable.ID).coverage().startsWith("16 cells, 3 failed"));
  }

  @Test
  void speedVariance() {
    check(SpeedTables.VARIANCE_ID, "p50 s", 1.3, "8b", "P1");
    check(SpeedTables.VARIANCE_ID, "mean s", 1.3, "8b", "P1");
    check(SpeedTables.VARIANCE_ID, "p90 s", 1.54, "8b", "P1");
    check(SpeedTables.VARIANCE_ID, "p99 s", 1.594, "8b", "P1");
    check(SpeedTables.VARIANCE_ID, "stddev s", Math.sqrt((0.09 + 0.01 + 0.01 + 0.09) / 3), "8b", "P1");
    check(SpeedTables.VARIANCE_ID, "min s", 1.0, "8b", "P1");
    check(SpeedTables.VARIANCE_ID, "max s", 1.6, "8b", "P1");
    check(SpeedTables.VARIANCE_ID, "TTFT p50 s", 0.35, "8b", "P1");
    check(SpeedTables.VARIANCE_ID, "tokens/s", 65.0, "8b", "P1");
    check(SpeedTables.VARIANCE_ID, "p50 s", 2.3, "8b", "P2");
    check(SpeedTables.VARIANCE_ID, "max s", 3.0, "8b", "P2");
    check(SpeedTables.VARIANCE_ID, "TTFT p50 s", null, "8b", "P2");
    check(SpeedTables.VARIANCE_ID, "p50 s", 4.3, "70b", "P2");
    check(SpeedTables.SPREAD_ID, "fastest", "P1", "8b");
    check(SpeedTables.SPREAD_ID, "slowest ÷ fastest", 2.3 / 1.3, "8b");
    check(SpeedTables.SPREAD_ID, "slowest ÷ fastest", 4.3 / 3.25, "70b");
  }

  @Test
  void accuracyVariance() {
    check(AccuracyTables.VARIANCE_ID, "CorrectScore", 0.75, "8b", "P1");
    check(AccuracyTables.VARIANCE_ID, "CI low", 0.5, "8b", "P1");
    check(AccuracyTables.VARIANCE_ID, "CI high", 1.0, "8b", "P1");
    check(AccuracyTables.VARIANCE_ID, "NonNull", 0.75, "8b", "P1");
    check(AccuracyTables.VARIANCE_ID, "CorrectScore", (2 + 4 / 7.0) / 4, "8b", "P2");
    check(AccuracyTables.VARIANCE_ID, "failed", 1L, "8b", "P2");
    check(AccuracyTables.VARIANCE_ID, "CorrectScore", 1.0, "70b", "P1");
    check(AccuracyTables.VARIANCE_ID, "CorrectScore", 0.5, "70b", "P2");
    check(AccuracyTables.SPREAD_ID, "spread pts", (0.75 - (2 + 4 / 7.0) / 4) * 100, "8b");
    check(AccuracyTables.SPREAD_ID, "spread pts", 50.0, "70b");
    check(AccuracyTables.PAIRED_ID, "provider A", "P1", "70b");
    check(AccuracyTables.PAIRED_ID, "A − B pts", 50.0, "70b");
    check(AccuracyTables.PAIRED_ID, "cases", 2L, "70b");
  }

  @Test
  void rankingAndInsights() {
    check(RankingTable.ID, "fastest", "P1", "8b");
    check(RankingTable.ID, "most accurate", "P1", "8b");
    check(RankingTable.ID, "slowest", "P2", "70b");
    check(RankingTable.ID, "least accurate", "P2", "70b");
    List<String> sentences = analysis.insights().stream().map(Insight::text).toList();
    assertTrue(sentences.contains("P1 is fastest at 8b and 70b."), sentences::toString);
    assertTrue(sentences.contains("P2 is slowest at 8b and 70b."), sentences::toString);
    assertTrue(sentences.contains("From 8b to 70b, accuracy rises 5.4 points (+7.7%) and mean duration grows by 2.60 s."),
        sentences::toString);
    assertTrue(sentences.stream().anyMatch(s -> s.startsWith("P2 at 8b failed 1 of 4 cells (25.0%): 1 http_error;"
        + " 3 requests were answered 429")), sentences::toString);
    assertTrue(analysis.insights().stream().allMatch(i -> !i.basis().isBlank()));
  }

  @Test
  void reliability() {
    check(ReliabilityTable.ID, "failed", 1L, "8b", "P2");
    check(ReliabilityTable.ID, "failure rate", 25.0, "8b", "P2");
    check(ReliabilityTable.ID, "http_error", 1L, "8b", "P2");
    check(ReliabilityTable.ID, "timeout", 0L, "8b", "P2");
    check(ReliabilityTable.ID, "429s", 3L, "8b", "P2");
    check(ReliabilityTable.ID, "cells with 429", 1L, "8b", "P2");
    check(ReliabilityTable.ID, "retries", 3L, "8b", "P2");
    check(ReliabilityTable.ID, "back-off s", 1.5, "8b", "P2");
    check(ReliabilityTable.ID, "parse_error", 1L, "8b", "P1");
    check(ReliabilityTable.ID, "timeout", 1L, "70b", "P2");
  }

  @Test
  void cost() {
    check(CostTable.ID, "cost $", 0.004, "8b", "P1");
    check(CostTable.ID, "$ per 1k cases", 1.0, "8b", "P1");
    check(CostTable.ID, "$ per correct", 0.004 / 3, "8b", "P1");
    check(CostTable.ID, "cells with cost", 3L, "8b", "P2");
    check(CostTable.ID, "$ per 1k cases", 2.0, "8b", "P2");
    check(CostTable.ID, "$ per correct", 0.003, "8b", "P2");
    check(CostTable.ID, "$ per 1k cases", 10.0, "70b", "P1");
    check(CostTable.ID, "cost $", null, "70b", "P2");
  }

  @Test
  void trialConsistency() {
    check(ConsistencyTable.ID, "agreement", 50.0, "8b", "P1");
    check(ConsistencyTable.ID, "agreement", 0.0, "8b", "P2");
    check(ConsistencyTable.ID, "agreement", 100.0, "70b", "P1");
    check(ConsistencyTable.ID, "repeated cases", 2L, "70b", "P2");
  }

  @Test
  void paretoFront() {
    check(ParetoFront.ID, "on front", "yes", "8b", "P1");
    check(ParetoFront.ID, "on front", "no", "8b", "P2");
    check(ParetoFront.ID, "dominated by", "P1 at 8b", "8b", "P2");
    check(ParetoFront.ID, "on front", "yes", "70b", "P1");
    check(ParetoFront.ID, "dominated by", "P1 at 8b, P2 at 8b, P1 at 70b", "70b", "P2");
  }

  @Test
  void correctGoodput() {
    check(GoodputTable.ID, "correct within objective", 3L, "8b", "P1");
    check(GoodputTable.ID, "goodput share", 75.0, "8b", "P1");
    check(GoodputTable.ID, "goodput per min", 3 / (31.6 / 60), "8b", "P1");
    check(GoodputTable.ID, "correct within objective", 2L, "8b", "P2");
    check(GoodputTable.ID, "wall min", 102.4 / 60, "8b", "P2");
    check(GoodputTable.ID, "correct within objective", 0L, "70b", "P1");
  }

  @Test
  void everyTableSaysWhatItCovers() {
    for (AnalysisTable t : analysis.tables()) {
      assertTrue(t.coverage().matches(".*\\d+ cells, \\d+ failed.*"), t.id() + ": " + t.coverage());
    }
  }

  /** Checks one value of a table: the row whose first columns are {@code key}. */
  static void check(String tableId, String column, Object expected, String... key) {
    AnalysisTable t = table(tableId);
    Object actual = t.value(row(t, key), column);
    String what = tableId + " " + String.join("/", key) + " " + column;
    if (expected instanceof Double d) assertEquals(d, ((Number) actual).doubleValue(), 1e-9, what);
    else assertEquals(expected, actual, what);
  }

  static int row(AnalysisTable t, String... key) {
    int keyStart = t.columns().get(0).name().equals("size") ? 0 : 1;
    for (int r = 0; r < t.rows().size(); r++) {
      boolean match = true;
      for (int k = 0; k < key.length; k++) match &= key[k].equals(t.rows().get(r).get(keyStart + k));
      if (match) return r;
    }
    throw new AssertionError(t.id() + " has no row " + String.join("/", key));
  }

  static AnalysisTable table(String id) {
    return analysis.table(id);
  }
}
