package dev.provbench.analysis;

import static dev.provbench.analysis.RowValues.dbl;
import static dev.provbench.analysis.RowValues.nan;
import static dev.provbench.analysis.RowValues.num;

import dev.provbench.results.CellStatus;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Row;

/**
 * How long one experiment's cells took: speed figures over <em>answered</em> cells only ({@link CellStatus#ANSWERED_SQL}).
 * Durations in seconds. Immutable.
 *
 * @param durationMean    mean {@code duration_ms} of answered cells, s; NaN when none answered.
 * @param durationStddev  sample standard deviation of answered {@code duration_ms}, s.
 * @param durationMin     fastest answered cell, s.
 * @param durationMax     slowest answered cell, s.
 * @param durationPct     answered {@code duration_ms} percentiles at {@link #PERCENTILES}, s; NaN when none.
 * @param durationMeanAll mean {@code duration_ms} of every cell, failures included, s.
 * @param latencyP50      median {@code latency_ms} (the successful attempt alone), s; null when none.
 * @param ttftP50         median time to first token of answered streamed cells, s; null when none streamed.
 * @param firstAnswerP50  median time to the first content or tool-call delta, s; null when unknown.
 * @param outputTps       Σ completion tokens ÷ Σ (latency − TTFT) over answered streamed cells, tokens/s.
 * @param outputTpsMedian median of the per-request {@code output_tps}; null when none.
 * @param tpotP50         median {@code tpot_ms}, ms; null when none.
 * @param itlP50          median gap between chunks over every {@code chunk_gaps_ms} value, ms; null when none.
 * @param itlP99          99th percentile of those gaps, ms; null when none.
 * @param busySeconds     time during which at least one of the experiment's cells was in flight, s.
 * @param wallSeconds     first start to last finish of the experiment's cells, s.
 */
public record ExperimentTiming(double durationMean, double durationStddev, double durationMin, double durationMax,
    double[] durationPct, double durationMeanAll, Double latencyP50, Double ttftP50, Double firstAnswerP50,
    Double outputTps, Double outputTpsMedian, Double tpotP50, Double itlP50, Double itlP99, double busySeconds,
    double wallSeconds) {

  /** The percentiles of {@link #durationPct}: p5, p25, p50, p75, p90, p95, p99. */
  public static final double[] PERCENTILES = {0.05, 0.25, 0.5, 0.75, 0.9, 0.95, 0.99};
  private static final String ANSWERED = CellStatus.ANSWERED_SQL;
  private static final String STREAMED = ANSWERED + " AND stream AND ttft_ms IS NOT NULL AND latency_ms > ttft_ms";

  /**
   * Its aggregate columns over {@code run_cells}, grouped by experiment; {@code itl_p50_ms}, {@code itl_p99_ms} and
   * {@code busy_s} come from {@link ExperimentStats#SQL}'s own subqueries.
   */
  static final String COLUMNS = String.join(",\n",
      "avg(duration_ms) FILTER (WHERE %1$s) / 1000 AS duration_mean_s",
      "coalesce(stddev_samp(duration_ms) FILTER (WHERE %1$s), 0) / 1000 AS duration_stddev_s",
      "min(duration_ms) FILTER (WHERE %1$s) / 1000 AS duration_min_s",
      "max(duration_ms) FILTER (WHERE %1$s) / 1000 AS duration_max_s",
      "percentile(duration_ms, array(0.05, 0.25, 0.5, 0.75, 0.9, 0.95, 0.99)) FILTER (WHERE %1$s) AS duration_pct_ms",
      "avg(duration_ms) / 1000 AS duration_mean_all_s",
      "percentile(latency_ms, 0.5) FILTER (WHERE %1$s) / 1000 AS latency_p50_s",
      "percentile(ttft_ms, 0.5) FILTER (WHERE %1$s) / 1000 AS ttft_p50_s",
      "percentile(first_answer_ms, 0.5) FILTER (WHERE %1$s) / 1000 AS first_answer_p50_s",
      "1000 * sum(completion_tokens) FILTER (WHERE %2$s) / sum(latency_ms - ttft_ms) FILTER (WHERE %2$s) AS output_tps",
      "percentile(output_tps, 0.5) FILTER (WHERE %1$s) AS output_tps_median",
      "percentile(tpot_ms, 0.5) FILTER (WHERE %1$s) AS tpot_p50_ms",
      "(unix_millis(max(finished_at)) - unix_millis(min(started_at))) / 1000 AS wall_s")
      .formatted(ANSWERED, STREAMED);

  static ExperimentTiming of(Row r) {
    double[] p = new double[PERCENTILES.length];
    Arrays.fill(p, Double.NaN);
    List<Object> pct = r.getAs("duration_pct_ms") == null ? null : r.getList(r.fieldIndex("duration_pct_ms"));
    if (pct != null) for (int i = 0; i < p.length; i++) p[i] = ((Number) pct.get(i)).doubleValue() / 1000;
    return new ExperimentTiming(nan(r, "duration_mean_s"), num(r, "duration_stddev_s"), nan(r, "duration_min_s"),
        nan(r, "duration_max_s"), p, num(r, "duration_mean_all_s"), dbl(r, "latency_p50_s"), dbl(r, "ttft_p50_s"),
        dbl(r, "first_answer_p50_s"), dbl(r, "output_tps"), dbl(r, "output_tps_median"), dbl(r, "tpot_p50_ms"),
        dbl(r, "itl_p50_ms"), dbl(r, "itl_p99_ms"), num(r, "busy_s"), num(r, "wall_s"));
  }

  /** The median answered duration, s. */
  public double p50() {
    return durationPct[2];
  }

  public double percentile(double p) {
    for (int i = 0; i < PERCENTILES.length; i++) if (PERCENTILES[i] == p) return durationPct[i];
    throw new IllegalArgumentException("no p" + p);
  }
}
