package dev.provbench.analysis;

import static dev.provbench.analysis.RowValues.dbl;
import static dev.provbench.analysis.RowValues.lng;
import static dev.provbench.analysis.SqlAggregates.countIf;
import static dev.provbench.analysis.SqlAggregates.sum;

import dev.provbench.analysis.DriverCells.Cell;
import java.util.List;
import java.util.Objects;
import org.apache.spark.sql.Row;

/**
 * What one experiment's cells cost and how their token usage is known. Immutable.
 *
 * @param priceCostUsd   Σ {@code cost_usd} (price-list models); null when no cell has one.
 * @param costCells      cells with a known {@code cost_usd}.
 * @param costedCorrect  correct cells among those with a known {@code cost_usd}.
 * @param estimatedUsage cells whose token usage was estimated ({@code usage_source = 'estimated'}).
 * @param usdPerHour     the self-hosted machine's price per hour; null for price-list models.
 */
public record ExperimentCost(Double priceCostUsd, long costCells, long costedCorrect, long estimatedUsage,
    Double usdPerHour) {
  /** Its aggregate columns over {@code run_cells}, grouped by experiment; parameter {@code correct_at}. */
  static final String COLUMNS = String.join(",\n",
      "sum(cost_usd) AS price_cost_usd",
      "count(cost_usd) AS cost_cells",
      "count_if(cost_usd IS NOT NULL AND correct_score >= :correct_at) AS costed_correct",
      "count_if(usage_source = 'estimated') AS estimated_usage",
      "max(usd_per_hour) AS usd_per_hour");

  /** The same as {@link #COLUMNS}, from one experiment's cells on the driver. */
  static ExperimentCost of(List<Cell> cells, AnalysisOptions options) {
    return new ExperimentCost(sum(cells, Cell::costUsd), countIf(cells, c -> c.costUsd() != null),
        countIf(cells, c -> c.costUsd() != null && c.correctScore() != null && c.correctScore() >= options.correctAt()),
        countIf(cells, c -> "estimated".equals(c.usageSource())),
        cells.stream().map(Cell::usdPerHour).filter(Objects::nonNull).max(Double::compare).orElse(null));
  }

  static ExperimentCost of(Row r) {
    return new ExperimentCost(dbl(r, "price_cost_usd"), lng(r, "cost_cells"), lng(r, "costed_correct"),
        lng(r, "estimated_usage"), dbl(r, "usd_per_hour"));
  }
}
