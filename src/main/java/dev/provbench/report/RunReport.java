package dev.provbench.report;

import dev.provbench.analysis.Analysis;
import dev.provbench.analysis.AnalysisOptions;
import dev.provbench.analysis.CellSamples;
import dev.provbench.analysis.load.LoadAnalysis;
import dev.provbench.analysis.load.LoadCurve;
import dev.provbench.analysis.load.LoadOptions;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.SparkSession;

/**
 * The report of an analysis of stored results: loads what the page shows beside the tables (the samples of the cells
 * its tables read, of both runs when two are compared; a ladder run's load curves), then {@link ReportWriter}. The
 * commands {@code report} and {@code demo} share it.
 */
public final class RunReport {
  private RunReport() {}

  /** Writes the report into {@code out}; returns the HTML file. */
  public static Path write(SparkSession spark, Analysis analysis, LoadOptions load, AnalysisOptions options, Path out) {
    String runId = analysis.run().runId();
    List<LoadCurve> curves = LoadAnalysis.hasLadder(spark, runId)
        ? LoadAnalysis.load(spark, runId, load, options.bootstrap(), options.correctAt()) : List.of();
    List<CellSamples> compared = analysis.compared() == null ? List.of()
        : CellSamples.load(spark, analysis.compared().runId(), analysis.compared().ladder());
    return ReportWriter.write(analysis, CellSamples.load(spark, runId, analysis.run().ladder()), compared, out, curves);
  }
}
