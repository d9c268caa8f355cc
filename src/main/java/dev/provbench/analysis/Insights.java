package dev.provbench.analysis;

import dev.provbench.analysis.output.Column;
import dev.provbench.analysis.output.Insight;
import dev.provbench.results.CellStatus;
import dev.provbench.stats.Interval;
import dev.provbench.stats.PairedDifference;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Plain sentences read off one run, in the manner of the write-up ("Provider 1 is fastest at 8b and 70b
 * but slowest at 405b"), each with the figures behind it. Only sizes with two or more providers rank. Each rule is a
 * function of a {@link RunAnalysis}, which plain values can make, so a rule is tested without Spark.
 */
public final class Insights {
  private Insights() {}

  /** The rules, in the order the write-up reads their sentences; each says nothing when it has nothing to say. */
  static final List<Function<RunAnalysis, List<Insight>>> RULES = List.of(
      Insights::sizeJumps,
      Insights::speedRanks,
      Insights::failureFlags,
      Insights::accuracyLeaders,
      Insights::spreads,
      Insights::loneProviders,
      Insights::failures,
      EquivalenceTable::insights);

  public static List<Insight> of(RunAnalysis run) {
    return RULES.stream().flatMap(rule -> rule.apply(run).stream()).toList();
  }

  /** Accuracy and mean duration from each size to the next. */
  static List<Insight> sizeJumps(RunAnalysis run) {
    List<Insight> out = new ArrayList<>();
    for (int i = 1; i < run.sizes().size(); i++) {
      SizeStats a = run.sizes().get(i - 1);
      SizeStats b = run.sizes().get(i);
      if (a.correct() == null || b.correct() == null) continue;
      double points = (b.correct() - a.correct()) * 100;
      double seconds = b.durationMean() - a.durationMean();
      out.add(new Insight(fmt("From %s to %s, accuracy %s %.1f points (%+.1f%%) and mean duration %s %.2f s.", a.size(),
          b.size(), points >= 0 ? "rises" : "falls", Math.abs(points),
          a.correct() == 0 ? Double.NaN : points / a.correct(), seconds >= 0 ? "grows by" : "shrinks by", Math.abs(seconds)),
          fmt("CorrectScore %s %.3f → %s %.3f (failures score 0); mean duration of answered cells %.2f s → %.2f s;"
              + " failure rate %.1f%% → %.1f%%", a.size(), a.correct(), b.size(), b.correct(), a.durationMean(),
              b.durationMean(), a.failureRate() * 100, b.failureRate() * 100)));
    }
    return out;
  }

  /** Clear speed claims in one insight, sizes without one in another, each with its figures once. */
  static List<Insight> speedRanks(RunAnalysis run) {
    List<Insight> out = new ArrayList<>();
    Map<String, List<String>> fastestAt = new LinkedHashMap<>();
    Map<String, List<String>> slowestAt = new LinkedHashMap<>();
    List<String> claimed = new ArrayList<>();
    List<String> noFastest = new ArrayList<>();
    List<String> noSlowest = new ArrayList<>();
    for (SizeStats size : ranked(run)) {
      SpeedRanking r = run.speedAt(size.size());
      if (r.ranked().size() < 2) continue;
      if (r.fastestClear()) fastestAt.computeIfAbsent(r.fastest().experiment().provider(), k -> new ArrayList<>()).add(size.size());
      else noFastest.add(size.size());
      if (r.slowestClear()) slowestAt.computeIfAbsent(r.slowest().experiment().provider(), k -> new ArrayList<>()).add(size.size());
      else noSlowest.add(size.size());
      if (r.fastestClear() || r.slowestClear()) claimed.add(size.size());
    }
    List<String> sentences = new ArrayList<>();
    for (Map.Entry<String, List<String>> e : fastestAt.entrySet()) {
      List<String> slow = slowestAt.getOrDefault(e.getKey(), List.of());
      sentences.add(e.getKey() + " is fastest at " + and(e.getValue()) + (slow.isEmpty() ? "" : " but slowest at " + and(slow))
          + ".");
    }
    for (Map.Entry<String, List<String>> e : slowestAt.entrySet()) {
      if (!fastestAt.containsKey(e.getKey())) sentences.add(e.getKey() + " is slowest at " + and(e.getValue()) + ".");
    }
    if (!sentences.isEmpty()) {
      out.add(new Insight(String.join(" ", sentences), "p50 duration of answered cells, s, with its 95% case-bootstrap CI"
          + " (a claim needs the intervals not to overlap): " + speedFigures(run, claimed)));
    }
    if (!noFastest.isEmpty() && noFastest.equals(noSlowest)) {
      out.add(new Insight("No clear fastest or slowest at " + and(noFastest) + ": " + speedFigures(run, noFastest) + ".",
          "p50 duration of answered cells, s (95% case-bootstrap CI); the leader's interval overlaps another's (table speed_spread)"));
      return out;
    }
    if (!noFastest.isEmpty()) {
      out.add(new Insight("No clear fastest at " + and(noFastest) + ": " + speedFigures(run, noFastest) + ".",
          "p50 duration of answered cells, s (95% case-bootstrap CI); the fastest's interval overlaps another's (table speed_spread)"));
    }
    if (!noSlowest.isEmpty()) {
      out.add(new Insight("No clear slowest at " + and(noSlowest) + ".",
          "the slowest p50's 95% interval overlaps another's (table speed_spread)"));
    }
    return out;
  }

  /** {@code 8b P1 1.30 (1.10–1.50), P2 2.30 (2.10–2.40); 70b …}: the ranked experiments of each size. */
  private static String speedFigures(RunAnalysis run, List<String> sizes) {
    List<String> parts = new ArrayList<>();
    for (String size : sizes) {
      parts.add(size + " " + run.speedAt(size).ranked().stream().map(s -> {
        Interval ci = run.speed().get(s.experiment());
        return fmt("%s %.2f (%.2f–%.2f)", s.experiment().provider(), s.p50(), ci.low(), ci.high());
      }).collect(Collectors.joining(", ")));
    }
    return String.join("; ", parts);
  }

  /** Providers whose failure rate is far above the others' at a size: named, not ranked. */
  static List<Insight> failureFlags(RunAnalysis run) {
    List<Insight> out = new ArrayList<>();
    Map<String, List<String>> byProvider = new LinkedHashMap<>();
    for (SizeStats size : ranked(run)) {
      SpeedRanking r = run.speedAt(size.size());
      for (ExperimentStats s : r.flagged()) {
        byProvider.computeIfAbsent(s.experiment().provider(), k -> new ArrayList<>()).add(fmt("%s (%.1f%% of cells vs"
            + " a median of %.1f%%)", size.size(), s.failureRate() * 100, r.medianFailureRate() * 100));
      }
    }
    byProvider.forEach((provider, where) -> out.add(new Insight(fmt("%s fails far more often than the others at %s;"
            + " its speed is not ranked there, and its speed figures cover its answered cells only.", provider, and(where)),
        fmt("flagged when the failure rate is ≥ %.0f points and ≥ %.0f× the median of its size (table reliability)",
            SpeedRanking.FLAG_POINTS * 100, SpeedRanking.FLAG_RATIO))));
    return out;
  }

  /** At each size, the most accurate provider against the next one, with the paired test between them. */
  static List<Insight> accuracyLeaders(RunAnalysis run) {
    List<Insight> out = new ArrayList<>();
    for (SizeStats size : ranked(run)) {
      List<PairedComparison> at = run.paired().get(size.size());
      PairedComparison next = at.get(0);
      Interval best = run.accuracy().get(next.a());
      PairedDifference d = next.difference();
      String sentence = d.difference() == 0
          ? fmt("At %s, %s and %s tie as the most accurate (CorrectScore %.3f each).", size.size(), next.a().provider(),
              next.b().provider(), best.mean())
          : fmt("At %s, %s is the most accurate (CorrectScore %.3f), %.1f points ahead of %s: %s.", size.size(),
              next.a().provider(), best.mean(), d.difference() * 100, next.b().provider(),
              d.significant() ? "a significant difference" : "not a significant difference");
      out.add(new Insight(sentence,
          fmt("95%% CI %.3f–%.3f; paired bootstrap on %d shared cases: %+.1f points, 95%% CI %+.1f to %+.1f, p = %s,"
              + " Holm-adjusted p = %s; %d cells with no answer at %s score 0", best.low(), best.high(), d.cases(),
              d.difference() * 100, d.low() * 100, d.high() * 100, Column.formatP(d.pValue()), Column.formatP(d.adjustedP()),
              size.scoredZero(), size.size())));
    }
    return out;
  }

  /** How far apart the fastest and slowest, and the most and least accurate, are within each size. */
  static List<Insight> spreads(RunAnalysis run) {
    List<Insight> out = new ArrayList<>();
    List<String> speed = new ArrayList<>();
    List<String> accuracy = new ArrayList<>();
    for (SizeStats size : ranked(run)) {
      List<ExperimentStats> at = run.at(size.size());
      SpeedRanking r = run.speedAt(size.size());
      if (r.ranked().size() >= 2) {
        double fast = r.fastest().p50();
        speed.add(fmt("%.2f× at %s", fast == 0 ? Double.NaN : r.slowest().p50() / fast, size.size()));
      }
      double best = run.accuracy().get(AccuracyTables.mostAccurate(run, at).experiment()).mean();
      double worst = run.accuracy().get(AccuracyTables.leastAccurate(run, at).experiment()).mean();
      accuracy.add(fmt("%.1f points at %s", (best - worst) * 100, size.size()));
    }
    if (!speed.isEmpty()) {
      out.add(new Insight("The slowest provider's p50 duration is " + and(speed) + " that of the fastest.",
          "slowest p50 ÷ fastest p50 of answered cells within each size, flagged providers left out (table speed_spread)"));
    }
    if (accuracy.isEmpty()) return out;
    out.add(new Insight("Accuracy between providers spreads by " + and(accuracy) + ".",
        "most accurate minus least accurate mean CorrectScore within each size (table accuracy_spread)"));
    return out;
  }

  /** Where a provider that serves a single size (a self-hosted model, say) lands among the others there. */
  static List<Insight> loneProviders(RunAnalysis run) {
    List<Insight> out = new ArrayList<>();
    Map<String, List<String>> sizesOf = new LinkedHashMap<>();
    for (ExperimentStats s : run.experiments()) {
      sizesOf.computeIfAbsent(s.experiment().provider(), k -> new ArrayList<>()).add(s.experiment().size());
    }
    boolean othersSpanSizes = sizesOf.values().stream().anyMatch(v -> v.size() > 1);
    for (ExperimentStats s : run.experiments()) {
      List<ExperimentStats> at = run.at(s.experiment().size());
      if (!othersSpanSizes || sizesOf.get(s.experiment().provider()).size() != 1 || at.size() < 2) continue;
      long speedRank = 1 + at.stream().filter(o -> o.p50() < s.p50()).count();
      if (Double.isNaN(s.p50())) continue;
      double acc = run.accuracy().get(s.experiment()).mean();
      long accRank = 1 + at.stream().filter(o -> run.accuracy().get(o.experiment()).mean() > acc).count();
      out.add(new Insight(fmt("%s (only at %s) ranks %d of %d on speed and %d of %d on accuracy there.",
          s.experiment().provider(), s.experiment().size(), speedRank, at.size(), accRank, at.size()),
          fmt("p50 %.2f s over answered cells, %.1f%% failed, CorrectScore %.3f, $ per 1k cases %s", s.p50(),
              s.failureRate() * 100, acc,
              s.costPerThousand() == null ? "unknown" : fmt("%.4f", s.costPerThousand()))));
    }
    return out;
  }

  /**
   * Experiments whose failures or 429s exceed {@link #RELIABILITY_SHARE} of their cells, one sentence each;
   * the rest in one sentence pointing at the table.
   */
  static List<Insight> failures(RunAnalysis run) {
    List<Insight> out = new ArrayList<>();
    int quiet = 0;
    for (ExperimentStats s : run.experiments()) {
      if (s.failed() == 0 && s.reliability().rateLimited() == 0) continue;
      if (s.failed() <= RELIABILITY_SHARE * s.cells() && s.reliability().cellsRateLimited() <= RELIABILITY_SHARE * s.cells()) {
        quiet++;
        continue;
      }
      String statuses = s.reliability().byStatus().entrySet().stream().filter(e -> e.getValue() > 0 && !e.getKey().equals(CellStatus.PARSE_ERROR.value()))
          .map(e -> e.getValue() + " " + e.getKey()).collect(Collectors.joining(", "));
      out.add(new Insight(fmt("%s failed %d of %d cells (%.1f%%)%s; %s answered 429.", s.experiment().label(), s.failed(),
          s.cells(), s.failureRate() * 100, statuses.isEmpty() ? "" : ": " + statuses,
          count(s.reliability().rateLimited(), "request was", "requests were")),
          fmt("%s, %s, %.1f s of back-off (table reliability)", count(s.reliability().retries(), "retry", "retries"),
              count(s.reliability().reconnects(), "reconnect", "reconnects"), s.reliability().backoffSeconds())));
    }
    if (quiet > 0) {
      out.add(new Insight(fmt("%s had failures or 429s on at most %.0f%% of %s cells.",
          count(quiet, "other experiment", "other experiments"), RELIABILITY_SHARE * 100, quiet == 1 ? "its" : "their"),
          "per experiment in table reliability (provbench analyze RESULTS)"));
    }
    return out;
  }

  /** An experiment gets a reliability sentence of its own above this share of failed or 429-hit cells. */
  static final double RELIABILITY_SHARE = 0.02;

  /** {@code 1 request was} / {@code 3 requests were}. */
  static String count(long n, String one, String many) {
    return n + " " + (n == 1 ? one : many);
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
