package dev.provbench.analysis;

import static dev.provbench.analysis.output.Column.number;
import static dev.provbench.analysis.output.Column.text;

import dev.provbench.analysis.DriverCells.Cell;
import dev.provbench.analysis.output.AnalysisTable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * A trace replay per experiment: how closely the sends followed the trace (rows sent, sends more than
 * {@value #LATE_MS} ms late, the send lag's p50, p99 and max, the achieved against the trace's request rate), how fast
 * the deployment answered (TTFT p50, p99) and how much of the prompts its prefix cache served (the cached share of
 * {@link CacheFigures}, as table {@code cache} shows it). Rows of a replay are those with
 * {@code scheduled_ms}; a run without any has no such table. Each figure's rule is written once in {@link #SQL} and
 * once on the driver ({@link #of}).
 */
public final class TraceTable {
  public static final String ID = "trace";
  /** A send later than this behind its due time is late (as a rate step counts it). */
  static final long LATE_MS = 10;

  static final String SQL = """
      SELECT provider, model, size, count(*) AS rows_sent, count_if(send_lag_ms > %1$d) AS late,
             percentile(send_lag_ms, 0.5) AS lag_p50_ms, percentile(send_lag_ms, 0.99) AS lag_p99_ms,
             max(send_lag_ms) AS lag_max_ms,
             (count(*) - 1) / nullif((max(scheduled_ms) - min(scheduled_ms)) / 1000, 0) AS trace_rate,
             (count(*) - 1) / nullif((max(unix_micros(started_at)) - min(unix_micros(started_at))) / 1e6, 0) AS achieved_rate,
             percentile(ttft_ms, 0.5) AS ttft_p50_ms, percentile(ttft_ms, 0.99) AS ttft_p99_ms
      FROM cells
      WHERE run_id = :run_id AND scheduled_ms IS NOT NULL
      GROUP BY provider, model, size""".formatted(LATE_MS);

  /**
   * One experiment's replay.
   *
   * @param experiment   provider, model and size.
   * @param rows         rows sent (cells with {@code scheduled_ms}).
   * @param late         sends more than {@value #LATE_MS} ms behind their due time.
   * @param lagP50Ms     the send lag's median, ms; null when no send was timed.
   * @param lagP99Ms     its 99th percentile, ms.
   * @param lagMaxMs     its largest, ms.
   * @param traceRate    (rows − 1) ÷ the span of the due times, requests per second; null for one row.
   * @param achievedRate (rows − 1) ÷ the span of the first sends, requests per second; null for one row.
   * @param ttftP50Ms    the answered cells' median TTFT, ms; null when none streamed.
   * @param ttftP99Ms    their 99th percentile TTFT, ms.
   */
  public record Replay(Experiment experiment, long rows, long late, Double lagP50Ms, Double lagP99Ms, Double lagMaxMs,
      Double traceRate, Double achievedRate, Double ttftP50Ms, Double ttftP99Ms) {}

  private static final Comparator<Replay> ORDER = Comparator.comparing(Replay::experiment, Experiment.ORDER);

  private TraceTable() {}

  /** The run's replays by Spark SQL over the {@code cells} view; empty when the run replayed no trace. */
  public static List<Replay> load(SparkSession spark, String runId) {
    List<Replay> out = new ArrayList<>();
    for (Row r : spark.sql(SQL, Map.of("run_id", runId)).collectAsList()) {
      out.add(new Replay(new Experiment(r.getAs("provider"), r.getAs("model"), r.getAs("size")), RowValues.lng(r, "rows_sent"),
          RowValues.lng(r, "late"), RowValues.dbl(r, "lag_p50_ms"), RowValues.dbl(r, "lag_p99_ms"),
          RowValues.dbl(r, "lag_max_ms"), RowValues.dbl(r, "trace_rate"), RowValues.dbl(r, "achieved_rate"),
          RowValues.dbl(r, "ttft_p50_ms"), RowValues.dbl(r, "ttft_p99_ms")));
    }
    return out.stream().sorted(ORDER).toList();
  }

  /** The same as {@link #SQL}, from a run's cells on the driver. */
  static List<Replay> of(List<Cell> all) {
    List<Replay> out = new ArrayList<>();
    DriverCells.byExperiment(all.stream().filter(c -> c.scheduledMs() != null).toList()).forEach((e, cells) -> {
      long n = cells.size();
      out.add(new Replay(e, n, SqlAggregates.countIf(cells, c -> c.sendLagMs() != null && c.sendLagMs() > LATE_MS),
          SqlAggregates.percentile(cells, Cell::sendLagMs, 0.5), SqlAggregates.percentile(cells, Cell::sendLagMs, 0.99),
          max(cells.stream().map(Cell::sendLagMs).filter(Objects::nonNull).toList()),
          rate(n, span(cells.stream().map(Cell::scheduledMs).toList()), 1000),
          rate(n, span(cells.stream().map(Cell::startedUs).toList()), 1e6),
          SqlAggregates.percentile(cells, Cell::ttftMs, 0.5), SqlAggregates.percentile(cells, Cell::ttftMs, 0.99)));
    });
    return out.stream().sorted(ORDER).toList();
  }

  /** max − min of the non-null values, as SQL's {@code max(x) - min(x)}; null when none. */
  private static Long span(List<Long> values) {
    List<Long> v = values.stream().filter(Objects::nonNull).toList();
    return v.isEmpty() ? null : v.stream().mapToLong(Long::longValue).max().getAsLong()
        - v.stream().mapToLong(Long::longValue).min().getAsLong();
  }

  /** (n − 1) ÷ (span ÷ unit), null when the span is null or 0, as the SQL's {@code nullif}. */
  private static Double rate(long n, Long span, double unit) {
    if (span == null || span / unit == 0) return null;
    return (n - 1) / (span / unit);
  }

  private static Double max(List<Double> values) {
    return values.stream().max(Double::compare).orElse(null);
  }

  /** @param cache each experiment's prefix-cache figures ({@link CacheFigures#byExperiment}): the cached share. */
  public static AnalysisTable table(List<Replay> replays, List<CacheFigures> cache) {
    AnalysisTable.Builder t = AnalysisTable.builder(ID, "Trace replay: how closely the sends followed the trace",
        text("provider"), text("size"), text("model"), number("rows", "%d"), number("late", "%d"),
        number("lag p50 ms", "%.2f"), number("lag p99 ms", "%.2f"), number("lag max ms", "%.1f"),
        number("trace req/s", "%.2f"), number("achieved req/s", "%.2f"), number("TTFT p50 ms", "%.0f"),
        number("TTFT p99 ms", "%.0f"), number("cached share", "%.3f"));
    for (Replay r : replays) {
      Experiment e = r.experiment();
      t.row(e.provider(), e.size(), e.model(), r.rows(), r.late(), r.lagP50Ms(), r.lagP99Ms(), r.lagMaxMs(), r.traceRate(),
          r.achievedRate(), r.ttftP50Ms(), r.ttftP99Ms(), cachedShare(cache, e));
    }
    return t.build("every row of the replay per deployment; lag = first send − due time (the row's timestamp ÷ speed from"
        + " the deployment's replay start), late above " + LATE_MS + " ms; rates = (rows − 1) ÷ the span of the due"
        + " times and of the first sends; TTFT over answered streamed cells; cached share as in table " + CacheTable.ID);
  }

  /** The experiment's cached share, or null when it reports none. */
  private static Double cachedShare(List<CacheFigures> cache, Experiment e) {
    return cache.stream().filter(f -> f.experiment().equals(e)).findFirst().map(CacheFigures::cachedShare).orElse(null);
  }
}
