package dev.provbench.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.provbench.job.RetryPolicy;
import dev.provbench.job.Timeouts;
import dev.provbench.results.CellStatus;
import dev.provbench.results.JudgeCall;
import dev.provbench.score.Answer;
import dev.provbench.score.LlmJudge;
import dev.provbench.score.ScorerCatalog;
import dev.provbench.score.ScorerSpec;
import dev.provbench.task.ChatTask;
import dev.provbench.task.ExtractorSpec;
import dev.provbench.task.JudgeTemplate;
import dev.provbench.task.MessageTemplate;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The LLM judge against a real HTTP server: what it sends, how it reads each letter, how a failed call or an unreadable
 * reply scores, that its key never shows, and that its concurrency bound holds at the server.
 */
class JudgeCallerTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String KEY = "judge-key-7c1e";
  private static final RetryPolicy ONE_RETRY = new RetryPolicy(2, 1, 5, 0);
  private static final Answer ANSWER = new Answer("Paris", JSON.getNodeFactory().textNode("Paris"),
      JSON.createObjectNode().put("input", "What is the capital of France?"));

  @StartStop
  private final MockWebServer server = new MockWebServer();

  private ScorerSpec spec(String extraOptions) {
    String url = server.url("/v1").toString().replaceAll("/$", "");
    return new ScorerSpec(LlmJudge.NAME, "judge", "{\"model\": \"judge-70b\", \"base_url\": \"" + url + "\""
        + extraOptions + "}");
  }

  private JudgeCaller caller(ScorerSpec spec, Semaphore share, Semaphore jvm) {
    return new JudgeCaller(spec.name(), ScorerCatalog.judge(spec), List.of(), Timeouts.DEFAULTS, ONE_RETRY, share, jvm, KEY, null);
  }

  private Judged judge(String extraOptions, MockResponse... replies) {
    for (MockResponse r : replies) server.enqueue(r);
    return caller(spec(extraOptions), new Semaphore(4), new Semaphore(4)).judge(ANSWER);
  }

  private static MockResponse reply(String content) {
    return json("{\"id\":\"j1\",\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":"
        + quote(content) + "},\"finish_reason\":\"stop\"}],\"usage\":{\"prompt_tokens\":300,\"completion_tokens\":40}}");
  }

  private static MockResponse toolCall(String letter) {
    return json("{\"id\":\"j2\",\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":null,\"tool_calls\":"
        + "[{\"id\":\"call_1\",\"type\":\"function\",\"function\":{\"name\":\"select_choice\",\"arguments\":"
        + quote("{\"reasons\": \"r\", \"choice\": \"" + letter + "\"}") + "}}]},\"finish_reason\":\"tool_calls\"}]}");
  }

  private static final long DELAY_MS = 150;

  /** The reply, its headers held back {@link #DELAY_MS} by the server. */
  private static MockResponse delayed(MockResponse reply) {
    return reply.newBuilder().headersDelay(DELAY_MS, TimeUnit.MILLISECONDS).build();
  }

  private static void assertBetween(long low, long high, Long actual, String what) {
    assertNotNull(actual, what);
    assertTrue(actual >= low && actual < high, what + ": " + actual + " ms, expected " + low + " to " + high);
  }

  private static MockResponse json(String body) {
    return new MockResponse.Builder().setHeader("Content-Type", "application/json").body(body).build();
  }

  private static String call(String letter) {
    return "<function=select_choice>{\"reasons\": \"because\", \"choice\": \"" + letter + "\"}</function>";
  }

  private static String quote(String s) {
    try {
      return JSON.writeValueAsString(s);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** One line per case: the score the letter earns, the scorer's extra options, the judge's reply. */
  static Stream<Arguments> letters() {
    return Stream.of(
        Arguments.of(0.4, "", reply(call("A"))),
        Arguments.of(0.6, "", reply(call("B"))),
        Arguments.of(1.0, "", reply(call("C"))),
        Arguments.of(0.0, "", reply(call("D"))),
        Arguments.of(1.0, "", reply(call("E"))),
        Arguments.of(1.0, "", toolCall("C")),
        Arguments.of(0.6, "", reply("<think>compare the facts</think>" + call("B"))),
        Arguments.of(0.5, ", \"prompt\": \"Is {{output}} right? (Y) yes (N) no\", \"choice_scores\": {\"Y\": 0.5, \"N\": 0}",
            reply(call("Y"))));
  }

  @ParameterizedTest
  @MethodSource("letters")
  void eachLetterScoresAsTheFactEval(double expected, String options, MockResponse reply) {
    Judged j = judge(options, reply);
    assertEquals(expected, j.score().score(), 1e-12, j.toString());
    assertEquals(CellStatus.OK.value(), j.call().status());
  }

  @Test
  void sendsTheRenderedPromptAndMeasuresTheCall() throws Exception {
    Judged j = judge(", \"price\": {\"input_per_1m\": 2, \"output_per_1m\": 10}", delayed(reply(call("C"))));
    RecordedRequest sent = server.takeRequest();
    assertEquals("/v1/chat/completions", sent.getTarget());
    assertEquals("Bearer " + KEY, sent.getHeaders().get("Authorization"));
    JsonNode body = JSON.readTree(sent.getBody().utf8());
    assertEquals("judge-70b", body.path("model").asText());
    assertFalse(body.path("stream").asBoolean());
    assertEquals(0.0, body.path("temperature").asDouble());
    String user = body.path("messages").get(1).path("content").asText();
    assertTrue(user.contains("[Question]: What is the capital of France?\n"), user);
    assertTrue(user.contains("[Expert]: Paris\n") && user.contains("[Submission]: Paris\n"), user);
    assertTrue(body.path("messages").get(0).path("content").asText().contains("select_choice"));
    assertEquals(new JudgeCall("judge", "judge-70b", "ok", j.call().latencyMs(), 300, 40, (300 * 2 + 40 * 10) / 1e6, null), j.call());
    assertBetween(DELAY_MS, 5_000, j.call().latencyMs(), "the whole call, the server's delay included");
    assertEquals("judge chose C", j.score().note());
  }

  @Test
  void aFailedCallScoresNullWithTheReason() {
    MockResponse down = new MockResponse.Builder().code(500).body("{\"error\": {\"message\": \"judge overloaded\"}}").build();
    Judged j = judge("", down, delayed(down));
    assertEquals(2, server.getRequestCount(), "retried by the job's policy");
    assertNull(j.score().score());
    assertEquals("judge call failed: HTTP 500: judge overloaded", j.score().note());
    assertEquals("http_error", j.call().status());
    assertEquals("HTTP 500: judge overloaded", j.call().error());
    assertBetween(DELAY_MS, 5_000, j.call().latencyMs(), "the whole call, its retry and the server's delay included");
  }

  static Stream<String> unreadable() {
    return Stream.of("I would say C.", call("Z"), "");
  }

  @ParameterizedTest
  @MethodSource("unreadable")
  void anUnreadableReplyScoresNull(String text) {
    Judged j = judge("", reply(text));
    assertNull(j.score().score());
    assertEquals("parse_error", j.call().status());
    assertTrue(j.score().note().startsWith("judge reply not read: "), j.score().note());
    assertEquals(300, j.call().promptTokens(), "an answered call is counted even when unreadable");
  }

  @Test
  void theKeyNeverShows() throws Exception {
    MockResponse echo = new MockResponse.Builder().code(401)
        .body("{\"error\": {\"message\": \"invalid key Bearer " + KEY + " for judge-70b\"}}").build();
    Judged j = judge("", echo);
    assertEquals("Bearer " + KEY, server.takeRequest().getHeaders().get("Authorization"));
    assertEquals("http_error", j.call().status());
    assertTrue(j.call().error().contains("[redacted]"), j.call().error());
    assertFalse(j.toString().contains(KEY), j.toString());
    assertFalse(j.toString().contains("judge-key"), j.toString());
  }

  @Test
  void anUnsetKeySendsNothing() {
    ScorerSpec spec = spec(", \"api_key_env\": \"PROVBENCH_UNSET_JUDGE_KEY\"");
    JudgeCallers callers = new JudgeCallers(List.of(spec), "run", List.of(), Timeouts.DEFAULTS, ONE_RETRY, j -> 1);
    Judged j = callers.judge(spec, ANSWER);
    assertEquals(0, server.getRequestCount());
    assertNull(j.score().score());
    assertEquals(JudgeCall.SKIPPED, j.call().status());
    assertTrue(j.call().error().contains("PROVBENCH_UNSET_JUDGE_KEY"), j.call().error());
  }

  /** The judge's concurrency C over the run's shares: 1 each up to C shares, else by window, at least 1, adding up to C. */
  @Test
  void theConcurrencyIsSplitOverTheShares() {
    assertEquals(List.of(4), windows(4, 3));
    assertEquals(List.of(2, 2), windows(4, 3, 3));
    assertEquals(List.of(1, 3), windows(4, 1, 3));
    assertEquals(List.of(1, 1, 1), windows(2, 1, 1, 5));
    assertEquals(List.of(2, 2, 1), windows(5, 2, 2, 2));
    assertEquals(List.of(1, 1, 6), windows(8, 1, 1, 6));
    assertEquals(List.of(1, 1, 2), windows(4, 1, 1, 10));
  }

  private static List<Integer> windows(int concurrency, int... shareWindows) {
    List<PartitionSpec> all = new ArrayList<>();
    for (int i = 0; i < shareWindows.length; i++) all.add(new PartitionSpec(i, 0, i, 0, 1, shareWindows[i], 1));
    return all.stream().map(s -> JudgeSlots.shareWindow(concurrency, s, all)).toList();
  }

  /** Two shares of 2 each, one JVM gate of 3: never more than 3 judge calls at the server, and 3 are reached. */
  @Test
  void theConcurrencyBoundHoldsAtTheServer() throws Exception {
    AtomicInteger inFlight = new AtomicInteger();
    AtomicInteger most = new AtomicInteger();
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
        most.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
        Thread.sleep(40);
        inFlight.decrementAndGet(); // before the reply goes out: the client may send its next at once
        return reply(call("C"));
      }
    });
    ScorerSpec spec = spec(", \"concurrency\": 3");
    Semaphore jvm = JudgeSlots.perJvm("bound-test", spec.name(), 3);
    List<JudgeCaller> shares = List.of(caller(spec, new Semaphore(2), jvm), caller(spec, new Semaphore(2), jvm));
    ExecutorService pool = Executors.newFixedThreadPool(12);
    try {
      List<Future<Judged>> done = new ArrayList<>();
      for (int i = 0; i < 24; i++) {
        JudgeCaller share = shares.get(i % 2);
        done.add(pool.submit(() -> share.judge(ANSWER)));
      }
      for (Future<Judged> f : done) assertEquals(1.0, f.get().score().score());
    } finally {
      pool.shutdownNow();
    }
    assertEquals(24, server.getRequestCount());
    assertEquals(3, most.get(), "the bound is reached and never passed");
  }

  /** A judge that fails leaves the cell answered and its other scores as they are. */
  @Test
  void aFailedJudgeNeverFailsTheCell() {
    server.enqueue(new MockResponse.Builder().code(503).build());
    server.enqueue(new MockResponse.Builder().code(503).build());
    ScorerSpec judge = spec("");
    ChatTask task = new ChatTask(List.of(new MessageTemplate("user", "{{input}}")), "{}", ExtractorSpec.WHOLE_TEXT,
        List.of(ScorerSpec.of("ExactMatch"), judge));
    JudgeCallers callers = new JudgeCallers(task.scorers(), "run", List.of(), Timeouts.DEFAULTS, ONE_RETRY, j -> 1);
    Verdict v = Verdict.ofChat(task, "{\"input\": \"q\"}", "\"Paris\"", CellStatus.OK, null, "Paris", null, callers);
    assertEquals(CellStatus.OK, v.status());
    assertEquals(1.0, v.scores().correct());
    assertNull(v.cellScores().get(1).score());
    assertEquals("http_error", v.judgeCalls().get(0).status());
    Verdict failed = Verdict.ofChat(task, "{\"input\": \"q\"}", "\"Paris\"", CellStatus.TIMEOUT, "timed out", null, null, callers);
    assertEquals(0.0, failed.cellScores().get(1).score(), "no output scores 0, as every scorer");
    assertEquals(JudgeCall.skipped("judge", "judge-70b", "no output to judge"), failed.judgeCalls().get(0));
    assertEquals(2, server.getRequestCount());
  }

  @Test
  void theDefaultPromptIsTheShippedFactualityTemplate() throws Exception {
    var shipped = JudgeTemplate.load(Path.of("data/templates/factuality.yaml"));
    assertEquals(shipped.prompt(), LlmJudge.defaultPrompt());
    assertEquals(shipped.choiceScores(), LlmJudge.FACT_CHOICE_SCORES);
  }
}
