package dev.provbench.provider;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.provbench.job.ModelSpec;
import dev.provbench.job.ProviderSpec;
import dev.provbench.job.RateLimit;
import dev.provbench.job.RetryPolicy;
import dev.provbench.job.Timeouts;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ChatCompletionClientTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String KEY = "test-key-3f9a";
  private static final String REPLY = "<function=select_choice>{\"reasons\": \"same\", \"choice\": \"C\"}</function>";

  @StartStop
  private final MockWebServer server = new MockWebServer();

  private ChatCompletionClient client(Timeouts timeouts) {
    ModelSpec model = new ModelSpec("llama-8b", "8b", null, null, 3, null);
    ProviderSpec provider = new ProviderSpec("P", server.url("/v1").toString().replaceAll("/$", ""), "P_KEY",
        Map.of("X-Team", "evals"), List.of(model), RateLimit.NONE);
    return new ChatCompletionClient(provider, model, timeouts, KEY);
  }

  private static ChatRequest request(boolean stream) {
    return new ChatRequest("llama-8b", "system text", "user text", 0, 2048, stream);
  }

  static String completion(String content) {
    return "{\"id\":\"c1\",\"object\":\"chat.completion\",\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\","
        + "\"content\":" + quote(content) + "},\"finish_reason\":\"stop\"}],"
        + "\"usage\":{\"prompt_tokens\":120,\"completion_tokens\":17,\"total_tokens\":137}}";
  }

  static String sse(String... contents) {
    StringBuilder sb = new StringBuilder();
    sb.append("data: {\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\"\"}}]}\n\n");
    for (String c : contents) {
      sb.append("data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":").append(quote(c)).append("}}]}\n\n");
    }
    sb.append("data: {\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}]}\n\n");
    sb.append("data: {\"choices\":[],\"usage\":{\"prompt_tokens\":120,\"completion_tokens\":17,\"total_tokens\":137}}\n\n");
    sb.append("data: [DONE]\n\n");
    return sb.toString();
  }

  private static String quote(String s) {
    try {
      return JSON.writeValueAsString(s);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static MockResponse ok(String body) {
    return new MockResponse.Builder().setHeader("Content-Type", "application/json").body(body).build();
  }

  @Test
  void sendsTheExactRequestAndParsesAWholeAnswer() throws Exception {
    server.enqueue(ok(completion(REPLY)));
    AttemptResult r = client(Timeouts.DEFAULTS).send(request(false));

    RecordedRequest sent = server.takeRequest();
    assertEquals("POST", sent.getMethod());
    assertEquals("/v1/chat/completions", sent.getTarget());
    assertEquals("Bearer " + KEY, sent.getHeaders().get("Authorization"));
    assertEquals("evals", sent.getHeaders().get("X-Team"));
    JsonNode body = JSON.readTree(sent.getBody().utf8());
    assertEquals("llama-8b", body.get("model").asText());
    assertEquals("system", body.at("/messages/0/role").asText());
    assertEquals("system text", body.at("/messages/0/content").asText());
    assertEquals("user", body.at("/messages/1/role").asText());
    assertEquals("user text", body.at("/messages/1/content").asText());
    assertEquals(0.0, body.get("temperature").asDouble());
    assertEquals(2048, body.get("max_tokens").asInt());
    assertFalse(body.get("stream").asBoolean());
    assertFalse(body.has("stream_options"));

    assertTrue(r.ok());
    assertEquals(200, r.httpStatus());
    assertEquals(REPLY, r.content());
    assertEquals(120L, r.promptTokens());
    assertEquals(17L, r.completionTokens());
    assertNull(r.ttftMs());
  }

  @Test
  void streamsAndMeasuresTimeToFirstToken() throws Exception {
    server.enqueue(new MockResponse.Builder().setHeader("Content-Type", "text/event-stream")
        .body(sse("<function=select_choice>", "{\"reasons\": \"same\", ", "\"choice\": \"C\"}</function>"))
        .headersDelay(150, TimeUnit.MILLISECONDS).build());
    AttemptResult r = client(Timeouts.DEFAULTS).send(request(true));

    JsonNode body = JSON.readTree(server.takeRequest().getBody().utf8());
    assertTrue(body.get("stream").asBoolean());
    assertTrue(body.at("/stream_options/include_usage").asBoolean());
    assertTrue(r.ok(), r.error());
    assertEquals(REPLY, r.content());
    assertEquals(17L, r.completionTokens());
    assertNotNull(r.ttftMs());
    assertTrue(r.ttftMs() >= 150, "ttft " + r.ttftMs());
    assertTrue(r.latencyMs() >= r.ttftMs());
  }

  /** A streamed chunk whose delta carries {@code content}, as one JSON text. */
  private static String chunk(String content) {
    return "{\"choices\":[{\"index\":0,\"delta\":{\"content\":" + quote(content) + "}}]}";
  }

  /** One line per case: the body of the stream, then the content read from it. */
  static Stream<Arguments> eventStreams() {
    String a = chunk("a");
    String b = chunk("b");
    return Stream.of(
        Arguments.of("single-line events", "data: " + a + "\n\ndata: " + b + "\n\ndata: [DONE]\n\n", "ab"),
        Arguments.of("no space after the colon", "data:" + a + "\n\ndata:" + b + "\n\ndata:[DONE]\n\n", "ab"),
        Arguments.of("an event over three data lines", "data: {\"choices\":\ndata: [{\"index\":0,\ndata: \"delta\":{\"content\":\"ab\"}}]}\n\ndata: [DONE]\n\n", "ab"),
        Arguments.of("a line break inside a string", "data: " + chunk("a\n") + "\n\ndata: [DONE]\n\n", "a\n"),
        Arguments.of("comments between and inside events", ": ping\n\ndata: " + a + "\n\n: ping\ndata: {\"choices\":[{\"index\":0,\n: ping\ndata: \"delta\":{\"content\":\"b\"}}]}\n\ndata: [DONE]\n\n", "ab"),
        Arguments.of("event, id and retry fields", "event: message\nid: 1\nretry: 10\ndata: " + a + "\n\ndata: [DONE]\n\n", "a"),
        Arguments.of("CRLF line ends", "data: " + a + "\r\n\r\ndata: " + b + "\r\n\r\ndata: [DONE]\r\n\r\n", "ab"),
        Arguments.of("nothing read after [DONE]", "data: " + a + "\n\ndata: [DONE]\n\ndata: " + b + "\n\n", "a"),
        Arguments.of("[DONE] without its blank line", "data: " + a + "\n\ndata: [DONE]\n", "a"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("eventStreams")
  void readsServerSentEvents(String name, String body, String content) throws Exception {
    server.enqueue(new MockResponse.Builder().setHeader("Content-Type", "text/event-stream").body(body).build());
    AttemptResult r = client(Timeouts.DEFAULTS).send(request(true));
    assertTrue(JSON.readTree(server.takeRequest().getBody().utf8()).get("stream").asBoolean());
    assertTrue(r.ok(), r.error());
    assertEquals(content, r.content());
  }

  @Test
  void twoChunksOnConsecutiveDataLinesAreOneEventThatIsNotJson() {
    String body = "data: " + chunk("a") + "\ndata: " + chunk("b") + "\n\ndata: [DONE]\n\n";
    server.enqueue(new MockResponse.Builder().setHeader("Content-Type", "text/event-stream").body(body).build());
    AttemptResult r = client(Timeouts.DEFAULTS).send(request(true));
    assertEquals(AttemptResult.Outcome.BAD_RESPONSE, r.outcome());
    assertTrue(r.error().startsWith("stream event is not JSON: "), r.error());
  }

  @Test
  void aStreamCutBeforeDoneIsATransportError() {
    String cut = sse("<function=select_choice>", "{\"reasons\"").replace("data: [DONE]\n\n", "");
    server.enqueue(new MockResponse.Builder().body(cut).build());
    AttemptResult r = client(Timeouts.DEFAULTS).send(request(true));
    assertEquals(AttemptResult.Outcome.TRANSPORT_ERROR, r.outcome());
    assertTrue(r.retryable());
  }

  @Test
  void retriesA429AfterItsRetryAfterThenSucceeds() {
    server.enqueue(new MockResponse.Builder().code(429).setHeader("Retry-After", "1")
        .body("{\"error\":{\"message\":\"rate limited\"}}").build());
    server.enqueue(ok(completion(REPLY)));
    ChatCompletionClient c = client(Timeouts.DEFAULTS);
    CallOutcome out = new RetryingCaller(new RetryPolicy(4, 10, 5_000, 0)).call(() -> c.send(request(false)));
    assertTrue(out.last().ok());
    assertEquals(2, out.attempts());
    assertEquals(1, out.rateLimited());
    assertEquals(1000, out.backoffMs());
    assertTrue(out.durationMs() >= 1000);
    assertTrue(out.last().latencyMs() < out.durationMs(), "latency excludes the back-off");
    assertEquals(429, out.history().get(0).httpStatus());
    assertEquals(1000, out.waitsMs().get(0));
    assertTrue(out.history().get(0).error().contains("rate limited"));
  }

  @Test
  void honoursRetryAfterMsAndHttpDates() {
    assertEquals(250L, RetryAfter.millis(okhttp3.Headers.of("retry-after-ms", "250", "Retry-After", "9"), Instant.now()));
    ZonedDateTime now = ZonedDateTime.of(2026, 1, 2, 3, 4, 5, 0, ZoneOffset.UTC);
    String in3s = now.plusSeconds(3).format(DateTimeFormatter.RFC_1123_DATE_TIME);
    assertEquals(3000L, RetryAfter.millis(okhttp3.Headers.of("Retry-After", in3s), now.toInstant()));
    assertEquals(0L, RetryAfter.millis(okhttp3.Headers.of("Retry-After", now.minusSeconds(5)
        .format(DateTimeFormatter.RFC_1123_DATE_TIME)), now.toInstant()));
    assertNull(RetryAfter.millis(okhttp3.Headers.of("Retry-After", "soon"), now.toInstant()));
    assertNull(RetryAfter.millis(okhttp3.Headers.of(), now.toInstant()));
  }

  @Test
  void retriesA500ThenSucceeds() {
    server.enqueue(new MockResponse.Builder().code(500).body("<html>oops</html>").build());
    server.enqueue(ok(completion(REPLY)));
    ChatCompletionClient c = client(Timeouts.DEFAULTS);
    CallOutcome out = new RetryingCaller(new RetryPolicy(4, 50, 1_000, 0)).call(() -> c.send(request(false)));
    assertTrue(out.last().ok());
    assertEquals(2, out.attempts());
    assertEquals(0, out.rateLimited());
    assertEquals(50, out.backoffMs());
    assertEquals("http_error", out.history().get(0).outcome().status());
    assertEquals(500, out.history().get(0).httpStatus());
  }

  @Test
  void aHangPastTheReadTimeoutIsATimeout() {
    server.enqueue(new MockResponse.Builder().onResponseStart(SocketEffect.Stall.INSTANCE).build());
    long start = System.nanoTime();
    AttemptResult r = client(new Timeouts(1_000, 300, 5_000)).send(request(false));
    long ms = (System.nanoTime() - start) / 1_000_000;
    assertEquals(AttemptResult.Outcome.TIMEOUT, r.outcome());
    assertTrue(r.retryable());
    assertTrue(ms >= 300 && ms < 4_000, "gave up after " + ms + " ms");
  }

  @Test
  void retriesExhaustedEndsWithTheLastFailure() {
    for (int i = 0; i < 3; i++) server.enqueue(new MockResponse.Builder().code(503).body("busy").build());
    ChatCompletionClient c = client(Timeouts.DEFAULTS);
    CallOutcome out = new RetryingCaller(new RetryPolicy(3, 20, 1_000, 0)).call(() -> c.send(request(false)));
    assertFalse(out.last().ok());
    assertEquals(3, out.attempts());
    assertEquals(3, server.getRequestCount());
    assertEquals(503, out.last().httpStatus());
    assertEquals(20 + 40, out.backoffMs());
    assertEquals(0, out.waitsMs().get(2));
  }

  @Test
  void aClientErrorIsNotRetried() {
    server.enqueue(new MockResponse.Builder().code(400).body("{\"error\":{\"message\":\"bad model " + KEY + "\"}}").build());
    ChatCompletionClient c = client(Timeouts.DEFAULTS);
    CallOutcome out = new RetryingCaller(RetryPolicy.DEFAULTS).call(() -> c.send(request(false)));
    assertEquals(1, out.attempts());
    assertEquals(400, out.last().httpStatus());
    assertFalse(out.last().error().contains(KEY), "an echoed key is redacted");
  }

  @Test
  void aSuccessfulStatusWithAnUnreadableBodyIsABadResponseNotRetried() {
    String[] bodies = {"<html>gateway</html>", "{\"choices\": []}", "{\"error\": {\"message\": \"overloaded\"}}", "[1, 2]"};
    for (String b : bodies) {
      server.enqueue(ok(b));
      AttemptResult r = client(Timeouts.DEFAULTS).send(request(false));
      assertEquals(AttemptResult.Outcome.BAD_RESPONSE, r.outcome(), b);
      assertEquals("bad_response", r.outcome().status());
      assertFalse(r.retryable(), b);
      assertEquals(200, r.httpStatus());
      assertNotNull(r.error());
    }
  }

  @Test
  void aStreamEndingInsideAnEventIsATransportError() {
    String cut = sse("<function=select_choice>").replace("data: [DONE]\n\n", "") + "data: {\"choices\": [{\"del";
    server.enqueue(new MockResponse.Builder().setHeader("Content-Type", "text/event-stream").body(cut).build());
    AttemptResult r = client(Timeouts.DEFAULTS).send(request(true));
    assertEquals(AttemptResult.Outcome.TRANSPORT_ERROR, r.outcome(), r.error());
    assertTrue(r.retryable());
  }

  @Test
  void aWholeBodyAnsweringAStreamedRequestIsReadAsOne() {
    server.enqueue(new MockResponse.Builder().setHeader("Content-Type", "text/html").body("<html>gateway</html>").build());
    AttemptResult html = client(Timeouts.DEFAULTS).send(request(true));
    assertEquals(AttemptResult.Outcome.BAD_RESPONSE, html.outcome());
    assertFalse(html.retryable());
    server.enqueue(ok(completion(REPLY)));
    AttemptResult json = client(Timeouts.DEFAULTS).send(request(true));
    assertTrue(json.ok(), json.error());
    assertEquals(REPLY, json.content());
  }

  @Test
  void aKeyEchoedAtTheCutOfALongMessageLeavesNoPrefix() {
    String message = "x".repeat(190) + " key " + KEY + " was refused";
    server.enqueue(new MockResponse.Builder().code(401).body("{\"error\": {\"message\": \"" + message + "\"}}").build());
    AttemptResult r = client(Timeouts.DEFAULTS).send(request(false));
    assertFalse(r.error().contains(KEY.substring(0, 6)), r.error());
    assertTrue(r.error().contains(" key [reda"), "removed before the cut: " + r.error());
  }
}
