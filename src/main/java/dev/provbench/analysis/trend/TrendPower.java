package dev.provbench.analysis.trend;

import dev.provbench.stats.DecisionPower;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What a series could have seen at one size on one metric: the smallest change its comparisons detect with 80%
 * power, so that "nothing flagged" is read as "nothing this large changed", not "nothing changed". Immutable.
 *
 * <p>From the observed per-case SD of the differences, pooled over the size's comparisons of that metric (every
 * experiment, every pair of runs compared); n = the fewest cases one of them shares. A lone real change among m
 * comparisons of its Holm family is flagged when its p is below α ÷ m (Holm's first step), so the detectable change
 * is {@link DecisionPower#minimumDetectable(double, long, double)} at α ÷ m; a change worth a look needs p &lt; α
 * only. Latency is tested on ln duration: a difference δ in logs is a per-case ratio e^δ, printed as a percentage.
 *
 * @param size        the size.
 * @param metric      accuracy or latency.
 * @param comparisons the comparisons pooled.
 * @param cases       the fewest cases a comparison shares.
 * @param sd          the pooled SD of per-case differences (score units, or ln duration).
 * @param family      the number of comparisons in the metric's Holm family.
 * @param detectable  the change flagged with 80% power: points of accuracy, or percent of per-case duration.
 * @param lookable    the change that reaches "worth a look" with 80% power, in the same unit.
 */
public record TrendPower(String size, TrendChange.Metric metric, int comparisons, long cases, double sd, int family,
    double detectable, double lookable) {

  static List<TrendPower> of(Trend trend) {
    List<TrendPower> out = new ArrayList<>();
    List<String> sizes = trend.changes().stream().map(c -> c.experiment().size()).distinct().toList();
    for (String size : sizes) {
      for (TrendChange.Metric metric : TrendChange.Metric.values()) {
        List<TrendChange> here = trend.changes().stream()
            .filter(c -> c.experiment().size().equals(size) && c.metric() == metric).toList();
        if (here.isEmpty()) continue;
        List<double[]> differences = here.stream().map(trend::differences).toList();
        long cases = differences.stream().mapToLong(d -> d.length).min().orElse(0);
        double sd = DecisionPower.pooledSd(differences);
        int family = trend.familySize(metric);
        out.add(new TrendPower(size, metric, here.size(), cases, sd, family,
            unit(metric, DecisionPower.minimumDetectable(sd, cases, Trend.ALPHA / family)),
            unit(metric, DecisionPower.minimumDetectable(sd, cases, Trend.ALPHA))));
      }
    }
    return out;
  }

  /** The cases per run a change of {@code points} (accuracy) would need to be flagged with 80% power. */
  public Long casesNeeded(double points) {
    double difference = metric == TrendChange.Metric.ACCURACY ? points / 100 : Math.log1p(points / 100);
    return DecisionPower.casesNeeded(sd, difference, Trend.ALPHA / family);
  }

  /** The insight for a size whose runs are too small for the smallest accuracy change that matters. */
  String tooFewCases(double points) {
    Long needed = casesNeeded(points);
    return String.format(Locale.ROOT, "At %s this series detects accuracy changes of %.1f points or more (80%% power);"
        + " a change of %s points would need %s cases per run (it has %d).", size, detectable, Trend.fmt(points),
        needed == null ? "unknown" : String.format(Locale.ROOT, "%,d", needed), cases);
  }

  String basis() {
    return String.format(Locale.ROOT, "per-case SD of run-to-run differences %.3f over %d comparisons at this size;"
        + " a lone change among the family's %d comparisons is flagged at p < %s ÷ %d", sd, comparisons, family,
        Trend.fmt(Trend.ALPHA), family);
  }

  private static double unit(TrendChange.Metric metric, double difference) {
    return metric == TrendChange.Metric.ACCURACY ? difference * 100 : Math.expm1(difference) * 100;
  }
}
