package dev.provbench.analysis;

import dev.provbench.decide.AdaptiveMarker;
import dev.provbench.decide.CellMatrix;
import dev.provbench.decide.RoundPlanner;
import dev.provbench.decide.Walk;
import dev.provbench.results.CellOutcomes;
import dev.provbench.results.ResultsViews;
import dev.provbench.results.SimulatedRuns;

import dev.provbench.input.BadInputException;
import dev.provbench.input.StoragePath;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
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
    List<String> known = runIds(spark);
    if (known.isEmpty()) throw new BadInputException(results.toString(), "holds no results (no run_id=<id>/ folders)", "pass the folder a run wrote to (its `output`)");
    List<String> chosen = runIds.isEmpty() ? List.of(known.get(0)) : runIds;
    for (String id : chosen) {
      if (!known.contains(id)) {
        throw new BadInputException(results.toString(), "has no run `" + id + "`", "use one of " + String.join(", ", known));
      }
    }
    RunAnalysis a = load(spark, results, chosen.get(0), simulated, options, load.step());
    RunAnalysis b = chosen.size() == 2 ? load(spark, results, chosen.get(1), simulated, options, load.step()) : null;
    return withDecisions(spark, results, withLoad(spark, RunBreakdowns.add(spark, Analysis.of(a, b)), load, options));
  }

  /** Adds the {@code decisions} table and its sentences when the (first) run was adaptive. */
  static Analysis withDecisions(SparkSession spark, StoragePath results, Analysis analysis) {
    String runId = analysis.run().runId();
    Optional<AdaptiveMarker> marker = AdaptiveMarker.read(results, runId);
    if (marker.isEmpty()) return analysis;
    CellMatrix m = marker.get().matrix();
    CellOutcomes.of(spark, results, runId).forEach(m::put);
    Walk walk = RoundPlanner.settle(m, marker.get().plan());
    List<AnalysisTable> tables = new java.util.ArrayList<>(analysis.tables());
    tables.add(DecisionsTable.of(walk, marker.get().plan()));
    List<Insight> insights = new java.util.ArrayList<>(DecisionsTable.insights(walk, marker.get().plan()));
    insights.addAll(analysis.insights());
    return new Analysis(analysis.run(), analysis.compared(), List.copyOf(tables), List.copyOf(insights));
  }

  /** Adds the load tables and findings when the run has load ladder rows. */
  static Analysis withLoad(SparkSession spark, Analysis analysis, LoadOptions load, AnalysisOptions options) {
    if (!LoadAnalysis.hasLadder(spark, analysis.run().runId())) return analysis;
    List<LoadCurve> curves = LoadAnalysis.load(spark, analysis.run().runId(), load, options);
    List<AnalysisTable> tables = new java.util.ArrayList<>(analysis.tables());
    tables.add(LoadTables.steps(curves));
    tables.add(LoadTables.findings(curves, load.objective()));
    List<Insight> insights = new java.util.ArrayList<>(analysis.insights());
    insights.addAll(LoadTables.insights(curves, load.objective()));
    return new Analysis(analysis.run(), analysis.compared(), List.copyOf(tables), List.copyOf(insights));
  }

  private static RunAnalysis load(SparkSession spark, StoragePath results, String runId, boolean simulated, AnalysisOptions options,
      Integer loadStep) {
    return RunAnalysis.load(spark, runId, simulated || SimulatedRuns.isSimulated(results, runId), options, loadStep);
  }

  /** The runs in the registered {@code results} view, latest finished first. */
  public static List<String> runIds(SparkSession spark) {
    return spark.sql("SELECT run_id FROM results GROUP BY run_id ORDER BY max(finished_at) DESC, run_id").collectAsList()
        .stream().map((Row r) -> r.getString(0)).toList();
  }
}
