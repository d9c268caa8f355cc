package dev.provbench.analysis;

import static org.apache.spark.sql.functions.col;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;

/**
 * The {@code run_cells} view: one run's {@code cells} (latest attempt of each) that the ordinary tables read
 * (see {@link LadderStep}: no warm-up rows, one step of a load ladder), only the columns the tables read,
 * cached, so the de-duplication runs once for all of a run's queries. One run at a time per session; the caller
 * unpersists it.
 */
final class RunCells {
  static final String[] COLUMNS = {"provider", "model", "size", "case_id", "status", "attempts", "reconnects",
      "rate_limited", "backoff_ms", "duration_ms", "latency_ms", "ttft_ms", "first_answer_ms", "tpot_ms", "output_tps",
      "chunk_gaps_ms", "completion_tokens", "usage_source", "cost_usd", "usd_per_hour", "output", "correct_score",
      "non_null", "stream", "started_at", "finished_at"};

  private RunCells() {}

  /** The rows of the ladder's lowest step, if the run has a ladder. */
  static Dataset<Row> cache(SparkSession spark, String runId) {
    return cache(spark, runId, LadderStep.choose(spark, runId, null));
  }

  static Dataset<Row> cache(SparkSession spark, String runId, LadderStep step) {
    Dataset<Row> cells = spark.table("cells").where(col("run_id").equalTo(runId)).where(step.rowFilter())
        .selectExpr(COLUMNS).persist(StorageLevel.MEMORY_AND_DISK());
    cells.createOrReplaceTempView("run_cells");
    return cells;
  }
}
