package dev.provbench.analysis;

/**
 * What {@code analyze} and {@code report} compute, set once on the command line.
 *
 * @param bootstrap        seed and resamples of every confidence interval and paired test; default
 *                         {@link Bootstrap#defaults()}.
 * @param latencyObjectiveMs the latency objective of correct goodput: a cell counts when it is correct
 *                         and its {@code duration_ms} is at most this; default 5,000 ms.
 * @param correctAt        the CorrectScore at or above which a cell is a correct answer (for cost per
 *                         correct answer and goodput); default 1, i.e. the judge gave the gold score.
 */
public record AnalysisOptions(Bootstrap bootstrap, long latencyObjectiveMs, double correctAt) {
  public static final long DEFAULT_LATENCY_OBJECTIVE_MS = 5000;

  public static AnalysisOptions defaults() {
    return new AnalysisOptions(Bootstrap.defaults(), DEFAULT_LATENCY_OBJECTIVE_MS, 1.0);
  }
}
