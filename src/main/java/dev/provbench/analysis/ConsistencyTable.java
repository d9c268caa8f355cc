package dev.provbench.analysis;

import static dev.provbench.analysis.output.Column.number;
import static dev.provbench.analysis.output.Column.text;

import dev.provbench.analysis.output.AnalysisTable;

/** Trial consistency: the share of cases whose trials all gave the same output, per experiment. */
public final class ConsistencyTable {
  public static final String ID = "trial_consistency";

  private ConsistencyTable() {}

  public static AnalysisTable of(RunAnalysis run) {
    AnalysisTable.Builder t = AnalysisTable.builder(ID, "Trial consistency: cases whose trials all agree",
        text("size"), text("provider"), number("cells", "%d"), number("failed", "%d"), number("cases", "%d"),
        number("repeated cases", "%d"), number("agreeing", "%d"), number("agreement", "%.1f%%"));
    for (ExperimentStats s : run.experiments()) {
      Experiment e = s.experiment();
      TrialAgreement a = run.agreement().get(e);
      t.row(e.size(), e.provider(), s.cells(), s.failed(), a.cases(), a.repeated(), a.agreeing(), a.share() * 100);
    }
    return t.build(Coverage.of(run.experiments()) + "; trials agree when they give the same output; a failure"
        + " (null output) is an output of its own");
  }
}
