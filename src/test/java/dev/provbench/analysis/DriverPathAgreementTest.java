package dev.provbench.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.provbench.Slow;
import dev.provbench.SparkTestSession;
import dev.provbench.analysis.load.LoadOptions;
import dev.provbench.analysis.output.OutputFormat;
import dev.provbench.input.BadInputException;
import dev.provbench.input.StoragePath;
import dev.provbench.results.ResultsViews;
import dev.provbench.stats.Bootstrap;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A small results folder is analysed from its cells on the driver ({@link DriverCells}), a large one by Spark SQL:
 * both give every table and insight the same figures. One line per fixture and options; each analysis runs once with
 * the driver path and once with it turned off ({@link DriverCells#LIMIT_CONF} 0), and the JSON outputs are compared
 * value by value (numbers to 1e-9, relative: a sum may add up in another order).
 */
class DriverPathAgreementTest {
  @TempDir
  static Path dir;
  static SparkSession spark;
  static final ObjectMapper JSON = new ObjectMapper();

  @BeforeAll
  static void write() throws Exception {
    spark = SparkTestSession.get();
    ResultsFixture.write(spark, dir.resolve("fixture"));
    BreakdownRows.write(spark, dir.resolve("breakdown"));
  }

  @Test
  void fixture() throws Exception {
    agree("fixture", List.of(), options(null, null));
  }

  @Test
  void twoRunsCompared() throws Exception {
    agree("fixture", List.of("r0", "r1"), options(null, null));
  }

  @Test
  void withAReference() throws Exception {
    agree("fixture", List.of("r1"), options(null, "P1"));
  }

  @Test
  void scorersAndPromptBands() throws Exception {
    agree("breakdown", List.of(), options(null, null));
  }

  @Test
  void anotherScorerAsTheAccuracy() throws Exception {
    agree("breakdown", List.of(), options("exact", null));
  }

  @Test
  @Slow("writes and analyses 3,000 synthetic cells twice")
  void syntheticRunOfThreeThousandCells() throws Exception {
    SyntheticResults.write(spark, dir.resolve("synthetic"), "synthetic", 3000);
    agree("synthetic", List.of(), options(null, null));
  }

  @Test
  @Slow("the load tables of a ladder run twice, by Spark in both paths")
  void aStepOfALoadLadder() throws Exception {
    // The fixture again as a load ladder: two steps by trial, case c1's cells warming up.
    spark.read().parquet(dir.resolve("fixture").toString())
        .selectExpr("* EXCEPT (load_step, load_concurrency, load_warmup)", "CAST(trial AS INT) AS load_step",
            "CAST(trial * 2 AS INT) AS load_concurrency", "case_id = 'c1' AS load_warmup")
        .write().mode(SaveMode.Overwrite).partitionBy("run_id").parquet(dir.resolve("ladder").toString());
    agreeAtStep("ladder", 2);
  }

  @Test
  void turnsOfConversationsAndCachedTokens() throws Exception {
    // The fixture's trials as turns of conversations, the second provider reporting half of each prompt cached.
    spark.read().parquet(dir.resolve("fixture").toString())
        .selectExpr("* EXCEPT (turn, conversation_id, cached_tokens)", "CAST(trial AS INT) AS turn", "case_id AS conversation_id",
            "CASE WHEN provider = 'P2' THEN CAST(prompt_tokens * (trial - 1) / 2 AS BIGINT) END AS cached_tokens")
        .write().mode(SaveMode.Overwrite).partitionBy("run_id").parquet(dir.resolve("turns").toString());
    String both = compare("turns", List.of(), options(null, null), LoadOptions.defaults());
    assertTrue(both.contains("\"id\" : \"turns\"") && both.contains("\"id\" : \"cache\""), both);
  }

  @Test
  void aRunWithoutAPrimaryScoreIsRefusedWithTheFixByBothPaths() {
    // The fixture as a job whose only scorer is NonNull writes it: no cell has a primary score.
    spark.read().parquet(dir.resolve("fixture").toString()).withColumn("correct_score", functions.lit(null).cast("double"))
        .write().mode(SaveMode.Overwrite).partitionBy("run_id").parquet(dir.resolve("unscored").toString());
    StoragePath results = StoragePath.local(dir.resolve("unscored"));
    for (String limit : new String[] {null, "0"}) {
      try {
        if (limit != null) spark.conf().set(DriverCells.LIMIT_CONF, limit);
        BadInputException e = assertThrows(BadInputException.class, () -> ResultsAnalyzer.analyze(spark, results,
            List.of("r1"), false, options(null, null), LoadOptions.defaults()));
        assertTrue(e.getMessage().startsWith("run `r1`: has no primary score") && e.getMessage().contains("--scorer NonNull"),
            e.getMessage());
      } finally {
        spark.conf().unset(DriverCells.LIMIT_CONF);
      }
    }
  }

  @Test
  void aSmallFolderIsReadOnceOnTheDriverALargeOneIsLeftToSpark() {
    ResultsViews.register(spark, dir.resolve("fixture").toString());
    assertNotNull(DriverCells.readIfSmall(spark, null));
    try {
      spark.conf().set(DriverCells.LIMIT_CONF, "18");
      assertNull(DriverCells.readIfSmall(spark, null), "19 stored rows are more than 18");
    } finally {
      spark.conf().unset(DriverCells.LIMIT_CONF);
    }
  }

  private static AnalysisOptions options(String scorer, String reference) {
    return new AnalysisOptions(new Bootstrap(11, 200), 2500, 1.0, reference, 2.0, 3.0, scorer);
  }

  private static void agree(String folder, List<String> runs, AnalysisOptions options) throws Exception {
    compare(folder, runs, options, LoadOptions.defaults());
  }

  private static void agreeAtStep(String folder, int step) throws Exception {
    compare(folder, List.of(), options(null, null), new LoadOptions(LoadOptions.defaults().objective(), LoadOptions.defaults().kneeGrowth(), step));
  }

  /** Analyses the folder by both paths, asserts they agree and returns the write-up as JSON. */
  private static String compare(String folder, List<String> runs, AnalysisOptions options, LoadOptions load) throws Exception {
    StoragePath results = StoragePath.local(dir.resolve(folder));
    String driver = OutputFormat.JSON.render(ResultsAnalyzer.analyze(spark, results, runs, false, options, load).writeUp());
    String sql;
    try {
      spark.conf().set(DriverCells.LIMIT_CONF, "0");
      sql = OutputFormat.JSON.render(ResultsAnalyzer.analyze(spark, results, runs, false, options, load).writeUp());
    } finally {
      spark.conf().unset(DriverCells.LIMIT_CONF);
    }
    assertTrue(driver.length() > 1000, driver);
    same("", JSON.readTree(sql), JSON.readTree(driver));
    return driver;
  }

  /** The two trees hold the same values, numbers to a relative 1e-9. */
  private static void same(String at, JsonNode sql, JsonNode driver) {
    if (sql.isNumber() && driver.isNumber()) {
      double a = sql.doubleValue();
      double b = driver.doubleValue();
      assertEquals(a, b, Math.abs(a) * 1e-9, at);
      return;
    }
    assertEquals(sql.getNodeType(), driver.getNodeType(), at + ": " + sql + " against " + driver);
    if (sql.isArray()) {
      assertEquals(sql.size(), driver.size(), at + ": " + sql + " against " + driver);
      for (int i = 0; i < sql.size(); i++) same(at + "[" + i + "]", sql.get(i), driver.get(i));
    } else if (sql.isObject()) {
      assertEquals(iterable(sql.fieldNames()), iterable(driver.fieldNames()), at);
      sql.fields().forEachRemaining((Map.Entry<String, JsonNode> f) -> same(at + "." + f.getKey(), f.getValue(),
          driver.get(f.getKey())));
    } else {
      assertEquals(sql, driver, at);
    }
  }

  private static List<String> iterable(Iterator<String> it) {
    List<String> out = new ArrayList<>();
    it.forEachRemaining(out::add);
    return out;
  }
}
