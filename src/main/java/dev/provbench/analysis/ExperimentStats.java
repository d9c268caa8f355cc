package dev.provbench.analysis;

import dev.provbench.results.CellStatus;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Everything the tables need about one experiment of one run, from one query over the {@code run_cells}
 * view, read by column name. Speed figures come from <em>answered</em> cells only ({@link CellStatus#ANSWERED_SQL}),
 * with the failure rate beside them; accuracy counts every cell, a failure scoring 0. Durations in seconds.
 *
 * @param experiment      provider, model and size.
 * @param cells           cells of the experiment (latest attempt of each).
 * @param failed          cells the provider did not answer (http_error, bad_response, timeout, transport_error).
 * @param parseErrors     answered cells from which no answer could be read (they score 0).
 * @param correct         mean CorrectScore over all cells; null when the job did not use that scorer.
 * @param nonNull         mean NonNull over all cells; null when the job did not use that scorer.
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
 * @param priceCostUsd    Σ {@code cost_usd} (price-list models); null when no cell has one.
 * @param costCells       cells with a known {@code cost_usd}.
 * @param costedCorrect   correct cells among those with a known {@code cost_usd}.
 * @param estimatedUsage  cells whose token usage was estimated ({@code usage_source = 'estimated'}).
 * @param usdPerHour      the self-hosted machine's price per hour; null for price-list models.
 * @param busySeconds     time during which at least one of the experiment's cells was in flight, s.
 * @param answered        answered cells ({@code ok} or {@code parse_error}).
 * @param correctCells    cells with CorrectScore at or above {@link AnalysisOptions#correctAt()}.
 * @param goodCells       correct cells within the latency objective.
 * @param wallSeconds     first start to last finish of the experiment's cells, s.
 * @param byStatus        cells per status other than {@code ok}, in {@link #FAILED_STATUSES} order.
 * @param rateLimited     attempts answered 429.
 * @param cellsRateLimited cells that saw at least one 429.
 * @param retries         attempts beyond the first.
 * @param reconnects      requests re-sent at once on a fresh connection (0 in format-1 files).
 * @param backoffSeconds  total wait between attempts, s.
 */
public record ExperimentStats(Experiment experiment, long cells, long failed, long parseErrors, Double correct,
    Double nonNull, double durationMean, double durationStddev, double durationMin, double durationMax,
    double[] durationPct, double durationMeanAll, Double latencyP50, Double ttftP50, Double firstAnswerP50,
    Double outputTps, Double outputTpsMedian, Double tpotP50, Double itlP50, Double itlP99, Double priceCostUsd,
    long costCells, long costedCorrect, long estimatedUsage, Double usdPerHour, double busySeconds, long answered,
    long correctCells, long goodCells, double wallSeconds, Map<String, Long> byStatus, long rateLimited,
    long cellsRateLimited, long retries, long reconnects, double backoffSeconds) {

  /** The percentiles of {@link #durationPct}: p5, p25, p50, p75, p90, p95, p99. */
  public static final double[] PERCENTILES = {0.05, 0.25, 0.5, 0.75, 0.9, 0.95, 0.99};
  /** Every status but ok, in {@link CellStatus} order: the {@code byStatus} keys and their SQL columns. */
  public static final List<String> FAILED_STATUSES = java.util.Arrays.stream(CellStatus.values())
      .filter(s -> s != CellStatus.OK).map(CellStatus::value).toList();
  private static final String STATUS_COUNTS = FAILED_STATUSES.stream()
      .map(s -> "count_if(status = '" + s + "') AS " + s + ",").collect(java.util.stream.Collectors.joining("\n               "));

  static final String ANSWERED = CellStatus.ANSWERED_SQL;
  static final String STREAMED = ANSWERED + " AND stream AND ttft_ms IS NOT NULL AND latency_ms > ttft_ms";

  static final String SQL = """
      WITH gaps AS (
        SELECT provider, model, size,
               percentile(gap, 0.5) AS itl_p50_ms, percentile(gap, 0.99) AS itl_p99_ms
        FROM run_cells LATERAL VIEW explode(chunk_gaps_ms) g AS gap
        WHERE %1$s
        GROUP BY provider, model, size),
      busy AS (
        SELECT provider, model, size,
               sum(greatest(0, end_ms - greatest(start_ms, coalesce(before_ms, start_ms)))) / 1000 AS busy_s
        FROM (SELECT provider, model, size, unix_millis(started_at) AS start_ms, unix_millis(finished_at) AS end_ms,
                     max(unix_millis(finished_at)) OVER (PARTITION BY provider, model, size
                         ORDER BY started_at, finished_at ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS before_ms
              FROM run_cells)
        GROUP BY provider, model, size),
      cells AS (
        SELECT provider, model, size,
               count(*) AS cells,
               count_if(NOT (%1$s)) AS failed,
               count_if(%1$s) AS answered,
               avg(correct_score) AS correct_score,
               avg(non_null) AS non_null,
               avg(duration_ms) FILTER (WHERE %1$s) / 1000 AS duration_mean_s,
               coalesce(stddev_samp(duration_ms) FILTER (WHERE %1$s), 0) / 1000 AS duration_stddev_s,
               min(duration_ms) FILTER (WHERE %1$s) / 1000 AS duration_min_s,
               max(duration_ms) FILTER (WHERE %1$s) / 1000 AS duration_max_s,
               percentile(duration_ms, array(0.05, 0.25, 0.5, 0.75, 0.9, 0.95, 0.99)) FILTER (WHERE %1$s)
                   AS duration_pct_ms,
               avg(duration_ms) / 1000 AS duration_mean_all_s,
               percentile(latency_ms, 0.5) FILTER (WHERE %1$s) / 1000 AS latency_p50_s,
               percentile(ttft_ms, 0.5) FILTER (WHERE %1$s) / 1000 AS ttft_p50_s,
               percentile(first_answer_ms, 0.5) FILTER (WHERE %1$s) / 1000 AS first_answer_p50_s,
               1000 * sum(completion_tokens) FILTER (WHERE %2$s)
                   / sum(latency_ms - ttft_ms) FILTER (WHERE %2$s) AS output_tps,
               percentile(output_tps, 0.5) FILTER (WHERE %1$s) AS output_tps_median,
               percentile(tpot_ms, 0.5) FILTER (WHERE %1$s) AS tpot_p50_ms,
               sum(cost_usd) AS price_cost_usd,
               count(cost_usd) AS cost_cells,
               count_if(cost_usd IS NOT NULL AND correct_score >= :correct_at) AS costed_correct,
               count_if(usage_source = 'estimated') AS estimated_usage,
               max(usd_per_hour) AS usd_per_hour,
               count_if(correct_score >= :correct_at) AS correct_cells,
               count_if(correct_score >= :correct_at AND duration_ms <= :objective_ms) AS good_cells,
               (unix_millis(max(finished_at)) - unix_millis(min(started_at))) / 1000 AS wall_s,
               %3$s
               coalesce(sum(rate_limited), 0) AS rate_limited,
               count_if(rate_limited > 0) AS cells_rate_limited,
               coalesce(sum(attempts - 1), 0) AS retries,
               coalesce(sum(coalesce(reconnects, 0)), 0) AS reconnects,
               coalesce(sum(backoff_ms), 0) / 1000 AS backoff_s
        FROM run_cells
        GROUP BY provider, model, size)
      SELECT cells.*, gaps.itl_p50_ms, gaps.itl_p99_ms, busy.busy_s
      FROM cells LEFT JOIN gaps USING (provider, model, size) LEFT JOIN busy USING (provider, model, size)"""
      .formatted(ANSWERED, STREAMED, STATUS_COUNTS);

  public double p50() {
    return durationPct[2];
  }

  public double percentile(double p) {
    for (int i = 0; i < PERCENTILES.length; i++) if (PERCENTILES[i] == p) return durationPct[i];
    throw new IllegalArgumentException("no p" + p);
  }

  /** Failed ÷ cells: the share of cells the provider did not answer. */
  public double failureRate() {
    return cells == 0 ? 0 : (double) failed / cells;
  }

  /** Cells that score 0 for want of an answer: failures and parse errors. */
  public long scoredZero() {
    return failed + parseErrors;
  }

  /** Whether the model is priced by the hour of a self-hosted machine rather than by token. */
  public boolean machinePriced() {
    return priceCostUsd == null && usdPerHour != null;
  }

  /**
   * The experiment's cost: the price list's Σ {@code cost_usd}, or for a self-hosted model the machine's
   * price for the experiment's wall-clock span (what the benchmark used of it); null when unknown.
   */
  public Double costUsd() {
    if (priceCostUsd != null) return priceCostUsd;
    return usdPerHour == null ? null : usdPerHour * wallSeconds / 3600;
  }

  /** Cells the cost covers: those with a {@code cost_usd}, or every cell of a self-hosted model. */
  public long costedCells() {
    return machinePriced() ? cells : costCells;
  }

  /** US$ per 1,000 cells (one case run once); null when no cost is known. */
  public Double costPerThousand() {
    Double cost = costUsd();
    return cost == null || costedCells() == 0 ? null : cost / costedCells() * 1000;
  }

  /** US$ per correct answer over the same cells as the cost; null when unknown or nothing was correct. */
  public Double costPerCorrect() {
    Double cost = costUsd();
    long correctCovered = machinePriced() ? correctCells : costedCorrect;
    return cost == null || correctCovered == 0 ? null : cost / correctCovered;
  }

  /**
   * A self-hosted model's US$ per 1,000 cells at full load: the hourly price ÷ the measured throughput
   * (answered cells per hour of the time the experiment had cells in flight); null otherwise.
   */
  public Double fullLoadCostPerThousand() {
    if (usdPerHour == null || answered == 0 || busySeconds <= 0) return null;
    double cellsPerHour = answered / (busySeconds / 3600);
    return usdPerHour / cellsPerHour * 1000;
  }

  /** Experiments of one run, in size, provider, model order. */
  public static List<ExperimentStats> load(SparkSession spark, String runId, AnalysisOptions options) {
    List<Row> rows = spark.sql(SQL, Map.of("correct_at", options.correctAt(),
        "objective_ms", options.latencyObjectiveMs())).collectAsList();
    List<ExperimentStats> out = new ArrayList<>();
    for (Row r : rows) out.add(of(r));
    out.sort((a, b) -> Experiment.ORDER.compare(a.experiment, b.experiment));
    return out;
  }

  static ExperimentStats of(Row r) {
    double[] p = new double[PERCENTILES.length];
    java.util.Arrays.fill(p, Double.NaN);
    if (!r.isNullAt(r.fieldIndex("duration_pct_ms"))) {
      List<Object> pct = r.getList(r.fieldIndex("duration_pct_ms"));
      for (int i = 0; i < p.length; i++) p[i] = ((Number) pct.get(i)).doubleValue() / 1000;
    }
    Map<String, Long> byStatus = new LinkedHashMap<>();
    for (String s : FAILED_STATUSES) byStatus.put(s, lng(r, s));
    return new ExperimentStats(new Experiment(r.getAs("provider"), r.getAs("model"), r.getAs("size")),
        lng(r, "cells"), lng(r, "failed"), lng(r, CellStatus.PARSE_ERROR.value()), dbl(r, "correct_score"), dbl(r, "non_null"),
        nan(r, "duration_mean_s"), num(r, "duration_stddev_s"), nan(r, "duration_min_s"), nan(r, "duration_max_s"), p,
        num(r, "duration_mean_all_s"), dbl(r, "latency_p50_s"), dbl(r, "ttft_p50_s"), dbl(r, "first_answer_p50_s"),
        dbl(r, "output_tps"), dbl(r, "output_tps_median"), dbl(r, "tpot_p50_ms"), dbl(r, "itl_p50_ms"),
        dbl(r, "itl_p99_ms"), dbl(r, "price_cost_usd"), lng(r, "cost_cells"), lng(r, "costed_correct"),
        lng(r, "estimated_usage"), dbl(r, "usd_per_hour"), num(r, "busy_s"), lng(r, "answered"),
        lng(r, "correct_cells"), lng(r, "good_cells"), num(r, "wall_s"), byStatus, lng(r, "rate_limited"),
        lng(r, "cells_rate_limited"), lng(r, "retries"), lng(r, "reconnects"), num(r, "backoff_s"));
  }

  /** A nullable number column by name. */
  static Double dbl(Row r, String column) {
    int i = r.fieldIndex(column);
    return r.isNullAt(i) ? null : ((Number) r.get(i)).doubleValue();
  }

  /** A number column by name, 0 when null. */
  static double num(Row r, String column) {
    Double v = dbl(r, column);
    return v == null ? 0 : v;
  }

  /** A number column by name, NaN when null (no answered cell). */
  static double nan(Row r, String column) {
    Double v = dbl(r, column);
    return v == null ? Double.NaN : v;
  }

  static long lng(Row r, String column) {
    Double v = dbl(r, column);
    return v == null ? 0 : v.longValue();
  }
}
