package dev.provbench.analysis;

import static dev.provbench.analysis.output.Column.number;
import static dev.provbench.analysis.output.Column.text;

import dev.provbench.analysis.output.AnalysisTable;
import java.util.List;

/**
 * Who is fastest (lowest p50 duration of answered cells) and most accurate (highest mean CorrectScore) at
 * each size, and whether each claim holds: a speed lead whose interval is clear of the others', an accuracy
 * lead significant after Holm's adjustment.
 */
public final class RankingTable {
  public static final String ID = "ranking";

  private RankingTable() {}

  public static AnalysisTable of(RunAnalysis run) {
    AnalysisTable.Builder t = AnalysisTable.builder(ID, "Ranking: fastest and most accurate provider at each size",
        text("size"), number("providers", "%d"), text("fastest"), number("p50 s", "%.2f"), text("clearly fastest"),
        text("slowest"), number("slowest p50 s", "%.2f"), text("clearly slowest"), text("high failure rate"),
        text("most accurate"), number("CorrectScore", "%.3f"), text("lead significant"), text("least accurate"),
        number("lowest CorrectScore", "%.3f"));
    for (SizeStats size : run.sizes()) {
      List<ExperimentStats> at = run.at(size.size());
      SpeedRanking speed = run.speedAt(size.size());
      ExperimentStats fast = speed.fastest();
      ExperimentStats slow = speed.slowest();
      ExperimentStats best = AccuracyTables.mostAccurate(run, at);
      ExperimentStats worst = AccuracyTables.leastAccurate(run, at);
      List<PairedComparison> paired = run.paired().get(size.size());
      boolean lead = !paired.isEmpty() && paired.stream().allMatch(c -> c.difference().significant());
      t.row(size.size(), (long) at.size(), fast == null ? null : fast.experiment().provider(),
          fast == null ? null : fast.p50(), speed.fastestClear() ? "yes" : "no",
          slow == null ? null : slow.experiment().provider(), slow == null ? null : slow.p50(),
          speed.slowestClear() ? "yes" : "no", SpeedTables.flagged(speed), best.experiment().provider(),
          run.accuracy().get(best.experiment()).mean(), lead ? "yes" : "no", worst.experiment().provider(),
          run.accuracy().get(worst.experiment()).mean());
    }
    return t.build(Coverage.speed(run.experiments()) + "; accuracy over every cell, failures scoring 0; lead"
        + " significant = the most accurate beats every other one (Holm-adjusted p < 0.05)");
  }
}
