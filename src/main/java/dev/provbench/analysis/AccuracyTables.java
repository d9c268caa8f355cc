package dev.provbench.analysis;

import static dev.provbench.analysis.output.Column.number;
import static dev.provbench.analysis.output.Column.text;

import dev.provbench.analysis.output.AnalysisTable;
import dev.provbench.analysis.output.Column;
import dev.provbench.stats.Holm;
import dev.provbench.stats.Interval;
import dev.provbench.stats.PairedDifference;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** The write-up's accuracy variance: CorrectScore per provider within each size, its spread, and paired tests. */
public final class AccuracyTables {
  public static final String VARIANCE_ID = "accuracy_variance";
  public static final String SPREAD_ID = "accuracy_spread";
  public static final String PAIRED_ID = "paired_tests";

  private AccuracyTables() {}

  public static AnalysisTable variance(RunAnalysis run) {
    AnalysisTable.Builder t = AnalysisTable.builder(VARIANCE_ID, "Accuracy variance: CorrectScore per provider within each size",
        text("size"), text("provider"), text("model"), number("cells", "%d"), number("failed", "%d"),
        number("scored 0", "%d"), number("cases", "%d"), number("CorrectScore", "%.3f"), number("CI low", "%.3f"), number("CI high", "%.3f"),
        number("NonNull", "%.3f"));
    for (ExperimentStats s : run.experiments()) {
      Experiment e = s.experiment();
      Interval ci = run.accuracy().get(e);
      t.row(e.size(), e.provider(), e.model(), s.cells(), s.failed(), s.scoredZero(), (long) ci.cases(), s.scores().correct(),
          ci.low(), ci.high(), s.scores().nonNull());
    }
    return t.build(Coverage.accuracy(run.experiments()) + "; " + bootstrapNote(run));
  }

  public static AnalysisTable spread(RunAnalysis run) {
    AnalysisTable.Builder t = AnalysisTable.builder(SPREAD_ID, "Accuracy spread across providers within each size",
        text("size"), number("providers", "%d"), text("most accurate"), number("best", "%.3f"), text("least accurate"),
        number("worst", "%.3f"), number("spread pts", "%.1f"));
    for (SizeStats size : run.sizes()) {
      List<ExperimentStats> at = run.at(size.size());
      ExperimentStats best = mostAccurate(run, at);
      ExperimentStats worst = leastAccurate(run, at);
      double b = run.accuracy().get(best.experiment()).mean();
      double w = run.accuracy().get(worst.experiment()).mean();
      t.row(size.size(), (long) at.size(), best.experiment().provider(), b, worst.experiment().provider(), w, (b - w) * 100);
    }
    return t.build(Coverage.accuracy(run.experiments()));
  }

  public static AnalysisTable paired(RunAnalysis run) {
    AnalysisTable.Builder t = AnalysisTable.builder(PAIRED_ID,
        "Paired tests: the most accurate provider at each size against each other one, on the same cases",
        text("size"), text("provider A"), text("provider B"), number("cases", "%d"), number("A − B pts", "%+.1f"),
        number("CI low pts", "%+.1f"), number("CI high pts", "%+.1f"), Column.pValue("p"), Column.pValue("adjusted p"),
        number("comparisons in family", "%d"), text("significant"));
    for (List<PairedComparison> at : run.paired().values()) {
      for (PairedComparison c : at) {
        PairedDifference d = c.difference();
        t.row(c.a().size(), c.a().provider(), c.b().provider(), (long) d.cases(), d.difference() * 100, d.low() * 100,
            d.high() * 100, d.pValue(), d.adjustedP(), (long) Holm.pairs(run.at(c.a().size()).size()),
            d.significant() ? "yes" : "no");
      }
    }
    return t.build(Coverage.accuracy(run.experiments()) + "; paired bootstrap of the difference, " + bootstrapNote(run)
        + "; p = 2 (k + 1) ÷ (B + 1), k the resamples on the far side of 0; adjusted p is Holm's over every pair of"
        + " providers at the size (the leader is picked from the same data); significant when adjusted p < 0.05");
  }

  static ExperimentStats mostAccurate(RunAnalysis run, List<ExperimentStats> at) {
    return at.stream().max(Comparator.comparingDouble((ExperimentStats s) -> run.accuracy().get(s.experiment()).mean())
        .thenComparing(s -> s.experiment(), Experiment.ORDER.reversed())).orElseThrow();
  }

  static ExperimentStats leastAccurate(RunAnalysis run, List<ExperimentStats> at) {
    return at.stream().min(Comparator.comparingDouble(s -> run.accuracy().get(s.experiment()).mean())).orElseThrow();
  }

  static String bootstrapNote(RunAnalysis run) {
    return "95% CIs resample cases (" + resamplesNote(run) + ")";
  }

  static String resamplesNote(RunAnalysis run) {
    return String.format(Locale.ROOT, "%d resamples, seed %d", run.options().bootstrap().resamples(),
        run.options().bootstrap().seed());
  }
}
