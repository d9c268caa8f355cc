package dev.provbench.analysis;

import static dev.provbench.analysis.RowValues.lng;
import static dev.provbench.analysis.RowValues.num;
import static dev.provbench.analysis.SqlAggregates.countIf;
import static dev.provbench.analysis.SqlAggregates.num;
import static dev.provbench.analysis.SqlAggregates.sumLong;

import dev.provbench.analysis.DriverCells.Cell;
import dev.provbench.results.CellStatus;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;

/**
 * One experiment's cells and how they failed. Immutable.
 *
 * @param cells            cells of the experiment (latest attempt of each).
 * @param answered         answered cells ({@code ok} or {@code parse_error}).
 * @param failed           cells the provider did not answer (http_error, bad_response, timeout, transport_error).
 * @param parseErrors      answered cells from which no answer could be read (they score 0).
 * @param byStatus         cells per status other than {@code ok}, in {@link #FAILED_STATUSES} order.
 * @param rateLimited      attempts answered 429.
 * @param cellsRateLimited cells that saw at least one 429.
 * @param retries          attempts beyond the first.
 * @param reconnects       requests re-sent at once on a fresh connection (0 in format-1 files).
 * @param backoffSeconds   total wait between attempts, s.
 */
public record ExperimentReliability(long cells, long answered, long failed, long parseErrors, Map<String, Long> byStatus,
    long rateLimited, long cellsRateLimited, long retries, long reconnects, double backoffSeconds) {

  /** Every status but ok, in {@link CellStatus} order: the {@code byStatus} keys and their SQL columns. */
  public static final List<String> FAILED_STATUSES = Arrays.stream(CellStatus.values())
      .filter(s -> s != CellStatus.OK).map(CellStatus::value).toList();

  /** Its aggregate columns over {@code run_cells}, grouped by experiment. */
  static final String COLUMNS = Stream.concat(Stream.of(
          "count(*) AS cells",
          "count_if(NOT (%1$s)) AS failed".formatted(CellStatus.ANSWERED_SQL),
          "count_if(%1$s) AS answered".formatted(CellStatus.ANSWERED_SQL)),
      Stream.concat(FAILED_STATUSES.stream().map(s -> "count_if(status = '" + s + "') AS " + s), Stream.of(
          "coalesce(sum(rate_limited), 0) AS rate_limited",
          "count_if(rate_limited > 0) AS cells_rate_limited",
          "coalesce(sum(attempts - 1), 0) AS retries",
          "coalesce(sum(coalesce(reconnects, 0)), 0) AS reconnects",
          "coalesce(sum(backoff_ms), 0) / 1000 AS backoff_s")))
      .collect(Collectors.joining(",\n"));

  public ExperimentReliability {
    byStatus = Collections.unmodifiableMap(new LinkedHashMap<>(byStatus));
  }

  /** The same as {@link #COLUMNS}, from one experiment's cells on the driver. */
  static ExperimentReliability of(List<Cell> cells) {
    Map<String, Long> byStatus = new LinkedHashMap<>();
    for (String s : FAILED_STATUSES) byStatus.put(s, countIf(cells, c -> s.equals(c.status())));
    long answered = countIf(cells, Cell::answered);
    return new ExperimentReliability(cells.size(), answered, cells.size() - answered,
        byStatus.get(CellStatus.PARSE_ERROR.value()), byStatus, (long) num(sumLong(cells, Cell::rateLimited)),
        countIf(cells, c -> c.rateLimited() != null && c.rateLimited() > 0),
        (long) num(sumLong(cells, c -> c.attempts() == null ? null : c.attempts() - 1)),
        (long) num(sumLong(cells, c -> c.reconnects() == null ? 0 : c.reconnects())),
        num(sumLong(cells, Cell::backoffMs)) / 1000);
  }

  static ExperimentReliability of(Row r) {
    Map<String, Long> byStatus = new LinkedHashMap<>();
    for (String s : FAILED_STATUSES) byStatus.put(s, lng(r, s));
    return new ExperimentReliability(lng(r, "cells"), lng(r, "answered"), lng(r, "failed"),
        lng(r, CellStatus.PARSE_ERROR.value()), byStatus, lng(r, "rate_limited"), lng(r, "cells_rate_limited"),
        lng(r, "retries"), lng(r, "reconnects"), num(r, "backoff_s"));
  }
}
