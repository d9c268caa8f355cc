package dev.provbench.analysis;

import dev.provbench.results.ResultsViews;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The console summary of one run, computed from its Parquet results only: one row per experiment
 * (provider × model). Failed cells count in every column (a score of 0, their duration), so a
 * provider that refuses load cannot look fast or accurate.
 */
public final class RunSummary {
  static final String SQL = """
      SELECT provider, size, model,
             count(*) AS cells,
             sum(CASE WHEN status <> 'ok' THEN 1 ELSE 0 END) AS failed,
             avg(correct_score) AS correct,
             avg(non_null) AS non_null,
             avg(duration_ms) / 1000 AS duration_mean_s,
             percentile(duration_ms, 0.5) / 1000 AS duration_p50_s,
             percentile(duration_ms, 0.9) / 1000 AS duration_p90_s,
             percentile(ttft_ms, 0.5) / 1000 AS ttft_p50_s,
             avg(output_tps) AS output_tps,
             sum(cost_usd) AS cost_usd,
             sum(rate_limited) AS rate_limited
      FROM results
      WHERE run_id = '%s'
      GROUP BY provider, size, model
      ORDER BY try_cast(regexp_extract(size, '([0-9.]+)', 1) AS DOUBLE), size, provider, model
      """;

  private RunSummary() {}

  /** The summary rows, one per experiment. */
  public static List<Row> rows(SparkSession spark, String resultsDir, String runId) {
    ResultsViews.register(spark, resultsDir);
    Dataset<Row> table = spark.sql(String.format(Locale.ROOT, SQL, runId.replace("'", "''")));
    return table.collectAsList();
  }

  public static String render(List<Row> rows) {
    ConsoleTable t = new ConsoleTable(List.of("provider", "size", "model", "cells", "failed", "CorrectScore", "NonNull",
        "dur mean", "dur p50", "dur p90", "TTFT p50", "out tok/s", "429s", "cost $"));
    long cells = 0;
    long failed = 0;
    for (Row r : rows) {
      cells += r.getLong(3);
      failed += r.getLong(4);
      List<String> c = new ArrayList<>();
      c.add(r.getString(0));
      c.add(r.getString(1));
      c.add(r.getString(2));
      c.add(Long.toString(r.getLong(3)));
      c.add(Long.toString(r.getLong(4)));
      c.add(num(r, 5, "%.3f"));
      c.add(num(r, 6, "%.3f"));
      c.add(num(r, 7, "%.2fs"));
      c.add(num(r, 8, "%.2fs"));
      c.add(num(r, 9, "%.2fs"));
      c.add(num(r, 10, "%.2fs"));
      c.add(num(r, 11, "%.0f"));
      c.add(Long.toString(r.getLong(13)));
      c.add(num(r, 12, "%.4f"));
      t.row(c);
    }
    return t.render() + String.format(Locale.ROOT, "%d experiments, %d cells, %d failed (failed cells score 0 and count"
        + " in durations)%n", rows.size(), cells, failed);
  }

  private static String num(Row r, int i, String format) {
    return r.isNullAt(i) ? "-" : String.format(Locale.ROOT, format, ((Number) r.get(i)).doubleValue());
  }
}
