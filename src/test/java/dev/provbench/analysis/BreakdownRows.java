package dev.provbench.analysis;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.provbench.results.ResultSchema;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import scala.jdk.javaapi.CollectionConverters;

/**
 * Run {@code b1}, written through {@link ResultsFixture}'s row builder with chosen prompt sizes and scores: P1 and P2
 * at 8b, short cases s1, s2 (500 prompt tokens) and long ones l1, l2 (20,000), 2 trials, plus P1's cell u1 whose
 * usage is unknown (no prompt_tokens). P1 is faster on short prompts (p50 0.5 s against 0.8 s), P2 on long ones
 * (3.0 s against 5.0 s); P2's l2/2 timed out. Scorers in job order: CorrectScore (P1 1, P2 0.5 per answer), NonNull,
 * exact (P1 0, P2 1 per answer).
 */
final class BreakdownRows {
  private static final ObjectMapper JSON = new ObjectMapper();

  private BreakdownRows() {}

  static Path write(SparkSession spark, Path dir) throws Exception {
    List<Row> rows = new ArrayList<>();
    for (int trial = 1; trial <= 2; trial++) {
      long p1Short = trial == 1 ? 400 : 600;
      long p1Long = trial == 1 ? 4000 : 6000;
      for (String c : List.of("s1", "s2")) rows.add(cell("P1", c, trial, "ok", p1Short, 100, 500L, 1.0, 0.0));
      for (String c : List.of("l1", "l2")) rows.add(cell("P1", c, trial, "ok", p1Long, 2000, 20_000L, 1.0, 0.0));
      for (String c : List.of("s1", "s2")) rows.add(cell("P2", c, trial, "ok", trial == 1 ? 700 : 900, 200, 500L, 0.5, 1.0));
    }
    rows.add(cell("P2", "l1", 1, "ok", 2500, 1000, 20_000L, 0.5, 1.0));
    rows.add(cell("P2", "l1", 2, "ok", 3500, 1000, 20_000L, 0.5, 1.0));
    rows.add(cell("P2", "l2", 1, "ok", 3000, 1000, 20_000L, 0.5, 1.0));
    rows.add(cell("P2", "l2", 2, "timeout", 60_000, null, null, 0.0, 0.0));
    rows.add(cell("P1", "u1", 1, "ok", 999, 100, null, 1.0, 0.0));
    ResultsFixture.write(spark, dir, rows);
    return dir;
  }

  private static Row cell(String provider, String caseId, int trial, String status, long durationMs, Integer ttftMs,
      Long promptTokens, double correct, double exact) throws Exception {
    boolean ok = status.equals("ok");
    Row base = ResultsFixture.row(JSON.readTree(String.format(Locale.ROOT, "{\"run\":\"b1\",\"p\":\"%s\",\"size\":\"8b\","
        + "\"case\":\"%s\",\"trial\":%d,\"status\":\"%s\",\"exp\":1.0,\"cs\":%s,\"dur\":%d,\"start\":%d%s%s}", provider,
        caseId, trial, status, correct, durationMs, trial * 100, ok ? ",\"out\":1.0,\"choice\":\"C\"" : ",\"http\":null",
        ttftMs == null ? "" : ",\"ttft\":" + ttftMs)));
    List<Row> scores = List.of(RowFactory.create("CorrectScore", correct, null),
        RowFactory.create("NonNull", ok ? 1.0 : 0.0, null), RowFactory.create("exact", exact, null));
    Object[] values = new Object[ResultSchema.COLUMNS.size()];
    for (int i = 0; i < values.length; i++) {
      String name = ResultSchema.COLUMNS.get(i).name();
      values[i] = switch (name) {
        case "prompt_tokens" -> promptTokens;
        case "scores" -> CollectionConverters.asScala(scores).toSeq();
        default -> base.get(i);
      };
    }
    return RowFactory.create(values);
  }
}
