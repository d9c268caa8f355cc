package dev.provbench.analysis;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.provbench.results.CellStatus;
import dev.provbench.results.ResultSchema;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import scala.jdk.javaapi.CollectionConverters;

/**
 * The small results set every analysis test checks by hand: {@code analysis/results.jsonl}, written as
 * Parquet with the real schema, partitioned by run_id. Run r1: P1 and P2 at 8b and 70b, cases c1 and c2,
 * 2 trials, 4 failed cells, and cell P2/8b/c2/2 run twice (a timeout, then ok: the later row wins).
 * P2 at 70b is self-hosted ({@code usd_per_hour} 3.60, no {@code cost_usd}). Run r0: two older cells. Short keys of
 * the JSONL fill the schema's columns by name; the rest take defaults.
 */
public final class ResultsFixture {
  /** When the cells start: {@code start} in the JSONL counts seconds from here. */
  public static final Instant T0 = Instant.parse("2025-01-01T00:00:00Z");
  private static final ObjectMapper JSON = new ObjectMapper();

  private ResultsFixture() {}

  /** Writes the fixture under {@code dir} and returns {@code dir}. */
  public static Path write(SparkSession spark, Path dir) throws IOException {
    write(spark, dir, rows());
    return dir;
  }

  public static void write(SparkSession spark, Path dir, List<Row> rows) {
    spark.createDataFrame(rows, ResultSchema.SCHEMA).coalesce(1).write().mode(SaveMode.Append).partitionBy("run_id")
        .parquet(dir.toString());
  }

  public static List<Row> rows() throws IOException {
    List<Row> rows = new ArrayList<>();
    try (InputStream in = ResultsFixture.class.getResourceAsStream("/analysis/results.jsonl")) {
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        if (!line.isBlank()) rows.add(row(JSON.readTree(line)));
      }
    }
    return rows;
  }

  /** One cell from its short JSONL keys, built column by column by name; unnamed columns take defaults. */
  static Row row(JsonNode j) {
    String run = j.get("run").asText();
    String provider = j.get("p").asText();
    String size = j.get("size").asText();
    String caseId = j.get("case").asText();
    int trial = j.get("trial").asInt();
    String status = j.get("status").asText();
    boolean ok = status.equals("ok");
    boolean answered = CellStatus.of(status).answered();
    Double output = dbl(j, "out");
    long duration = j.get("dur").asLong();
    Instant start = T0.plusSeconds(j.get("start").asLong());
    Integer http = j.has("http") ? (j.get("http").isNull() ? null : j.get("http").asInt()) : (answered ? 200 : null);
    String choice = j.has("choice") ? j.get("choice").asText() : null;
    String response = j.has("response") ? j.get("response").asText()
        : choice == null ? null : "<function=select_choice>{\"reasons\": \"r\", \"choice\": \"" + choice + "\"}</function>";
    Long ttft = j.has("ttft") ? j.get("ttft").asLong() : null;
    Map<String, Object> v = new HashMap<>();
    v.put("cell_id", run + "|" + provider + "|" + size + "|" + caseId + "|" + trial);
    v.put("provider", provider);
    v.put("model", "m-" + provider.toLowerCase() + "-" + size);
    v.put("size", size);
    v.put("case_id", caseId);
    v.put("trial", trial);
    v.put("status", status);
    v.put("http_status", http);
    v.put("error", ok ? null : status + " in fixture");
    v.put("attempts", j.path("attempts").asInt(1));
    v.put("reconnects", j.path("reconnects").asInt(0));
    v.put("rate_limited", j.path("r429").asInt(0));
    v.put("backoff_ms", j.path("backoff").asLong(0));
    v.put("throttle_ms", 0L);
    v.put("duration_ms", duration);
    v.put("latency_ms", answered ? (j.has("latency") ? j.get("latency").asLong() : duration) : null);
    v.put("ttft_ms", ttft);
    v.put("first_answer_ms", j.has("first") ? Long.valueOf(j.get("first").asLong()) : ttft);
    v.put("tpot_ms", dbl(j, "tpot"));
    v.put("output_tps", dbl(j, "tps"));
    v.put("chunk_gaps_ms", gaps(j.get("gaps")));
    v.put("prompt_tokens", answered ? 1000L : null);
    v.put("completion_tokens", answered ? j.path("tokens").asLong(20) : null);
    v.put("usage_source", answered ? j.path("usage").asText("server") : null);
    v.put("cost_usd", dbl(j, "cost"));
    v.put("usd_per_hour", dbl(j, "uph"));
    v.put("response_id", j.has("rid") ? j.get("rid").asText() : null);
    v.put("response", response);
    v.put("output", output);
    v.put("choice", choice);
    v.put("reasons", choice == null ? null : "r");
    v.put("expected", j.get("exp").asDouble());
    v.put("correct_score", dbl(j, "cs"));
    v.put("non_null", output == null ? 0.0 : 1.0);
    v.put("score_note", output == null ? "output is null" : null);
    v.put("stream", ttft != null);
    v.put("cache_bust", false);
    v.put("started_at", Timestamp.from(start));
    v.put("finished_at", Timestamp.from(start.plusMillis(duration)));
    v.put("attempt_log", CollectionConverters.asScala(List.<Row>of()).toSeq());
    v.put("run_id", run);
    return RowFactory.create(ResultSchema.COLUMNS.stream().map(c -> v.get(c.name())).toArray());
  }

  private static Object gaps(JsonNode gaps) {
    if (gaps == null || gaps.isNull()) return null;
    List<Integer> out = new ArrayList<>();
    gaps.forEach(g -> out.add(g.asInt()));
    return CollectionConverters.asScala(out).toSeq();
  }

  private static Double dbl(JsonNode j, String field) {
    JsonNode v = j.get(field);
    return v == null || v.isNull() ? null : v.asDouble();
  }
}
