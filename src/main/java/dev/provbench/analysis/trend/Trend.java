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
import java.util.stream.IntStream;
import org.apache.spark.sql.SparkSession;

/**
 * A series of runs over time: each experiment's figures run by run, and every change from one run to the
 * next (or to a fixed baseline run) tested paired by case (accuracy on CorrectScore, latency on ln duration),
 * Holm-adjusted over the chosen {@link TrendFamily} so that a series where nothing changed flags nothing at 5%
 * family-wise; with what each size could have detected ({@link TrendPower}) and the changes worth a look. Immutable.
 *
 * @param series     the series name.
 * @param runs       its runs, oldest first.
 * @param changes    every comparison tested, per experiment and metric, in experiment then run order.
 * @param thresholds the smallest changes a flag needs besides significance.
 * @param family     the comparisons made and the family Holm's adjustment covers.
 */
public record Trend(String series, List<TrendRun> runs, List<TrendChange> changes, Thresholds thresholds,
    TrendFamily family) {
  /** The family-wise error level of the flags (and the level before adjustment of the changes worth a look). */
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
      Thresholds thresholds, TrendFamily family) {
    List<TrendRun> runs = runIds.stream().map(id -> TrendRun.load(spark, id, bootstrap))
        .sorted(Comparator.comparing(TrendRun::started)).toList();
    return of(series, runs, thresholds, family);
  }

  public static Trend load(SparkSession spark, String series, List<String> runIds, Bootstrap bootstrap,
      Thresholds thresholds) {
    return load(spark, series, runIds, bootstrap, thresholds, TrendFamily.SERIES);
  }

  public static Trend of(String series, List<TrendRun> runs, Thresholds thresholds) {
    return of(series, runs, thresholds, TrendFamily.SERIES);
  }

  /** Tests the changes of runs already loaded, oldest first. */
  public static Trend of(String series, List<TrendRun> runs, Thresholds thresholds, TrendFamily family) {
    TrendRun baseline = family.baseline() == null ? null : runs.stream()
        .filter(r -> r.runId().equals(family.baseline())).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no run " + family.baseline() + " in series " + series));
    List<TrendChange> raw = new ArrayList<>();
    List<Experiment> experiments = runs.stream().flatMap(r -> r.points().keySet().stream()).distinct()
        .sorted(Experiment.ORDER).toList();
    for (Experiment e : experiments) {
      TrendRun previous = null;
      for (TrendRun run : runs) {
        if (!run.points().containsKey(e) || run == baseline) continue;
        TrendRun from = baseline != null ? baseline : previous;
        if (from != null && from.points().containsKey(e)) {
          raw.add(change(e, TrendChange.Metric.ACCURACY, from, run));
          raw.add(change(e, TrendChange.Metric.LATENCY, from, run));
        }
        previous = run;
      }
    }
    double[] adjusted = new double[raw.size()];
    boolean[] done = new boolean[raw.size()];
    for (int i = 0; i < raw.size(); i++) {
      if (done[i]) continue;
      TrendChange first = raw.get(i);
      List<Integer> members = IntStream.range(i, raw.size()).filter(j -> family.together(first, raw.get(j))).boxed().toList();
      members.forEach(j -> done[j] = true);
      double[] p = members.stream().mapToDouble(j -> rawP(raw.get(j))).toArray();
      double[] a = Holm.adjust(p);
      for (int k = 0; k < members.size(); k++) adjusted[members.get(k)] = a[k];
    }
    List<TrendChange> changes = new ArrayList<>();
    for (int i = 0; i < raw.size(); i++) changes.add(raw.get(i).judged(adjusted[i], thresholds));
    return new Trend(series, List.copyOf(runs), List.copyOf(changes), thresholds, family);
  }

  private static double rawP(TrendChange c) {
    return Double.isNaN(c.test().pValue()) ? 1.0 : c.test().pValue();
  }

  /** The per-case differences (later − earlier) a change was tested on. */
  double[] differences(TrendChange c) {
    TrendRun from = run(c.from());
    TrendRun to = run(c.to());
    return differences(c.experiment(), c.metric(), from, to);
  }

  private static double[] differences(Experiment e, TrendChange.Metric metric, TrendRun from, TrendRun to) {
    return metric == TrendChange.Metric.ACCURACY
        ? CaseDifferences.of(to.scores().get(e), from.scores().get(e))
        : CaseDifferences.of(to.logDurations().getOrDefault(e, CaseTotals.EMPTY),
            from.logDurations().getOrDefault(e, CaseTotals.EMPTY));
  }

  private TrendRun run(String id) {
    return runs.stream().filter(r -> r.runId().equals(id)).findFirst().orElseThrow();
  }

  /** The number of comparisons in the Holm family of {@code metric}'s changes. */
  int familySize(TrendChange.Metric metric) {
    return (int) changes.stream().filter(c -> family.kind() != TrendFamily.Kind.METRIC || c.metric() == metric).count();
  }

  /** What each size could detect, per metric, in size order then accuracy before latency. */
  public List<TrendPower> power() {
    return TrendPower.of(this);
  }

  private static TrendChange change(Experiment e, TrendChange.Metric metric, TrendRun from, TrendRun to) {
    TrendPoint a = from.points().get(e);
    TrendPoint b = to.points().get(e);
    boolean accuracy = metric == TrendChange.Metric.ACCURACY;
    return new TrendChange(e, metric, from.runId(), to.runId(), to.started(), accuracy ? a.accuracy().mean() : a.p50s(),
        accuracy ? b.accuracy().mean() : b.p50s(), PairedT.of(differences(e, metric, from, to)), Double.NaN, false, false);
  }

  public List<TrendChange> flagged() {
    return changes.stream().filter(TrendChange::flagged).toList();
  }

  /** The changes that matter by size and pass p &lt; 0.05 before the adjustment but not after it. */
  public List<TrendChange> worthALook() {
    return changes.stream().filter(TrendChange::worthALook).toList();
  }

  /**
   * One sentence per flagged change, or one saying nothing changed; then one per change worth a look, and one per
   * size whose runs have too few cases to detect the smallest accuracy change that matters.
   */
  public List<Insight> insights() {
    String basis = changes.size() + " comparisons (" + family.describe() + "), paired t-tests by case (latency on ln"
        + " duration); flagged from " + fmt(thresholds.accuracyPoints()) + " points or "
        + fmt(thresholds.latencyPercent()) + "% up";
    if (runs.size() < 2) {
      return List.of(new Insight("Series " + series + " has " + runs.size() + " run; a trend needs two or more.",
          "run the job again with --series " + series));
    }
    List<Insight> out = new ArrayList<>();
    List<TrendChange> flagged = flagged();
    if (flagged.isEmpty()) {
      out.add(new Insight("No significant change across the " + runs.size() + " runs of series " + series + ".", basis));
    }
    for (TrendChange c : flagged) out.add(new Insight(sentence(c), basis));
    String lookBasis = "p < " + fmt(ALPHA) + " before the adjustment but not after it, and at least "
        + fmt(thresholds.accuracyPoints()) + " points or " + fmt(thresholds.latencyPercent()) + "%: not significant;"
        + " about one null comparison in twenty gets here by chance, so run again before acting";
    for (TrendChange c : worthALook()) out.add(new Insight("Worth a look: " + sentence(c), lookBasis));
    for (TrendPower p : power()) {
      if (p.metric() == TrendChange.Metric.ACCURACY && p.detectable() > thresholds.accuracyPoints()) {
        out.add(new Insight(p.tooFewCases(thresholds.accuracyPoints()), p.basis()));
      }
    }
    return out;
  }

  static String sentence(TrendChange c) {
    Experiment e = c.experiment();
    String who = e.provider() + " " + e.size();
    if (c.metric() == TrendChange.Metric.ACCURACY) {
      return String.format(Locale.ROOT, "%s accuracy %s %.1f points on %s (run %s: %.1f%% -> %.1f%%; %s).",
          who, c.change() < 0 ? "fell" : "rose", Math.abs(c.change()), WHEN.format(c.at()), c.to(), c.before() * 100,
          c.after() * 100, pValues(c));
    }
    double p50Change = c.seen();
    return String.format(Locale.ROOT, "%s p50 %s %.0f%% since run %s (%s -> %s s, run %s on %s; %s).",
        who, p50Change < 0 ? "fell" : "rose", Math.abs(p50Change), c.from(), seconds(c.before()), seconds(c.after()),
        c.to(), WHEN.format(c.at()), pValues(c));
  }

  /** A flag states its adjusted p; a change worth a look both, so that nobody reads the raw one as significant. */
  private static String pValues(TrendChange c) {
    String adjusted = "adjusted p = " + Column.formatP(c.adjustedP());
    return c.flagged() ? adjusted : "p = " + Column.formatP(c.test().pValue()) + ", " + adjusted;
  }

  static String fmt(double v) {
    return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
  }

  private static String seconds(Double s) {
    return s == null ? "-" : String.format(Locale.ROOT, "%.2f", s);
  }
}
