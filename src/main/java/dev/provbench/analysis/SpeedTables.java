package dev.provbench.analysis;

import static dev.provbench.analysis.Column.number;
import static dev.provbench.analysis.Column.text;

import java.util.Comparator;
import java.util.List;

/** The write-up's speed variance: duration distribution per provider within each size, and its spread. */
public final class SpeedTables {
  public static final String VARIANCE_ID = "speed_variance";
  public static final String SPREAD_ID = "speed_spread";

  private SpeedTables() {}

  public static AnalysisTable variance(RunAnalysis run) {
    AnalysisTable.Builder t = AnalysisTable.builder(VARIANCE_ID, "Speed variance: duration per provider within each size",
        text("size"), text("provider"), text("model"), number("cells", "%d"), number("failed", "%d"),
        number("p50 s", "%.2f"), number("p90 s", "%.2f"), number("p99 s", "%.2f"), number("mean s", "%.2f"),
        number("stddev s", "%.2f"), number("min s", "%.2f"), number("max s", "%.2f"), number("TTFT p50 s", "%.2f"),
        number("tokens/s", "%.1f"));
    for (ExperimentStats s : run.experiments()) {
      Experiment e = s.experiment();
      t.row(e.size(), e.provider(), e.model(), s.cells(), s.failed(), s.p50(), s.percentile(0.9), s.percentile(0.99),
          s.durationMean(), s.durationStddev(), s.durationMin(), s.durationMax(), s.ttftP50(), s.tokensPerSecond());
    }
    return t.build(Coverage.of(run.experiments()) + "; duration is the whole cell, retries and back-off included");
  }

  public static AnalysisTable spread(RunAnalysis run) {
    AnalysisTable.Builder t = AnalysisTable.builder(SPREAD_ID, "Speed spread across providers within each size",
        text("size"), number("providers", "%d"), text("fastest"), number("fastest p50 s", "%.2f"), text("slowest"),
        number("slowest p50 s", "%.2f"), number("slowest ÷ fastest", "%.2fx"));
    for (SizeStats size : run.sizes()) {
      List<ExperimentStats> at = run.at(size.size());
      ExperimentStats fast = fastest(at);
      ExperimentStats slow = at.stream().max(Comparator.comparingDouble(ExperimentStats::p50)).orElseThrow();
      t.row(size.size(), (long) at.size(), fast.experiment().provider(), fast.p50(), slow.experiment().provider(),
          slow.p50(), fast.p50() == 0 ? null : slow.p50() / fast.p50());
    }
    return t.build(Coverage.of(run.experiments()));
  }

  /** Lowest p50 duration; ties go to the first in provider order. */
  static ExperimentStats fastest(List<ExperimentStats> at) {
    return at.stream().min(Comparator.comparingDouble(ExperimentStats::p50)).orElseThrow();
  }

  static ExperimentStats slowest(List<ExperimentStats> at) {
    return at.stream().max(Comparator.comparingDouble(ExperimentStats::p50)).orElseThrow();
  }
}
