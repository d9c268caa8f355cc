package dev.provbench.analysis.trend;

import dev.provbench.analysis.Experiment;
import dev.provbench.stats.PairedT;
import java.time.Instant;

/**
 * One experiment from one run of a series to the next, on one metric, tested paired by case.
 *
 * @param experiment provider × model × size.
 * @param metric     what changed.
 * @param from       the earlier run.
 * @param to         the later run.
 * @param at         when the later run started.
 * @param before     the earlier figure: mean CorrectScore, or p50 answered duration in seconds.
 * @param after      the later figure, in the same unit.
 * @param test       the paired t-test on per-case differences (later − earlier): of CorrectScore, or of
 *                   ln(duration) so that {@code exp(difference)} is the per-case ratio of durations.
 * @param adjustedP  the test's p, Holm-adjusted over its family ({@link TrendFamily}; by default every comparison
 *                   of the series, both metrics).
 * @param flagged    significant at the family's 5% level and at least the smallest change that matters
 *                   ({@link Trend.Thresholds}).
 * @param worthALook not flagged, but at least the smallest change that matters with p &lt; 0.05 before the
 *                   adjustment: listed apart so that a real change the family is too large to confirm is not silent.
 *                   Never called significant: one null comparison in twenty passes this by chance.
 */
public record TrendChange(Experiment experiment, Metric metric, String from, String to, Instant at, Double before,
    Double after, PairedT test, double adjustedP, boolean flagged, boolean worthALook) {

  /** The metrics a trend tests. */
  public enum Metric {
    ACCURACY("accuracy"),
    LATENCY("p50 duration");

    private final String label;

    Metric(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  /** Accuracy: the change in points; latency: the per-case duration ratio as a percentage change. */
  public double change() {
    return metric == Metric.ACCURACY ? test.difference() * 100 : (Math.exp(test.difference()) - 1) * 100;
  }

  /**
   * The size of the change a reader sees, which a flag needs to reach: accuracy in points; latency as the p50's
   * change in percent (the per-case ratio tests it, but a few slow first calls of a run can move that ratio while
   * the p50 stays put).
   */
  public double seen() {
    if (metric == Metric.ACCURACY || before == null || after == null || before == 0) return change();
    return (after / before - 1) * 100;
  }

  TrendChange judged(double p, Trend.Thresholds thresholds) {
    double least = metric == Metric.ACCURACY ? thresholds.accuracyPoints() : thresholds.latencyPercent();
    boolean matters = Math.abs(seen()) >= least && Math.signum(seen()) == Math.signum(change());
    boolean flag = p < Trend.ALPHA && matters;
    return new TrendChange(experiment, metric, from, to, at, before, after, test, p, flag,
        !flag && matters && test.pValue() < Trend.ALPHA);
  }
}
