package dev.provbench.analysis;

import static dev.provbench.analysis.output.Column.number;
import static dev.provbench.analysis.output.Column.text;

import dev.provbench.analysis.output.AnalysisTable;
import dev.provbench.stats.Interval;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The write-up's speed variance: the duration distribution of answered cells per provider within each size,
 * with the failure rate beside it; and its spread, with whether the fastest and slowest can be claimed.
 */
public final class SpeedTables {
  public static final String VARIANCE_ID = "speed_variance";
  public static final String SPREAD_ID = "speed_spread";

  private SpeedTables() {}

  public static AnalysisTable variance(RunAnalysis run) {
    AnalysisTable.Builder t = AnalysisTable.builder(VARIANCE_ID,
        "Speed variance: duration of answered cells per provider within each size",
        text("size"), text("provider"), text("model"), number("cells", "%d"), number("failed", "%d"),
        number("failure rate", "%.1f%%"), number("p50 s", "%.2f"), number("p50 CI low s", "%.2f"),
        number("p50 CI high s", "%.2f"), number("p90 s", "%.2f"), number("p99 s", "%.2f"), number("mean s", "%.2f"),
        number("stddev s", "%.2f"), number("min s", "%.2f"), number("max s", "%.2f"),
        number("mean s incl. failures", "%.2f"), number("latency p50 s", "%.2f"), number("TTFT p50 s", "%.2f"),
        number("first answer p50 s", "%.2f"), number("output tok/s", "%.1f"), number("median request tok/s", "%.1f"),
        number("TPOT p50 ms", "%.1f"), number("ITL p50 ms", "%.1f"), number("ITL p99 ms", "%.1f"));
    for (ExperimentStats s : run.experiments()) {
      Experiment e = s.experiment();
      Interval p50 = run.speed().get(e);
      ExperimentTiming d = s.timing();
      t.row(e.size(), e.provider(), e.model(), s.cells(), s.failed(), s.failureRate() * 100, s.p50(), p50.low(),
          p50.high(), d.percentile(0.9), d.percentile(0.99), d.durationMean(), d.durationStddev(), d.durationMin(),
          d.durationMax(), d.durationMeanAll(), d.latencyP50(), d.ttftP50(), d.firstAnswerP50(), d.outputTps(),
          d.outputTpsMedian(), d.tpotP50(), d.itlP50(), d.itlP99());
    }
    return t.build(Coverage.speed(run.experiments()) + "; duration is the whole cell, retries and back-off included;"
        + " p50 CI resamples cases with their trials (" + AccuracyTables.resamplesNote(run) + "); output tok/s ="
        + " Σ completion tokens ÷ Σ (latency − TTFT) over answered streamed cells; ITL = gaps between chunks");
  }

  public static AnalysisTable spread(RunAnalysis run) {
    AnalysisTable.Builder t = AnalysisTable.builder(SPREAD_ID,
        "Speed spread across providers within each size (answered cells)",
        text("size"), number("providers", "%d"), text("fastest"), number("fastest p50 s", "%.2f"),
        number("fastest failure rate", "%.1f%%"), text("clearly fastest"), text("slowest"),
        number("slowest p50 s", "%.2f"), number("slowest failure rate", "%.1f%%"), text("clearly slowest"),
        number("slowest ÷ fastest", "%.2fx"), text("high failure rate"));
    for (SizeStats size : run.sizes()) {
      SpeedRanking r = run.speedAt(size.size());
      ExperimentStats fast = r.fastest();
      ExperimentStats slow = r.slowest();
      t.row(size.size(), (long) run.at(size.size()).size(), name(fast), fast == null ? null : fast.p50(),
          fast == null ? null : fast.failureRate() * 100, yes(r.fastestClear()), name(slow),
          slow == null ? null : slow.p50(), slow == null ? null : slow.failureRate() * 100, yes(r.slowestClear()),
          slow == null || fast.p50() == 0 ? null : slow.p50() / fast.p50(), flagged(r));
    }
    return t.build(Coverage.speed(run.experiments()) + "; clearly = its p50's 95% CI does not overlap any other's;"
        + " a provider whose failure rate is ≥ 10 points and ≥ 2× the size's median is listed under high failure"
        + " rate and left out of the order");
  }

  static String flagged(SpeedRanking r) {
    return r.flagged().stream().map(s -> s.experiment().provider() + String.format(Locale.ROOT, " (%.0f%% failed)",
        s.failureRate() * 100)).collect(Collectors.joining(", "));
  }

  private static String name(ExperimentStats s) {
    return s == null ? null : s.experiment().provider();
  }

  private static String yes(boolean b) {
    return b ? "yes" : "no";
  }
}
