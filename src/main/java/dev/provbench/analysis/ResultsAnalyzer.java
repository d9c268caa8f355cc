package dev.provbench.analysis;

import dev.provbench.analysis.load.LoadOptions;
import dev.provbench.input.BadInputException;
import dev.provbench.input.StoragePath;
import dev.provbench.results.ResultsViews;
import dev.provbench.results.SimulatedRuns;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/** Reads a results folder and analyses one run, or compares two: what {@code analyze} and {@code report} share. */
public final class ResultsAnalyzer {
  private ResultsAnalyzer() {}

  /**
   * @param runIds    none (the latest run), one, or two (the first is the baseline A, the second B).
   * @param simulated the user's {@code --simulated}; {@link SimulatedRuns} also reads the folder's markers.
   */
  public static Analysis analyze(SparkSession spark, Path results, List<String> runIds, boolean simulated,
      AnalysisOptions options) {
    return analyze(spark, StoragePath.local(results), runIds, simulated, options, LoadOptions.defaults());
  }

  /** The same over a results folder that may be on any Hadoop file system ({@code hdfs://…}). */
  public static Analysis analyze(SparkSession spark, StoragePath results, List<String> runIds, boolean simulated,
      AnalysisOptions options) {
    return analyze(spark, results, runIds, simulated, options, LoadOptions.defaults());
  }

  /** The same, with the load tables held to {@code load} when the (first) run has load ladder rows. */
  public static Analysis analyze(SparkSession spark, StoragePath results, List<String> runIds, boolean simulated,
      AnalysisOptions options, LoadOptions load) {
    if (runIds.size() > 2) throw new BadInputException("--run", "give at most two runs to compare, got " + runIds, "pass --run once or twice");
    ResultsViews.register(spark, results.toString());
    DriverCells local = DriverCells.readIfSmall(spark, options.scorer());
    List<String> known = local != null ? local.runIds() : runIds(spark);
    if (known.isEmpty()) throw new BadInputException(results.toString(), "holds no results (no run_id=<id>/ folders)", "pass the folder a run wrote to (its `output`)");
    List<String> chosen = runIds.isEmpty() ? List.of(known.get(0)) : runIds;
    for (String id : chosen) {
      if (!known.contains(id)) {
        throw new BadInputException(results.toString(), "has no run `" + id + "`", "use one of " + String.join(", ", known));
      }
    }
    RunAnalysis a = load(spark, local, results, chosen.get(0), simulated, options, load.step());
    RunAnalysis b = chosen.size() == 2 ? load(spark, local, results, chosen.get(1), simulated, options, load.step()) : null;
    return Analysis.of(a, b, RunBreakdowns.load(spark, results, a, b, load, local));
  }

  /** From the cells on the driver when the folder is small ({@link DriverCells}), else by Spark SQL. */
  private static RunAnalysis load(SparkSession spark, DriverCells local, StoragePath results, String runId,
      boolean simulated, AnalysisOptions options, Integer loadStep) {
    boolean sim = simulated || SimulatedRuns.isSimulated(results, runId);
    return local != null ? RunAnalysis.load(local, runId, sim, options, loadStep)
        : RunAnalysis.load(spark, runId, sim, options, loadStep);
  }

  /** The runs in the registered {@code results} view, latest finished first. */
  public static List<String> runIds(SparkSession spark) {
    return spark.sql("SELECT run_id FROM results GROUP BY run_id ORDER BY max(finished_at) DESC, run_id").collectAsList()
        .stream().map((Row r) -> r.getString(0)).toList();
  }
}
