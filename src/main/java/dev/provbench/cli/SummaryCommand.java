package dev.provbench.cli;

import dev.provbench.analysis.RunSummary;
import dev.provbench.input.StoragePath;
import dev.provbench.results.ResultsViews;
import dev.provbench.run.SparkSessions;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code provbench summary RESULTS --run-id ID}: the run's summary again, from Parquet alone. */
@Command(name = "summary", mixinStandardHelpOptions = true,
    description = "Print a run's summary from its Parquet results; calls no provider.")
final class SummaryCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "RESULTS", description = "the results folder: a path or a Hadoop URI (hdfs://…)")
  StoragePath results;

  @Option(names = "--run-id", required = true, description = "the run to summarise")
  String runId;

  @Override
  public Integer call() {
    ResultsViews.checkFolder(results.toString());
    SparkSession spark = SparkSessions.create("provbench summary", 2, Map.of());
    System.out.print(RunSummary.render(RunSummary.rows(spark, results.toString(), runId)));
    return 0;
  }
}
