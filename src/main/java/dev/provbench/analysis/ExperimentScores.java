package dev.provbench.analysis;

import static dev.provbench.analysis.RowValues.dbl;
import static dev.provbench.analysis.RowValues.lng;
import static dev.provbench.analysis.SqlAggregates.avg;
import static dev.provbench.analysis.SqlAggregates.countIf;

import dev.provbench.analysis.DriverCells.Cell;
import java.util.List;
import java.util.function.Predicate;
import org.apache.spark.sql.Row;

/**
 * One experiment's scores over every cell, a failure scoring 0. Immutable.
 *
 * @param correct      mean CorrectScore; null when the job did not use that scorer.
 * @param nonNull      mean NonNull; null when the job did not use that scorer.
 * @param correctCells cells with CorrectScore at or above {@link AnalysisOptions#correctAt()}.
 * @param goodCells    correct cells within the latency objective ({@link AnalysisOptions#latencyObjectiveMs()}).
 */
public record ExperimentScores(Double correct, Double nonNull, long correctCells, long goodCells) {
  /** Its aggregate columns over {@code run_cells}, grouped by experiment; parameters {@code correct_at}, {@code objective_ms}. */
  static final String COLUMNS = String.join(",\n",
      "avg(correct_score) AS correct_score",
      "avg(non_null) AS non_null",
      "count_if(correct_score >= :correct_at) AS correct_cells",
      "count_if(correct_score >= :correct_at AND duration_ms <= :objective_ms) AS good_cells");

  /** The same as {@link #COLUMNS}, from one experiment's cells on the driver. */
  static ExperimentScores of(List<Cell> cells, AnalysisOptions options) {
    Predicate<Cell> correct = c -> c.correctScore() != null && c.correctScore() >= options.correctAt();
    return new ExperimentScores(avg(cells, Cell::correctScore), avg(cells, Cell::nonNull), countIf(cells, correct),
        countIf(cells, correct.and(c -> c.durationMs() != null && c.durationMs() <= options.latencyObjectiveMs())));
  }

  static ExperimentScores of(Row r) {
    return new ExperimentScores(dbl(r, "correct_score"), dbl(r, "non_null"), lng(r, "correct_cells"), lng(r, "good_cells"));
  }
}
