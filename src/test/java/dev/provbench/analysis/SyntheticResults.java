package dev.provbench.analysis;

import dev.provbench.results.CellStatus;
import dev.provbench.results.ResultSchema;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;

/**
 * Results of the write-up's shape made by Spark itself from {@code spark.range}: Providers 1–3 at 8b,
 * 70b and 405b plus a self-hosted 405b (10 experiments), 3 trials per case. Durations are log-normal per
 * provider and size (Provider 1 fastest at 8b and 70b, slowest at 405b); accuracy grows with size and
 * varies most between providers at 8b; about 2% of cells fail. Deterministic for a given size.
 */
public final class SyntheticResults {
  static final int TRIALS = 3;
  private static final String ANSWERED = "(" + CellStatus.ANSWERED_SQL + ")";
  static final String EXPERIMENTS = """
      stack(10,
        'Provider 1', 'accounts/fireworks/models/llama-v3p1-8b-instruct', '8b', 0.55D, 0.62D, 0.20D, 0.0002D,
        'Provider 2', 'meta-llama/Meta-Llama-3.1-8B-Instruct-Turbo', '8b', 0.75D, 0.74D, 0.18D, 0.00018D,
        'Provider 3', 'llama3-1-8b', '8b', 0.80D, 0.52D, 0.25D, 0.0001D,
        'Provider 1', 'accounts/fireworks/models/llama-v3p1-70b-instruct', '70b', 1.40D, 0.84D, 0.25D, 0.0009D,
        'Provider 2', 'meta-llama/Meta-Llama-3.1-70B-Instruct-Turbo', '70b', 1.70D, 0.82D, 0.35D, 0.00088D,
        'Provider 3', 'llama3-1-70b', '70b', 2.10D, 0.80D, 0.45D, 0.0008D,
        'Provider 1', 'accounts/fireworks/models/llama-v3p1-405b-instruct', '405b', 3.60D, 0.86D, 0.45D, 0.003D,
        'Provider 2', 'meta-llama/Meta-Llama-3.1-405B-Instruct-Turbo', '405b', 2.40D, 0.87D, 0.35D, 0.0035D,
        'Provider 3', 'llama3-1-405b', '405b', 2.90D, 0.85D, 0.50D, 0.003D,
        'Self-hosted vLLM', 'meta-llama/Meta-Llama-3.1-405B-Instruct-FP8', '405b', 3.10D, 0.86D, 0.30D, 0.004D)
      AS (provider, model, size, median_s, accuracy, sigma, cost_per_cell)""";

  private SyntheticResults() {}

  /** About {@code cells} cells (a multiple of 30) as run {@code runId} under {@code dir}. */
  public static void write(SparkSession spark, Path dir, String runId, long cells) {
    long cases = Math.max(1, cells / (10L * TRIALS));
    Dataset<Row> experiments = spark.range(1).selectExpr(EXPERIMENTS).withColumn("e", functions.monotonically_increasing_id());
    Dataset<Row> grid = spark.range(cases * TRIALS).selectExpr("id DIV " + TRIALS + " AS case_n", "id % " + TRIALS
        + " + 1 AS trial");
    Dataset<Row> joined = grid.crossJoin(functions.broadcast(experiments))
        .withColumn("u", expr("(abs(hash(case_n, trial, provider, size)) % 1000000) / 1000000.0"))
        .withColumn("v", expr("(abs(hash(trial, case_n, size, provider, 7)) % 1000000) / 1000000.0"))
        .withColumn("gold", expr("CASE case_n % 3 WHEN 0 THEN 1.0 WHEN 1 THEN 0.0 ELSE 0.6 END"))
        .withColumn("easy", expr("(abs(hash(case_n)) % 100) / 100.0"))
        .withColumn("status", expr("CASE WHEN u < 0.012 THEN 'parse_error' WHEN u < 0.018 THEN 'http_error'"
            + " WHEN u < 0.02 THEN 'timeout' ELSE 'ok' END"))
        .withColumn("right", expr("v < accuracy + (easy - 0.5) * 0.3"))
        .withColumn("out", expr("CASE WHEN status <> 'ok' THEN NULL WHEN right THEN gold"
            + " WHEN gold = 1.0 THEN 0.6 WHEN gold = 0.6 THEN 0.4 ELSE 1.0 END"))
        .withColumn("dur", expr("CAST(median_s * 1000 * exp(sigma * sqrt(-2 * ln(greatest(u, 1e-9)))"
            + " * cos(6.283185307 * v)) + CASE WHEN status = 'timeout' THEN 60000 ELSE 0 END AS BIGINT)"));
    Dataset<Row> rows = joined.selectExpr(
        "concat_ws('|', '" + runId + "', provider, model, CAST(case_n AS STRING), CAST(trial AS STRING)) AS cell_id",
        "provider", "model", "size", "concat('case-', case_n) AS case_id", "CAST(trial AS INT) AS trial", "status",
        "CAST(CASE WHEN status = 'http_error' THEN 429 WHEN status = 'timeout' THEN NULL ELSE 200 END AS INT) AS http_status",
        "CASE WHEN status = 'ok' THEN NULL ELSE concat(status, ' (synthetic)') END AS error",
        "CAST(CASE WHEN status = 'http_error' THEN 4 ELSE 1 END AS INT) AS attempts",
        "CAST(CASE WHEN status = 'http_error' THEN 3 ELSE 0 END AS INT) AS rate_limited", "CAST(0 AS INT) AS reconnects",
        "CAST(CASE WHEN status = 'http_error' THEN 3500 ELSE 0 END AS BIGINT) AS backoff_ms", "CAST(0 AS BIGINT) AS throttle_ms",
        "dur AS duration_ms", "CASE WHEN " + ANSWERED + " THEN dur END AS latency_ms",
        "CASE WHEN " + ANSWERED + " THEN CAST(dur * 0.25 AS BIGINT) END AS ttft_ms",
        "CASE WHEN " + ANSWERED + " THEN CAST(dur * 0.25 AS BIGINT) END AS first_answer_ms",
        "CASE WHEN " + ANSWERED + " THEN (dur * 0.75) / 59 END AS tpot_ms",
        "CASE WHEN " + ANSWERED + " THEN 59 / (dur * 0.75 / 1000) END AS output_tps",
        "CASE WHEN " + ANSWERED + " THEN array(CAST(dur * 0.01 AS INT), CAST(dur * 0.015 AS INT)) END AS chunk_gaps_ms",
        "CAST(3500 AS BIGINT) AS prompt_tokens", "CAST(60 AS BIGINT) AS completion_tokens",
        "CAST(0 AS BIGINT) AS reasoning_tokens", "CAST(0 AS BIGINT) AS cached_tokens",
        "CASE WHEN " + ANSWERED + " THEN 'server' END AS usage_source",
        "CASE WHEN provider = 'Self-hosted vLLM' THEN NULL ELSE cost_per_cell END AS cost_usd",
        "CASE WHEN provider = 'Self-hosted vLLM' THEN 12.0D END AS usd_per_hour",
        "concat('synthetic-', case_n, '-', trial, '-', e) AS response_id", "CASE WHEN out IS NULL THEN NULL ELSE concat('<function=select_choice>"
            + "{\"reasons\": \"synthetic\", \"choice\": \"', CASE out WHEN 1.0 THEN 'C' WHEN 0.6 THEN 'B' WHEN 0.4 THEN 'A'"
            + " ELSE 'D' END, '\"}</function>') END AS response", "CAST(NULL AS STRING) AS reasoning",
        "CAST(NULL AS STRING) AS tool_calls",
        "out AS output", "CASE out WHEN 1.0 THEN 'C' WHEN 0.6 THEN 'B' WHEN 0.4 THEN 'A' WHEN 0.0 THEN 'D' END AS choice",
        "CASE WHEN out IS NULL THEN NULL ELSE 'synthetic' END AS reasons", "gold AS expected",
        "CASE WHEN out IS NULL THEN 0.0 WHEN out = 0 AND gold = 0 THEN 1.0"
            + " ELSE 1 - abs(gold - out) / (abs(gold) + abs(out)) END AS correct_score",
        "CASE WHEN out IS NULL THEN 0.0 ELSE 1.0 END AS non_null",
        "CASE WHEN out IS NULL THEN 'output is null' END AS score_note", "true AS stream", "false AS cache_bust",
        "timestamp_millis(1735689600000 + (case_n * 3 + trial) * 400 + e * 17) AS started_at",
        "timestamp_millis(1735689600000 + (case_n * 3 + trial) * 400 + e * 17 + dur) AS finished_at",
        "CAST(array() AS array<struct<attempt:int,status:string,http_status:int,latency_ms:bigint,wait_ms:bigint,"
            + "error:string,prompt_tokens:bigint,completion_tokens:bigint,response_id:string>>) AS attempt_log",
        "'" + runId + "' AS run_id");
    List<String> made = Arrays.asList(rows.columns());
    // A column made here keeps an array's own element nullability (Spark refuses a cast to non-null elements); one the
    // generator does not make (a later format's) is null, as in results written before it.
    Column[] typed = Arrays.stream(ResultSchema.SCHEMA.fields())
        .map(f -> !made.contains(f.name()) ? functions.lit(null).cast(f.dataType()).as(f.name())
            : f.name().equals("attempt_log") || f.name().equals("chunk_gaps_ms") ? functions.col(f.name())
            : functions.col(f.name()).cast(f.dataType()).as(f.name())).toArray(Column[]::new);
    rows.select(typed).write().mode(SaveMode.Append).partitionBy("run_id").parquet(dir.toString());
  }

  private static Column expr(String sql) {
    return functions.expr(sql);
  }

  /** Checks the schema matches the real one's column names and types (nullability aside). */
  static boolean matchesSchema(Dataset<Row> written) {
    return written.schema().simpleString().equals(ResultSchema.SCHEMA.simpleString());
  }
}
