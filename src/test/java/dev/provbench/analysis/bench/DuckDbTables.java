package dev.provbench.analysis.bench;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;

/**
 * DuckDB computing per-experiment tables comparable to {@code analyze}'s (without its bootstraps, paired tests and
 * insights) over a results folder's Parquet, with the same de-duplication of re-run cells and the same answered
 * rule: the yardstick of {@code bench/analysis/speed.sh}. Prints the rows it read and the time inside the JVM.
 * Args: RESULTS [THREADS].
 */
public final class DuckDbTables {
  static final String ANSWERED = "status IN ('ok', 'parse_error')";
  static final List<String> TABLES = List.of(
      """
      SELECT size, count(DISTINCT (provider, model)), count(*), count(*) FILTER (WHERE NOT (%1$s)),
             count(*) FILTER (WHERE status <> 'ok'), avg(correct_score), avg(non_null),
             avg(duration_ms) FILTER (WHERE %1$s) / 1000, quantile_cont(duration_ms, 0.5) FILTER (WHERE %1$s) / 1000
      FROM cells GROUP BY size""",
      """
      SELECT size, provider, model, count(*), count(*) FILTER (WHERE NOT (%1$s)),
             quantile_cont(duration_ms, [0.05, 0.25, 0.5, 0.75, 0.9, 0.95, 0.99]) FILTER (WHERE %1$s),
             avg(duration_ms) FILTER (WHERE %1$s), stddev_samp(duration_ms) FILTER (WHERE %1$s),
             min(duration_ms) FILTER (WHERE %1$s), max(duration_ms) FILTER (WHERE %1$s), avg(duration_ms),
             quantile_cont(latency_ms, 0.5) FILTER (WHERE %1$s), quantile_cont(ttft_ms, 0.5) FILTER (WHERE %1$s),
             quantile_cont(first_answer_ms, 0.5) FILTER (WHERE %1$s),
             1000 * sum(completion_tokens) FILTER (WHERE %1$s AND stream AND latency_ms > ttft_ms)
               / sum(latency_ms - ttft_ms) FILTER (WHERE %1$s AND stream AND latency_ms > ttft_ms),
             quantile_cont(output_tps, 0.5) FILTER (WHERE %1$s), quantile_cont(tpot_ms, 0.5) FILTER (WHERE %1$s)
      FROM cells GROUP BY ALL""",
      """
      SELECT size, provider, model, count(*), count(*) FILTER (WHERE status <> 'ok'), count(DISTINCT case_id),
             avg(correct_score), avg(non_null)
      FROM cells GROUP BY ALL""",
      """
      SELECT size, provider, model, count(*) FILTER (WHERE status = 'parse_error'),
             count(*) FILTER (WHERE status = 'http_error'), count(*) FILTER (WHERE status = 'bad_response'),
             count(*) FILTER (WHERE status = 'timeout'), count(*) FILTER (WHERE status = 'transport_error'),
             sum(rate_limited), count(*) FILTER (WHERE rate_limited > 0), sum(attempts - 1),
             sum(coalesce(reconnects, 0)), sum(backoff_ms) / 1000
      FROM cells GROUP BY ALL""",
      """
      SELECT size, provider, model, sum(cost_usd), count(cost_usd), count(*) FILTER (WHERE correct_score >= 1),
             count(*) FILTER (WHERE cost_usd IS NOT NULL AND correct_score >= 1), max(usd_per_hour),
             count(*) FILTER (WHERE correct_score >= 1 AND duration_ms <= 5000),
             epoch_ms(max(finished_at)) - epoch_ms(min(started_at))
      FROM cells GROUP BY ALL""",
      """
      SELECT size, provider, model, count(*), count(*) FILTER (WHERE trials > 1),
             count(*) FILTER (WHERE trials > 1 AND outputs = 1)
      FROM (SELECT size, provider, model, case_id, count(*) AS trials,
                   count(DISTINCT coalesce(CAST(output AS VARCHAR), 'null')) AS outputs
            FROM cells GROUP BY ALL)
      GROUP BY ALL""",
      """
      SELECT size, provider, model, quantile_cont(gap, 0.5), quantile_cont(gap, 0.99)
      FROM (SELECT size, provider, model, unnest(chunk_gaps_ms) AS gap FROM cells WHERE %1$s)
      GROUP BY ALL""");

  public static void main(String[] args) throws Exception {
    Path results = Path.of(args[0]);
    int threads = args.length > 1 ? Integer.parseInt(args[1]) : 2;
    long t = System.nanoTime();
    long rows = 0;
    try (Connection db = DriverManager.getConnection("jdbc:duckdb:"); Statement st = db.createStatement()) {
      st.execute("SET threads = " + threads);
      st.execute(String.format(Locale.ROOT, AnalysisBenchmark.DUCKDB_CELLS, results));
      for (String q : TABLES) {
        try (ResultSet rs = st.executeQuery(q.formatted(ANSWERED))) {
          while (rs.next()) {
            rs.getObject(1);
            rows++;
          }
        }
      }
    }
    System.out.printf(Locale.ROOT, "duckdb: %d tables, %d rows, %.2f s in the JVM%n", TABLES.size(), rows,
        (System.nanoTime() - t) / 1e9);
  }
}
