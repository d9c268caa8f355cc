package dev.provbench.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import okhttp3.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The replies as a plain OpenAI client sees them: JSON fields, SSE framing, errors. */
class WireFormatTest {
  private static final String PROMPT = FactualityPrompts.render("What is the starter's name?", "Gus", "gus.");
  private static SimulatedProviders sim;
  private static String base;

  @BeforeAll
  static void start() {
    sim = SimulatedProviders.start(SimCalls.profile("fast.yaml"), 0);
    base = sim.baseUrl("Fast");
  }

  @AfterAll
  static void stop() {
    sim.close();
  }

  @Test
  void baseUrlsNameEachProviderPath() {
    assertEquals("http://127.0.0.1:" + sim.port() + "/fast/v1", base);
    assertEquals(List.of("Fast"), List.copyOf(sim.baseUrls().keySet()));
  }

  @Test
  void nonStreamingReplyIsAChatCompletion() {
    ObjectNode body = SimCalls.chat("judge-small", PROMPT, false, false);
    JsonNode c = SimCalls.complete(base, body);
    assertEquals("chat.completion", c.path("object").asText());
    assertTrue(c.path("id").asText().startsWith("chatcmpl-"));
    assertTrue(c.path("created").asLong() > 1_600_000_000L);
    assertEquals("judge-small", c.path("model").asText());
    JsonNode choice = c.path("choices").path(0);
    assertEquals(0, choice.path("index").asInt());
    assertEquals("assistant", choice.path("message").path("role").asText());
    assertEquals("stop", choice.path("finish_reason").asText());
    String content = SimCalls.content(c);
    assertEquals("C", ToolCallReplyTest.choice(content), content);
    int promptChars = "Answer with select_choice.".length() + PROMPT.length();
    assertEquals((promptChars + 3) / 4, c.path("usage").path("prompt_tokens").asInt());
    assertEquals((content.length() + 3) / 4, c.path("usage").path("completion_tokens").asInt());
    assertEquals(c.path("usage").path("prompt_tokens").asInt() + c.path("usage").path("completion_tokens").asInt(),
        c.path("usage").path("total_tokens").asInt());
  }

  @Test
  void streamingReplyIsFramedAsServerSentEvents() throws IOException {
    String expected = SimCalls.content(SimCalls.complete(base, SimCalls.chat("judge-small", PROMPT, false, false)));
    List<JsonNode> chunks = new ArrayList<>();
    try (Response r = SimCalls.post(base + "/chat/completions", SimCalls.chat("judge-small", PROMPT, true, true).toString())) {
      assertEquals(200, r.code());
      assertTrue(r.header("Content-Type").startsWith("text/event-stream"));
      String raw = r.body().string();
      assertTrue(raw.endsWith("\n\ndata: [DONE]\n\n"), raw);
      List<String> events = Arrays.asList(raw.substring(0, raw.length() - 2).split("\n\n", -1));
      for (String event : events) assertTrue(event.startsWith("data: ") && !event.contains("\n"), event);
      for (String event : events.subList(0, events.size() - 1)) chunks.add(SimCalls.JSON.readTree(event.substring(6)));
    }
    JsonNode first = chunks.get(0);
    assertEquals("chat.completion.chunk", first.path("object").asText());
    assertEquals("assistant", first.path("choices").path(0).path("delta").path("role").asText());
    assertEquals("", first.path("choices").path(0).path("delta").path("content").asText("missing"));
    StringBuilder text = new StringBuilder();
    for (JsonNode c : chunks.subList(1, chunks.size() - 2)) {
      assertTrue(c.path("choices").path(0).path("finish_reason").isNull());
      text.append(c.path("choices").path(0).path("delta").path("content").asText());
    }
    assertEquals(expected, text.toString());
    assertTrue(chunks.size() - 3 >= 5, "several content deltas");
    JsonNode finish = chunks.get(chunks.size() - 2).path("choices").path(0);
    assertEquals("stop", finish.path("finish_reason").asText());
    assertTrue(finish.path("delta").isEmpty());
    JsonNode usage = chunks.get(chunks.size() - 1);
    assertTrue(usage.path("choices").isArray() && usage.path("choices").isEmpty());
    assertEquals((expected.length() + 3) / 4, usage.path("usage").path("completion_tokens").asInt());
  }

  @Test
  void noUsageChunkUnlessAsked() throws IOException {
    try (Response r = SimCalls.post(base + "/chat/completions", SimCalls.chat("judge-small", PROMPT, true, false).toString())) {
      String raw = r.body().string();
      assertFalse(raw.contains("\"usage\""), raw);
      assertTrue(raw.endsWith("\"finish_reason\":\"stop\"}]}\n\ndata: [DONE]\n\n"), raw);
    }
  }

  @Test
  void maxTokensCutsTheReplyWithFinishReasonLength() {
    JsonNode c = SimCalls.complete(base, SimCalls.chat("judge-small", PROMPT, false, false).put("max_tokens", 5));
    assertEquals("length", c.path("choices").path(0).path("finish_reason").asText());
    assertEquals(20, SimCalls.content(c).length());
  }

  @Test
  void errorsAreOpenAiShaped() throws IOException {
    error(404, "model_not_found", base + "/chat/completions", SimCalls.chat("no-such-model", PROMPT, false, false).toString());
    error(400, "invalid_request", base + "/chat/completions", "{\"model\": \"judge-small\", \"messages\": [");
    error(400, "invalid_request", base + "/chat/completions", "{\"messages\": [{\"role\": \"user\", \"content\": \"hi\"}]}");
    error(404, "not_found", "http://127.0.0.1:" + sim.port() + "/elsewhere/v1/chat/completions", "{}");
  }

  @Test
  void listsModelsAndReportsHealthAndStats() throws IOException {
    try (Response r = SimCalls.get(base + "/models")) {
      JsonNode list = SimCalls.JSON.readTree(r.body().string());
      assertEquals("list", list.path("object").asText());
      assertEquals("judge-small", list.path("data").path(0).path("id").asText());
      assertEquals("judge-large", list.path("data").path(1).path("id").asText());
    }
    try (Response r = SimCalls.get("http://127.0.0.1:" + sim.port() + "/health")) {
      assertEquals("ok", SimCalls.JSON.readTree(r.body().string()).path("status").asText());
    }
    try (Response r = SimCalls.get("http://127.0.0.1:" + sim.port() + "/stats")) {
      JsonNode stats = SimCalls.JSON.readTree(r.body().string());
      assertTrue(stats.path("total_requests").isIntegralNumber());
      assertEquals("judge-small", stats.path("models").path(0).path("model").asText());
      assertTrue(stats.path("models").path(0).path("max_concurrency").isIntegralNumber());
    }
  }

  private static void error(int status, String code, String url, String body) throws IOException {
    try (Response r = SimCalls.post(url, body)) {
      assertEquals(status, r.code());
      JsonNode error = SimCalls.JSON.readTree(r.body().string()).path("error");
      assertEquals("invalid_request_error", error.path("type").asText());
      assertEquals(code, error.path("code").asText());
      assertFalse(error.path("message").asText().isBlank());
    }
  }
}
