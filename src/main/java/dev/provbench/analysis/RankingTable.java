package dev.provbench.analysis;

import static dev.provbench.analysis.Column.number;
import static dev.provbench.analysis.Column.text;

import java.util.List;

/** Who is fastest (lowest p50 duration) and most accurate (highest mean CorrectScore) at each size. */
public final class RankingTable {
  public static final String ID = "ranking";

  private RankingTable() {}

  public static AnalysisTable of(RunAnalysis run) {
    AnalysisTable.Builder t = AnalysisTable.builder(ID, "Ranking: fastest and most accurate provider at each size",
        text("size"), number("providers", "%d"), text("fastest"), number("p50 s", "%.2f"), text("slowest"),
        number("slowest p50 s", "%.2f"), text("most accurate"), number("CorrectScore", "%.3f"), text("least accurate"),
        number("lowest CorrectScore", "%.3f"));
    for (SizeStats size : run.sizes()) {
      List<ExperimentStats> at = run.at(size.size());
      ExperimentStats fast = SpeedTables.fastest(at);
      ExperimentStats slow = SpeedTables.slowest(at);
      ExperimentStats best = AccuracyTables.mostAccurate(run, at);
      ExperimentStats worst = AccuracyTables.leastAccurate(run, at);
      t.row(size.size(), (long) at.size(), fast.experiment().provider(), fast.p50(), slow.experiment().provider(),
          slow.p50(), best.experiment().provider(), run.accuracy().get(best.experiment()).mean(),
          worst.experiment().provider(), run.accuracy().get(worst.experiment()).mean());
    }
    return t.build(Coverage.of(run.experiments()));
  }
}
