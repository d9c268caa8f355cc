package dev.provbench.analysis;

import dev.provbench.stats.Bootstrap;

/**
 * What {@code analyze} and {@code report} compute, set once on the command line.
 *
 * @param bootstrap        seed and resamples of every confidence interval and paired test; default
 *                         {@link Bootstrap#defaults()}.
 * @param latencyObjectiveMs the latency objective of correct goodput: a cell counts when it is correct
 *                         and its {@code duration_ms} is at most this; default 5,000 ms.
 * @param correctAt        the CorrectScore at or above which a cell is a correct answer (for cost per
 *                         correct answer and goodput); default 1, i.e. the judge gave the gold score.
 * @param reference        the reference deployment of table {@code equivalence}, {@code PROVIDER} or
 *                         {@code PROVIDER/MODEL}; default null (no such table).
 * @param equivalenceMargin the equivalence margin in points (±); default 2.
 * @param detectPoints     the accuracy difference in points table {@code power} plans cases for; default 3.
 * @param scorer           the scorer whose score the ordinary tables read as the primary score (their
 *                         "CorrectScore"), by the name the job gives it; default null: the run's own primary
 *                         score ({@code correct_score}).
 */
public record AnalysisOptions(Bootstrap bootstrap, long latencyObjectiveMs, double correctAt, String reference,
    double equivalenceMargin, double detectPoints, String scorer) {
  public static final long DEFAULT_LATENCY_OBJECTIVE_MS = 5000;
  public static final double DEFAULT_EQUIVALENCE_MARGIN = 2;
  public static final double DEFAULT_DETECT_POINTS = 3;

  /** The run's own primary score. */
  public AnalysisOptions(Bootstrap bootstrap, long latencyObjectiveMs, double correctAt, String reference,
      double equivalenceMargin, double detectPoints) {
    this(bootstrap, latencyObjectiveMs, correctAt, reference, equivalenceMargin, detectPoints, null);
  }

  /** No reference; default margin and detectable difference. */
  public AnalysisOptions(Bootstrap bootstrap, long latencyObjectiveMs, double correctAt) {
    this(bootstrap, latencyObjectiveMs, correctAt, null, DEFAULT_EQUIVALENCE_MARGIN, DEFAULT_DETECT_POINTS);
  }

  public static AnalysisOptions defaults() {
    return new AnalysisOptions(Bootstrap.defaults(), DEFAULT_LATENCY_OBJECTIVE_MS, 1.0);
  }

  public AnalysisOptions withReference(String reference) {
    return new AnalysisOptions(bootstrap, latencyObjectiveMs, correctAt, reference, equivalenceMargin, detectPoints, scorer);
  }

  /** The same, with the ordinary tables reading {@code name}'s score as the primary one (null: the run's own). */
  public AnalysisOptions withScorer(String name) {
    return new AnalysisOptions(bootstrap, latencyObjectiveMs, correctAt, reference, equivalenceMargin, detectPoints, name);
  }
}
