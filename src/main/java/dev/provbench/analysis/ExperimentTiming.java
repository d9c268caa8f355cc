package dev.provbench.analysis;

import static dev.provbench.analysis.RowValues.dbl;
import static dev.provbench.analysis.RowValues.nan;
import static dev.provbench.analysis.RowValues.num;
import static dev.provbench.analysis.SqlAggregates.avg;
import static dev.provbench.analysis.SqlAggregates.div;
import static dev.provbench.analysis.SqlAggregates.nan;
import static dev.provbench.analysis.SqlAggregates.num;
import static dev.provbench.analysis.SqlAggregates.stddevSamp;
import static dev.provbench.analysis.SqlAggregates.sumLong;
import static dev.provbench.analysis.SqlAggregates.values;

import dev.provbench.analysis.DriverCells.Cell;
import dev.provbench.results.CellStatus;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
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

  /** The same as {@link #COLUMNS} and {@link ExperimentStats#SQL}'s gaps and busy time, from one experiment's cells. */
  static ExperimentTiming of(List<Cell> cells) {
    List<Cell> answered = cells.stream().filter(Cell::answered).toList();
    double[] durations = values(answered, Cell::durationMs);
    Arrays.sort(durations);
    double[] p = new double[PERCENTILES.length];
    for (int i = 0; i < p.length; i++) p[i] = durations.length == 0 ? Double.NaN : ExactPercentile.sorted(durations, PERCENTILES[i]) / 1000;
    List<Cell> streamed = answered.stream().filter(c -> Boolean.TRUE.equals(c.stream()) && c.ttftMs() != null
        && c.latencyMs() != null && c.latencyMs() > c.ttftMs()).toList();
    Long tokens = sumLong(streamed, Cell::completionTokens);
    Long generating = sumLong(streamed, c -> c.latencyMs() - c.ttftMs());
    double[] gaps = answered.stream().flatMap(c -> c.chunkGapsMs().stream()).filter(Objects::nonNull)
        .mapToDouble(Integer::doubleValue).toArray();
    Arrays.sort(gaps);
    Long last = cells.stream().map(Cell::finishedMs).filter(Objects::nonNull).max(Long::compare).orElse(null);
    Long first = cells.stream().map(Cell::startedMs).filter(Objects::nonNull).min(Long::compare).orElse(null);
    return new ExperimentTiming(nan(div(avg(answered, Cell::durationMs), 1000)),
        num(stddevSamp(answered, Cell::durationMs)) / 1000,
        durations.length == 0 ? Double.NaN : durations[0] / 1000,
        durations.length == 0 ? Double.NaN : durations[durations.length - 1] / 1000, p,
        num(div(avg(cells, Cell::durationMs), 1000)), div(SqlAggregates.percentile(answered, Cell::latencyMs, 0.5), 1000),
        div(SqlAggregates.percentile(answered, Cell::ttftMs, 0.5), 1000), div(SqlAggregates.percentile(answered, Cell::firstAnswerMs, 0.5), 1000),
        tokens == null || generating == null ? null : (double) (1000 * tokens) / generating,
        SqlAggregates.percentile(answered, Cell::outputTps, 0.5), SqlAggregates.percentile(answered, Cell::tpotMs, 0.5),
        gaps.length == 0 ? null : ExactPercentile.sorted(gaps, 0.5), gaps.length == 0 ? null : ExactPercentile.sorted(gaps, 0.99),
        busyMs(cells) / 1000.0, last == null || first == null ? 0 : (last - first) / 1000.0);
  }

  /**
   * Time during which at least one of the cells was in flight, ms: in start order, each cell adds the part of its
   * span after every earlier cell's end, as {@link ExperimentStats#SQL}'s {@code busy} window does.
   */
  private static long busyMs(List<Cell> cells) {
    long busy = 0;
    Long before = null;
    for (Cell c : cells.stream().sorted(DriverCells.BY_START).toList()) {
      Long start = c.startedMs();
      Long end = c.finishedMs();
      if (start != null && end != null) busy += Math.max(0, end - Math.max(start, before == null ? start : before));
      if (end != null) before = before == null ? end : Math.max(before, end);
    }
    return busy;
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
