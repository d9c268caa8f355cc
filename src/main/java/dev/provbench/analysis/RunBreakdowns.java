package dev.provbench.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.apache.spark.sql.SparkSession;

/**
 * The breakdowns that read columns beyond the primary score: scores by scorer ({@link ScorerScores}), speed by prompt
 * length ({@link SpeedByPromptSize}), and each compared run's tool mode in {@link RunComparison}. Needs the
 * {@code cells} and {@code scores} views of the analysed results.
 */
public final class RunBreakdowns {
  private RunBreakdowns() {}

  /** {@code analysis} with these tables after the ordinary ones and their insights after the others. */
  public static Analysis add(SparkSession spark, Analysis analysis) {
    RunAnalysis run = analysis.run();
    List<AnalysisTable> tables = new ArrayList<>(analysis.tables());
    List<Insight> insights = new ArrayList<>(analysis.insights());
    List<ScorerScores.Score> scores = ScorerScores.load(spark, run.runId(), run.options().bootstrap(), run.ladder());
    if (ScorerScores.worthShowing(scores)) {
      tables.add(ScorerScores.table(run, scores));
      insights.addAll(ScorerScores.insights(scores));
    }
    SpeedByPromptSize.Bands bands = SpeedByPromptSize.load(spark, run.runId(), run.ladder());
    if (bands.spanSeveral()) {
      tables.add(SpeedByPromptSize.table(run, bands));
      insights.addAll(SpeedByPromptSize.insights(bands));
    }
    RunAnalysis b = analysis.compared();
    if (b != null) {
      Map<Experiment, String> modesA = ToolModes.load(spark, run.runId());
      Map<Experiment, String> modesB = ToolModes.load(spark, b.runId());
      tables.replaceAll(t -> t.id().equals(RunComparison.ID) ? RunComparison.of(run, b, modesA, modesB) : t);
      insights.addAll(toolModeInsights(run, b, modesA, modesB));
    }
    return new Analysis(run, b, List.copyOf(tables), List.copyOf(insights));
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
              + " %.3f (table %s)", sa.parseErrors(), sa.answered(), sb.parseErrors(), sb.answered(),
              a.accuracy().get(e).mean(), b.accuracy().get(e).mean(), RunComparison.ID)));
    }
    return out;
  }
}
