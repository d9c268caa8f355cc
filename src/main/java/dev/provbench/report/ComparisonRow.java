package dev.provbench.report;

import dev.provbench.analysis.Analysis;
import dev.provbench.analysis.Experiment;
import dev.provbench.analysis.RunComparison;
import dev.provbench.analysis.output.AnalysisTable;
import java.util.ArrayList;
import java.util.List;

/**
 * One experiment of two compared runs as the page's comparison chart draws it, read by column name from the
 * {@code run_comparison} table that {@code analyze} prints for two runs: B − A in accuracy points with the paired
 * bootstrap's 95% interval, p-value and verdict, and in p50 duration. Immutable.
 *
 * @param id          the experiment's id ({@link ExperimentFigures#id}).
 * @param deltaPoints accuracy B − A, points; {@code low} and {@code high} its 95% interval.
 * @param deltaP50    p50 duration B − A, s, or null when either run answered none.
 */
record ComparisonRow(String id, String size, String provider, String model, Double accuracyA, Double accuracyB,
    Double deltaPoints, Double low, Double high, Double p, boolean significant, Double p50A, Double p50B,
    Double deltaP50) {

  /** The rows of {@code analysis}'s comparison; empty when it compares no second run. */
  static List<ComparisonRow> of(Analysis analysis) {
    if (analysis.compared() == null) return List.of();
    AnalysisTable t = analysis.table(RunComparison.ID);
    List<ComparisonRow> out = new ArrayList<>();
    for (int r = 0; r < t.rows().size(); r++) {
      String size = (String) t.value(r, "size");
      String provider = (String) t.value(r, "provider");
      String model = (String) t.value(r, "model");
      out.add(new ComparisonRow(ExperimentFigures.id(new Experiment(provider, model, size)), size, provider, model,
          number(t, r, "CorrectScore A"), number(t, r, "CorrectScore B"), number(t, r, "Δ pts"),
          number(t, r, "CI low pts"), number(t, r, "CI high pts"), number(t, r, "p"),
          "yes".equals(t.value(r, "significant")), number(t, r, "p50 A s"), number(t, r, "p50 B s"),
          number(t, r, "Δ p50 s")));
    }
    return out;
  }

  private static Double number(AnalysisTable t, int row, String column) {
    return t.value(row, column) instanceof Number n ? ExperimentFigures.finite(n.doubleValue()) : null;
  }
}
