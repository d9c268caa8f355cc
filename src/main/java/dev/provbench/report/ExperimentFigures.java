package dev.provbench.report;

import dev.provbench.analysis.Experiment;
import dev.provbench.analysis.ExperimentStats;
import dev.provbench.analysis.RunAnalysis;
import dev.provbench.stats.Interval;
import java.util.List;
import java.util.Locale;

/**
 * One experiment's figures as the page's charts draw them: the score-vs-duration point, the latency box, the
 * accuracy point with its interval, and what the hover shows. Durations in seconds over answered cells; accuracy
 * counts failures as 0. A figure that does not exist (no answered cell) is null. Immutable.
 *
 * @param id              the experiment's id in the page ({@link #id}).
 * @param durationMean    mean duration of answered cells, s.
 * @param p5              the latency box: answered durations' p5, p25, p50, p75 and p95, s.
 * @param p50Low          the p50's 95% case-bootstrap interval, s.
 * @param accuracy        mean CorrectScore with its 95% interval ({@code accuracyLow}, {@code accuracyHigh}).
 * @param scoredZero      cells that scored 0 for want of an answer.
 * @param ttftP50         median time to first token, s.
 * @param costPerThousand US$ per 1,000 cells.
 */
record ExperimentFigures(String id, String provider, String model, String size, long cells, long failed,
    long answered, Double durationMean, Double p5, Double p25, Double p50, Double p75, Double p95, Double p50Low,
    Double p50High, Double accuracy, Double accuracyLow, Double accuracyHigh, long scoredZero, Double ttftP50,
    Double costPerThousand) {

  static List<ExperimentFigures> of(RunAnalysis run) {
    return run.experiments().stream().map(s -> of(run, s)).toList();
  }

  private static ExperimentFigures of(RunAnalysis run, ExperimentStats s) {
    Experiment e = s.experiment();
    double[] p = s.timing().durationPct();
    Interval speed = run.speed().get(e);
    Interval accuracy = run.accuracy().get(e);
    return new ExperimentFigures(id(e), e.provider(), e.model(), e.size(), s.cells(), s.failed(),
        s.reliability().answered(), finite(s.timing().durationMean()), finite(p[0]), finite(p[1]), finite(p[2]),
        finite(p[3]), finite(p[5]), speed == null ? null : finite(speed.low()), speed == null ? null : finite(speed.high()),
        accuracy == null ? null : finite(accuracy.mean()), accuracy == null ? null : finite(accuracy.low()),
        accuracy == null ? null : finite(accuracy.high()), s.scoredZero(), s.timing().ttftP50(), s.costPerThousand());
  }

  /** An id unique per experiment, safe in a URL fragment: {@code provider-1-llama3-1-8b-8b}. */
  static String id(Experiment e) {
    return e.key().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
  }

  /** The value, or null when NaN or infinite: JSON has no NaN. */
  static Double finite(double v) {
    return Double.isFinite(v) ? v : null;
  }
}
