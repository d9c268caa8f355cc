package dev.provbench.analysis;

import static org.apache.spark.sql.functions.col;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;

/**
 * The {@code run_cells} view: one run's {@code cells} (latest attempt of each), only the columns the
 * tables read, cached, so the de-duplication runs once for all of a run's queries. One run at a time per
 * session; the caller unpersists it.
 */
final class RunCells {
  static final String[] COLUMNS = {"provider", "model", "size", "case_id", "status", "attempts", "reconnects",
      "rate_limited", "backoff_ms", "duration_ms", "latency_ms", "ttft_ms", "first_answer_ms", "tpot_ms", "output_tps",
      "chunk_gaps_ms", "completion_tokens", "usage_source", "cost_usd", "usd_per_hour", "output", "correct_score",
      "non_null", "stream", "started_at", "finished_at"};

  private RunCells() {}

  static Dataset<Row> cache(SparkSession spark, String runId) {
    Dataset<Row> cells = spark.table("cells").where(col("run_id").equalTo(runId))
        .selectExpr(COLUMNS).persist(StorageLevel.MEMORY_AND_DISK());
    cells.createOrReplaceTempView("run_cells");
    return cells;
  }
}
