package dev.provbench.analysis;

import dev.provbench.analysis.DriverCells.Cell;
import dev.provbench.results.CellStatus;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Everything the tables need about one experiment of one run, from one query over the {@code run_cells} view, in
 * groups by concern, each read by column name. Speed figures come from answered cells only, with the failure rate
 * beside them; accuracy counts every cell, a failure scoring 0. Immutable.
 *
 * @param experiment  provider, model and size.
 * @param reliability its cells and how they failed.
 * @param timing      how long its answered cells took.
 * @param scores      its scores over every cell.
 * @param cost        what its cells cost.
 */
public record ExperimentStats(Experiment experiment, ExperimentReliability reliability, ExperimentTiming timing,
    ExperimentScores scores, ExperimentCost cost) {

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
      %2$s,
      %3$s,
      %4$s,
      %5$s
        FROM run_cells
        GROUP BY provider, model, size)
      SELECT cells.*, gaps.itl_p50_ms, gaps.itl_p99_ms, busy.busy_s
      FROM cells LEFT JOIN gaps USING (provider, model, size) LEFT JOIN busy USING (provider, model, size)"""
      .formatted(CellStatus.ANSWERED_SQL, ExperimentReliability.COLUMNS, ExperimentTiming.COLUMNS,
          ExperimentScores.COLUMNS, ExperimentCost.COLUMNS);

  /** Cells of the experiment. */
  public long cells() {
    return reliability.cells();
  }

  /** Cells the provider did not answer. */
  public long failed() {
    return reliability.failed();
  }

  /** The median answered duration, s. */
  public double p50() {
    return timing.p50();
  }

  /** Failed ÷ cells: the share of cells the provider did not answer. */
  public double failureRate() {
    return cells() == 0 ? 0 : (double) failed() / cells();
  }

  /** Cells that score 0 for want of an answer: failures and parse errors. */
  public long scoredZero() {
    return failed() + reliability.parseErrors();
  }

  /** Whether the model is priced by the hour of a self-hosted machine rather than by token. */
  public boolean machinePriced() {
    return cost.priceCostUsd() == null && cost.usdPerHour() != null;
  }

  /**
   * The experiment's cost: the price list's Σ {@code cost_usd}, or for a self-hosted model the machine's
   * price for the experiment's wall-clock span (what the benchmark used of it); null when unknown.
   */
  public Double costUsd() {
    if (cost.priceCostUsd() != null) return cost.priceCostUsd();
    return cost.usdPerHour() == null ? null : cost.usdPerHour() * timing.wallSeconds() / 3600;
  }

  /** Cells the cost covers: those with a {@code cost_usd}, or every cell of a self-hosted model. */
  public long costedCells() {
    return machinePriced() ? cells() : cost.costCells();
  }

  /** US$ per 1,000 cells (one case run once); null when no cost is known. */
  public Double costPerThousand() {
    Double usd = costUsd();
    return usd == null || costedCells() == 0 ? null : usd / costedCells() * 1000;
  }

  /** US$ per correct answer over the same cells as the cost; null when unknown or nothing was correct. */
  public Double costPerCorrect() {
    Double usd = costUsd();
    long correctCovered = machinePriced() ? scores.correctCells() : cost.costedCorrect();
    return usd == null || correctCovered == 0 ? null : usd / correctCovered;
  }

  /**
   * A self-hosted model's US$ per 1,000 cells at full load: the hourly price ÷ the measured throughput
   * (answered cells per hour of the time the experiment had cells in flight); null otherwise.
   */
  public Double fullLoadCostPerThousand() {
    long answered = reliability.answered();
    double busy = timing.busySeconds();
    if (cost.usdPerHour() == null || answered == 0 || busy <= 0) return null;
    double cellsPerHour = answered / (busy / 3600);
    return cost.usdPerHour() / cellsPerHour * 1000;
  }

  /** Experiments of one run, in size, provider, model order. */
  public static List<ExperimentStats> load(SparkSession spark, String runId, AnalysisOptions options) {
    List<Row> rows = spark.sql(SQL, Map.of("correct_at", options.correctAt(),
        "objective_ms", options.latencyObjectiveMs())).collectAsList();
    return rows.stream().map(ExperimentStats::of).sorted((a, b) -> Experiment.ORDER.compare(a.experiment, b.experiment))
        .toList();
  }

  /** The same as {@link #SQL}, from the cells on the driver. */
  static List<ExperimentStats> of(List<Cell> cells, AnalysisOptions options) {
    return DriverCells.byExperiment(cells).entrySet().stream()
        .map(e -> new ExperimentStats(e.getKey(), ExperimentReliability.of(e.getValue()), ExperimentTiming.of(e.getValue()),
            ExperimentScores.of(e.getValue(), options), ExperimentCost.of(e.getValue(), options)))
        .sorted((a, b) -> Experiment.ORDER.compare(a.experiment, b.experiment)).toList();
  }

  static ExperimentStats of(Row r) {
    return new ExperimentStats(new Experiment(r.getAs("provider"), r.getAs("model"), r.getAs("size")),
        ExperimentReliability.of(r), ExperimentTiming.of(r), ExperimentScores.of(r), ExperimentCost.of(r));
  }
}
