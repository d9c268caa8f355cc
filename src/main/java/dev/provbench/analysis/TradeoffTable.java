package dev.provbench.analysis;

import static dev.provbench.analysis.output.Column.number;
import static dev.provbench.analysis.output.Column.text;

import dev.provbench.analysis.output.AnalysisTable;
import dev.provbench.stats.Interval;
import java.util.Locale;

/**
 * The write-up's first table: per size, accuracy with its 95% interval (failures score 0), NonNull, the
 * duration of answered cells beside the failure rate, and the change from the previous size (accuracy in
 * points and percent, mean duration in seconds).
 */
public final class TradeoffTable {
  public static final String ID = "tradeoff_by_size";

  private TradeoffTable() {}

  public static AnalysisTable of(RunAnalysis run) {
    AnalysisTable.Builder t = AnalysisTable.builder(ID, "Aggregate trade-off by size",
        text("size"), number("experiments", "%d"), number("cells", "%d"), number("failed", "%d"),
        number("failure rate", "%.1f%%"), number("scored 0", "%d"), number("CorrectScore", "%.3f"),
        number("CI low", "%.3f"), number("CI high", "%.3f"), number("NonNull", "%.3f"),
        number("duration mean s", "%.2f"), number("duration p50 s", "%.2f"), number("Δ accuracy pts", "%+.1f"),
        number("Δ accuracy %", "%+.1f%%"), number("Δ duration s", "%+.2f"));
    SizeStats previous = null;
    for (SizeStats s : run.sizes()) {
      Interval ci = run.sizeAccuracy().get(s.size());
      Double points = null;
      Double percent = null;
      Double seconds = null;
      if (previous != null) {
        seconds = s.durationMean() - previous.durationMean();
        if (s.correct() != null && previous.correct() != null) {
          points = (s.correct() - previous.correct()) * 100;
          percent = previous.correct() == 0 ? null : (s.correct() - previous.correct()) / previous.correct() * 100;
        }
      }
      t.row(s.size(), s.experiments(), s.cells(), s.failed(), s.failureRate() * 100, s.scoredZero(), s.correct(),
          ci.low(), ci.high(), s.nonNull(), s.durationMean(), s.durationP50(), points, percent, seconds);
      previous = s;
    }
    return t.build(String.format(Locale.ROOT, "%d cells, %d failed; %d cells with no answer (failed or unparsable)"
            + " score 0; durations over answered cells only; 95%% CIs resample cases (%d resamples, seed %d)",
        run.cells(), run.failed(), run.scoredZero(), run.options().bootstrap().resamples(),
        run.options().bootstrap().seed()));
  }
}
