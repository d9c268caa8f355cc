package dev.provbench.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Everything the tables need about one experiment of one run, from one pass over the {@code cells} view.
 * Failed cells are included in every figure: CorrectScore 0, their whole duration. Durations in seconds.
 *
 * @param experiment     provider, model and size.
 * @param cells          cells of the experiment (latest attempt of each).
 * @param failed         cells whose status is not {@code ok}.
 * @param correct        mean CorrectScore; null when the job did not use that scorer.
 * @param nonNull        mean NonNull; null when the job did not use that scorer.
 * @param durationMean   mean {@code duration_ms}, s.
 * @param durationStddev sample standard deviation of {@code duration_ms}, s.
 * @param durationMin    fastest cell, s.
 * @param durationMax    slowest cell, s.
 * @param durationPct    {@code duration_ms} percentiles at {@link #PERCENTILES}, s.
 * @param ttftP50        median time to first token over streaming cells, s; null when none streamed.
 * @param tokensPerSecond mean {@code output_tps}; null when none streamed.
 * @param costUsd        total cost; null when no cell has a cost.
 * @param costCells      cells with a known cost.
 * @param correctCells   cells with CorrectScore at or above {@link AnalysisOptions#correctAt()}.
 * @param goodCells      correct cells within the latency objective.
 * @param wallSeconds    first start to last finish of the experiment's cells, s.
 * @param byStatus       cells per status other than {@code ok}: parse_error, http_error, timeout, transport_error.
 * @param rateLimited    attempts answered 429.
 * @param cellsRateLimited cells that saw at least one 429.
 * @param retries        attempts beyond the first.
 * @param backoffSeconds total wait between attempts, s.
 */
public record ExperimentStats(Experiment experiment, long cells, long failed, Double correct, Double nonNull,
    double durationMean, double durationStddev, double durationMin, double durationMax, double[] durationPct,
    Double ttftP50, Double tokensPerSecond, Double costUsd, long costCells, long correctCells, long goodCells,
    double wallSeconds, Map<String, Long> byStatus, long rateLimited, long cellsRateLimited, long retries,
    double backoffSeconds) {

  /** The percentiles of {@link #durationPct}: p5, p25, p50, p75, p90, p95, p99. */
  public static final double[] PERCENTILES = {0.05, 0.25, 0.5, 0.75, 0.9, 0.95, 0.99};
  public static final List<String> FAILED_STATUSES = List.of("parse_error", "http_error", "timeout", "transport_error");

  static final String SQL = """
      SELECT provider, model, size,
             count(*) AS cells,
             count_if(status <> 'ok') AS failed,
             avg(correct_score), avg(non_null),
             avg(duration_ms) / 1000, coalesce(stddev_samp(duration_ms), 0) / 1000,
             min(duration_ms) / 1000, max(duration_ms) / 1000,
             percentile(duration_ms, array(0.05, 0.25, 0.5, 0.75, 0.9, 0.95, 0.99)),
             percentile(ttft_ms, 0.5) / 1000, avg(output_tps),
             sum(cost_usd), count(cost_usd),
             count_if(correct_score >= :correct_at),
             count_if(correct_score >= :correct_at AND duration_ms <= :objective_ms),
             (unix_millis(max(finished_at)) - unix_millis(min(started_at))) / 1000,
             count_if(status = 'parse_error'), count_if(status = 'http_error'),
             count_if(status = 'timeout'), count_if(status = 'transport_error'),
             sum(rate_limited), count_if(rate_limited > 0), sum(attempts - 1), sum(backoff_ms) / 1000
      FROM run_cells
      GROUP BY provider, model, size""";

  public double p50() {
    return durationPct[2];
  }

  public double percentile(double p) {
    for (int i = 0; i < PERCENTILES.length; i++) if (PERCENTILES[i] == p) return durationPct[i];
    throw new IllegalArgumentException("no p" + p);
  }

  public double failureRate() {
    return cells == 0 ? 0 : (double) failed / cells;
  }

  /** US$ per 1,000 cells (one case run once); null when no cost is known. */
  public Double costPerThousand() {
    return costUsd == null || costCells == 0 ? null : costUsd / costCells * 1000;
  }

  /** US$ per correct answer; null when no cost is known or nothing was correct. */
  public Double costPerCorrect() {
    return costUsd == null || correctCells == 0 ? null : costUsd / correctCells;
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

  private static ExperimentStats of(Row r) {
    List<Object> pct = r.getList(11);
    double[] p = new double[pct.size()];
    for (int i = 0; i < p.length; i++) p[i] = ((Number) pct.get(i)).doubleValue() / 1000;
    Map<String, Long> byStatus = new java.util.LinkedHashMap<>();
    for (int i = 0; i < FAILED_STATUSES.size(); i++) byStatus.put(FAILED_STATUSES.get(i), r.getLong(19 + i));
    return new ExperimentStats(new Experiment(r.getString(0), r.getString(1), r.getString(2)), r.getLong(3), r.getLong(4),
        dbl(r, 5), dbl(r, 6), r.getDouble(7), r.getDouble(8), num(r, 9), num(r, 10), p, dbl(r, 12), dbl(r, 13),
        dbl(r, 14), r.getLong(15), r.getLong(16), r.getLong(17), num(r, 18), byStatus, r.getLong(23), r.getLong(24),
        r.getLong(25), num(r, 26));
  }

  static Double dbl(Row r, int i) {
    return r.isNullAt(i) ? null : ((Number) r.get(i)).doubleValue();
  }

  static double num(Row r, int i) {
    return r.isNullAt(i) ? 0 : ((Number) r.get(i)).doubleValue();
  }
}
