package dev.provbench.analysis;

import dev.provbench.analysis.load.LoadAnalysis;
import dev.provbench.analysis.load.LoadCurve;
import dev.provbench.analysis.load.LoadOptions;
import dev.provbench.analysis.output.Insight;
import dev.provbench.decide.AdaptiveMarker;
import dev.provbench.decide.CellMatrix;
import dev.provbench.decide.RoundPlanner;
import dev.provbench.decide.Walk;
import dev.provbench.input.StoragePath;
import dev.provbench.job.AdaptivePlan;
import dev.provbench.job.ServiceObjective;
import dev.provbench.results.CellOutcomes;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.apache.spark.sql.SparkSession;

/**
 * What the tables beyond {@link RunAnalysis} read, loaded once: scores by scorer ({@link ScorerScores}), speed by
 * prompt length ({@link SpeedByPromptSize}), each compared run's tool mode ({@link ToolModes}) and, on a run with a
 * load ladder, its load curves ({@link LoadAnalysis}) and, on an adaptive run, its decisions ({@link DecisionsTable}).
 * Immutable once loaded.
 *
 * @param scores     per experiment and scorer, each scorer's mean score.
 * @param bands      answered speed by prompt-length band.
 * @param modesA     the run's tool mode per experiment; empty without a compared run.
 * @param modesB     the compared run's tool mode per experiment; empty without one.
 * @param loadCurves per model, its load ladder; null when the run has no ladder.
 * @param objective  the service objective the load tables hold steps to.
 * @param decisions  an adaptive run's decisions, walked again over its cells; null for a run of the whole matrix.
 * @param fidelity   a fidelity audit's completions ({@link FidelityTable}); null for a run without an audit.
 * @param cache      per experiment, what its prefix cache served ({@link CacheTable}).
 * @param turns      per experiment and turn of a multi-turn run ({@link TurnsTable}); empty for a run without turns.
 * @param trace      a trace replay's figures per experiment ({@link TraceTable}); empty for a run that replayed none.
 */
public record RunBreakdowns(List<ScorerScores.Score> scores, SpeedByPromptSize.Bands bands, Map<Experiment, String> modesA,
    Map<Experiment, String> modesB, List<LoadCurve> loadCurves, ServiceObjective objective, Decisions decisions,
    FidelityAudit fidelity, List<CacheFigures> cache, List<CacheFigures> turns, List<TraceTable.Replay> trace) {

  /**
   * What an adaptive run decided: the planner's walk over its own cells with its stored plan.
   *
   * @param walk the walk.
   * @param plan the plan the run was started with.
   */
  public record Decisions(Walk walk, AdaptivePlan plan) {
    /** The run's decisions; null when it was not adaptive. */
    static Decisions load(SparkSession spark, StoragePath results, String runId) {
      Optional<AdaptiveMarker> marker = AdaptiveMarker.read(results, runId);
      if (marker.isEmpty()) return null;
      CellMatrix m = marker.get().matrix();
      CellOutcomes.of(spark, results, runId).forEach(m::put);
      return new Decisions(RoundPlanner.settle(m, marker.get().plan()), marker.get().plan());
    }
  }

  /** Loads them for {@code run} and {@code compared} (null: none); needs the {@code cells} and {@code scores} views. */
  public static RunBreakdowns load(SparkSession spark, StoragePath results, RunAnalysis run, RunAnalysis compared,
      LoadOptions load) {
    return load(spark, results, run, compared, load, null);
  }

  /**
   * The same, reading the cells on the driver when {@code local} holds them (null: Spark SQL); a load ladder's
   * curves and an adaptive run's decisions are read by Spark either way.
   */
  public static RunBreakdowns load(SparkSession spark, StoragePath results, RunAnalysis run, RunAnalysis compared,
      LoadOptions load, DriverCells local) {
    String id = run.runId();
    List<ScorerScores.Score> scores = local != null ? ScorerScores.of(local.all(id), run.options().bootstrap(), run.ladder())
        : ScorerScores.load(spark, id, run.options().bootstrap(), run.ladder());
    SpeedByPromptSize.Bands bands = local != null ? SpeedByPromptSize.of(local.all(id), run.ladder())
        : SpeedByPromptSize.load(spark, id, run.ladder());
    Map<Experiment, String> modesA = compared == null ? Map.of() : toolModes(spark, local, id);
    Map<Experiment, String> modesB = compared == null ? Map.of() : toolModes(spark, local, compared.runId());
    boolean ladder = local != null ? local.hasLadder(id) : LoadAnalysis.hasLadder(spark, id);
    List<LoadCurve> curves = ladder
        ? LoadAnalysis.load(spark, id, load, run.options().bootstrap(), run.options().correctAt()) : null;
    List<CacheFigures> cache = local != null ? CacheFigures.of(local.all(id), run.ladder(), false)
        : CacheFigures.byExperiment(spark, id, run.ladder());
    List<CacheFigures> turns = local != null ? CacheFigures.of(local.all(id), run.ladder(), true)
        : CacheFigures.byTurn(spark, id, run.ladder());
    List<TraceTable.Replay> trace = local != null ? TraceTable.of(local.all(id)) : TraceTable.load(spark, id);
    return new RunBreakdowns(scores, bands, modesA, modesB, curves, load.objective(), Decisions.load(spark, results, id),
        FidelityTable.load(spark, id), cache, turns, trace);
  }

  private static Map<Experiment, String> toolModes(SparkSession spark, DriverCells local, String runId) {
    return local != null ? ToolModes.of(local.all(runId)) : ToolModes.load(spark, runId);
  }

  /** Per experiment run in two different tool modes: how often each mode's answers could not be parsed. */
  static List<Insight> toolModeInsights(RunAnalysis a, RunAnalysis b, Map<Experiment, String> modesA,
      Map<Experiment, String> modesB) {
    List<Insight> out = new ArrayList<>();
    for (ExperimentStats sa : a.experiments()) {
      Experiment e = sa.experiment();
      String modeA = modesA.get(e);
      String modeB = modesB.get(e);
      ExperimentStats sb = b.experiments().stream().filter(s -> s.experiment().equals(e)).findFirst().orElse(null);
      if (sb == null || modeA == null || modeB == null || Objects.equals(modeA, modeB)) continue;
      Double pa = RunComparison.parseFailures(sa);
      Double pb = RunComparison.parseFailures(sb);
      if (pa == null || pb == null) continue;
      out.add(new Insight(String.format(Locale.ROOT, "%s (%s): %.1f%% of answers unparsable in %s tool mode (run %s)"
              + " against %.1f%% in %s mode (run %s).", e.label(), e.model(), pa, modeA, a.runId(), pb, modeB, b.runId()),
          String.format(Locale.ROOT, "parse_error ÷ answered cells: %d of %d against %d of %d; CorrectScore %.3f against"
              + " %.3f (table %s)", sa.reliability().parseErrors(), sa.reliability().answered(),
              sb.reliability().parseErrors(), sb.reliability().answered(),
              a.accuracy().get(e).mean(), b.accuracy().get(e).mean(), RunComparison.ID)));
    }
    return out;
  }
}
