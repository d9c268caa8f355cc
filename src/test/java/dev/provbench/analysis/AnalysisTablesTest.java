package dev.provbench.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.provbench.SparkTestSession;
import dev.provbench.analysis.output.AnalysisTable;
import dev.provbench.analysis.output.Insight;
import dev.provbench.results.ResultsViews;
import dev.provbench.stats.Bootstrap;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.Row;
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
    Row p2 = spark.sql("SELECT * FROM experiments WHERE run_id = 'r1' AND provider = 'P2' AND size = '8b'").first();
    assertEquals(2.2, p2.<Double>getAs("duration_mean_s"), 1e-9, "answered cells only");
    assertEquals(2.2, p2.<Double>getAs("duration_p50_s"), 1e-9);
    assertEquals(9.6 / 4, p2.<Double>getAs("duration_mean_incl_failures_s"), 1e-9);
    assertEquals(0.25, p2.<Double>getAs("failure_rate"), 1e-9);
    assertEquals(1L, (long) p2.<Long>getAs("estimated_usage"));
    assertEquals(1L, (long) p2.<Long>getAs("reconnects"));
  }

  @Test
  void latestRunByDefault() {
    assertEquals("r1", analysis.run().runId());
    assertEquals(List.of("r1", "r0"), ResultsAnalyzer.runIds(spark));
  }

  @Test
  void tradeoffBySize() {
    check(TradeoffTable.ID, "cells", 8L, "8b");
    check(TradeoffTable.ID, "failed", 1L, "8b");
    check(TradeoffTable.ID, "failure rate", 12.5, "8b");
    check(TradeoffTable.ID, "scored 0", 2L, "8b");
    check(TradeoffTable.ID, "CorrectScore", (3 + 4 / 7.0 + 2) / 8, "8b");
    check(TradeoffTable.ID, "NonNull", 6 / 8.0, "8b");
    check(TradeoffTable.ID, "duration mean s", 11.8 / 7, "8b");
    check(TradeoffTable.ID, "duration p50 s", 1.6, "8b");
    check(TradeoffTable.ID, "Δ accuracy pts", null, "8b");
    check(TradeoffTable.ID, "cells", 8L, "70b");
    check(TradeoffTable.ID, "failed", 1L, "70b");
    check(TradeoffTable.ID, "CorrectScore", 0.75, "70b");
    check(TradeoffTable.ID, "duration mean s", 25.6 / 7, "70b");
    check(TradeoffTable.ID, "duration p50 s", 3.5, "70b");
    check(TradeoffTable.ID, "Δ accuracy pts", (0.75 - (5 + 4 / 7.0) / 8) * 100, "70b");
    check(TradeoffTable.ID, "Δ accuracy %", (0.75 - (5 + 4 / 7.0) / 8) / ((5 + 4 / 7.0) / 8) * 100, "70b");
    check(TradeoffTable.ID, "Δ duration s", (25.6 - 11.8) / 7, "70b");
    assertEquals("8b", table(TradeoffTable.ID).rows().get(0).get(0), "sizes order numerically");
    assertTrue(table(TradeoffTable.ID).coverage().startsWith("16 cells, 2 failed; 3 cells with no answer"),
        table(TradeoffTable.ID).coverage());
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
    check(SpeedTables.VARIANCE_ID, "p50 CI low s", 1.1, "8b", "P1");
    check(SpeedTables.VARIANCE_ID, "p50 CI high s", 1.5, "8b", "P1");
    check(SpeedTables.VARIANCE_ID, "failure rate", 0.0, "8b", "P1");
    check(SpeedTables.VARIANCE_ID, "TTFT p50 s", 0.35, "8b", "P1");
    check(SpeedTables.VARIANCE_ID, "first answer p50 s", 0.375, "8b", "P1");
    check(SpeedTables.VARIANCE_ID, "output tok/s", 80 / 3.8, "8b", "P1");
    check(SpeedTables.VARIANCE_ID, "median request tok/s", 65.0, "8b", "P1");
    check(SpeedTables.VARIANCE_ID, "TPOT p50 ms", 42.5, "8b", "P1");
    check(SpeedTables.VARIANCE_ID, "ITL p50 ms", 20.0, "8b", "P1");
    check(SpeedTables.VARIANCE_ID, "ITL p99 ms", 29.8, "8b", "P1");
    check(SpeedTables.VARIANCE_ID, "p50 s", 2.2, "8b", "P2");
    check(SpeedTables.VARIANCE_ID, "max s", 2.4, "8b", "P2");
    check(SpeedTables.VARIANCE_ID, "mean s incl. failures", 2.4, "8b", "P2");
    check(SpeedTables.VARIANCE_ID, "failure rate", 25.0, "8b", "P2");
    check(SpeedTables.VARIANCE_ID, "TTFT p50 s", null, "8b", "P2");
    check(SpeedTables.VARIANCE_ID, "ITL p50 ms", null, "8b", "P2");
    check(SpeedTables.VARIANCE_ID, "p50 s", 4.2, "70b", "P2");
    check(SpeedTables.SPREAD_ID, "fastest", "P1", "8b");
    check(SpeedTables.SPREAD_ID, "clearly fastest", "no", "8b");
    check(SpeedTables.SPREAD_ID, "high failure rate", "P2 (25% failed)", "8b");
    check(SpeedTables.SPREAD_ID, "slowest", null, "70b");
  }

  @Test
  void accuracyVariance() {
    check(AccuracyTables.VARIANCE_ID, "CorrectScore", 0.75, "8b", "P1");
    check(AccuracyTables.VARIANCE_ID, "CI low", 0.5, "8b", "P1");
    check(AccuracyTables.VARIANCE_ID, "CI high", 1.0, "8b", "P1");
    check(AccuracyTables.VARIANCE_ID, "NonNull", 0.75, "8b", "P1");
    check(AccuracyTables.VARIANCE_ID, "CorrectScore", (2 + 4 / 7.0) / 4, "8b", "P2");
    check(AccuracyTables.VARIANCE_ID, "failed", 1L, "8b", "P2");
    check(AccuracyTables.VARIANCE_ID, "scored 0", 1L, "8b", "P1");
    assertTrue(table(AccuracyTables.VARIANCE_ID).coverage().contains("3 cells with no answer, failed or unparsable, count as"
        + " CorrectScore 0"), table(AccuracyTables.VARIANCE_ID).coverage());
    check(AccuracyTables.VARIANCE_ID, "CorrectScore", 1.0, "70b", "P1");
    check(AccuracyTables.VARIANCE_ID, "CorrectScore", 0.5, "70b", "P2");
    check(AccuracyTables.SPREAD_ID, "spread pts", (0.75 - (2 + 4 / 7.0) / 4) * 100, "8b");
    check(AccuracyTables.SPREAD_ID, "spread pts", 50.0, "70b");
    check(AccuracyTables.PAIRED_ID, "provider A", "P1", "70b");
    check(AccuracyTables.PAIRED_ID, "A − B pts", 50.0, "70b");
    check(AccuracyTables.PAIRED_ID, "cases", 2L, "70b");
    check(AccuracyTables.PAIRED_ID, "adjusted p", table(AccuracyTables.PAIRED_ID).value(row(table(AccuracyTables.PAIRED_ID),
        "70b"), "p"), "70b");
    AnalysisTable paired = table(AccuracyTables.PAIRED_ID);
    for (int r = 0; r < paired.rows().size(); r++) {
      double p = ((Number) paired.value(r, "p")).doubleValue();
      assertTrue(p >= 2.0 / (Bootstrap.DEFAULT_RESAMPLES + 1), "p is never below 2 / (B + 1): " + p);
      assertTrue(!paired.formatted(r, paired.column("p")).equals("0.000"));
    }
  }

  @Test
  void rankingAndInsights() {
    check(RankingTable.ID, "fastest", "P1", "8b");
    check(RankingTable.ID, "clearly fastest", "no", "8b");
    check(RankingTable.ID, "high failure rate", "P2 (25% failed)", "70b");
    check(RankingTable.ID, "most accurate", "P1", "8b");
    check(RankingTable.ID, "least accurate", "P2", "70b");
    List<String> sentences = analysis.insights().stream().map(Insight::text).toList();
    assertTrue(sentences.stream().noneMatch(s -> s.contains("is fastest")), sentences::toString);
    assertTrue(sentences.contains("P2 fails far more often than the others at 8b (25.0% of cells vs a median of 12.5%)"
        + " and 70b (25.0% of cells vs a median of 12.5%); its speed is not ranked there, and its speed figures cover its"
        + " answered cells only."), sentences::toString);
    assertTrue(sentences.contains("From 8b to 70b, accuracy rises 5.4 points (+7.7%) and mean duration grows by 1.97 s."),
        sentences::toString);
    assertTrue(sentences.contains("P2 at 8b failed 1 of 4 cells (25.0%): 1 http_error; 3 requests were answered 429."),
        sentences::toString);
    assertTrue(sentences.contains("P2 at 70b failed 1 of 4 cells (25.0%): 1 timeout; 0 requests were answered 429."),
        sentences::toString);
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
    check(ReliabilityTable.ID, "reconnects", 1L, "8b", "P2");
    check(ReliabilityTable.ID, "failed", 0L, "8b", "P1");
  }

  @Test
  void cost() {
    check(CostTable.ID, "cost $", 0.004, "8b", "P1");
    check(CostTable.ID, "$ per 1k cases", 1.0, "8b", "P1");
    check(CostTable.ID, "$ per correct", 0.004 / 3, "8b", "P1");
    check(CostTable.ID, "cells with cost", 3L, "8b", "P2");
    check(CostTable.ID, "$ per 1k cases", 2.0, "8b", "P2");
    check(CostTable.ID, "$ per correct", 0.003, "8b", "P2");
    check(CostTable.ID, "usage estimated", 1L, "8b", "P2");
    check(CostTable.ID, "$ per 1k cases", 10.0, "70b", "P1");
    check(CostTable.ID, "priced by", "machine hour", "70b", "P2");
    check(CostTable.ID, "cost $", 3.6 * 40 / 3600, "70b", "P2");
    check(CostTable.ID, "$ per 1k cases", 3.6 * 40 / 3600 / 4 * 1000, "70b", "P2");
    check(CostTable.ID, "$ per correct", 3.6 * 40 / 3600 / 2, "70b", "P2");
    check(CostTable.ID, "$ per 1k cases at full load", 3.6 * 22.6 / 3600 / 3 * 1000, "70b", "P2");
    check(CostTable.ID, "$ per 1k cases at full load", null, "70b", "P1");
    assertTrue(table(CostTable.ID).coverage().contains("15 cells with a known cost, 1 with estimated token usage"),
        table(CostTable.ID).coverage());
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

  /**
   * F answers half its cells at 1.5 s and fails the other half at once (5 ms): over all cells its p50 would
   * be the lowest. A at 1.0 s and B at 2.0 s answer everything.
   */
  @Test
  void aFailFastProviderIsFlaggedNotFastest() throws Exception {
    List<Row> rows = new ArrayList<>();
    for (int c = 0; c < 20; c++) {
      for (int t = 1; t <= 3; t++) {
        int jitter = (c * 37 + t * 11) % 100;
        rows.add(cell("A", c, t, "ok", 1000 + jitter));
        rows.add(cell("B", c, t, "ok", 2000 + jitter));
        rows.add((c + t) % 2 == 0 ? cell("F", c, t, "http_error", 5) : cell("F", c, t, "ok", 1500 + jitter));
      }
    }
    Path results = dir.resolve("failfast");
    ResultsFixture.write(spark, results, rows);
    Analysis failFast;
    try {
      failFast = ResultsAnalyzer.analyze(spark, results, List.of(), false, new AnalysisOptions(new Bootstrap(1, 400), 2500, 1.0));
    } finally {
      ResultsViews.register(spark, dir.resolve("results").toString());
    }
    AnalysisTable spread = failFast.table(SpeedTables.SPREAD_ID);
    assertEquals("A", spread.value(0, "fastest"));
    assertEquals("yes", spread.value(0, "clearly fastest"));
    assertEquals("B", spread.value(0, "slowest"));
    assertEquals("yes", spread.value(0, "clearly slowest"));
    assertEquals("F (50% failed)", spread.value(0, "high failure rate"));
    List<String> sentences = failFast.insights().stream().map(Insight::text).toList();
    assertTrue(sentences.contains("A is fastest at 8b. B is slowest at 8b."), sentences::toString);
    assertTrue(sentences.stream().anyMatch(s -> s.startsWith("F fails far more often than the others at 8b (50.0% of cells"
        + " vs a median of 0.0%)")), sentences::toString);
    AnalysisTable variance = failFast.table(SpeedTables.VARIANCE_ID);
    int f = row(variance, "8b", "F");
    assertTrue(((Number) variance.value(f, "p50 s")).doubleValue() > 1.5, "F's p50 comes from its answered cells");
    assertTrue(((Number) variance.value(f, "mean s incl. failures")).doubleValue() < 0.8);
  }

  private static Row cell(String provider, int c, int trial, String status, long durationMs) throws Exception {
    boolean ok = status.equals("ok");
    return ResultsFixture.row(new ObjectMapper().readTree(String.format(Locale.ROOT,
        "{\"run\":\"ff\",\"p\":\"%s\",\"size\":\"8b\",\"case\":\"c%d\",\"trial\":%d,\"status\":\"%s\",%s"
            + "\"exp\":1.0,\"cs\":%s,\"dur\":%d,\"start\":%d%s}", provider, c, trial, status,
        ok ? "\"out\":1.0,\"choice\":\"C\"," : "\"http\":503,", ok ? "1.0" : "0.0", durationMs, c * 10 + trial,
        ok ? ",\"cost\":0.001" : "")));
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
