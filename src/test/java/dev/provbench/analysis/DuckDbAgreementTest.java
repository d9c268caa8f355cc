package dev.provbench.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.provbench.SparkTestSession;
import dev.provbench.results.CellStatus;
import dev.provbench.results.ResultsViews;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Another engine reads our Parquet: DuckDB's per-experiment aggregates equal Spark SQL's, re-run cells included. */
class DuckDbAgreementTest {
  /** The {@code experiments} view in DuckDB's dialect, over the latest attempt of each cell. */
  static final String DUCKDB_EXPERIMENTS = """
      WITH cells AS (
        SELECT * FROM read_parquet('%1$s/*/*.parquet', hive_partitioning = true)
        QUALIFY row_number() OVER (PARTITION BY run_id, cell_id ORDER BY finished_at DESC) = 1)
      SELECT run_id, provider, size, count(*) AS cells, count(*) FILTER (WHERE NOT (%2$s)) AS failed,
             count(*) FILTER (WHERE NOT (%2$s)) / count(*) AS failure_rate,
             avg(correct_score), avg(non_null), avg(duration_ms) FILTER (WHERE %2$s) / 1000,
             quantile_cont(duration_ms, 0.5) FILTER (WHERE %2$s) / 1000, avg(duration_ms) / 1000,
             quantile_cont(ttft_ms, 0.5) FILTER (WHERE %2$s) / 1000, sum(cost_usd),
             count(*) FILTER (WHERE usage_source = 'estimated'), CAST(coalesce(sum(coalesce(reconnects, 0)), 0) AS BIGINT)
      FROM cells GROUP BY ALL ORDER BY run_id, provider, size""";
  static final String SPARK_COLUMNS = "run_id, provider, size, cells, failed, failure_rate, correct_score, non_null,"
      + " duration_mean_s, duration_p50_s, duration_mean_incl_failures_s, ttft_p50_s, cost_usd, estimated_usage, reconnects";

  @TempDir
  Path dir;

  @Test
  void duckDbAndSparkAgree() throws Exception {
    SparkSession spark = SparkTestSession.get();
    Path results = ResultsFixture.write(spark, dir.resolve("results"));
    ResultsViews.register(spark, results.toString());
    List<String> fromSpark = new ArrayList<>();
    for (Row r : spark.sql("SELECT " + SPARK_COLUMNS + " FROM experiments ORDER BY run_id, provider, size").collectAsList()) {
      List<Object> values = new ArrayList<>();
      for (int i = 0; i < r.length(); i++) values.add(r.get(i));
      fromSpark.add(line(values));
    }
    List<String> fromDuckDb = new ArrayList<>();
    try (Connection db = DriverManager.getConnection("jdbc:duckdb:");
        Statement st = db.createStatement();
        ResultSet rs = st.executeQuery(String.format(Locale.ROOT, DUCKDB_EXPERIMENTS, results, CellStatus.ANSWERED_SQL))) {
      while (rs.next()) {
        List<Object> values = new ArrayList<>();
        for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) values.add(rs.getObject(i));
        fromDuckDb.add(line(values));
      }
    }
    assertEquals(5, fromSpark.size());
    assertEquals(fromSpark, fromDuckDb);
  }

  /** One row as text, numbers to 9 decimals so both engines' doubles compare. */
  private static String line(List<Object> values) {
    List<String> out = new ArrayList<>();
    for (Object v : values) {
      out.add(v instanceof Number n && !(v instanceof Long) && !(v instanceof Integer)
          ? String.format(Locale.ROOT, "%.9f", n.doubleValue()) : v instanceof Number n ? Long.toString(n.longValue())
          : String.valueOf(v));
    }
    return String.join(" | ", out);
  }
}
