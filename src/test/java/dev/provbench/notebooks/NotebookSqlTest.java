package dev.provbench.notebooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.provbench.Slow;
import dev.provbench.SparkTestSession;
import dev.provbench.analysis.ResultsFixture;
import dev.provbench.analysis.SqlScript;
import dev.provbench.results.RunRows;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every SQL cell of every notebook and every {@code notebooks/sql/*.sql} file runs against the analysis
 * fixture, with only the {@code results} view registered (the notebooks define the others themselves).
 */
@Slow("runs every notebook cell and SQL file")
class NotebookSqlTest {
  private static final Path NOTEBOOKS = Path.of("notebooks");
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  static Path dir;
  static SparkSession spark;

  @BeforeAll
  static void fixture() throws Exception {
    spark = SparkTestSession.get();
    ResultsFixture.write(spark, dir.resolve("results"));
  }

  @Test
  void everySqlFileRuns() throws Exception {
    List<Path> files = sqlFiles();
    assertEquals(6, files.size(), files.toString());
    registerResultsOnly();
    for (Path f : files) {
      for (Dataset<Row> result : SqlScript.run(spark, Files.readString(f))) result.collectAsList();
    }
  }

  @Test
  void sqlFilesGiveTheAnalysisNumbers() throws Exception {
    registerResultsOnly();
    runFile("01_views.sql");
    Row eightB = last(runFile("02_tradeoff_by_size.sql")).filter("run_id = 'r1' AND size = '8b'").first();
    assertEquals(8L, eightB.<Long>getAs("cells"));
    assertEquals((5 + 4 / 7.0) / 8, eightB.<Double>getAs("correct_score"), 1e-9);
    assertEquals(1.8, eightB.<Double>getAs("duration_p50_s"), 1e-9);
    List<Row> disagreements = last(runFile("05_8b_disagreements.sql")).collectAsList();
    assertEquals(1, disagreements.size());
    assertEquals("c1", disagreements.get(0).<String>getAs("case_id"));
  }

  @Test
  void everyNotebookSqlCellRuns() throws Exception {
    List<Path> notebooks;
    try (Stream<Path> s = Files.list(NOTEBOOKS)) {
      notebooks = s.filter(p -> p.toString().endsWith(".ipynb")).sorted().toList();
    }
    assertFalse(notebooks.isEmpty());
    for (Path nb : notebooks) {
      registerResultsOnly();
      List<String> cells = sqlCells(nb);
      assertTrue(cells.size() >= 8, nb + " has " + cells.size() + " SQL cells");
      for (String cell : cells) spark.sql(cell).collectAsList();
    }
  }

  /** The body of each {@code %%sql} code cell, in order. */
  static List<String> sqlCells(Path notebook) throws Exception {
    JsonNode root = JSON.readTree(notebook.toFile());
    assertEquals(4, root.path("nbformat").asInt(), notebook + " is not nbformat 4");
    List<String> out = new ArrayList<>();
    for (JsonNode cell : root.path("cells")) {
      if (!cell.path("cell_type").asText().equals("code")) continue;
      StringBuilder source = new StringBuilder();
      cell.path("source").forEach(line -> source.append(line.asText()));
      String text = source.toString();
      if (text.startsWith("%%sql")) out.add(text.substring(text.indexOf('\n') + 1));
      else assertFalse(text.matches("(?s).*(\"|')/(home|tmp|work|root|Users)/.*"), "absolute path in " + notebook);
    }
    return out;
  }

  private static void registerResultsOnly() {
    for (String view : List.of("results", "cells", "experiments")) spark.catalog().dropTempView(view);
    RunRows.all(spark, dir.resolve("results").toString()).createOrReplaceTempView("results");
  }

  private static List<Path> sqlFiles() throws Exception {
    try (Stream<Path> s = Files.list(NOTEBOOKS.resolve("sql"))) {
      return s.filter(p -> p.toString().endsWith(".sql")).sorted().toList();
    }
  }

  private static List<Dataset<Row>> runFile(String name) throws Exception {
    return SqlScript.run(spark, Files.readString(NOTEBOOKS.resolve("sql").resolve(name)));
  }

  private static Dataset<Row> last(List<Dataset<Row>> results) {
    return results.get(results.size() - 1);
  }
}
