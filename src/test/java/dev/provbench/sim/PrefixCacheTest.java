package dev.provbench.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code prefix_cache}: cached_tokens counts the longest run of leading messages the model has answered before. */
class PrefixCacheTest {
  private static final String SYSTEM = "You compare answers. ".repeat(10);  // 210 characters: 53 tokens
  private static final int SYSTEM_TOKENS = 53;

  @Test
  void cachedTokensFollowWhatTheModelHasSeen() throws Exception {
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
      String base = sim.baseUrl("Cache");
      cached(sim, "cached", SYSTEM, "first question", false, 0);                 // never seen
      cached(sim, "cached", SYSTEM, "first question", false, -1);                // all of it
      cached(sim, "cached", SYSTEM, "second question", true, SYSTEM_TOKENS);     // the system message, streamed
      cached(sim, "cached", "Another system. " + SYSTEM, "first question", false, 0); // differs from message 1
      cached(sim, "other", SYSTEM, "first question", false, 0);                  // per model
      JsonNode plain = SimCalls.complete(base, body("plain", SYSTEM, "first question", false));
      assertFalse(plain.path("usage").has("prompt_tokens_details"), "without prefix_cache nothing is reported");

      assertTrue(sim.awaitIdle(5_000));
      List<Integer> logged = sim.requestLog().stream().map(RequestRecord::cachedTokens).toList();
      assertEquals(List.of(0, promptTokens("first question"), SYSTEM_TOKENS, 0, 0, 0), logged);
    }
  }

  /**
   * One call; {@code expected} -1 means the whole prompt. Waits until the server has logged it, so the log's order
   * is the calls' (a streamed reply reaches the client before its handler logs it).
   */
  private static void cached(SimulatedProviders sim, String model, String system, String user, boolean stream, int expected)
      throws InterruptedException {
    String base = sim.baseUrl("Cache");
    ObjectNode body = body(model, system, user, stream);
    JsonNode usage = stream
        ? SimCalls.chunks(base, body).stream().filter(c -> c.has("usage")).findFirst().orElseThrow().path("usage")
        : SimCalls.complete(base, body).path("usage");
    int want = expected < 0 ? usage.path("prompt_tokens").asInt() : expected;
    assertEquals(want, usage.path("prompt_tokens_details").path("cached_tokens").asInt(-1), model + " / " + user + ": " + usage);
    assertTrue(sim.awaitIdle(5_000), "the server finished the call");
  }

  private static ObjectNode body(String model, String system, String user, boolean stream) {
    ObjectNode body = SimCalls.chat(model, user, stream, stream);
    ((ObjectNode) ((ArrayNode) body.get("messages")).get(0)).put("content", system);
    return body;
  }

  private static int promptTokens(String user) {
    return (SYSTEM.length() + user.length() + 3) / 4;
  }
}
