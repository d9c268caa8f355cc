package dev.provbench.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.provbench.Slow;
import dev.provbench.SparkTestSession;
import dev.provbench.cli.Main;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code analyze}, {@code sql} and {@code report} from the command line, on the fixture. */
@Slow("every command runs a whole analysis from the command line")
class CommandLineTest {
  @TempDir
  static Path dir;
  static String results;

  @BeforeAll
  static void fixture() throws Exception {
    results = ResultsFixture.write(SparkTestSession.get(), dir.resolve("results")).toString();
  }

  @Test
  void analyzeAsJson() throws Exception {
    JsonNode json = new ObjectMapper().readTree(run(0, "analyze", results, "--run", "r1", "--format", "json"));
    assertEquals("r1", json.get("run").asText());
    assertEquals("tradeoff_by_size", json.at("/tables/0/id").asText());
    assertEquals(8, json.at("/tables/0/rows/0/cells").asInt());
  }

  @Test
  void analyzeAsCsvAndMarkdown() throws Exception {
    assertTrue(run(0, "analyze", results, "--format", "csv").contains("# tradeoff_by_size: Aggregate trade-off by size"));
    assertTrue(run(0, "analyze", results, "--format", "markdown").contains("| size | experiments | cells |"));
    Path out = dir.resolve("analysis.md");
    run(0, "analyze", results, "--format", "markdown", "--out-file", out.toString());
    assertTrue(Files.readString(out).startsWith("# provbench analysis: run r1"));
  }

  @Test
  void analyzeComparesTwoRuns() throws Exception {
    assertTrue(run(0, "analyze", results, "--run", "r0", "--run", "r1").contains("Run r1 against run r0 (B − A)"));
  }

  @Test
  void badInputExitsWith2() throws Exception {
    assertTrue(run(Main.EXIT_BAD_INPUT, "analyze", results, "--run", "nope").isEmpty());
    run(Main.EXIT_BAD_INPUT, "analyze", results, "--format", "xml");
  }

  @Test
  void sqlAgainstTheViews() throws Exception {
    String out = run(0, "sql", results, "SELECT size, count(*) AS n FROM cells WHERE run_id = 'r1' GROUP BY size ORDER BY n");
    assertTrue(out.contains("(2 rows)"), out);
    assertTrue(run(0, "sql", results, "--file", "notebooks/sql/02_tradeoff_by_size.sql").contains("delta_accuracy_pts"));
  }

  @Test
  void report() throws Exception {
    run(0, "report", results, "--out", dir.resolve("report").toString());
    assertTrue(Files.exists(dir.resolve("report/report.html")));
  }

  /** Runs the command line, checks its exit code and returns what it printed. */
  private static String run(int exit, String... args) {
    PrintStream old = System.out;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    try {
      assertEquals(exit, Main.execute(args), String.join(" ", args));
    } finally {
      System.setOut(old);
    }
    return out.toString(StandardCharsets.UTF_8);
  }
}
