package dev.provbench.analysis;

import static dev.provbench.analysis.output.Column.number;
import static dev.provbench.analysis.output.Column.text;

import dev.provbench.analysis.output.AnalysisTable;
import java.util.ArrayList;
import java.util.List;

/**
 * The experiments no other beats on accuracy (failures score 0), mean duration of answered cells and cost
 * per 1,000 cases at once. Cost is compared only when both are known; an experiment with no answered cell
 * dominates none.
 */
public final class ParetoFront {
  public static final String ID = "pareto_front";

  private ParetoFront() {}

  public static AnalysisTable of(RunAnalysis run) {
    AnalysisTable.Builder t = AnalysisTable.builder(ID, "Pareto front over accuracy, mean duration and cost",
        text("size"), text("provider"), number("cells", "%d"), number("failed", "%d"),
        number("failure rate", "%.1f%%"), number("CorrectScore", "%.3f"),
        number("duration mean s", "%.2f"), number("$ per 1k cases", "%.4f"), text("on front"), text("dominated by"));
    for (ExperimentStats s : run.experiments()) {
      List<String> by = new ArrayList<>();
      for (ExperimentStats o : run.experiments()) {
        if (o != s && dominates(run, o, s)) by.add(o.experiment().label());
      }
      t.row(s.experiment().size(), s.experiment().provider(), s.cells(), s.failed(), s.failureRate() * 100,
          accuracy(run, s), s.timing().durationMean(),
          s.costPerThousand(), by.isEmpty() ? "yes" : "no", String.join(", ", by));
    }
    return t.build(Coverage.speed(run.experiments()) + "; accuracy over every cell (failures score 0); higher"
        + " accuracy, lower mean duration of answered cells and lower cost are better");
  }

  /** True when {@code a} is no worse than {@code b} on every measure and better on one. */
  static boolean dominates(RunAnalysis run, ExperimentStats a, ExperimentStats b) {
    double accA = accuracy(run, a);
    double accB = accuracy(run, b);
    double durA = a.timing().durationMean();
    double durB = b.timing().durationMean();
    if (Double.isNaN(durA)) return false;
    boolean noWorse = accA >= accB && (Double.isNaN(durB) || durA <= durB);
    boolean better = accA > accB || (!Double.isNaN(durB) && durA < durB);
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
