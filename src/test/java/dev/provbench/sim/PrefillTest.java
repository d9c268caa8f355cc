package dev.provbench.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code prefill_tokens_per_s}: every uncached prompt token delays the first token, measured at the server
 * ({@link RequestRecord#firstDeltaMs}) over real HTTP. Real time, so each row allows a margin above its floor.
 */
class PrefillTest {
  private static final String PROFILE = """
      time_scale: 1
      providers:
        - name: P
          path: /p
          models:
            - {id: plain, ttft_ms: 0, tokens_per_s: 100000}
            - {id: prefill, ttft_ms: 50, tokens_per_s: 100000, prefill_tokens_per_s: 1000}
            - {id: cached, ttft_ms: 50, tokens_per_s: 100000, prefill_tokens_per_s: 1000, prefix_cache: true}
      """;
  private static final String SYSTEM = "Answer from the report. ".repeat(100);      // 2,400 characters: 600 tokens
  private static final int MARGIN_MS = 250;

  /** One row: a streamed call, then its first delta at the server is at least {@code floorMs}, within the margin. */
  private record Row(String model, String system, String user, long floorMs) {}

  @Test
  void firstTokenWaitsForTheUncachedPrompt() throws Exception {
    List<Row> rows = List.of(
        new Row("plain", SYSTEM, "q1", 0),                  // no prefill: today's behaviour
        new Row("prefill", "Short.", "q1", 50 + 2),       // 8 characters, 2 tokens: 2 ms
        new Row("prefill", SYSTEM, "q1", 50 + 601),       // 601 tokens at 1,000 per s
        new Row("prefill", SYSTEM, "q1", 50 + 601),       // no prefix cache: read again
        new Row("cached", SYSTEM, "q1", 50 + 601),        // first seen
        new Row("cached", SYSTEM, "q2", 50 + 1),          // the system message is cached: 1 token read
        new Row("cached", SYSTEM, "q2", 50));             // all of it cached
    try (SimulatedProviders sim = SimulatedProviders.start(SimProfile.parse(PROFILE, "inline"), 0)) {
      for (Row row : rows) SimCalls.chunks(sim.baseUrl("P"), body(row));
      assertTrue(sim.awaitIdle(5_000));
      List<RequestRecord> log = sim.requestLog();
      assertEquals(rows.size(), log.size());
      for (int i = 0; i < rows.size(); i++) {
        Row row = rows.get(i);
        double first = log.get(i).firstDeltaMs();
        assertTrue(first >= row.floorMs() && first < row.floorMs() + MARGIN_MS,
            "row " + i + " " + row.model() + ": first delta at " + first + " ms, floor " + row.floorMs());
      }
    }
  }

  private static ObjectNode body(Row row) {
    ObjectNode body = SimCalls.chat(row.model(), row.user(), true, true);
    ((ObjectNode) ((ArrayNode) body.get("messages")).get(0)).put("content", row.system());
    return body;
  }
}
