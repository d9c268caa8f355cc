package dev.provbench.analysis.bench;

import dev.provbench.analysis.Analysis;
import dev.provbench.analysis.AnalysisOptions;
import dev.provbench.analysis.ResultsAnalyzer;
import dev.provbench.analysis.SyntheticResults;
import dev.provbench.analysis.output.OutputFormat;
import dev.provbench.run.SparkSessions;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;

/**
 * {@code analyze} over synthetic results of N cells (made by Spark from spark.range), against DuckDB computing
 * the write-up's three tables over the same Parquet in the same JVM. Prints wall times, their ratio and the
 * driver's peak heap. Args: WORK_DIR N [N...].
 */
public final class AnalysisBenchmark {
  static final String DUCKDB_CELLS = """
      CREATE OR REPLACE VIEW cells AS SELECT * FROM read_parquet('%s/*/*.parquet', hive_partitioning = true)
      QUALIFY row_number() OVER (PARTITION BY run_id, cell_id ORDER BY finished_at DESC) = 1""";
  static final List<String> DUCKDB_TABLES = List.of(
      """
      SELECT size, count(*), count(*) FILTER (WHERE status <> 'ok'), avg(correct_score), avg(non_null),
             avg(duration_ms) / 1000, quantile_cont(duration_ms, 0.5) / 1000
      FROM cells GROUP BY size""",
      """
      SELECT size, provider, model, count(*), quantile_cont(duration_ms, [0.5, 0.9, 0.99]), avg(duration_ms),
             stddev_samp(duration_ms), min(duration_ms), max(duration_ms), quantile_cont(ttft_ms, 0.5), avg(output_tps)
      FROM cells GROUP BY ALL""",
      """
      SELECT size, provider, model, count(*), count(*) FILTER (WHERE status <> 'ok'), avg(correct_score), avg(non_null)
      FROM cells GROUP BY ALL""");

  public static void main(String[] args) throws Exception {
    Path work = Path.of(args[0]);
    SparkSession spark = SparkSessions.create("provbench analysis benchmark", 2, Map.of());
    System.out.printf(Locale.ROOT, "%-12s %10s %12s %12s %8s %14s %12s%n", "cells", "generate s", "analyze s",
        "duckdb 3t s", "ratio", "peak heap MiB", "parquet MiB");
    for (int i = 1; i < args.length; i++) {
      long cells = Long.parseLong(args[i]);
      Path results = work.resolve("results-" + cells);
      delete(results);
      long t0 = System.nanoTime();
      SyntheticResults.write(spark, results, "bench", cells);
      double generate = seconds(t0);
      System.gc();
      resetPeaks();
      long t1 = System.nanoTime();
      Analysis analysis = ResultsAnalyzer.analyze(spark, results, List.of(), true, AnalysisOptions.defaults());
      String text = OutputFormat.CONSOLE.render(analysis.writeUp());
      double analyze = seconds(t1);
      long peak = peakHeap();
      double duck = duckDb(results);
      System.out.printf(Locale.ROOT, "%-12d %10.1f %12.1f %12.1f %7.1fx %14d %12d%n", analysis.run().cells(), generate,
          analyze, duck, analyze / duck, peak >> 20, size(results) >> 20);
      if (i == args.length - 1) System.out.print(text.substring(0, Math.min(text.length(), 1500)));
      delete(results);
    }
    spark.stop();
  }

  private static double duckDb(Path results) throws Exception {
    long t = System.nanoTime();
    try (Connection db = DriverManager.getConnection("jdbc:duckdb:"); Statement st = db.createStatement()) {
      st.execute("SET threads = 2");
      st.execute(String.format(Locale.ROOT, DUCKDB_CELLS, results));
      for (String q : DUCKDB_TABLES) {
        try (ResultSet rs = st.executeQuery(q)) {
          while (rs.next()) rs.getObject(1);
        }
      }
    }
    return seconds(t);
  }

  private static void resetPeaks() {
    ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
  }

  /** Sum of the heap pools' peaks since the reset: an upper bound of the heap the driver used. */
  private static long peakHeap() {
    return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
        .mapToLong(p -> p.getPeakUsage().getUsed()).sum();
  }

  private static double seconds(long start) {
    return (System.nanoTime() - start) / 1e9;
  }

  private static long size(Path dir) throws Exception {
    if (!Files.exists(dir)) return 0;
    try (Stream<Path> s = Files.walk(dir)) {
      return s.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
    }
  }

  private static void delete(Path dir) throws Exception {
    if (!Files.exists(dir)) return;
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.sorted(Comparator.reverseOrder()).toList()) Files.delete(p);
    }
  }
}
