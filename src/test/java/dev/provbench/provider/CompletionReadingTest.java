package dev.provbench.provider;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.provbench.job.ModelSpec;
import dev.provbench.job.ProviderSpec;
import dev.provbench.job.RateLimit;
import dev.provbench.job.Timeouts;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import mockwebserver3.MockResponse;
import mockwebserver3.MockResponseBody;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import okio.BufferedSink;
import org.junit.jupiter.api.Test;

/**
 * What the client reads out of a completion, streamed or whole, as today's models send it: reasoning before
 * the answer, native tool calls without content, usage with details (or Groq's, or none), response ids, and
 * when the deltas arrived. Each case: enqueue → send → takeRequest, asserting what was sent and what came back.
 */
class CompletionReadingTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String USAGE = "{\"prompt_tokens\":120,\"completion_tokens\":40,"
      + "\"completion_tokens_details\":{\"reasoning_tokens\":25},\"prompt_tokens_details\":{\"cached_tokens\":64}}";

  @StartStop
  private final MockWebServer server = new MockWebServer();

  private AttemptResult send(boolean stream, MockResponse response) throws Exception {
    server.enqueue(response);
    ModelSpec model = new ModelSpec("m", "8b", null, null, 1, null);
    ProviderSpec p = new ProviderSpec("P", server.url("/v1").toString().replaceAll("/$", ""), null, Map.of(),
        List.of(model), RateLimit.NONE);
    AttemptResult r = new ChatCompletionClient(p, model, Timeouts.DEFAULTS, null)
        .send(new ChatRequest("m", "system text", "user text 12345", 0, 64, stream));
    JsonNode sent = JSON.readTree(server.takeRequest().getBody().utf8());
    assertEquals(stream, sent.get("stream").asBoolean());
    assertEquals(stream, sent.path("stream_options").path("include_usage").asBoolean());
    return r;
  }

  /** One SSE event of a chunk with id {@code c9} and the given delta. */
  private static String delta(String deltaJson) {
    return "data: {\"id\":\"c9\",\"choices\":[{\"index\":0,\"delta\":" + deltaJson + "}]}\n\n";
  }

  private static String usageEvent(String usageJson) {
    return "data: {\"id\":\"c9\",\"choices\":[],\"usage\":" + usageJson + "}\n\n";
  }

  private static final String DONE = "data: [DONE]\n\n";

  private static MockResponse events(long pauseMs, String... events) {
    return new MockResponse.Builder().setHeader("Content-Type", "text/event-stream")
        .body(new PacedEvents(List.of(events), pauseMs)).build();
  }

  private static MockResponse whole(String body) {
    return new MockResponse.Builder().setHeader("Content-Type", "application/json").body(body).build();
  }

  /** An SSE body written one event at a time, {@code pauseMs} apart, as a server decoding tokens does. */
  private record PacedEvents(List<String> events, long pauseMs) implements MockResponseBody {
    @Override
    public long getContentLength() {
      return events.stream().mapToLong(e -> e.getBytes(StandardCharsets.UTF_8).length).sum();
    }

    @Override
    public void writeTo(BufferedSink sink) throws IOException {
      for (int i = 0; i < events.size(); i++) {
        if (i > 0 && pauseMs > 0) {
          try {
            Thread.sleep(pauseMs);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
          }
        }
        sink.writeUtf8(events.get(i));
        sink.flush();
      }
    }
  }

  @Test
  void reasoningThenContentTimesTheFirstTokenBeforeTheFirstAnswer() throws Exception {
    AttemptResult r = send(true, events(120,
        delta("{\"role\":\"assistant\",\"content\":\"\"}"),
        delta("{\"reasoning_content\":\"Let me \"}"),
        delta("{\"reasoning\":\"think.\"}"),
        delta("{\"content\":\"C\"}"),
        usageEvent(USAGE), DONE));
    assertTrue(r.ok(), r.error());
    assertEquals("C", r.content());
    assertEquals("Let me think.", r.reply().reasoning());
    StreamTiming t = r.timing();
    assertNotNull(t.ttftMs());
    assertTrue(t.firstAnswerMs() - t.ttftMs() >= 200, "two pauses of reasoning before the answer: " + t);
    assertEquals(2, t.chunkGapsMs().length, "three non-empty deltas");
    assertEquals(new Usage(120L, 40L, 25L, 64L, false), r.usage());
    assertEquals("c9", r.responseId());
    assertEquals("c9", r.reply().responseId());
  }

  @Test
  void aReplyOfToolCallsOnlyIsAnsweredAndTimed() throws Exception {
    AttemptResult r = send(true, events(0,
        delta("{\"role\":\"assistant\",\"tool_calls\":[{\"index\":0,\"id\":\"t0\",\"type\":\"function\","
            + "\"function\":{\"name\":\"select_choice\",\"arguments\":\"\"}}]}"),
        delta("{\"tool_calls\":[{\"index\":0,\"function\":{\"arguments\":\"{\\\"choice\\\": \"}}]}"),
        delta("{\"tool_calls\":[{\"index\":1,\"id\":\"t1\",\"type\":\"function\",\"function\":{\"name\":\"note\"}}]}"),
        delta("{\"tool_calls\":[{\"index\":0,\"function\":{\"arguments\":\"\\\"C\\\"}\"}}]}"),
        delta("{\"tool_calls\":[{\"index\":1,\"function\":{\"arguments\":\"{}\"}}]}"),
        "data: {\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"tool_calls\"}]}\n\n",
        usageEvent(USAGE), DONE));
    assertTrue(r.ok(), r.error());
    assertEquals("", r.content());
    assertNull(r.reply().reasoning());
    assertEquals(List.of(new ToolCall("select_choice", "{\"choice\": \"C\"}"), new ToolCall("note", "{}")),
        r.reply().toolCalls());
    assertNotNull(r.ttftMs());
    assertEquals(r.ttftMs(), r.timing().firstAnswerMs(), "a tool call is the answer");
    assertEquals(4, r.timing().chunkGapsMs().length);
  }

  @Test
  void chunkGapsAreTheGapsBetweenNonEmptyDeltas() throws Exception {
    AttemptResult r = send(true, events(100,
        delta("{\"content\":\"a\"}"), delta("{\"content\":\"\"}"), delta("{\"content\":\"b\"}"),
        delta("{\"content\":\"c\"}"), usageEvent(USAGE), DONE));
    assertTrue(r.ok(), r.error());
    int[] gaps = r.timing().chunkGapsMs();
    assertEquals(2, gaps.length, Arrays.toString(gaps));
    assertTrue(gaps[0] >= 190 && gaps[0] < 1_000, "an empty delta is no arrival: " + Arrays.toString(gaps));
    assertTrue(gaps[1] >= 95 && gaps[1] < 1_000, Arrays.toString(gaps));
    assertTrue(r.latencyMs() >= r.ttftMs() + gaps[0] + gaps[1], "latency covers the gaps");
  }

  @Test
  void groqUsageIsReadWhenTheTopLevelOneIsAbsent() throws Exception {
    AttemptResult r = send(true, events(0, delta("{\"content\":\"C\"}"),
        "data: {\"id\":\"c9\",\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}],"
            + "\"x_groq\":{\"id\":\"req_1\",\"usage\":{\"prompt_tokens\":33,\"completion_tokens\":2}}}\n\n", DONE));
    assertEquals(new Usage(33L, 2L, null, null, false), r.usage());
  }

  @Test
  void noUsageAtAllIsEstimatedFromTheText() throws Exception {
    // "system text" + "user text 12345": 26 characters → 7 tokens; 20 + 8 characters of output → 7 tokens.
    AttemptResult streamed = send(true, events(0, delta("{\"reasoning\":\"12345678\"}"),
        delta("{\"content\":\"" + "x".repeat(20) + "\"}"), DONE));
    assertEquals(Usage.estimated(7, 7), streamed.usage());
    assertTrue(streamed.usage().estimated());
    AttemptResult whole = send(false, whole("{\"id\":\"w1\",\"choices\":[{\"message\":{\"content\":null,"
        + "\"tool_calls\":[{\"id\":\"t\",\"type\":\"function\",\"function\":{\"name\":\"f\",\"arguments\":\"" + "y".repeat(12)
        + "\"}}]}}]}"));
    assertEquals(Usage.estimated(7, 3), whole.usage());
    assertEquals("", whole.content(), "null content reads as empty");
  }

  @Test
  void aWholeCompletionCarriesReasoningToolCallsAndUsageDetails() throws Exception {
    AttemptResult r = send(false, whole("{\"id\":\"chatcmpl-7\",\"choices\":[{\"message\":{\"role\":\"assistant\","
        + "\"content\":\"C\",\"reasoning_content\":\"because\",\"tool_calls\":[{\"id\":\"t\",\"type\":\"function\","
        + "\"function\":{\"name\":\"select_choice\",\"arguments\":{\"choice\":\"C\"}}}]}}],\"usage\":" + USAGE + "}"));
    assertTrue(r.ok(), r.error());
    assertEquals(new Reply("C", "because", List.of(new ToolCall("select_choice", "{\"choice\":\"C\"}")), "chatcmpl-7"),
        r.reply());
    assertEquals(new Usage(120L, 40L, 25L, 64L, false), r.usage());
    assertEquals(StreamTiming.NONE, r.timing());
  }

  @Test
  void theResponseIdFallsBackToTheRequestIdHeader() throws Exception {
    AttemptResult noId = send(false, new MockResponse.Builder().setHeader("Content-Type", "application/json")
        .setHeader("x-request-id", "req-42").body("{\"choices\":[{\"message\":{\"content\":\"C\"}}]}").build());
    assertEquals("req-42", noId.responseId());
    assertEquals("req-42", noId.reply().responseId());
    AttemptResult error = send(false, new MockResponse.Builder().code(503).setHeader("x-request-id", "req-43")
        .body("busy").build());
    assertEquals("req-43", error.responseId());
    AttemptResult streamed = send(true, new MockResponse.Builder().setHeader("Content-Type", "text/event-stream")
        .setHeader("x-request-id", "req-44").body(delta("{\"content\":\"C\"}") + DONE).build());
    assertEquals("c9", streamed.responseId(), "the completion's own id wins");
  }

  @Test
  void anErrorEventAfterTheUsageChunkKeepsTheUsage() throws Exception {
    AttemptResult r = send(true, events(0, delta("{\"content\":\"C\"}"), usageEvent(USAGE),
        "data: {\"error\":{\"message\":\"upstream went away\"}}\n\n"));
    assertEquals(AttemptResult.Outcome.BAD_RESPONSE, r.outcome());
    assertTrue(r.error().contains("upstream went away"), r.error());
    assertEquals(40L, r.completionTokens(), "billed tokens are kept");
    assertEquals("c9", r.responseId());
  }

  @Test
  void aStreamWithNoChoicesIsABadResponse() throws Exception {
    AttemptResult r = send(true, events(0, usageEvent(USAGE), DONE));
    assertEquals(AttemptResult.Outcome.BAD_RESPONSE, r.outcome());
    assertEquals(120L, r.promptTokens());
  }

  @Test
  void deltasWithoutAnIndexAreJoinedByTheirId() {
    StreamedReply s = new StreamedReply(System.nanoTime());
    for (String d : List.of(
        "{\"id\":\"a\",\"function\":{\"name\":\"f\",\"arguments\":\"{\\\"x\\\":\"}}", "{\"function\":{\"arguments\":\"1}\"}}",
        "{\"id\":\"b\",\"function\":{\"name\":\"g\",\"arguments\":\"{}\"}}")) {
      s.accept(node("{\"choices\":[{\"delta\":{\"tool_calls\":[" + d + "]}}]}"), System.nanoTime());
    }
    assertEquals(List.of(new ToolCall("f", "{\"x\":1}"), new ToolCall("g", "{}")), s.reply(null).toolCalls());
    assertEquals(2, s.timing().chunkGapsMs().length);
  }

  private static JsonNode node(String json) {
    try {
      return JSON.readTree(json);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
