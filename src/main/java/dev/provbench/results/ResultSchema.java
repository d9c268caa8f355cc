package dev.provbench.results;

import java.sql.Timestamp;
import java.util.List;
import java.util.function.Function;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.catalyst.expressions.GenericRowWithSchema;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import scala.jdk.javaapi.CollectionConverters;

/**
 * The Parquet schema of the results, one row per cell, as a table of named columns each with the
 * {@link CellResult} field it holds: the one place a field meets its column. {@code run_id} comes last
 * (it is the partition column). Bump {@link #FORMAT_VERSION} on any change that older readers cannot
 * take; columns added since an older format read as null in its files.
 */
public final class ResultSchema {
  /**
   * 2 added reconnects, first_answer_ms, tpot_ms, chunk_gaps_ms, usage details, response_id and more;
   * 3 added the own eval's expected_text, extracted and scores, and the load ladder's load_step, load_concurrency,
   * load_rate and load_warmup;
   * 4 added tool_mode and judge_calls, and a score in {@code scores} may be null (an LLM judge that could not answer);
   * 5 added temperature and audit_reference (a fidelity audit's cells; {@code trial} is the sample index);
   * 6 added conversation_id and turn (a multi-turn conversation's turns), the status {@code not_sent}, logprobs
   * (an audit's token log-probabilities, the first {@link PositionLogprobs#STORED_POSITIONS} positions), and a trace
   * replay's scheduled_ms and send_lag_ms.
   */
  public static final int FORMAT_VERSION = 6;
  /** The oldest format whose files this version still reads and appends to. */
  public static final int OLDEST_READABLE_FORMAT = 1;

  private static final DataType STRING = DataTypes.StringType;
  private static final DataType INT = DataTypes.IntegerType;
  private static final DataType LONG = DataTypes.LongType;
  private static final DataType DOUBLE = DataTypes.DoubleType;
  private static final DataType BOOL = DataTypes.BooleanType;
  private static final DataType TIME = DataTypes.TimestampType;
  private static final DataType INTS = DataTypes.createArrayType(INT, false);

  static final StructType ATTEMPT = new StructType(new StructField[] {
      field("attempt", INT, false),
      field("status", STRING, false),
      field("http_status", INT, true),
      field("latency_ms", LONG, false),
      field("wait_ms", LONG, false),
      field("error", STRING, true),
      field("prompt_tokens", LONG, true),
      field("completion_tokens", LONG, true),
      field("response_id", STRING, true)});
  private static final DataType ATTEMPTS = DataTypes.createArrayType(ATTEMPT, false);
  static final StructType SCORE = new StructType(new StructField[] {
      field("scorer", STRING, false),
      field("score", DOUBLE, true),
      field("note", STRING, true)});
  private static final DataType SCORES = DataTypes.createArrayType(SCORE, false);
  static final StructType JUDGE_CALL = new StructType(new StructField[] {
      field("scorer", STRING, false),
      field("model", STRING, false),
      field("status", STRING, false),
      field("latency_ms", LONG, true),
      field("prompt_tokens", INT, true),
      field("completion_tokens", INT, true),
      field("cost_usd", DOUBLE, true),
      field("error", STRING, true)});
  private static final DataType JUDGE_CALLS = DataTypes.createArrayType(JUDGE_CALL, false);
  static final StructType LOGPROB_ALTERNATIVE = new StructType(new StructField[] {
      field("token", STRING, false),
      field("logprob", DOUBLE, false)});
  static final StructType LOGPROB_POSITION = new StructType(new StructField[] {
      field("token", STRING, false),
      field("logprob", DOUBLE, false),
      field("top", DataTypes.createArrayType(LOGPROB_ALTERNATIVE, false), false)});
  private static final DataType LOGPROBS = DataTypes.createArrayType(LOGPROB_POSITION, false);

  /**
   * One column: its name, type, nullability and the field of a {@link CellResult} it holds.
   *
   * @param name     the column name.
   * @param type     the Spark type.
   * @param nullable whether it may be null.
   * @param value    reads the column's value from a result, in the Spark row's Java type.
   */
  public record Col(String name, DataType type, boolean nullable, Function<CellResult, Object> value) {}

  /** Every column, in file order. */
  public static final List<Col> COLUMNS = List.of(
      col("cell_id", STRING, false, r -> r.identity().cellId()),
      col("provider", STRING, false, r -> r.identity().provider()),
      col("model", STRING, false, r -> r.identity().model()),
      col("size", STRING, false, r -> r.identity().size()),
      col("case_id", STRING, false, r -> r.identity().caseId()),
      col("trial", INT, false, r -> r.identity().trial()),
      col("conversation_id", STRING, true, r -> r.identity().conversationId()),
      col("turn", INT, true, r -> r.identity().turn()),
      col("status", STRING, false, r -> r.outcome().status().value()),
      col("http_status", INT, true, r -> r.attempts().httpStatus()),
      col("error", STRING, true, r -> r.outcome().error()),
      col("attempts", INT, false, r -> r.attempts().count()),
      col("reconnects", INT, false, r -> r.attempts().reconnects()),
      col("rate_limited", INT, false, r -> r.attempts().rateLimited()),
      col("backoff_ms", LONG, false, r -> r.attempts().backoffMs()),
      col("throttle_ms", LONG, false, r -> r.attempts().throttleMs()),
      col("duration_ms", LONG, false, r -> r.timing().durationMs()),
      col("latency_ms", LONG, true, r -> r.speed().latencyMs()),
      col("ttft_ms", LONG, true, r -> r.speed().ttftMs()),
      col("first_answer_ms", LONG, true, r -> r.speed().firstAnswerMs()),
      col("tpot_ms", DOUBLE, true, r -> r.speed().tpotMs()),
      col("output_tps", DOUBLE, true, r -> r.speed().outputTps()),
      col("chunk_gaps_ms", INTS, true, r -> ints(r.speed().chunkGapsMs())),
      col("prompt_tokens", LONG, true, r -> r.tokens().prompt()),
      col("completion_tokens", LONG, true, r -> r.tokens().completion()),
      col("reasoning_tokens", LONG, true, r -> r.tokens().reasoning()),
      col("cached_tokens", LONG, true, r -> r.tokens().cached()),
      col("usage_source", STRING, true, r -> r.tokens().source()),
      col("cost_usd", DOUBLE, true, r -> r.cost().usd()),
      col("usd_per_hour", DOUBLE, true, r -> r.cost().usdPerHour()),
      col("response_id", STRING, true, r -> r.answer().responseId()),
      col("response", STRING, true, r -> r.answer().response()),
      col("reasoning", STRING, true, r -> r.answer().reasoning()),
      col("tool_calls", STRING, true, r -> r.answer().toolCalls()),
      col("output", DOUBLE, true, r -> r.reading().output()),
      col("choice", STRING, true, r -> r.reading().choice()),
      col("reasons", STRING, true, r -> r.reading().reasons()),
      col("expected", DOUBLE, false, r -> r.setup().expected()),
      col("correct_score", DOUBLE, true, r -> r.scoring().correctScore()),
      col("non_null", DOUBLE, true, r -> r.scoring().nonNull()),
      col("score_note", STRING, true, r -> r.scoring().note()),
      col("expected_text", STRING, true, r -> r.setup().expectedText()),
      col("extracted", STRING, true, r -> r.reading().extracted()),
      col("scores", SCORES, true, r -> scores(r.scoring().scores())),
      col("tool_mode", STRING, true, r -> r.setup().toolMode()),
      col("judge_calls", JUDGE_CALLS, true, r -> judgeCallsColumn(r.scoring().judgeCalls())),
      col("temperature", DOUBLE, true, r -> r.setup().temperature()),
      col("audit_reference", STRING, true, r -> r.setup().auditReference()),
      col("logprobs", LOGPROBS, true, r -> logprobsColumn(r.answer().logprobs())),
      col("stream", BOOL, false, r -> r.setup().stream()),
      col("cache_bust", BOOL, false, r -> r.setup().cacheBust()),
      col("load_step", INT, true, r -> r.load().step()),
      col("load_concurrency", INT, true, r -> r.load().concurrency()),
      col("load_rate", DOUBLE, true, r -> r.load().rate()),
      col("load_warmup", BOOL, true, r -> r.load().warmup()),
      col("scheduled_ms", LONG, true, r -> r.replay().scheduledMs()),
      col("send_lag_ms", DOUBLE, true, r -> r.replay().sendLagMs()),
      col("started_at", TIME, false, r -> Timestamp.from(r.timing().startedAt())),
      col("finished_at", TIME, false, r -> Timestamp.from(r.timing().finishedAt())),
      col("attempt_log", ATTEMPTS, false, r -> attempts(r.attempts().log())),
      col("run_id", STRING, false, r -> r.identity().runId()));

  public static final StructType SCHEMA = new StructType(
      COLUMNS.stream().map(c -> field(c.name(), c.type(), c.nullable())).toArray(StructField[]::new));

  private ResultSchema() {}

  public static Row toRow(CellResult r) {
    return new GenericRowWithSchema(COLUMNS.stream().map(c -> c.value().apply(r)).toArray(), SCHEMA);
  }

  private static Object ints(List<Integer> values) {
    return values == null ? null : CollectionConverters.asScala(values).toSeq();
  }

  private static Object attempts(List<AttemptRecord> log) {
    return CollectionConverters.asScala(log.stream().map(a -> (Row) new GenericRowWithSchema(new Object[] {a.attempt(), a.status(),
        a.httpStatus(), a.latencyMs(), a.waitMs(), a.error(), a.promptTokens(), a.completionTokens(), a.responseId()}, ATTEMPT))
        .toList()).toSeq();
  }

  private static Object scores(List<CellScore> scores) {
    return CollectionConverters.asScala(scores.stream()
        .map(s -> (Row) new GenericRowWithSchema(new Object[] {s.scorer(), s.score(), s.note()}, SCORE)).toList()).toSeq();
  }

  /** The {@code judge_calls} column's value of a list, or null. */
  private static Object judgeCallsColumn(List<JudgeCall> calls) {
    if (calls == null) return null;
    return CollectionConverters.asScala(calls.stream().map(c -> (Row) new GenericRowWithSchema(new Object[] {c.scorer(),
        c.model(), c.status(), c.latencyMs(), c.promptTokens(), c.completionTokens(), c.costUsd(), c.error()}, JUDGE_CALL))
        .toList()).toSeq();
  }

  /** The {@code logprobs} column's value of a list, or null. */
  private static Object logprobsColumn(List<PositionLogprobs> positions) {
    if (positions == null) return null;
    return CollectionConverters.asScala(positions.stream().map(p -> (Row) new GenericRowWithSchema(new Object[] {
        p.token(), p.logprob(), CollectionConverters.asScala(p.top().stream().map(a -> (Row) new GenericRowWithSchema(
            new Object[] {a.token(), a.logprob()}, LOGPROB_ALTERNATIVE)).toList()).toSeq()}, LOGPROB_POSITION))
        .toList()).toSeq();
  }

  /** A stored {@code logprobs} value (a Spark row's), or null. */
  public static List<PositionLogprobs> logprobs(scala.collection.Seq<Row> stored) {
    if (stored == null) return null;
    return CollectionConverters.asJava(stored).stream().map(r -> new PositionLogprobs(r.getAs("token"),
        r.<Double>getAs("logprob"), CollectionConverters.asJava(r.<scala.collection.Seq<Row>>getAs("top")).stream()
            .map(a -> new PositionLogprobs.Alternative(a.getAs("token"), a.<Double>getAs("logprob"))).toList()))
        .toList();
  }

  /** A stored {@code judge_calls} value (a Spark row's), or null. */
  public static List<JudgeCall> judgeCalls(scala.collection.Seq<Row> stored) {
    if (stored == null) return null;
    return CollectionConverters.asJava(stored).stream().map(r -> new JudgeCall(r.getAs("scorer"), r.getAs("model"),
        r.getAs("status"), r.getAs("latency_ms"), r.getAs("prompt_tokens"), r.getAs("completion_tokens"),
        r.getAs("cost_usd"), r.getAs("error"))).toList();
  }

  private static Col col(String name, DataType type, boolean nullable, Function<CellResult, Object> value) {
    return new Col(name, type, nullable, value);
  }

  private static StructField field(String name, DataType type, boolean nullable) {
    return DataTypes.createStructField(name, type, nullable);
  }
}
