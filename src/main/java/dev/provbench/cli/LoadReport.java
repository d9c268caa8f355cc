package dev.provbench.cli;

import dev.provbench.analysis.AnalysisOptions;
import dev.provbench.analysis.LoadAnalysis;
import dev.provbench.analysis.LoadCurve;
import dev.provbench.analysis.LoadOptions;
import dev.provbench.analysis.LoadTables;
import dev.provbench.job.Job;
import dev.provbench.results.ResultsViews;
import java.util.List;
import org.apache.spark.sql.SparkSession;

/** The load tables printed at the end of a ladder run, held to the job's own objective. */
final class LoadReport {
  private LoadReport() {}

  static String console(SparkSession spark, Job job) {
    ResultsViews.register(spark, job.output().toString());
    LoadOptions options = LoadOptions.of(job.load());
    List<LoadCurve> curves = LoadAnalysis.load(spark, job.runId(), options, AnalysisOptions.defaults());
    return "\n" + LoadTables.console(curves, options.objective());
  }
}
