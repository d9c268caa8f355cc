package dev.provbench.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.List;
import okhttp3.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Native tool calls, reasoning and absent usage, streamed and not, as a plain OpenAI client reads them;
 * and the request log's record of each reply matching what the client got.
 */
class ReplyShapesTest {
  private static final String PROMPT = FactualityPrompts.render("What is the starter's name?", "Gus", "gus.");
  private static SimulatedProviders sim;
  private static String base;

  @BeforeAll
  static void start() {
    sim = SimulatedProviders.start(SimProfile.parse("""
        time_scale: 0
        providers:
          - name: Shapes
            path: /shapes
            models:
              - {id: tools, tool_calls: true}
              - {id: thinker, reasoning_ms: 1000, tokens_per_s: 50}
              - {id: thinking-tools, tool_calls: true, reasoning_ms: 400, tokens_per_s: 50}
              - {id: silent, usage: false}
        """, "inline"), 0);
    base = sim.baseUrl("Shapes");
  }

  @AfterAll
  static void stop() {
    sim.close();
  }

  @Test
  void toolCallsWhole() throws Exception {
    JsonNode c = SimCalls.complete(base, SimCalls.chat("tools", PROMPT, false, false));
    JsonNode choice = c.path("choices").path(0);
    JsonNode message = choice.path("message");
    assertTrue(message.has("content") && message.path("content").isNull(), message.toString());
    assertEquals(1, message.path("tool_calls").size());
    JsonNode call = message.path("tool_calls").path(0);
    assertTrue(call.path("id").asText().startsWith("call_"), call.toString());
    assertEquals("function", call.path("type").asText());
    assertEquals("select_choice", call.path("function").path("name").asText());
    String arguments = call.path("function").path("arguments").asText();
    assertEquals("C", SimCalls.JSON.readTree(arguments).path("choice").asText());
    assertEquals("tool_calls", choice.path("finish_reason").asText());
    assertEquals((arguments.length() + 3) / 4, c.path("usage").path("completion_tokens").asInt());
    assertLogged(c.path("id").asText(), c.path("usage"), ReplyMode.TOOL_CALLS, true);
  }

  @Test
  void toolCallsStreamed() throws Exception {
    List<JsonNode> chunks = SimCalls.chunks(base, SimCalls.chat("tools", PROMPT, true, true));
    JsonNode role = SimCalls.delta(chunks.get(0));
    assertEquals("assistant", role.path("role").asText());
    assertTrue(role.has("content") && role.path("content").isNull(), "content null, not empty: " + role);
    JsonNode first = SimCalls.delta(chunks.get(1)).path("tool_calls").path(0);
    assertEquals(0, first.path("index").asInt());
    assertTrue(first.path("id").asText().startsWith("call_"), first.toString());
    assertEquals("function", first.path("type").asText());
    assertEquals("select_choice", first.path("function").path("name").asText());
    assertEquals("", first.path("function").path("arguments").asText());
    StringBuilder arguments = new StringBuilder();
    List<JsonNode> fragments = chunks.subList(2, chunks.size() - 2);
    assertTrue(fragments.size() >= 3, "arguments come in several fragments");
    for (JsonNode chunk : fragments) {
      JsonNode call = SimCalls.delta(chunk).path("tool_calls").path(0);
      assertEquals(0, call.path("index").asInt());
      assertFalse(call.has("id") || call.path("function").has("name"), "only the first delta names the call");
      assertFalse(SimCalls.delta(chunk).has("content"), "no content deltas");
      arguments.append(call.path("function").path("arguments").asText());
    }
    assertEquals("C", SimCalls.JSON.readTree(arguments.toString()).path("choice").asText());
    assertEquals("tool_calls", chunks.get(chunks.size() - 2).path("choices").path(0).path("finish_reason").asText());
    JsonNode usage = chunks.get(chunks.size() - 1).path("usage");
    assertEquals((arguments.length() + 3) / 4, usage.path("completion_tokens").asInt());
    assertLogged(chunks.get(0).path("id").asText(), usage, ReplyMode.TOOL_CALLS, true);
  }

  @Test
  void reasoningWhole() throws Exception {
    JsonNode c = SimCalls.complete(base, SimCalls.chat("thinker", PROMPT, false, false));
    JsonNode message = c.path("choices").path(0).path("message");
    assertEquals(200, message.path("reasoning_content").asText().length(), "1000 ms at 50 tokens/s: 50 tokens");
    assertEquals("C", ToolCallReplyTest.choice(message.path("content").asText()));
    JsonNode usage = c.path("usage");
    assertEquals(50, usage.path("completion_tokens_details").path("reasoning_tokens").asInt());
    assertEquals(50 + (message.path("content").asText().length() + 3) / 4, usage.path("completion_tokens").asInt());
    assertLogged(c.path("id").asText(), usage, ReplyMode.CONTENT, true);
  }

  @Test
  void reasoningStreamedComesBeforeTheAnswer() throws Exception {
    List<JsonNode> chunks = SimCalls.chunks(base, SimCalls.chat("thinking-tools", PROMPT, true, true));
    StringBuilder reasoning = new StringBuilder();
    boolean answered = false;
    for (JsonNode chunk : chunks) {
      JsonNode delta = SimCalls.delta(chunk);
      if (delta.has("reasoning_content")) {
        assertFalse(answered, "reasoning after the answer began: " + chunk);
        reasoning.append(delta.path("reasoning_content").asText());
      }
      if (delta.has("tool_calls")) answered = true;
    }
    assertTrue(answered);
    assertEquals(80, reasoning.length(), "400 ms at 50 tokens/s: 20 tokens");
    JsonNode usage = chunks.get(chunks.size() - 1).path("usage");
    assertEquals(20, usage.path("completion_tokens_details").path("reasoning_tokens").asInt());
    assertLogged(chunks.get(0).path("id").asText(), usage, ReplyMode.TOOL_CALLS, true);
  }

  @Test
  void usageOffIsOmittedEvenWhenAsked() throws Exception {
    JsonNode c = SimCalls.complete(base, SimCalls.chat("silent", PROMPT, false, false));
    assertFalse(c.has("usage"), c.toString());
    assertLogged(c.path("id").asText(), null, ReplyMode.CONTENT, false);
    try (Response r = SimCalls.post(base + "/chat/completions", SimCalls.chat("silent", PROMPT, true, true).toString())) {
      String raw = r.body().string();
      assertFalse(raw.contains("\"usage\""), raw);
      assertTrue(raw.endsWith("\"finish_reason\":\"stop\"}]}\n\ndata: [DONE]\n\n"), raw);
    }
  }

  @Test
  void aStreamWithoutIncludeUsageIsLoggedAsNotSendingIt() throws Exception {
    List<JsonNode> chunks = SimCalls.chunks(base, SimCalls.chat("thinker", PROMPT, true, false));
    assertTrue(chunks.stream().noneMatch(c -> c.has("usage")));
    assertLogged(chunks.get(0).path("id").asText(), null, ReplyMode.CONTENT, false);
  }

  @Test
  void theLogTimesReasoningAndAnswerSeparately() throws Exception {
    try (SimulatedProviders timed = SimulatedProviders.start(SimProfile.parse("""
        providers:
          - name: Timed
            path: /timed
            models:
              - {id: thinker, ttft_ms: 100, reasoning_ms: 300, tokens_per_s: 1000}
        """, "inline"), 0)) {
      SimCalls.chunks(timed.baseUrl("Timed"), SimCalls.chat("thinker", PROMPT, true, true));
      assertTrue(timed.awaitIdle(5_000));
      RequestRecord r = timed.requestLog().get(0);
      assertTrue(r.firstDeltaMs() >= 100, "reasoning starts at ttft: " + r);
      assertTrue(r.firstAnswerMs() >= 400, "the answer starts after ttft + reasoning: " + r);
      assertEquals(300, r.reasoningTokens());
    }
  }

  /** The server's record of the reply with this id says what the client got. {@code usage} null: none sent. */
  private static void assertLogged(String id, JsonNode usage, ReplyMode mode, boolean usageSent) throws Exception {
    assertTrue(sim.awaitIdle(5_000));
    RequestRecord r = sim.requestLog().stream().filter(x -> id.equals(x.responseId())).findFirst().orElseThrow();
    assertEquals(mode, r.replyMode());
    assertEquals(200, r.status());
    assertEquals(usageSent, r.usageSent());
    if (!r.stream()) assertEquals(-1, r.firstDeltaMs());
    else assertTrue(r.firstDeltaMs() >= 0 && r.firstAnswerMs() >= r.firstDeltaMs(), r.toString());
    if (usage == null) {
      assertTrue(r.completionTokens() > 0 && r.promptTokens() > 0, r.toString());
      return;
    }
    assertEquals(usage.path("prompt_tokens").asInt(), r.promptTokens());
    assertEquals(usage.path("completion_tokens").asInt(), r.completionTokens());
    assertEquals(usage.path("completion_tokens_details").path("reasoning_tokens").asInt(0), r.reasoningTokens());
    assertNull(usage.get("prompt_tokens_details"), "no prefix_cache: no cached_tokens reported");
  }
}
