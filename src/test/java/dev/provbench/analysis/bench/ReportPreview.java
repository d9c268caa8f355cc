package dev.provbench.analysis.bench;

import dev.provbench.analysis.AnalysisOptions;
import dev.provbench.analysis.CellSamples;
import dev.provbench.analysis.ResultsAnalyzer;
import dev.provbench.analysis.SyntheticResults;
import dev.provbench.analysis.output.OutputFormat;
import dev.provbench.report.ReportWriter;
import dev.provbench.run.SparkSessions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.SparkSession;

/** Writes synthetic results and their report, to look at the charts: {@code ReportPreview OUT_DIR [CELLS]}. */
public final class ReportPreview {
  public static void main(String[] args) throws Exception {
    Path out = Path.of(args[0]);
    long cells = args.length > 1 ? Long.parseLong(args[1]) : 3000;
    SparkSession spark = SparkSessions.create("report preview", 2, Map.of());
    Path results = out.resolve("results");
    if (!Files.exists(results)) SyntheticResults.write(spark, results, "synthetic", cells);
    Files.createDirectories(results.resolve("run_id=synthetic"));
    Files.writeString(results.resolve("run_id=synthetic/_SIMULATED"), "");
    var analysis = ResultsAnalyzer.analyze(spark, results, List.of(), false, AnalysisOptions.defaults());
    System.out.println(ReportWriter.write(analysis, CellSamples.load(spark, analysis.run().runId()), out.resolve("report")));
    System.out.print(OutputFormat.CONSOLE.render(analysis.writeUp()));
    spark.stop();
  }
}
