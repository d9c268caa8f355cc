package dev.provbench.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.util.List;
import okhttp3.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Each fault at rate 1.0, as a client meets it (profile: src/test/resources/sim/faults.yaml). */
class FaultInjectionTest {
  private static final String PROMPT = FactualityPrompts.render("Q?", "114 steps", "114 steps");
  private static SimulatedProviders sim;
  private static String base;

  @BeforeAll
  static void start() {
    sim = SimulatedProviders.start(SimCalls.profile("faults.yaml"), 0);
    base = sim.baseUrl("Faulty");
  }

  @AfterAll
  static void stop() {
    sim.close();
  }

  @Test
  void rateLimitedWithRetryAfter() throws IOException {
    try (Response r = call("always-429", false)) {
      assertEquals(429, r.code());
      assertEquals("3", r.header("Retry-After"));
      assertEquals("3000", r.header("retry-after-ms"));
      assertEquals("rate_limit_exceeded", error(r).path("code").asText());
    }
  }

  @Test
  void serverErrorIsA500502Or503() throws IOException {
    for (int i = 0; i < 6; i++) {
      try (Response r = call("always-5xx", i % 2 == 0)) {
        assertTrue(List.of(500, 502, 503).contains(r.code()), "status " + r.code());
        assertEquals("server_error", error(r).path("type").asText());
      }
    }
  }

  @Test
  void truncatedBodyStopsShortOfItsLength() throws IOException {
    try (Response r = call("always-truncated", false)) {
      assertEquals(200, r.code());
      assertThrows(IOException.class, () -> r.body().string());
    }
  }

  @Test
  void truncatedStreamEndsWithoutDone() throws IOException {
    StringBuilder seen = new StringBuilder();
    try (Response r = call("always-truncated", true)) {
      assertEquals(200, r.code());
      BufferedReader lines = new BufferedReader(r.body().charStream());
      assertThrows(IOException.class, () -> {
        for (String line; (line = lines.readLine()) != null; ) seen.append(line).append('\n');
      });
    }
    assertTrue(seen.toString().contains("\"content\":\"<function="), seen.toString());
    assertFalse(seen.toString().contains("[DONE]"));
    assertFalse(seen.toString().contains("\"finish_reason\":\"stop\""));
  }

  @Test
  void hangClosesTheConnectionWithNoAnswerAfterHangMs() throws Exception {
    long start = System.nanoTime();
    assertThrows(IOException.class, () -> call("always-hangs", false).close());
    double waitedMs = (System.nanoTime() - start) / 1e6;
    assertTrue(sim.awaitIdle(2_000));
    assertTrue(waitedMs >= 250 && waitedMs < 5_000, "waited " + waitedMs + " ms");
    RequestRecord hung = sim.requestLog().stream().filter(r -> r.model().equals("always-hangs")).findFirst().orElseThrow();
    assertEquals(Outcome.HUNG, hung.outcome());
    assertEquals(0, hung.status());
  }

  @Test
  void malformedToolCallDoesNotParse() throws Exception {
    for (int i = 0; i < 8; i++) {
      try (Response r = call("always-malformed", false)) {
        String content = SimCalls.content(SimCalls.JSON.readTree(r.body().string()));
        assertNotNull(content);
        assertNull(ToolCallReplyTest.choice(content), content);
      }
    }
    assertTrue(sim.awaitIdle(2_000));
    assertEquals(8, sim.stats().model("always-malformed").count(200));
  }

  private static Response call(String model, boolean stream) throws IOException {
    return SimCalls.post(base + "/chat/completions", SimCalls.chat(model, PROMPT, stream, stream).toString());
  }

  private static JsonNode error(Response r) throws IOException {
    return SimCalls.JSON.readTree(r.body().string()).path("error");
  }
}
