package dev.provbench.results;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import scala.jdk.javaapi.CollectionConverters;

/**
 * Every field of a {@link CellResult} lands in the column of its name: each field gets a value no other
 * field has, and each column is read back by name. Two swapped columns of the same type fail here.
 */
class ResultSchemaTest {
  private static final Instant STARTED = Instant.parse("2026-01-02T03:04:05Z");
  private static final Instant FINISHED = Instant.parse("2026-01-02T03:04:09Z");
  private static final AttemptRecord ATTEMPT = new AttemptRecord(1, "ok", 200, 1234, 0, null, 41L, 42L, "chatcmpl-1");

  private static final List<PositionLogprobs> LOGPROBS = List.of(new PositionLogprobs("sea", -0.5,
      List.of(new PositionLogprobs.Alternative("sea", -0.5), new PositionLogprobs.Alternative("rock", -1.5))));

  private static CellResult distinct() {
    return new CellResult(new CellResult.Identity("run", "cell", "prov", "mod", "8b", "case", 7),
        new CellResult.Setup("native", true, true, 0.4, "gold"),
        new CellResult.Attempts(3, 4, 5, 6, 8, 201, List.of(ATTEMPT)),
        new CellResult.Timing(STARTED, FINISHED, 9),
        new CellResult.Speed(10L, 11L, 12L, 13.5, 14.5, List.of(15, 16)),
        new CellResult.Tokens(17L, 18L, 19L, 20L, "server"),
        new CellResult.Cost(21.5, 22.5),
        new CellResult.Outcome(CellStatus.PARSE_ERROR, "err"),
        new CellResult.Answer("rid", "resp", "think", "[]", LOGPROBS),
        new CellResult.Reading(0.6, "B", "because", "picked"),
        new CellResult.Scoring(0.8, 1.0, "note", List.of(new CellScore("s", 0.7, "why")),
            List.of(new JudgeCall("j", "judge-70b", "ok", 23L, 24, 25, 26.5, null))),
        new CellResult.Load(27, 28, 29.5, true));
  }

  @Test
  void everyFieldLandsInTheColumnOfItsName() {
    Row row = ResultSchema.toRow(distinct());
    check(row, "run_id", "run");
    check(row, "cell_id", "cell");
    check(row, "provider", "prov");
    check(row, "model", "mod");
    check(row, "size", "8b");
    check(row, "case_id", "case");
    check(row, "trial", 7);
    check(row, "status", "parse_error");
    check(row, "http_status", 201);
    check(row, "error", "err");
    check(row, "attempts", 3);
    check(row, "reconnects", 4);
    check(row, "rate_limited", 5);
    check(row, "backoff_ms", 6L);
    check(row, "throttle_ms", 8L);
    check(row, "duration_ms", 9L);
    check(row, "latency_ms", 10L);
    check(row, "ttft_ms", 11L);
    check(row, "first_answer_ms", 12L);
    check(row, "tpot_ms", 13.5);
    check(row, "output_tps", 14.5);
    check(row, "prompt_tokens", 17L);
    check(row, "completion_tokens", 18L);
    check(row, "reasoning_tokens", 19L);
    check(row, "cached_tokens", 20L);
    check(row, "usage_source", "server");
    check(row, "cost_usd", 21.5);
    check(row, "usd_per_hour", 22.5);
    check(row, "response_id", "rid");
    check(row, "response", "resp");
    check(row, "reasoning", "think");
    check(row, "tool_calls", "[]");
    check(row, "output", 0.6);
    check(row, "choice", "B");
    check(row, "reasons", "because");
    check(row, "expected", 0.4);
    check(row, "correct_score", 0.8);
    check(row, "non_null", 1.0);
    check(row, "score_note", "note");
    check(row, "tool_mode", "native");
    check(row, "expected_text", "gold");
    check(row, "extracted", "picked");
    check(row, "load_step", 27);
    check(row, "load_concurrency", 28);
    check(row, "load_rate", 29.5);
    check(row, "load_warmup", true);
    check(row, "stream", true);
    check(row, "cache_bust", true);
    check(row, "started_at", Timestamp.from(STARTED));
    check(row, "finished_at", Timestamp.from(FINISHED));
    List<?> gaps = CollectionConverters.asJava((scala.collection.Seq<?>) row.get(index("chunk_gaps_ms")));
    assertArrayEquals(new Object[] {15, 16}, gaps.toArray());
    Row score = (Row) CollectionConverters.asJava((scala.collection.Seq<?>) row.get(index("scores"))).get(0);
    assertEquals(List.of("s", 0.7, "why"), List.of(score.getAs("scorer"), score.getAs("score"), score.getAs("note")));
    List<?> judged = CollectionConverters.asJava((scala.collection.Seq<?>) row.get(index("judge_calls")));
    Row call = (Row) judged.get(0);
    assertEquals(Arrays.asList("j", "judge-70b", "ok", 23L, 24, 25, 26.5, null),
        Arrays.asList(call.getAs("scorer"), call.getAs("model"), call.getAs("status"), call.getAs("latency_ms"),
            call.getAs("prompt_tokens"), call.getAs("completion_tokens"), call.getAs("cost_usd"), call.getAs("error")));
    @SuppressWarnings("unchecked")
    scala.collection.Seq<Row> stored = (scala.collection.Seq<Row>) row.get(index("judge_calls"));
    assertEquals(List.of(new JudgeCall("j", "judge-70b", "ok", 23L, 24, 25, 26.5, null)), ResultSchema.judgeCalls(stored));
    @SuppressWarnings("unchecked")
    scala.collection.Seq<Row> logprobs = (scala.collection.Seq<Row>) row.get(index("logprobs"));
    assertEquals(LOGPROBS, ResultSchema.logprobs(logprobs));
    List<?> log = CollectionConverters.asJava((scala.collection.Seq<?>) row.get(index("attempt_log")));
    Row attempt = (Row) log.get(0);
    assertEquals(List.of(1, "ok", 200, 1234L, 0L, "chatcmpl-1", 41L, 42L),
        List.of(attempt.getAs("attempt"), attempt.getAs("status"), attempt.getAs("http_status"), attempt.getAs("latency_ms"),
            attempt.getAs("wait_ms"), attempt.getAs("response_id"), attempt.getAs("prompt_tokens"),
            attempt.getAs("completion_tokens")));
  }

  @Test
  void everyColumnIsCheckedAndNamedOnce() {
    Set<String> names = new HashSet<>(List.of(ResultSchema.SCHEMA.fieldNames()));
    assertEquals(ResultSchema.COLUMNS.size(), names.size(), "column names are unique");
    assertEquals("run_id", ResultSchema.SCHEMA.fieldNames()[ResultSchema.COLUMNS.size() - 1], "the partition column is last");
    int fields = Arrays.stream(CellResult.class.getRecordComponents())
        .mapToInt(group -> group.getType().getRecordComponents().length).sum();
    assertEquals(fields, ResultSchema.COLUMNS.size(), "one column per field");
  }

  private static void check(Row row, String column, Object expected) {
    assertEquals(expected, row.get(index(column)), column);
  }

  private static int index(String column) {
    return ResultSchema.SCHEMA.fieldIndex(column);
  }
}
