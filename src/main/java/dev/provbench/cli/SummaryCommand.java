package dev.provbench.cli;

import dev.provbench.analysis.RunSummary;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code provbench summary RESULTS --run ID}: the run's summary again, from Parquet alone. */
@Command(name = "summary", mixinStandardHelpOptions = true,
    description = "Print a run's summary from its Parquet results; calls no provider.")
final class SummaryCommand implements Callable<Integer> {
  @Mixin
  ResultsArgument results;

  @Mixin
  RunSelection run;

  /** {@code --run-id ID}, the former spelling of {@code --run} here; kept for scripts. */
  @Option(names = "--run-id", hidden = true, paramLabel = "ID")
  void formerRunId(String id) {
    run.ids.add(id);
  }

  @Override
  public Integer call() {
    String id = run.one("--run r1");
    SparkSession spark = results.openSpark();
    System.out.print(RunSummary.render(RunSummary.rows(spark, results.toString(), id)));
    return 0;
  }
}
