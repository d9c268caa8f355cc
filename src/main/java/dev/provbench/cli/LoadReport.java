package dev.provbench.cli;

import dev.provbench.analysis.AnalysisOptions;
import dev.provbench.analysis.load.LoadAnalysis;
import dev.provbench.analysis.load.LoadCurve;
import dev.provbench.analysis.load.LoadOptions;
import dev.provbench.analysis.load.LoadTables;
import dev.provbench.job.Job;
import dev.provbench.results.ResultsViews;
import dev.provbench.stats.Bootstrap;
import java.util.List;
import org.apache.spark.sql.SparkSession;

/** The load tables printed at the end of a ladder run, held to the job's own objective. */
final class LoadReport {
  private LoadReport() {}

  static String console(SparkSession spark, Job job) {
    ResultsViews.register(spark, job.output().toString());
    LoadOptions options = LoadOptions.of(job.load());
    List<LoadCurve> curves = LoadAnalysis.load(spark, job.runId(), options, Bootstrap.defaults(), AnalysisOptions.defaults().correctAt());
    return "\n" + LoadTables.console(curves, options.objective());
  }
}
