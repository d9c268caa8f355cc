package dev.provbench.analysis;

import static dev.provbench.analysis.output.Column.number;
import static dev.provbench.analysis.output.Column.text;

import dev.provbench.analysis.output.AnalysisTable;
import java.util.Locale;

/**
 * Correct goodput: the cells that are both correct and within the latency objective; speed counts only
 * when the answer is right. The rate is per minute of the experiment's wall-clock span.
 */
public final class GoodputTable {
  public static final String ID = "correct_goodput";

  private GoodputTable() {}

  public static AnalysisTable of(RunAnalysis run) {
    AnalysisTable.Builder t = AnalysisTable.builder(ID, String.format(Locale.ROOT,
            "Correct goodput: correct and within %.1f s", run.options().latencyObjectiveMs() / 1000.0),
        text("size"), text("provider"), number("cells", "%d"), number("failed", "%d"), number("correct", "%d"),
        number("correct within objective", "%d"), number("goodput share", "%.1f%%"), number("wall min", "%.2f"),
        number("goodput per min", "%.1f"));
    for (ExperimentStats s : run.experiments()) {
      Experiment e = s.experiment();
      double minutes = s.timing().wallSeconds() / 60;
      long good = s.scores().goodCells();
      t.row(e.size(), e.provider(), s.cells(), s.failed(), s.scores().correctCells(), good,
          s.cells() == 0 ? null : 100.0 * good / s.cells(), minutes, minutes > 0 ? good / minutes : null);
    }
    return t.build(Coverage.of(run.experiments()) + String.format(Locale.ROOT,
        "; share of all cells, failures included; correct = CorrectScore ≥ %.2f; within objective = duration_ms ≤ %d; wall = first start to last finish",
        run.options().correctAt(), run.options().latencyObjectiveMs()));
  }
}
