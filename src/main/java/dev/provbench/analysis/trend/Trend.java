package dev.provbench.analysis.trend;

import dev.provbench.analysis.Experiment;
import dev.provbench.analysis.output.Column;
import dev.provbench.analysis.output.Insight;
import dev.provbench.stats.Bootstrap;
import dev.provbench.stats.CaseDifferences;
import dev.provbench.stats.CaseTotals;
import dev.provbench.stats.Holm;
import dev.provbench.stats.PairedT;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.SparkSession;

/**
 * A series of runs over time: each experiment's figures run by run, and every change from one run to the
 * next tested paired by case (accuracy on CorrectScore, latency on ln duration), Holm-adjusted over all the
 * series' comparisons so that a series where nothing changed flags nothing at 5% family-wise. Immutable.
 *
 * @param series  the series name.
 * @param runs    its runs, oldest first.
 * @param changes    every comparison of consecutive runs, per experiment and metric, in experiment then run order.
 * @param thresholds the smallest changes a flag needs besides significance.
 */
public record Trend(String series, List<TrendRun> runs, List<TrendChange> changes, Thresholds thresholds) {
  /** The family-wise error level of the flags. */
  public static final double ALPHA = 0.05;
  static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT).withZone(ZoneOffset.UTC);

  /**
   * The smallest changes worth a flag: a significant change smaller than these (a 3% slower run on a busy
   * machine, say) is listed in {@code trend_changes} but not called out.
   *
   * @param accuracyPoints accuracy, in points. Default {@link #DEFAULT_ACCURACY_POINTS}.
   * @param latencyPercent the p50 answered duration's change, in percent (the per-case ratio must agree in
   *                       direction). Default {@link #DEFAULT_LATENCY_PERCENT}.
   */
  public record Thresholds(double accuracyPoints, double latencyPercent) {
    public static final double DEFAULT_ACCURACY_POINTS = 2;
    public static final double DEFAULT_LATENCY_PERCENT = 10;
    public static final Thresholds DEFAULTS = new Thresholds(DEFAULT_ACCURACY_POINTS, DEFAULT_LATENCY_PERCENT);
  }

  /** Loads every run of the series; the {@code cells} view must be registered over their results folder. */
  public static Trend load(SparkSession spark, String series, List<String> runIds, Bootstrap bootstrap,
      Thresholds thresholds) {
    List<TrendRun> runs = runIds.stream().map(id -> TrendRun.load(spark, id, bootstrap))
        .sorted(Comparator.comparing(TrendRun::started)).toList();
    return of(series, runs, thresholds);
  }

  /** Tests the changes of runs already loaded, oldest first. */
  public static Trend of(String series, List<TrendRun> runs, Thresholds thresholds) {
    List<TrendChange> raw = new ArrayList<>();
    List<Experiment> experiments = runs.stream().flatMap(r -> r.points().keySet().stream()).distinct()
        .sorted(Experiment.ORDER).toList();
    for (Experiment e : experiments) {
      TrendRun previous = null;
      for (TrendRun run : runs) {
        if (!run.points().containsKey(e)) continue;
        if (previous != null) {
          TrendPoint a = previous.points().get(e);
          TrendPoint b = run.points().get(e);
          raw.add(change(e, TrendChange.Metric.ACCURACY, previous, run, a.accuracy().mean(), b.accuracy().mean(),
              PairedT.of(CaseDifferences.of(run.scores().get(e), previous.scores().get(e)))));
          raw.add(change(e, TrendChange.Metric.LATENCY, previous, run, a.p50s(), b.p50s(),
              PairedT.of(CaseDifferences.of(run.logDurations().getOrDefault(e, CaseTotals.EMPTY),
                  previous.logDurations().getOrDefault(e, CaseTotals.EMPTY)))));
        }
        previous = run;
      }
    }
    double[] p = raw.stream().mapToDouble(c -> Double.isNaN(c.test().pValue()) ? 1.0 : c.test().pValue()).toArray();
    double[] adjusted = Holm.adjust(p);
    List<TrendChange> changes = new ArrayList<>();
    for (int i = 0; i < raw.size(); i++) changes.add(raw.get(i).judged(adjusted[i], thresholds));
    return new Trend(series, List.copyOf(runs), List.copyOf(changes), thresholds);
  }

  private static TrendChange change(Experiment e, TrendChange.Metric metric, TrendRun from, TrendRun to, Double before,
      Double after, PairedT test) {
    return new TrendChange(e, metric, from.runId(), to.runId(), to.started(), before, after, test, Double.NaN, false);
  }

  public List<TrendChange> flagged() {
    return changes.stream().filter(TrendChange::flagged).toList();
  }

  /** One sentence per flagged change, or one saying nothing changed. */
  public List<Insight> insights() {
    String basis = changes.size() + " comparisons of consecutive runs, paired t-tests by case (latency on ln"
        + " duration), Holm-adjusted at " + Math.round(ALPHA * 100) + "% family-wise; flagged from "
        + fmt(thresholds.accuracyPoints()) + " points or " + fmt(thresholds.latencyPercent()) + "% up";
    if (runs.size() < 2) {
      return List.of(new Insight("Series " + series + " has " + runs.size() + " run; a trend needs two or more.",
          "run the job again with --series " + series));
    }
    List<TrendChange> flagged = flagged();
    if (flagged.isEmpty()) {
      return List.of(new Insight("No significant change across the " + runs.size() + " runs of series " + series + ".", basis));
    }
    List<Insight> out = new ArrayList<>();
    for (TrendChange c : flagged) out.add(new Insight(sentence(c), basis));
    return out;
  }

  static String sentence(TrendChange c) {
    Experiment e = c.experiment();
    String who = e.provider() + " " + e.size();
    if (c.metric() == TrendChange.Metric.ACCURACY) {
      return String.format(Locale.ROOT, "%s accuracy %s %.1f points on %s (run %s: %.1f%% -> %.1f%%; adjusted p = %s).",
          who, c.change() < 0 ? "fell" : "rose", Math.abs(c.change()), WHEN.format(c.at()), c.to(), c.before() * 100,
          c.after() * 100, Column.formatP(c.adjustedP()));
    }
    double p50Change = c.seen();
    return String.format(Locale.ROOT, "%s p50 %s %.0f%% since run %s (%s -> %s s, run %s on %s; adjusted p = %s).",
        who, p50Change < 0 ? "fell" : "rose", Math.abs(p50Change), c.from(), seconds(c.before()), seconds(c.after()),
        c.to(), WHEN.format(c.at()), Column.formatP(c.adjustedP()));
  }

  private static String fmt(double v) {
    return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
  }

  private static String seconds(Double s) {
    return s == null ? "-" : String.format(Locale.ROOT, "%.2f", s);
  }
}
