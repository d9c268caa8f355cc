package dev.provbench.analysis;

import static dev.provbench.analysis.SqlAggregates.avg;
import static dev.provbench.analysis.SqlAggregates.countIf;
import static dev.provbench.analysis.SqlAggregates.div;
import static dev.provbench.analysis.SqlAggregates.nan;
import static dev.provbench.analysis.SqlAggregates.percentile;

import dev.provbench.analysis.DriverCells.Cell;
import dev.provbench.results.CellStatus;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * One size of one run, all its experiments pooled. Accuracy over every cell (a failure scores 0);
 * durations over answered cells only, in seconds, with the failure rate beside them.
 *
 * @param size         e.g. {@code 70b}.
 * @param experiments  provider × model pairs at this size.
 * @param cells        cells at this size.
 * @param failed       cells the provider did not answer.
 * @param scoredZero   cells with no answer read (failed or parse_error): they score 0.
 * @param correct      mean CorrectScore; null without that scorer.
 * @param nonNull      mean NonNull; null without that scorer.
 * @param durationMean mean {@code duration_ms} of answered cells, s; NaN when none answered.
 * @param durationP50  median {@code duration_ms} of answered cells, s; NaN when none answered.
 */
public record SizeStats(String size, long experiments, long cells, long failed, long scoredZero, Double correct,
    Double nonNull, double durationMean, double durationP50) {

  static final String SQL = """
      SELECT size,
             count(DISTINCT provider, model) AS experiments,
             count(*) AS cells,
             count_if(NOT (%1$s)) AS failed,
             count_if(status <> 'ok') AS scored_zero,
             avg(correct_score) AS correct_score,
             avg(non_null) AS non_null,
             avg(duration_ms) FILTER (WHERE %1$s) / 1000 AS duration_mean_s,
             percentile(duration_ms, 0.5) FILTER (WHERE %1$s) / 1000 AS duration_p50_s
      FROM run_cells
      GROUP BY size""".formatted(CellStatus.ANSWERED_SQL);

  /** Failed ÷ cells. */
  public double failureRate() {
    return cells == 0 ? 0 : (double) failed / cells;
  }

  public static List<SizeStats> load(SparkSession spark, String runId) {
    List<SizeStats> out = new ArrayList<>();
    for (Row r : spark.sql(SQL).collectAsList()) {
      out.add(new SizeStats(r.getAs("size"), RowValues.lng(r, "experiments"), RowValues.lng(r, "cells"),
          RowValues.lng(r, "failed"), RowValues.lng(r, "scored_zero"), RowValues.dbl(r, "correct_score"),
          RowValues.dbl(r, "non_null"), RowValues.nan(r, "duration_mean_s"),
          RowValues.nan(r, "duration_p50_s")));
    }
    out.sort((a, b) -> SizeOrder.COMPARATOR.compare(a.size, b.size));
    return out;
  }

  /** The same as {@link #SQL}, from the cells on the driver. */
  static List<SizeStats> of(List<Cell> cells) {
    List<SizeStats> out = new ArrayList<>();
    cells.stream().collect(Collectors.groupingBy(c -> c.experiment().size(), LinkedHashMap::new, Collectors.toList()))
        .forEach((size, at) -> {
          List<Cell> answered = at.stream().filter(Cell::answered).toList();
          out.add(new SizeStats(size, at.stream().map(Cell::experiment).distinct().count(), at.size(),
              countIf(at, c -> !c.answered()), countIf(at, c -> c.status() != null && !c.status().equals("ok")),
              avg(at, Cell::correctScore), avg(at, Cell::nonNull), nan(div(avg(answered, Cell::durationMs), 1000)),
              nan(div(percentile(answered, Cell::durationMs, 0.5), 1000))));
        });
    out.sort((a, b) -> SizeOrder.COMPARATOR.compare(a.size, b.size));
    return out;
  }
}
