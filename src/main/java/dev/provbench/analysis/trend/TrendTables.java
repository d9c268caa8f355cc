package dev.provbench.analysis.trend;

import static dev.provbench.analysis.output.Column.number;
import static dev.provbench.analysis.output.Column.pValue;
import static dev.provbench.analysis.output.Column.text;

import dev.provbench.analysis.Experiment;
import dev.provbench.analysis.output.AnalysisTable;
import dev.provbench.analysis.output.ConsoleOutput;
import dev.provbench.analysis.output.Insight;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The tables of {@code provbench trend}: {@code trend} (every experiment run by run), {@code trend_changes} (each
 * consecutive pair of runs tested) and {@code time_of_day} (runs grouped by the UTC hour they started), and the
 * console text that prints them with the insights.
 */
public final class TrendTables {
  private TrendTables() {}

  public static List<AnalysisTable> of(Trend trend) {
    List<AnalysisTable> out = new ArrayList<>(List.of(history(trend), changes(trend)));
    if (!trend.worthALook().isEmpty()) out.add(worthALook(trend));
    if (!trend.changes().isEmpty()) out.add(power(trend));
    out.add(timeOfDay(trend));
    return List.copyOf(out);
  }

  /** The tables and the insights as aligned text. */
  public static String console(Trend trend) {
    StringBuilder sb = new StringBuilder("provbench trend: series ").append(trend.series()).append(", ")
        .append(trend.runs().size()).append(" runs\n\n");
    for (AnalysisTable t : of(trend)) sb.append(ConsoleOutput.render(t)).append('\n');
    sb.append("Insights\n");
    List<Insight> insights = trend.insights();
    boolean oneBasis = insights.stream().map(Insight::basis).distinct().count() == 1;
    for (Insight i : insights) {
      sb.append("- ").append(i.text()).append('\n');
      if (!oneBasis) sb.append("    (").append(i.basis()).append(")\n");
    }
    if (oneBasis) sb.append("  (").append(insights.get(0).basis()).append(")\n");
    return sb.toString();
  }

  static AnalysisTable history(Trend trend) {
    AnalysisTable.Builder t = AnalysisTable.builder("trend", "Each experiment run by run", text("run"),
        text("started UTC"), text("size"), text("provider"), text("model"), number("cells", "%d"),
        number("accuracy %", "%.1f"), number("CI low", "%.1f"), number("CI high", "%.1f"), number("p50 s", "%.2f"),
        number("p90 s", "%.2f"), number("failure %", "%.1f"));
    List<Experiment> experiments = experiments(trend);
    for (Experiment e : experiments) {
      for (TrendRun run : trend.runs()) {
        TrendPoint p = run.points().get(e);
        if (p == null) continue;
        t.row(run.runId(), Trend.WHEN.format(run.started()), e.size(), e.provider(), e.model(), p.cells(),
            p.accuracy().mean() * 100, p.accuracy().low() * 100, p.accuracy().high() * 100, p.p50s(), p.p90s(),
            p.failureRate() * 100);
      }
    }
    return t.build(trend.runs().size() + " runs, " + experiments.size() + " experiments; accuracy counts failures as"
        + " wrong, with 95% case-bootstrap intervals; durations of answered cells");
  }

  static AnalysisTable changes(Trend trend) {
    AnalysisTable.Builder t = AnalysisTable.builder("trend_changes", "Changes from one run to the next", text("size"),
        text("provider"), text("model"), text("metric"), text("from run"), text("to run"), number("before", "%.3f"),
        number("after", "%.3f"), number("change", "%+.1f"), text("unit"), number("cases", "%d"), pValue("p"),
        pValue("adjusted p"), text("flagged"));
    for (TrendChange c : trend.changes()) {
      Experiment e = c.experiment();
      boolean accuracy = c.metric() == TrendChange.Metric.ACCURACY;
      t.row(e.size(), e.provider(), e.model(), c.metric().label(), c.from(), c.to(), c.before(), c.after(), c.change(),
          accuracy ? "points" : "% per case", (long) c.test().cases(), c.test().pValue(), c.adjustedP(),
          c.flagged() ? "yes" : "no");
    }
    return t.build(trend.changes().size() + " comparisons; paired t-tests on per-case differences (later − earlier;"
        + " latency on ln duration, so the change is the per-case ratio); family: " + trend.family().describe());
  }

  static AnalysisTable worthALook(Trend trend) {
    AnalysisTable.Builder t = AnalysisTable.builder("trend_worth_a_look",
        "Worth a look: changes that matter with p < 0.05, not significant after the adjustment", text("size"),
        text("provider"), text("model"), text("metric"), text("from run"), text("to run"), number("change", "%+.1f"),
        text("unit"), number("cases", "%d"), pValue("p"), pValue("adjusted p"));
    for (TrendChange c : trend.worthALook()) {
      Experiment e = c.experiment();
      t.row(e.size(), e.provider(), e.model(), c.metric().label(), c.from(), c.to(), c.change(),
          c.metric() == TrendChange.Metric.ACCURACY ? "points" : "% per case", (long) c.test().cases(),
          c.test().pValue(), c.adjustedP());
    }
    return t.build("not significant: about one null comparison in twenty passes p < 0.05 by chance; at least "
        + Trend.fmt(trend.thresholds().accuracyPoints()) + " points or " + Trend.fmt(trend.thresholds().latencyPercent())
        + "% of p50; run again (or compare with analyze --run A --run B) before acting");
  }

  static AnalysisTable power(Trend trend) {
    AnalysisTable.Builder t = AnalysisTable.builder("trend_power", "What the series could detect, per size",
        text("size"), text("metric"), number("comparisons", "%d"), number("cases", "%d"), number("SD per case", "%.3f"),
        number("family", "%d"), number("flagged from", "%.1f"), number("worth a look from", "%.1f"), text("unit"),
        number("smallest that matters", "%.1f"), number("cases for it", "%d"));
    for (TrendPower p : trend.power()) {
      boolean accuracy = p.metric() == TrendChange.Metric.ACCURACY;
      double least = accuracy ? trend.thresholds().accuracyPoints() : trend.thresholds().latencyPercent();
      t.row(p.size(), p.metric().label(), (long) p.comparisons(), p.cases(), p.sd(), (long) p.family(), p.detectable(),
          p.lookable(), accuracy ? "points" : "% per case", least, p.casesNeeded(least));
    }
    return t.build("the smallest change each size's comparisons detect with 80% power, from the observed per-case SD"
        + " (latency: of ln duration) and the fewest cases compared; flagged at the family's level (p < 5% ÷ family for"
        + " a lone change: " + trend.family().describe() + "), worth a look at p < 5% unadjusted; cases for it: per run,"
        + " for the smallest change that matters to be flagged");
  }

  static AnalysisTable timeOfDay(Trend trend) {
    AnalysisTable.Builder t = AnalysisTable.builder("time_of_day", "By the hour of day the run started (UTC)",
        number("hour UTC", "%02d"), text("size"), text("provider"), text("model"), number("runs", "%d"),
        number("accuracy %", "%.1f"), number("p50 s", "%.2f"));
    for (Experiment e : experiments(trend)) {
      Map<Integer, List<TrendPoint>> byHour = new TreeMap<>();
      for (TrendRun run : trend.runs()) {
        TrendPoint p = run.points().get(e);
        if (p != null) byHour.computeIfAbsent(run.started().atZone(ZoneOffset.UTC).getHour(), h -> new ArrayList<>()).add(p);
      }
      byHour.forEach((hour, points) -> t.row(hour, e.size(), e.provider(), e.model(), (long) points.size(),
          points.stream().mapToDouble(p -> p.accuracy().mean()).average().orElse(Double.NaN) * 100,
          points.stream().filter(p -> p.p50s() != null).mapToDouble(TrendPoint::p50s).average().orElse(Double.NaN)));
    }
    return t.build("mean over the runs that started in each hour; a provider busier at some hours shows it here");
  }

  private static List<Experiment> experiments(Trend trend) {
    Map<Experiment, Boolean> seen = new LinkedHashMap<>();
    trend.runs().forEach(r -> r.points().keySet().forEach(e -> seen.put(e, true)));
    return seen.keySet().stream().sorted(Experiment.ORDER).toList();
  }
}
