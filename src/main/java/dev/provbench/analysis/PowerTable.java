package dev.provbench.analysis;

import static dev.provbench.analysis.output.Column.number;
import static dev.provbench.analysis.output.Column.text;

import dev.provbench.analysis.output.AnalysisTable;
import dev.provbench.stats.CaseDifferences;
import dev.provbench.stats.CaseTotals;
import dev.provbench.stats.DecisionPower;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Table {@code power}: per size, how small an accuracy difference between two of its providers this run can
 * detect, and how many cases a chosen difference ({@code --detect}) needs, at the run's trials per case
 * (see {@link DecisionPower}).
 */
public final class PowerTable {
  public static final String ID = "power";

  private PowerTable() {}

  public static AnalysisTable of(RunAnalysis run) {
    double detect = run.options().detectPoints();
    AnalysisTable.Builder t = AnalysisTable.builder(ID, "How many cases a decision needs: detectable accuracy differences",
        text("size"), number("providers", "%d"), number("pairs", "%d"), number("cases", "%d"),
        number("trials per case", "%.1f"), number("SD of paired difference pts", "%.1f"), number("MDE pts", "%.1f"),
        number("detect pts", "%.1f"), number("cases needed", "%d"));
    for (SizeStats size : run.sizes()) {
      List<Experiment> at = run.at(size.size()).stream().map(ExperimentStats::experiment).toList();
      if (at.size() < 2) continue;
      List<double[]> pairs = new ArrayList<>();
      long cases = Long.MAX_VALUE;
      for (int i = 0; i < at.size(); i++) {
        for (int j = i + 1; j < at.size(); j++) {
          double[] d = CaseDifferences.of(run.caseTotals().get(at.get(i)), run.caseTotals().get(at.get(j)));
          pairs.add(d);
          cases = Math.min(cases, d.length);
        }
      }
      double sd = DecisionPower.pooledSd(pairs);
      double trials = at.stream().mapToDouble(e -> {
        CaseTotals c = run.caseTotals().get(e);
        return c.cases() == 0 ? Double.NaN : (double) Arrays.stream(c.counts()).sum() / c.cases();
      }).average().orElse(Double.NaN);
      t.row(size.size(), (long) at.size(), (long) pairs.size(), cases, trials, sd * 100,
          DecisionPower.minimumDetectable(sd, cases) * 100, detect, DecisionPower.casesNeeded(sd, detect / 100));
    }
    return t.build(Coverage.accuracy(run.experiments()) + "; at 80% power and α = 0.05 two-sided, normal approximation"
        + " on per-case differences (trials averaged per case): MDE = (z0.975 + z0.8) × SD ÷ √cases, cases needed ="
        + " ((z0.975 + z0.8) × SD ÷ detect)²; SD pooled over every pair of providers at the size, cases the fewest any"
        + " pair shares");
  }
}
