package dev.provbench.analysis;

import static dev.provbench.analysis.Column.number;
import static dev.provbench.analysis.Column.text;

import java.util.ArrayList;
import java.util.List;

/**
 * The experiments no other beats on accuracy, mean duration and cost per 1,000 cases at once. Cost is
 * compared only when both are known.
 */
public final class ParetoFront {
  public static final String ID = "pareto_front";

  private ParetoFront() {}

  public static AnalysisTable of(RunAnalysis run) {
    AnalysisTable.Builder t = AnalysisTable.builder(ID, "Pareto front over accuracy, mean duration and cost",
        text("size"), text("provider"), number("cells", "%d"), number("failed", "%d"), number("CorrectScore", "%.3f"),
        number("duration mean s", "%.2f"), number("$ per 1k cases", "%.4f"), text("on front"), text("dominated by"));
    for (ExperimentStats s : run.experiments()) {
      List<String> by = new ArrayList<>();
      for (ExperimentStats o : run.experiments()) {
        if (o != s && dominates(run, o, s)) by.add(o.experiment().label());
      }
      t.row(s.experiment().size(), s.experiment().provider(), s.cells(), s.failed(), accuracy(run, s), s.durationMean(),
          s.costPerThousand(), by.isEmpty() ? "yes" : "no", String.join(", ", by));
    }
    return t.build(Coverage.of(run.experiments()) + "; higher accuracy, lower duration and lower cost are better");
  }

  /** True when {@code a} is no worse than {@code b} on every measure and better on one. */
  static boolean dominates(RunAnalysis run, ExperimentStats a, ExperimentStats b) {
    double accA = accuracy(run, a);
    double accB = accuracy(run, b);
    boolean noWorse = accA >= accB && a.durationMean() <= b.durationMean();
    boolean better = accA > accB || a.durationMean() < b.durationMean();
    Double costA = a.costPerThousand();
    Double costB = b.costPerThousand();
    if (costA != null && costB != null) {
      noWorse &= costA <= costB;
      better |= costA < costB;
    }
    return noWorse && better;
  }

  private static double accuracy(RunAnalysis run, ExperimentStats s) {
    return run.accuracy().get(s.experiment()).mean();
  }
}
