package dev.provbench.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code prefix_cache}: cached_tokens counts the leading blocks of 16 tokens (64 characters) the model has seen before,
 * never the whole prompt.
 */
class PrefixCacheTest {
  private static final String SYSTEM = "You compare answers. ".repeat(10);  // 210 characters: 3 full blocks and 18 characters
  private static final String BLOCK = "x".repeat(64);                        // exactly one block: 16 tokens

  /** One call in order: the model, the two messages, whether it streams, and the cached tokens it must report. */
  private record Row(String model, String system, String user, boolean stream, int cached) {}

  @Test
  void cachedTokensFollowWhatTheModelHasSeen() throws Exception {
    List<Row> rows = List.of(
        new Row("cached", SYSTEM, "first question", false, 0),                    // never seen
        new Row("cached", SYSTEM, "first question", false, 48),                   // its 3 full blocks; 8 tokens computed
        new Row("cached", SYSTEM, "second question", true, 48),                   // the system message's full blocks, streamed
        new Row("cached", "Another system. " + SYSTEM, "first question", false, 0), // differs in block 1
        new Row("other", SYSTEM, "first question", false, 0),                     // per model
        new Row("cached", BLOCK, "", false, 0),                                   // one block, first seen
        new Row("cached", BLOCK, "", false, 15));                                 // all seen: the last token is computed
    try (SimulatedProviders sim = SimulatedProviders.start(SimProfile.parse("""
        time_scale: 0
        providers:
          - name: Cache
            path: /cache
            models:
              - {id: cached, prefix_cache: true}
              - {id: other, prefix_cache: true}
              - {id: plain}
        """, "inline"), 0)) {
      for (Row row : rows) call(sim, row);
      JsonNode plain = SimCalls.complete(sim.baseUrl("Cache"), body("plain", SYSTEM, "first question", false));
      assertFalse(plain.path("usage").has("prompt_tokens_details"), "without prefix_cache nothing is reported");

      assertTrue(sim.awaitIdle(5_000));
      List<Integer> logged = sim.requestLog().stream().map(RequestRecord::cachedTokens).toList();
      assertEquals(List.of(0, 48, 48, 0, 0, 0, 15, 0), logged);
    }
  }

  @Test
  void theProfileSetsTheBlockSize() throws Exception {
    try (SimulatedProviders sim = SimulatedProviders.start(SimProfile.parse("""
        time_scale: 0
        cache_block_tokens: 4
        providers:
          - {name: Cache, path: /cache, models: [{id: cached, prefix_cache: true}]}
        """, "inline"), 0)) {
      call(sim, new Row("cached", SYSTEM, "first question", false, 0));
      call(sim, new Row("cached", SYSTEM, "second question", false, 52));  // 13 blocks of 16 characters in the system's 210
    }
  }

  /**
   * One call; waits until the server has logged it, so the log's order is the calls' (a streamed reply reaches the
   * client before its handler logs it).
   */
  private static void call(SimulatedProviders sim, Row row) throws InterruptedException {
    String base = sim.baseUrl("Cache");
    ObjectNode body = body(row.model(), row.system(), row.user(), row.stream());
    JsonNode usage = row.stream()
        ? SimCalls.chunks(base, body).stream().filter(c -> c.has("usage")).findFirst().orElseThrow().path("usage")
        : SimCalls.complete(base, body).path("usage");
    assertEquals(row.cached(), usage.path("prompt_tokens_details").path("cached_tokens").asInt(-1), row + ": " + usage);
    assertTrue(sim.awaitIdle(5_000), "the server finished the call");
  }

  private static ObjectNode body(String model, String system, String user, boolean stream) {
    ObjectNode body = SimCalls.chat(model, user, stream, stream);
    ((ObjectNode) ((ArrayNode) body.get("messages")).get(0)).put("content", system);
    return body;
  }
}
