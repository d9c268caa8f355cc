package dev.provbench.analysis;

import static dev.provbench.analysis.output.Column.number;
import static dev.provbench.analysis.output.Column.text;

import dev.provbench.analysis.output.AnalysisTable;
import java.util.Locale;

/**
 * What an experiment costs per 1,000 cases and per correct answer: by the price list for models priced per
 * token, by the machine's hourly price for self-hosted ones (while the benchmark used it, and at full load).
 */
public final class CostTable {
  public static final String ID = "cost";

  private CostTable() {}

  public static AnalysisTable of(RunAnalysis run) {
    AnalysisTable.Builder t = AnalysisTable.builder(ID, "Cost per 1,000 cases and per correct answer",
        text("size"), text("provider"), number("cells", "%d"), number("failed", "%d"), text("priced by"),
        number("cells with cost", "%d"), number("usage estimated", "%d"), number("cost $", "%.4f"),
        number("$ per 1k cases", "%.4f"), number("correct", "%d"), number("$ per correct", "%.6f"),
        number("$ per hour", "%.2f"), number("$ per 1k cases at full load", "%.4f"));
    long estimated = 0;
    long known = 0;
    for (ExperimentStats s : run.experiments()) {
      Experiment e = s.experiment();
      estimated += s.cost().estimatedUsage();
      known += s.costedCells();
      t.row(e.size(), e.provider(), s.cells(), s.failed(), pricedBy(s), s.costedCells(), s.cost().estimatedUsage(),
          s.costUsd(), s.costPerThousand(), s.machinePriced() ? s.scores().correctCells() : s.cost().costedCorrect(),
          s.costPerCorrect(), s.cost().usdPerHour(), s.fullLoadCostPerThousand());
    }
    return t.build(Coverage.of(run.experiments()) + String.format(Locale.ROOT,
        "; %d cells with a known cost, %d with estimated token usage (the server sent none); a case is one cell"
            + " (one trial); correct = CorrectScore ≥ %.2f, counted over the same cells as the cost; failed cells cost"
            + " what they used; self-hosted: $ per hour × the experiment's wall-clock span (the machine while the"
            + " benchmark used it), and at full load $ per hour ÷ answered cells per hour while cells were in flight",
        known, estimated, run.options().correctAt()));
  }

  private static String pricedBy(ExperimentStats s) {
    if (s.machinePriced()) return "machine hour";
    return s.cost().priceCostUsd() == null ? "unknown" : "price list";
  }
}
