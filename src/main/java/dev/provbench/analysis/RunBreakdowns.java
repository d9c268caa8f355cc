package dev.provbench.analysis;

import dev.provbench.analysis.load.LoadAnalysis;
import dev.provbench.analysis.load.LoadCurve;
import dev.provbench.analysis.load.LoadOptions;
import dev.provbench.analysis.output.Insight;
import dev.provbench.job.ServiceObjective;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.apache.spark.sql.SparkSession;

/**
 * What the tables beyond {@link RunAnalysis} read, loaded once: scores by scorer ({@link ScorerScores}), speed by
 * prompt length ({@link SpeedByPromptSize}), each compared run's tool mode ({@link ToolModes}) and, on a run with a
 * load ladder, its load curves ({@link LoadAnalysis}). Immutable once loaded.
 *
 * @param scores     per experiment and scorer, each scorer's mean score.
 * @param bands      answered speed by prompt-length band.
 * @param modesA     the run's tool mode per experiment; empty without a compared run.
 * @param modesB     the compared run's tool mode per experiment; empty without one.
 * @param loadCurves per model, its load ladder; null when the run has no ladder.
 * @param objective  the service objective the load tables hold steps to.
 */
public record RunBreakdowns(List<ScorerScores.Score> scores, SpeedByPromptSize.Bands bands, Map<Experiment, String> modesA,
    Map<Experiment, String> modesB, List<LoadCurve> loadCurves, ServiceObjective objective) {

  /** Loads them for {@code run} and {@code compared} (null: none); needs the {@code cells} and {@code scores} views. */
  public static RunBreakdowns load(SparkSession spark, RunAnalysis run, RunAnalysis compared, LoadOptions load) {
    String id = run.runId();
    List<ScorerScores.Score> scores = ScorerScores.load(spark, id, run.options().bootstrap(), run.ladder());
    SpeedByPromptSize.Bands bands = SpeedByPromptSize.load(spark, id, run.ladder());
    Map<Experiment, String> modesA = compared == null ? Map.of() : ToolModes.load(spark, id);
    Map<Experiment, String> modesB = compared == null ? Map.of() : ToolModes.load(spark, compared.runId());
    List<LoadCurve> curves = LoadAnalysis.hasLadder(spark, id)
        ? LoadAnalysis.load(spark, id, load, run.options().bootstrap(), run.options().correctAt()) : null;
    return new RunBreakdowns(scores, bands, modesA, modesB, curves, load.objective());
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
