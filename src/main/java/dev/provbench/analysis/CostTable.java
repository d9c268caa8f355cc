package dev.provbench.analysis;

import static dev.provbench.analysis.Column.number;
import static dev.provbench.analysis.Column.text;

import java.util.Locale;

/** What an experiment costs per 1,000 cases and per correct answer. */
public final class CostTable {
  public static final String ID = "cost";

  private CostTable() {}

  public static AnalysisTable of(RunAnalysis run) {
    AnalysisTable.Builder t = AnalysisTable.builder(ID, "Cost per 1,000 cases and per correct answer",
        text("size"), text("provider"), number("cells", "%d"), number("failed", "%d"), number("cells with cost", "%d"),
        number("cost $", "%.4f"), number("$ per 1k cases", "%.4f"), number("correct", "%d"),
        number("$ per correct", "%.6f"));
    for (ExperimentStats s : run.experiments()) {
      Experiment e = s.experiment();
      t.row(e.size(), e.provider(), s.cells(), s.failed(), s.costCells(), s.costUsd(), s.costPerThousand(),
          s.correctCells(), s.costPerCorrect());
    }
    return t.build(Coverage.of(run.experiments()) + String.format(Locale.ROOT,
        "; a case is one cell (one trial); correct = CorrectScore ≥ %.2f; failed cells cost what they used",
        run.options().correctAt()));
  }
}
