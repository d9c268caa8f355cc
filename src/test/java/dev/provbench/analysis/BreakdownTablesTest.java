package dev.provbench.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.provbench.SparkTestSession;
import dev.provbench.analysis.output.AnalysisTable;
import dev.provbench.analysis.output.Insight;
import dev.provbench.analysis.output.OutputFormat;
import dev.provbench.input.BadInputException;
import dev.provbench.report.ReportWriter;
import dev.provbench.results.ResultsViews;
import dev.provbench.stats.Bootstrap;
import dev.provbench.stats.Interval;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.imageio.ImageIO;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Scores by scorer, speed by prompt length and the tool-mode lookup on {@link BreakdownRows}, against values by hand. */
class BreakdownTablesTest {
  @TempDir
  static Path dir;
  static SparkSession spark;
  static Analysis analysis;

  @BeforeAll
  static void analyse() throws Exception {
    spark = SparkTestSession.get();
    BreakdownRows.write(spark, dir.resolve("results"));
    analysis = ResultsAnalyzer.analyze(spark, dir.resolve("results"), List.of(), false,
        new AnalysisOptions(new Bootstrap(7, 200), 2500, 1.0));
  }

  @Test
  void scoresByScorer() {
    score("CorrectScore", "P1", "cells", 9L);
    score("CorrectScore", "P1", "mean score", 1.0);
    score("CorrectScore", "P1", "rank", 1L);
    score("CorrectScore", "P2", "cells", 8L);
    score("CorrectScore", "P2", "cases", 4L);
    score("CorrectScore", "P2", "mean score", 7 * 0.5 / 8);
    score("CorrectScore", "P2", "rank", 2L);
    score("NonNull", "P2", "mean score", 7 / 8.0);
    score("exact", "P1", "mean score", 0.0);
    score("exact", "P1", "rank", 2L);
    score("exact", "P2", "mean score", 7 / 8.0);
    score("exact", "P2", "rank", 1L);
    AnalysisTable t = analysis.table(ScorerScores.ID);
    assertEquals(List.of("CorrectScore", "CorrectScore", "NonNull", "NonNull", "exact", "exact"),
        t.rows().stream().map(r -> r.get(0)).toList(), "the job's scorer order");
    double low = (Double) t.value(find(t, "scorer", "exact", "provider", "P2"), "CI low");
    double high = (Double) t.value(find(t, "scorer", "exact", "provider", "P2"), "CI high");
    assertTrue(low < 7 / 8.0 && 7 / 8.0 < high && low >= 0.5, low + "–" + high);
  }

  @Test
  void everyOrdinaryTableCanReadAnotherScorer() {
    Analysis exact = ResultsAnalyzer.analyze(spark, dir.resolve("results"), List.of(), false,
        new AnalysisOptions(new Bootstrap(7, 200), 2500, 1.0).withScorer("exact"));
    Map<String, Double> accuracy = new TreeMap<>();
    exact.run().accuracy().forEach((e, i) -> accuracy.put(e.provider(), i.mean()));
    assertEquals(Map.of("P1", 0.0, "P2", 7 / 8.0), accuracy, "the accuracy is the scorer's, as in scorer_scores");
    assertTrue(exact.heading().endsWith("; accuracy by scorer exact"), exact.heading());
    var e = Assertions.assertThrows(BadInputException.class,
        () -> ResultsAnalyzer.analyze(spark, dir.resolve("results"), List.of(), false, AnalysisOptions.defaults().withScorer("judge")));
    assertTrue(e.getMessage().contains("run `b1` has no scorer `judge`") && e.getMessage().contains("use one of CorrectScore, NonNull, exact"),
        e.getMessage());
  }

  @Test
  void speedByPromptLength() {
    band("< 1k", "P1", "answered", 4L);
    band("< 1k", "P1", "p50 s", 0.5);
    band("< 1k", "P1", "TTFT p50 s", 0.1);
    band("< 1k", "P1", "rank", 1L);
    band("< 1k", "P2", "p50 s", 0.8);
    band("< 1k", "P2", "rank", 2L);
    band("≥ 16k", "P1", "p50 s", 5.0);
    band("≥ 16k", "P1", "rank", 2L);
    band("≥ 16k", "P1", "TTFT rank", 2L);
    band("≥ 16k", "P2", "answered", 3L);
    band("≥ 16k", "P2", "p50 s", 3.0);
    band("≥ 16k", "P2", "TTFT p50 s", 1.0);
    band("≥ 16k", "P2", "rank", 1L);
    AnalysisTable t = analysis.table(SpeedByPromptSize.ID);
    assertEquals(4, t.rows().size(), "only bands with cells");
    assertTrue(t.coverage().contains("1 answered cells without prompt_tokens left out"), t.coverage());
  }

  @Test
  void insightsNameLeadersThatDiffer() {
    List<String> texts = analysis.insights().stream().map(Insight::text).toList();
    assertTrue(texts.contains("At 8b the best experiment depends on the scorer: P1 on CorrectScore and NonNull,"
        + " P2 on exact."), texts.toString());
    assertTrue(texts.contains("At 8b the fastest provider on short prompts is not the fastest on long ones: fastest are"
        + " P1 at < 1k tokens, P2 at ≥ 16k tokens."), texts.toString());
  }

  @Test
  void outputsCarryTheNewTables() {
    for (OutputFormat f : OutputFormat.values()) {
      String text = f.render(analysis.writeUp());
      assertTrue(text.contains(ScorerScores.ID) || f == OutputFormat.CONSOLE, f + " names " + ScorerScores.ID);
      assertTrue(text.contains("Scores by scorer") && text.contains("Speed by prompt length"), f.toString());
    }
  }

  @Test
  void reportShowsTheTablesAndTheirCharts() throws Exception {
    Path html = ReportWriter.write(analysis, List.of(), dir.resolve("report"));
    String page = Files.readString(html);
    for (String id : List.of(ScorerScores.ID, SpeedByPromptSize.ID)) assertTrue(page.contains("id=\"" + id + "\""), id);
    for (String png : List.of("scorers-8b.png", "prompt-length-8b.png")) {
      BufferedImage image = ImageIO.read(html.resolveSibling(png).toFile());
      assertEquals(600, image.getWidth(), png);
    }
    assertTrue(page.contains("Score by scorer at 8b") && page.contains("Speed by prompt length at 8b"));
  }

  @Test
  void promptBands() {
    assertBand(0, "< 1k");
    assertBand(999, "< 1k");
    assertBand(1_000, "1k–4k");
    assertBand(3_999, "1k–4k");
    assertBand(4_000, "4k–16k");
    assertBand(15_999, "4k–16k");
    assertBand(16_000, "≥ 16k");
    assertBand(2_000_000, "≥ 16k");
  }

  @Test
  void scorerTableOnlyBeyondTheReferencePair() {
    assertFalse(ScorerScores.worthShowing(scores("CorrectScore", "NonNull")));
    assertFalse(ScorerScores.worthShowing(scores("CorrectScore")));
    assertTrue(ScorerScores.worthShowing(scores("CorrectScore", "NonNull", "exact")));
    assertTrue(ScorerScores.worthShowing(scores("exact", "NonNull")));
  }

  @Test
  void toolModeReadAsUnknownWithoutTheColumnAndFromItWhenPresent() {
    boolean hasColumn = List.of(spark.table("cells").columns()).contains(ToolModes.COLUMN);
    if (!hasColumn) assertEquals(Map.of(), ToolModes.load(spark, "b1"));
    try {
      spark.table("cells").drop(ToolModes.COLUMN).withColumn(ToolModes.COLUMN, functions.expr(
          "CASE WHEN provider = 'P1' THEN 'text' WHEN case_id = 'u1' THEN NULL ELSE 'native' END"))
          .createOrReplaceTempView("cells");
      assertEquals(Map.of(new Experiment("P1", "m-p1-8b", "8b"), "text", new Experiment("P2", "m-p2-8b", "8b"), "native"),
          ToolModes.load(spark, "b1"));
    } finally {
      ResultsViews.register(spark, dir.resolve("results").toString());
    }
  }

  private static void assertBand(long tokens, String label) {
    assertEquals(label, PromptBand.of(tokens).label(), tokens + " tokens");
    int viaSql = spark.sql("SELECT " + PromptBand.sql("t") + " FROM VALUES (" + tokens + "L) AS v(t)").first().getInt(0);
    assertEquals(PromptBand.of(tokens).ordinal(), viaSql, tokens + " tokens in SQL");
  }

  private static List<ScorerScores.Score> scores(String... scorers) {
    return Arrays.stream(scorers).map(s -> new ScorerScores.Score(new Experiment("P", "m", "8b"), s, 1,
        new Interval(1, 1, 1, 1), 1)).toList();
  }

  private static void score(String scorer, String provider, String column, Object expected) {
    AnalysisTable t = analysis.table(ScorerScores.ID);
    check(t, find(t, "scorer", scorer, "provider", provider), column, expected, scorer + "/" + provider);
  }

  private static void band(String band, String provider, String column, Object expected) {
    AnalysisTable t = analysis.table(SpeedByPromptSize.ID);
    check(t, find(t, "prompt tokens", band, "provider", provider), column, expected, band + "/" + provider);
  }

  private static void check(AnalysisTable t, int row, String column, Object expected, String what) {
    Object actual = t.value(row, column);
    if (expected instanceof Double d) assertEquals(d, ((Number) actual).doubleValue(), 1e-9, what + " " + column);
    else assertEquals(expected, actual, what + " " + column);
  }

  /** The row whose two named columns hold the two values. */
  private static int find(AnalysisTable t, String column, Object value, String column2, Object value2) {
    for (int r = 0; r < t.rows().size(); r++) {
      if (value.equals(t.value(r, column)) && value2.equals(t.value(r, column2))) return r;
    }
    throw new AssertionError(t.id() + " has no row " + value + "/" + value2);
  }
}
