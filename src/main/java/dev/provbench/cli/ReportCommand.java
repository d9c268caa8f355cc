package dev.provbench.cli;

import dev.provbench.analysis.Analysis;
import dev.provbench.analysis.CellSamples;
import dev.provbench.analysis.ResultsAnalyzer;
import dev.provbench.analysis.load.LoadAnalysis;
import dev.provbench.analysis.load.LoadCurve;
import dev.provbench.input.StoragePath;
import dev.provbench.report.ReportWriter;
import dev.provbench.results.ResultsViews;
import dev.provbench.run.SparkSessions;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code provbench report RESULTS --out DIR}: one self-contained HTML page and a PNG per chart. */
@Command(name = "report", mixinStandardHelpOptions = true,
    description = "Write an HTML report with charts and the analysis tables (self-contained, no network fetch) and"
        + " a PNG per chart; calls no provider.")
final class ReportCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "RESULTS", description = "the results folder: a path or a Hadoop URI (hdfs://…)")
  StoragePath results;

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "local folder for report.html and the PNGs")
  Path out;

  @Mixin
  AnalysisFlags flags;

  @Override
  public Integer call() {
    ResultsViews.checkFolder(results.toString());
    var spark = SparkSessions.create("provbench report", 2, Map.of());
    Analysis analysis = ResultsAnalyzer.analyze(spark, results, flags.runs, flags.simulated, flags.options(), flags.loadOptions());
    Path html = write(spark, analysis, flags.loadOptions(), flags.options(), out);
    System.out.println("report of " + analysis.heading() + ": " + html);
    return 0;
  }

  /**
   * Writes the report of an analysis into {@code out}: its tables and charts, the samples of the cells its tables
   * read, and a ladder run's load curves; shared with {@code demo}. Returns the HTML file.
   */
  static Path write(org.apache.spark.sql.SparkSession spark, Analysis analysis, dev.provbench.analysis.load.LoadOptions load,
      dev.provbench.analysis.AnalysisOptions options, Path out) {
    String runId = analysis.run().runId();
    List<LoadCurve> curves = LoadAnalysis.hasLadder(spark, runId) ? LoadAnalysis.load(spark, runId, load, options.bootstrap(), options.correctAt()) : List.of();
    return ReportWriter.write(analysis, CellSamples.load(spark, runId, analysis.run().ladder()), out, curves);
  }
}
