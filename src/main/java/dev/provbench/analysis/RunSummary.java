package dev.provbench.analysis;

import dev.provbench.analysis.load.LadderStep;
import dev.provbench.analysis.output.ConsoleTable;
import dev.provbench.results.CellStatus;
import dev.provbench.results.ResultsViews;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The console summary of one run, computed from its Parquet results only: one row per experiment
 * (provider × model), read by column name. Accuracy counts every cell (no answer scores 0); speed comes from
 * answered cells, with the failure rate beside it, so a provider that fails fast cannot look fast. On a load
 * ladder, the lowest step alone, as the ordinary tables ({@link LadderStep}).
 */
public final class RunSummary {
  /** Read by column name; `scored_zero` counts cells without an output (no answer, or nothing parsed). */
  static final String SQL = """
      SELECT provider, size, model,
             count(*) AS cells,
             count_if(status <> 'ok') AS scored_zero,
             avg(correct_score) AS correct,
             avg(non_null) AS non_null,
             count_if(NOT (%1$s)) AS failed,
             count_if(NOT (%1$s)) / count(*) AS failure_rate,
             avg(duration_ms) FILTER (WHERE %1$s) / 1000 AS duration_mean_s,
             percentile(duration_ms, 0.5) FILTER (WHERE %1$s) / 1000 AS duration_p50_s,
             percentile(duration_ms, 0.9) FILTER (WHERE %1$s) / 1000 AS duration_p90_s,
             percentile(ttft_ms, 0.5) FILTER (WHERE %1$s) / 1000 AS ttft_p50_s,
             1000 * sum(completion_tokens) FILTER (WHERE %1$s AND stream AND latency_ms > ttft_ms)
                 / sum(latency_ms - ttft_ms) FILTER (WHERE %1$s AND stream AND latency_ms > ttft_ms) AS output_tps,
             sum(cost_usd) AS cost_usd,
             coalesce(sum(rate_limited), 0) AS rate_limited,
             coalesce(sum(coalesce(reconnects, 0)), 0) AS reconnects,
             max(load_step) AS load_step,
             max(load_concurrency) AS load_concurrency,
             max(load_rate) AS load_rate
      FROM cells
      WHERE run_id = :run AND %2$s
      GROUP BY provider, size, model
      ORDER BY try_cast(regexp_extract(size, '([0-9.]+)', 1) AS DOUBLE), size, provider, model
      """;

  private RunSummary() {}

  /** The summary rows, one per experiment. */
  public static List<Row> rows(SparkSession spark, String resultsDir, String runId) {
    ResultsViews.register(spark, resultsDir);
    LadderStep step = LadderStep.choose(spark, runId, null);
    Dataset<Row> table = spark.sql(String.format(Locale.ROOT, SQL, CellStatus.ANSWERED_SQL, step.rowFilter()),
        Map.of("run", runId));
    return table.collectAsList();
  }

  public static String render(List<Row> rows) {
    ConsoleTable t = new ConsoleTable(List.of("provider", "size", "model", "cells", "failed", "fail %", "no answer",
        "CorrectScore", "NonNull", "dur mean", "dur p50", "dur p90", "TTFT p50", "out tok/s", "429s", "reconnects",
        "cost $"));
    long cells = 0;
    long failed = 0;
    long zero = 0;
    for (Row r : rows) {
      cells += r.<Long>getAs("cells");
      failed += r.<Long>getAs("failed");
      zero += r.<Long>getAs("scored_zero");
      List<String> c = new ArrayList<>();
      c.add(r.getAs("provider"));
      c.add(r.getAs("size"));
      c.add(r.getAs("model"));
      c.add(num(r, "cells", "%.0f"));
      c.add(num(r, "failed", "%.0f"));
      c.add(num(r, "failure_rate", "%.1f%%", 100));
      c.add(num(r, "scored_zero", "%.0f"));
      c.add(num(r, "correct", "%.3f"));
      c.add(num(r, "non_null", "%.3f"));
      c.add(num(r, "duration_mean_s", "%.2fs"));
      c.add(num(r, "duration_p50_s", "%.2fs"));
      c.add(num(r, "duration_p90_s", "%.2fs"));
      c.add(num(r, "ttft_p50_s", "%.2fs"));
      c.add(num(r, "output_tps", "%.0f"));
      c.add(num(r, "rate_limited", "%.0f"));
      c.add(num(r, "reconnects", "%.0f"));
      c.add(num(r, "cost_usd", "%.4f"));
      t.row(c);
    }
    return t.render() + String.format(Locale.ROOT, "%d experiments, %d cells, %d failed; %d cells with no answer"
        + " (failed or unparsable) score 0; durations, TTFT and tokens/s over answered cells only%n", rows.size(), cells,
        failed, zero) + ladderNote(rows);
  }

  /** On a load ladder the summary is of its lowest step; the load tables cover every step. */
  private static String ladderNote(List<Row> rows) {
    if (rows.isEmpty() || rows.get(0).getAs("load_step") == null) return "";
    return String.format(Locale.ROOT, "figures of load step %d (%s), the ladder's lowest, without"
        + " its warm-up cells; the load tables cover every step%n", rows.get(0).<Integer>getAs("load_step"),
        LadderStep.load(rows.get(0).getAs("load_concurrency"), rows.get(0).getAs("load_rate")));
  }

  private static String num(Row r, String column, String format) {
    return num(r, column, format, 1);
  }

  private static String num(Row r, String column, String format, double scale) {
    Double v = RowValues.dbl(r, column);
    return v == null ? "-" : String.format(Locale.ROOT, format, v * scale);
  }
}
