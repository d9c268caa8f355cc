package dev.provbench.results;

import dev.provbench.provider.AttemptRecord;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import scala.jdk.javaapi.CollectionConverters;

/**
 * The Parquet schema of the results: one row per cell. Bump {@link #FORMAT_VERSION} on any change that
 * older readers cannot take.
 */
public final class ResultSchema {
  public static final int FORMAT_VERSION = 1;

  static final StructType ATTEMPT = new StructType(new StructField[] {
      field("attempt", DataTypes.IntegerType, false),
      field("status", DataTypes.StringType, false),
      field("http_status", DataTypes.IntegerType, true),
      field("latency_ms", DataTypes.LongType, false),
      field("wait_ms", DataTypes.LongType, false),
      field("error", DataTypes.StringType, true)});

  public static final StructType SCHEMA = new StructType(new StructField[] {
      field("cell_id", DataTypes.StringType, false),
      field("provider", DataTypes.StringType, false),
      field("model", DataTypes.StringType, false),
      field("size", DataTypes.StringType, false),
      field("case_id", DataTypes.StringType, false),
      field("trial", DataTypes.IntegerType, false),
      field("status", DataTypes.StringType, false),
      field("http_status", DataTypes.IntegerType, true),
      field("error", DataTypes.StringType, true),
      field("attempts", DataTypes.IntegerType, false),
      field("rate_limited", DataTypes.IntegerType, false),
      field("backoff_ms", DataTypes.LongType, false),
      field("throttle_ms", DataTypes.LongType, false),
      field("duration_ms", DataTypes.LongType, false),
      field("latency_ms", DataTypes.LongType, true),
      field("ttft_ms", DataTypes.LongType, true),
      field("prompt_tokens", DataTypes.LongType, true),
      field("completion_tokens", DataTypes.LongType, true),
      field("output_tps", DataTypes.DoubleType, true),
      field("cost_usd", DataTypes.DoubleType, true),
      field("response", DataTypes.StringType, true),
      field("output", DataTypes.DoubleType, true),
      field("choice", DataTypes.StringType, true),
      field("reasons", DataTypes.StringType, true),
      field("expected", DataTypes.DoubleType, false),
      field("correct_score", DataTypes.DoubleType, true),
      field("non_null", DataTypes.DoubleType, true),
      field("score_note", DataTypes.StringType, true),
      field("stream", DataTypes.BooleanType, false),
      field("started_at", DataTypes.TimestampType, false),
      field("finished_at", DataTypes.TimestampType, false),
      field("attempt_log", DataTypes.createArrayType(ATTEMPT, false), false),
      field("run_id", DataTypes.StringType, false)});

  private ResultSchema() {}

  public static Row toRow(CellResult r) {
    List<Row> attempts = new ArrayList<>();
    for (AttemptRecord a : r.attemptLog()) {
      attempts.add(RowFactory.create(a.attempt(), a.status(), a.httpStatus(), a.latencyMs(), a.waitMs(), a.error()));
    }
    return RowFactory.create(r.cellId(), r.provider(), r.model(), r.size(), r.caseId(), r.trial(), r.status(),
        r.httpStatus(), r.error(), r.attempts(), r.rateLimited(), r.backoffMs(), r.throttleMs(), r.durationMs(), r.latencyMs(),
        r.ttftMs(), r.promptTokens(), r.completionTokens(), r.outputTps(), r.costUsd(), r.response(), r.output(),
        r.choice(), r.reasons(), r.expected(), r.correctScore(), r.nonNull(), r.scoreNote(), r.stream(),
        Timestamp.from(r.startedAt()), Timestamp.from(r.finishedAt()),
        CollectionConverters.asScala(attempts).toSeq(), r.runId());
  }

  private static StructField field(String name, org.apache.spark.sql.types.DataType type, boolean nullable) {
    return DataTypes.createStructField(name, type, nullable);
  }
}
