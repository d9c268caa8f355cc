package dev.provbench.analysis.load;

import dev.provbench.stats.Interval;
import java.util.Locale;

/**
 * One model at one load step, over the step's measured cells (warm-up left out; the latest attempt of
 * each cell). Speed figures come from answered cells only; rates over all cells. Immutable.
 *
 * @param step          the ladder step, 1-based.
 * @param concurrency   requests in flight per model, or null for a rate step.
 * @param rate          requests per second per model, or null for a concurrency step.
 * @param cells         measured cells.
 * @param answered      cells answered (ok or parse_error).
 * @param spanS         first measured send to last measured answer, s.
 * @param throughput    answered cells per second of the span.
 * @param outputTps     completion tokens of answered cells per second of the span.
 * @param p50Ms         answered {@code duration_ms} median; NaN when none.
 * @param p90Ms         its 90th percentile.
 * @param p99Ms         its 99th percentile.
 * @param ttftP90Ms     answered {@code ttft_ms} 90th percentile; NaN when none (not streamed).
 * @param errorRate     cells without an answer ÷ cells.
 * @param rate429       cells that met at least one 429 ÷ cells.
 * @param accuracy      mean CorrectScore of answered cells with its case-bootstrap interval (failures are in
 *                      {@code errorRate}, not here).
 * @param good          answered cells that are correct ({@code --correct-at}) and within the objective's latency limits.
 * @param goodput       {@code good} per second of the span.
 * @param costUsd       price-list cost of the cells, plus the hourly price over the span; 0 when unpriced.
 * @param meetsObjective whether the step meets every limit of the objective.
 */
public record LoadStepStats(int step, Integer concurrency, Double rate, long cells, long answered, double spanS,
    double throughput, double outputTps, double p50Ms, double p90Ms, double p99Ms, double ttftP90Ms, double errorRate,
    double rate429, Interval accuracy, long good, double goodput, double costUsd, boolean meetsObjective) {

  /** The same step with its CorrectScore interval from the case bootstrap. */
  LoadStepStats withAccuracy(Interval a) {
    return new LoadStepStats(step, concurrency, rate, cells, answered, spanS, throughput, outputTps, p50Ms, p90Ms, p99Ms,
        ttftP90Ms, errorRate, rate429, a, good, goodput, costUsd, meetsObjective);
  }

  /** Good answers per US dollar; NaN when the step cost nothing by the price lists. */
  public double goodPerUsd() {
    return costUsd > 0 ? good / costUsd : Double.NaN;
  }

  /** {@code 8 in flight} or {@code 2.0 req/s}. */
  public String load() {
    return concurrency != null ? concurrency + " in flight" : String.format(Locale.ROOT, "%.1f req/s", rate);
  }
}
