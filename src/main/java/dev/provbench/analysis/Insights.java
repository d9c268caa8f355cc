package dev.provbench.analysis;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Plain sentences read off one run, in the manner of the write-up ("Provider 1 is fastest at 8b and 70b
 * but slowest at 405b"), each with the figures behind it. Only sizes with two or more providers rank.
 */
public final class Insights {
  private Insights() {}

  public static List<Insight> of(RunAnalysis run) {
    List<Insight> out = new ArrayList<>();
    sizeJumps(run, out);
    speedRanks(run, out);
    accuracyLeaders(run, out);
    spreads(run, out);
    loneProviders(run, out);
    failures(run, out);
    return out;
  }

  private static void sizeJumps(RunAnalysis run, List<Insight> out) {
    for (int i = 1; i < run.sizes().size(); i++) {
      SizeStats a = run.sizes().get(i - 1);
      SizeStats b = run.sizes().get(i);
      if (a.correct() == null || b.correct() == null) continue;
      double points = (b.correct() - a.correct()) * 100;
      double seconds = b.durationMean() - a.durationMean();
      out.add(new Insight(fmt("From %s to %s, accuracy %s %.1f points (%+.1f%%) and mean duration %s %.2f s.", a.size(),
          b.size(), points >= 0 ? "rises" : "falls", Math.abs(points),
          a.correct() == 0 ? Double.NaN : points / a.correct(), seconds >= 0 ? "grows by" : "shrinks by", Math.abs(seconds)),
          fmt("CorrectScore %s %.3f → %s %.3f; mean duration %.2f s → %.2f s", a.size(), a.correct(), b.size(),
              b.correct(), a.durationMean(), b.durationMean())));
    }
  }

  private static void speedRanks(RunAnalysis run, List<Insight> out) {
    Map<String, List<String>> fastestAt = new LinkedHashMap<>();
    Map<String, List<String>> slowestAt = new LinkedHashMap<>();
    StringBuilder basis = new StringBuilder("p50 duration, s:");
    for (SizeStats size : ranked(run)) {
      List<ExperimentStats> at = run.at(size.size());
      fastestAt.computeIfAbsent(SpeedTables.fastest(at).experiment().provider(), k -> new ArrayList<>()).add(size.size());
      slowestAt.computeIfAbsent(SpeedTables.slowest(at).experiment().provider(), k -> new ArrayList<>()).add(size.size());
      basis.append(' ').append(size.size()).append(' ').append(at.stream()
          .map(s -> fmt("%s %.2f", s.experiment().provider(), s.p50())).collect(Collectors.joining(", "))).append(';');
    }
    for (Map.Entry<String, List<String>> e : fastestAt.entrySet()) {
      List<String> slow = slowestAt.getOrDefault(e.getKey(), List.of());
      String text = e.getKey() + " is fastest at " + and(e.getValue())
          + (slow.isEmpty() ? "" : " but slowest at " + and(slow)) + ".";
      out.add(new Insight(text, basis.toString()));
    }
    for (Map.Entry<String, List<String>> e : slowestAt.entrySet()) {
      if (fastestAt.containsKey(e.getKey())) continue;
      out.add(new Insight(e.getKey() + " is slowest at " + and(e.getValue()) + ".", basis.toString()));
    }
  }

  private static void accuracyLeaders(RunAnalysis run, List<Insight> out) {
    for (SizeStats size : ranked(run)) {
      List<PairedComparison> at = run.paired().get(size.size());
      PairedComparison next = at.get(0);
      Interval best = run.accuracy().get(next.a());
      PairedDifference d = next.difference();
      out.add(new Insight(fmt("At %s, %s is the most accurate (CorrectScore %.3f), %.1f points ahead of %s: %s.",
          size.size(), next.a().provider(), best.mean(), d.difference() * 100, next.b().provider(),
          d.significant() ? "a significant difference" : "not a significant difference"),
          fmt("95%% CI %.3f–%.3f; paired bootstrap on %d shared cases: %+.1f points, 95%% CI %+.1f to %+.1f, p = %.3f",
              best.low(), best.high(), d.cases(), d.difference() * 100, d.low() * 100, d.high() * 100, d.pValue())));
    }
  }

  private static void spreads(RunAnalysis run, List<Insight> out) {
    List<String> speed = new ArrayList<>();
    List<String> accuracy = new ArrayList<>();
    for (SizeStats size : ranked(run)) {
      List<ExperimentStats> at = run.at(size.size());
      double fast = SpeedTables.fastest(at).p50();
      speed.add(fmt("%.2f× at %s", fast == 0 ? Double.NaN : SpeedTables.slowest(at).p50() / fast, size.size()));
      double best = run.accuracy().get(AccuracyTables.mostAccurate(run, at).experiment()).mean();
      double worst = run.accuracy().get(AccuracyTables.leastAccurate(run, at).experiment()).mean();
      accuracy.add(fmt("%.1f points at %s", (best - worst) * 100, size.size()));
    }
    if (speed.isEmpty()) return;
    out.add(new Insight("The slowest provider's p50 duration is " + and(speed) + " that of the fastest.",
        "slowest p50 ÷ fastest p50 within each size (table speed_spread)"));
    out.add(new Insight("Accuracy between providers spreads by " + and(accuracy) + ".",
        "most accurate minus least accurate mean CorrectScore within each size (table accuracy_spread)"));
  }

  /** Where a provider that serves a single size (a self-hosted model, say) lands among the others there. */
  private static void loneProviders(RunAnalysis run, List<Insight> out) {
    Map<String, List<String>> sizesOf = new LinkedHashMap<>();
    for (ExperimentStats s : run.experiments()) {
      sizesOf.computeIfAbsent(s.experiment().provider(), k -> new ArrayList<>()).add(s.experiment().size());
    }
    boolean othersSpanSizes = sizesOf.values().stream().anyMatch(v -> v.size() > 1);
    for (ExperimentStats s : run.experiments()) {
      List<ExperimentStats> at = run.at(s.experiment().size());
      if (!othersSpanSizes || sizesOf.get(s.experiment().provider()).size() != 1 || at.size() < 2) continue;
      long speedRank = 1 + at.stream().filter(o -> o.p50() < s.p50()).count();
      double acc = run.accuracy().get(s.experiment()).mean();
      long accRank = 1 + at.stream().filter(o -> run.accuracy().get(o.experiment()).mean() > acc).count();
      out.add(new Insight(fmt("%s (only at %s) ranks %d of %d on speed and %d of %d on accuracy there.",
          s.experiment().provider(), s.experiment().size(), speedRank, at.size(), accRank, at.size()),
          fmt("p50 %.2f s, CorrectScore %.3f, $ per 1k cases %s", s.p50(), acc,
              s.costPerThousand() == null ? "unknown" : fmt("%.4f", s.costPerThousand()))));
    }
  }

  private static void failures(RunAnalysis run, List<Insight> out) {
    for (ExperimentStats s : run.experiments()) {
      if (s.failed() == 0 && s.rateLimited() == 0) continue;
      String statuses = s.byStatus().entrySet().stream().filter(e -> e.getValue() > 0)
          .map(e -> e.getValue() + " " + e.getKey()).collect(Collectors.joining(", "));
      out.add(new Insight(fmt("%s failed %d of %d cells (%.1f%%)%s; %d requests were answered 429.",
          s.experiment().label(), s.failed(), s.cells(), s.failureRate() * 100, statuses.isEmpty() ? "" : ": " + statuses,
          s.rateLimited()), fmt("%d retries, %.1f s of back-off (table reliability)", s.retries(), s.backoffSeconds())));
    }
  }

  private static List<SizeStats> ranked(RunAnalysis run) {
    return run.sizes().stream().filter(s -> run.at(s.size()).size() >= 2).toList();
  }

  static String and(List<String> items) {
    if (items.size() <= 1) return String.join("", items);
    return String.join(", ", items.subList(0, items.size() - 1)) + " and " + items.get(items.size() - 1);
  }

  private static String fmt(String format, Object... args) {
    return String.format(Locale.ROOT, format, args);
  }
}
