package dev.provbench.report.bench;

import dev.provbench.analysis.Analysis;
import dev.provbench.analysis.AnalysisOptions;
import dev.provbench.analysis.ResultsAnalyzer;
import dev.provbench.analysis.SyntheticResults;
import dev.provbench.analysis.load.LoadOptions;
import dev.provbench.report.ReportOpening;
import dev.provbench.report.RunReport;
import dev.provbench.run.SparkSessions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;

/**
 * The report of synthetic results of N cells (made by Spark from spark.range): how long {@code report} takes (the
 * analysis, then the page: its cell samples, charts and HTML), how big the page is, and how long headless Chromium takes to open it, from navigation to every chart and table drawn
 * (the page's data-ready), over {@link ReportOpening#LOADS} loads. Keeps the last page and its screenshot in the work
 * folder. Args: WORK_DIR N [N...].
 */
public final class ReportBenchmark {
  public static void main(String[] args) throws Exception {
    Path work = Path.of(args[0]);
    SparkSession spark = SparkSessions.create("provbench report benchmark", 2, Map.of());
    System.out.printf(Locale.ROOT, "%-12s %10s %10s %10s %10s %12s %12s %12s%n", "cells", "generate s", "analyze s",
        "page s", "page MiB", "open s first", "open s med", "drawn ms med");
    for (int i = 1; i < args.length; i++) {
      long cells = Long.parseLong(args[i]);
      Path results = work.resolve("results-" + cells);
      delete(results);
      long t0 = System.nanoTime();
      SyntheticResults.write(spark, results, "bench", cells);
      Files.writeString(results.resolve("run_id=bench/_SIMULATED"), "");
      double generate = seconds(t0);
      long t1 = System.nanoTime();
      Analysis analysis = ResultsAnalyzer.analyze(spark, results, List.of(), true, AnalysisOptions.defaults());
      double analyze = seconds(t1);
      long t2 = System.nanoTime();
      Path html = RunReport.write(spark, analysis, LoadOptions.defaults(), AnalysisOptions.defaults(),
          work.resolve("report-" + cells));
      double page = seconds(t2);
      ReportOpening opening = ReportOpening.measure(html, work.resolve("browser-" + cells));
      System.out.printf(Locale.ROOT, "%-12d %10.1f %10.1f %10.1f %10.2f %12.2f %12.2f %12.0f%n", analysis.run().cells(),
          generate, analyze, page, Files.size(html) / 1048576.0, opening.firstSeconds(), opening.medianSeconds(),
          opening.medianDrawnMs());
      if (!opening.problems().isEmpty()) System.out.println("page problems: " + opening.problems());
      delete(results);
    }
    spark.stop();
  }

  private static double seconds(long start) {
    return (System.nanoTime() - start) / 1e9;
  }

  private static void delete(Path dir) throws Exception {
    if (!Files.exists(dir)) return;
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) Files.delete(p);
    }
  }
}
