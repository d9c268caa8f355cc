package dev.provbench.preflight;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.provbench.JudgeCases;
import dev.provbench.job.JobReader;
import dev.provbench.run.PreparedRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The check of one model against scripted answers: enqueue what the provider says, check, then assert both what
 * was sent and what the check concluded (its yes/no cells and the fix it gives).
 */
class EndpointCheckTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String KEY = "check-key-77";
  private static final String ANSWER = "<function=select_choice>{\"reasons\": \"same\", \"choice\": \"C\"}</function>";
  private static final String USAGE = "{\"prompt_tokens\":300,\"completion_tokens\":20}";

  @StartStop
  private final MockWebServer server = new MockWebServer();

  @TempDir
  Path dir;

  /** Checks model {@code llama-8b} of provider P (key in P_KEY) at the mock server with the given job lines. */
  private ModelCheck check(String providerLines) throws Exception {
    JudgeCases.write(dir, 2);
    Path job = dir.resolve("job.yaml");
    Files.writeString(job, """
        dataset: cases.jsonl
        task: {template: judge.yaml, max_tokens: 256}
        providers:
          - name: P
            base_url: %s
            api_key_env: P_KEY
            models: [{id: llama-8b}]
        %s""".formatted(server.url("/v1").toString().replaceAll("/$", ""), providerLines));
    PreparedRun run = PreparedRun.prepare(JobReader.read(job), Map.of("P_KEY", KEY));
    List<ModelCheck> checks = EndpointCheck.all(run, Map.of("P_KEY", KEY));
    assertEquals(1, checks.size());
    return checks.get(0);
  }

  private ModelCheck check() throws Exception {
    return check("");
  }

  private static String chunk(String delta) {
    return "data: {\"id\":\"r1\",\"choices\":[{\"index\":0,\"delta\":" + delta + "}]}\n\n";
  }

  private static MockResponse stream(boolean usage, String... deltas) {
    StringBuilder sb = new StringBuilder();
    for (String d : deltas) sb.append(chunk(d));
    if (usage) sb.append("data: {\"choices\":[],\"usage\":").append(USAGE).append("}\n\n");
    sb.append("data: [DONE]\n\n");
    return new MockResponse.Builder().setHeader("Content-Type", "text/event-stream").body(sb.toString()).build();
  }

  private static String content(String text) throws Exception {
    return "{\"content\":" + JSON.writeValueAsString(text) + "}";
  }

  private static MockResponse error(int code, String body) {
    return new MockResponse.Builder().code(code).setHeader("Content-Type", "application/json").body(body).build();
  }

  private JsonNode sentBody() throws Exception {
    RecordedRequest sent = server.takeRequest();
    assertEquals("POST", sent.getMethod());
    assertEquals("/v1/chat/completions", sent.getTarget());
    assertEquals("Bearer " + KEY, sent.getHeaders().get("Authorization"));
    return JSON.readTree(sent.getBody().utf8());
  }

  @Test
  void aGoodStreamedAnswerPassesWithItsRateLimitHeadersAndTimings() throws Exception {
    server.enqueue(stream(true, content(ANSWER)).newBuilder()
        .setHeader("x-ratelimit-remaining-requests", "599").setHeader("x-ratelimit-remaining-tokens", "149000")
        .setHeader("x-ratelimit-reset-requests", "100ms").setHeader("x-ratelimit-reset-tokens", "6s")
        .setHeader("x-request-id", "req-1").build());
    ModelCheck c = check();

    JsonNode body = sentBody();
    assertEquals("llama-8b", body.get("model").asText());
    assertEquals(256, body.get("max_tokens").asInt(), "the job's own parameters");
    assertTrue(body.get("stream").asBoolean());
    assertTrue(body.at("/stream_options/include_usage").asBoolean());
    assertTrue(body.at("/messages/1/content").asText().contains("Question 1?"), "the job's first case, rendered");
    assertEquals(1, server.getRequestCount(), "one request per model");

    assertTrue(c.passed(), c.problem());
    assertEquals(List.of(true, true, true, true, true, true),
        Arrays.asList(c.reachable(), c.keyAccepted(), c.modelFound(), c.answerParsed(), c.streamed(), c.serverUsage()));
    assertEquals(List.of("content"), c.carried());
    assertEquals(Map.of("x-ratelimit-remaining-requests", "599", "x-ratelimit-remaining-tokens", "149000",
        "x-ratelimit-reset-requests", "100ms", "x-ratelimit-reset-tokens", "6s"), c.rateLimits());
    assertNotNull(c.ttftMs());
    assertTrue(c.latencyMs() >= c.ttftMs());
    assertEquals(List.of(), c.notes());
  }

  @Test
  void aRefusedKeyNamesItsVariable() throws Exception {
    server.enqueue(error(401, "{\"error\":{\"message\":\"Invalid API key\",\"type\":\"auth\"}}"));
    ModelCheck c = check();
    sentBody();
    assertFalse(c.passed());
    assertEquals(false, c.keyAccepted());
    assertNull(c.modelFound(), "unknown behind a refused key");
    assertTrue(c.problem().startsWith("401: the key in P_KEY was refused"), c.problem());
    assertFalse(c.problem().contains(KEY));
  }

  @Test
  void anUnknownModelListsWhatTheProviderServes() throws Exception {
    server.enqueue(error(404, "{\"error\":{\"message\":\"Model not found\"}}"));
    server.enqueue(new MockResponse.Builder().setHeader("Content-Type", "application/json")
        .body("{\"object\":\"list\",\"data\":[{\"id\":\"llama-70b\"},{\"id\":\"llama-8b-instruct\"},{\"id\":\"mixtral\"}]}").build());
    ModelCheck c = check();
    sentBody();
    RecordedRequest list = server.takeRequest();
    assertEquals("GET", list.getMethod());
    assertEquals("/v1/models", list.getTarget());
    assertEquals("Bearer " + KEY, list.getHeaders().get("Authorization"));
    assertEquals(false, c.modelFound());
    assertEquals("404: model id `llama-8b` not served here; the provider lists: llama-70b, llama-8b-instruct, mixtral",
        c.problem());
  }

  @Test
  void anUnknownModelWithoutAListPointsAtTheBaseUrl() throws Exception {
    server.enqueue(error(404, "{\"error\":{\"message\":\"Not found\"}}"));
    server.enqueue(error(404, "{\"error\":{\"message\":\"Not found\"}}"));
    ModelCheck c = check();
    assertEquals(2, server.getRequestCount());
    assertTrue(c.problem().startsWith("404: model id `llama-8b` not served here; GET "), c.problem());
    assertTrue(c.problem().endsWith("/v1/models gave no list: check the id, and base_url (it often ends in /v1)"), c.problem());
  }

  @Test
  void aRejectedStreamOptionsFieldIsRetriedOnceWithoutItAndSaysHowToTurnItOff() throws Exception {
    server.enqueue(error(400, "{\"error\":{\"message\":\"Unrecognized request argument supplied\","
        + "\"type\":\"invalid_request_error\",\"param\":\"stream_options\"}}"));
    server.enqueue(stream(false, content(ANSWER)));
    ModelCheck c = check();
    assertTrue(sentBody().has("stream_options"));
    JsonNode retry = sentBody();
    assertTrue(retry.get("stream").asBoolean());
    assertFalse(retry.has("stream_options"), "the retry leaves the field out: " + retry);
    assertEquals(2, server.getRequestCount());
    assertFalse(c.passed(), "the run would still send the field");
    assertEquals(true, c.keyAccepted());
    assertEquals(true, c.answerParsed(), "the row shows the retry");
    assertTrue(c.problem().startsWith("400: the provider rejects the field `stream_options` (HTTP 400: Unrecognized"
        + " request argument supplied (param: stream_options)): set `stream_options: false` on provider `P`"), c.problem());
    assertTrue(c.problem().endsWith("; a retry without the field passed"), c.problem());
    assertEquals(List.of("retried once without stream_options: the row above is that retry",
        "no usage in the stream (stream_options: false): this model's cells get estimated tokens and cost"
            + " (usage_source 'estimated', about 4 characters a token)"), c.notes());
  }

  /** Checks with {@code samples} requests per model over three cases. */
  private EndpointCheck.Checked sampled(int samples) throws Exception {
    JudgeCases.write(dir, 3);
    Path job = dir.resolve("job.yaml");
    Files.writeString(job, """
        dataset: cases.jsonl
        task: {template: judge.yaml, max_tokens: 256}
        providers: [{name: P, base_url: %s, api_key_env: P_KEY, models: [{id: llama-8b}]}]
        """.formatted(server.url("/v1").toString().replaceAll("/$", "")));
    PreparedRun run = PreparedRun.prepare(JobReader.read(job), Map.of("P_KEY", KEY));
    assertEquals(samples, EndpointCheck.requests(run, samples));
    return EndpointCheck.all(run, Map.of("P_KEY", KEY), samples).get(0);
  }

  @Test
  void samplesMeasureTokensPerCharacterTheMeanAnswerAndTheMedianLatency() throws Exception {
    for (int i = 0; i < 3; i++) server.enqueue(stream(true, content(ANSWER)));
    EndpointCheck.Checked c = sampled(3);
    long chars = 0;
    List<String> questions = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      JsonNode body = sentBody();
      for (JsonNode m : body.get("messages")) chars += m.get("content").asText().length();
      questions.add(body.at("/messages/1/content").asText().replaceAll("(?s).*(Question \\d).*", "$1"));
    }
    assertEquals("Question 1", questions.get(0), "the first case first");
    assertEquals(3, questions.stream().distinct().count(), "then other cases: " + questions);
    assertTrue(c.check().passed(), c.check().problem());
    CheckMeasurement m = c.measurement();
    assertEquals(List.of(3, 900L, 60L, chars), List.of(m.calls(), m.promptTokens(), m.completionTokens(), m.promptChars()));
    assertEquals(900.0 / chars, m.tokensPerChar(), 1e-12);
    assertEquals(20.0, m.completionTokensPerCall(), 1e-12);
    assertTrue(m.serverUsage());
    assertEquals(256, m.maxTokens());
    assertEquals(server.url("/v1").toString().replaceAll("/$", ""), m.baseUrl());
  }

  @Test
  void aFailedFirstRequestSendsNoMoreSamplesAndMeasuresNothing() throws Exception {
    server.enqueue(error(401, "{\"error\":{\"message\":\"Invalid API key\"}}"));
    EndpointCheck.Checked c = sampled(3);
    assertEquals(1, server.getRequestCount());
    assertFalse(c.check().passed());
    assertNull(c.measurement());
  }

  @Test
  void streamOptionsFalseLeavesTheFieldOutAndTheCheckNotesTheMissingUsage() throws Exception {
    server.enqueue(stream(false, content(ANSWER)));
    ModelCheck c = check("    stream_options: false\n");
    JsonNode body = sentBody();
    assertTrue(body.get("stream").asBoolean());
    assertFalse(body.has("stream_options"), body.toString());
    assertTrue(c.passed(), c.problem());
    assertEquals(false, c.serverUsage());
    assertTrue(c.notes().get(0).startsWith("no usage in the stream (stream_options: false)"), c.notes().toString());
  }

  @Test
  void aStreamWithoutUsagePassesWithANote() throws Exception {
    server.enqueue(stream(false, content(ANSWER)));
    ModelCheck c = check();
    assertTrue(c.passed(), c.problem());
    assertEquals(false, c.serverUsage());
    assertEquals(List.of("no usage in the stream although stream_options.include_usage was sent: this model's cells"
        + " get estimated tokens and cost (usage_source 'estimated', about 4 characters a token)"), c.notes());
  }

  @Test
  void aToolCallReplyWithReasoningIsReadAndParsed() throws Exception {
    server.enqueue(stream(true, "{\"reasoning_content\":\"compare the facts\"}",
        "{\"tool_calls\":[{\"index\":0,\"id\":\"t1\",\"type\":\"function\",\"function\":{\"name\":\"select_choice\",\"arguments\":\"\"}}]}",
        "{\"tool_calls\":[{\"index\":0,\"function\":{\"arguments\":\"{\\\"reasons\\\": \\\"same\\\", \\\"choice\\\": \\\"C\\\"}\"}}]}"));
    ModelCheck c = check();
    assertTrue(c.passed(), c.problem());
    assertEquals(true, c.answerParsed());
    assertEquals(List.of("tool_calls", "reasoning"), c.carried());
  }

  @Test
  void anUnparseableAnswerFailsTheCheck() throws Exception {
    server.enqueue(stream(true, content("I think they agree.")));
    ModelCheck c = check();
    assertEquals(false, c.answerParsed());
    assertTrue(c.problem().startsWith("the reply did not parse ("), c.problem());
  }

  @Test
  void aRateLimitedCheckSaysSoWithTheWait() throws Exception {
    server.enqueue(error(429, "{\"error\":{\"message\":\"slow down\"}}").newBuilder()
        .setHeader("retry-after", "2").setHeader("x-ratelimit-remaining-requests", "0").build());
    ModelCheck c = check();
    assertEquals("429: rate limited on a single request (retry after 2000 ms): wait, or lower concurrency and set"
        + " rate_limit", c.problem());
    assertEquals(Map.of("retry-after", "2", "x-ratelimit-remaining-requests", "0"), c.rateLimits());
  }

  @Test
  void anUnreachableHostSaysSo() throws Exception {
    String url = server.url("/v1").toString().replaceAll("/$", "");
    server.close();
    JudgeCases.write(dir, 1);
    Path job = dir.resolve("job.yaml");
    Files.writeString(job, """
        dataset: cases.jsonl
        task: {template: judge.yaml}
        providers: [{name: P, base_url: %s, models: [{id: m}]}]
        """.formatted(url));
    ModelCheck c = EndpointCheck.all(PreparedRun.prepare(JobReader.read(job), Map.of()), Map.of()).get(0);
    assertEquals(false, c.reachable());
    assertNull(c.keyAccepted());
    assertTrue(c.problem().startsWith("cannot reach " + url + "/chat/completions ("), c.problem());
  }
}
