package dev.provbench.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.provbench.SparkTestSession;
import dev.provbench.job.Job;
import dev.provbench.job.JobReader;
import dev.provbench.preflight.RunEstimate;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A conversation's turns as the server sees them: each turn's request carries exactly the opening messages and the
 * earlier turns, with the model's own replies ({@code history: own}) or the recorded ones ({@code recorded}); once a
 * turn gets no answer under {@code own}, the later turns are rows that were never sent. A real Spark run against a
 * server on 127.0.0.1 that records every body.
 */
class ConversationRequestTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String CASES = """
      {"id": "a", "input": {"turns": [{"user": "Start with 5.", "expected": "5", "assistant": "rec a1"}, {"user": "Add 2.", "expected": "Add 2.", "assistant": "rec a2"}, {"user": "Add 3.", "expected": "10"}]}}
      {"id": "b", "input": {"turns": [{"user": "Start with 1.", "expected": "1", "assistant": "rec b1"}, {"user": "FAIL", "expected": "2", "assistant": "rec b2"}, {"user": "Add 1.", "expected": "3"}]}}
      """;

  @TempDir
  Path dir;

  private final MockWebServer server = new MockWebServer();
  private final ConcurrentLinkedQueue<JsonNode> bodies = new ConcurrentLinkedQueue<>();
  private RunEstimate estimate;
  private Job job;

  /** Replies "reply N to <the last user message>", N counting the conversation's messages; 400 to "FAIL". */
  @BeforeEach
  void start() throws IOException {
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        try {
          JsonNode body = JSON.readTree(request.getBody().utf8());
          bodies.add(body);
          JsonNode messages = body.path("messages");
          String last = messages.get(messages.size() - 1).path("content").asText();
          if (last.equals("FAIL")) return new MockResponse.Builder().code(400).body("{\"error\": {\"message\": \"no\"}}").build();
          if (last.equals("Look it up.")) return toolCall(body.path("model").asText());
          ObjectNode reply = JSON.createObjectNode().put("id", "r").put("model", body.path("model").asText());
          reply.putArray("choices").addObject().put("index", 0).put("finish_reason", "stop").putObject("message")
              .put("role", "assistant").put("content", "reply " + messages.size() + " to " + last);
          reply.putObject("usage").put("prompt_tokens", 10 * messages.size()).put("completion_tokens", 4);
          return new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json").body(reply.toString()).build();
        } catch (IOException e) {
          return new MockResponse.Builder().code(400).body("not JSON").build();
        }
      }
    });
    server.start(InetAddress.getByName("127.0.0.1"), 0);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private List<Row> run(String runId, String history) throws IOException {
    return run(runId, history, "");
  }

  /** A reply that calls the tool {@code lookup} with {@code {"q": "x"}}, under the server's own call id. */
  private static MockResponse toolCall(String model) {
    ObjectNode reply = JSON.createObjectNode().put("id", "r").put("model", model);
    ObjectNode message = reply.putArray("choices").addObject().put("index", 0).put("finish_reason", "tool_calls")
        .putObject("message").put("role", "assistant").putNull("content");
    message.putArray("tool_calls").addObject().put("id", "srv_1").put("type", "function").putObject("function")
        .put("name", "lookup").put("arguments", "{\"q\": \"x\"}");
    reply.putObject("usage").put("prompt_tokens", 10).put("completion_tokens", 4);
    return new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json").body(reply.toString()).build();
  }

  private List<Row> run(String runId, String history, String more) throws IOException {
    return run(runId, history, more, CASES);
  }

  private List<Row> run(String runId, String history, String more, String cases) throws IOException {
    Files.writeString(dir.resolve("cases.jsonl"), cases);
    Path file = dir.resolve(runId + ".yaml");
    Files.writeString(file, "run_id: " + runId + "\ndataset: cases.jsonl\noutput: results\n"
        + "task:\n  type: conversation\n  history: " + history + "\n  stream: false\n"
        + "  messages:\n    - {role: system, content: \"Keep count.\"}\n"
        + "  extract: {type: regex, pattern: 'to (.*)'}\n"
        + "scorers: [ExactMatch, NonNull]\ntrials: 2\nconcurrency: 2\n" + more
        + "providers:\n  - {name: P, base_url: " + server.url("/v1").toString().replaceAll("/$", "") + ", models: [{id: m}]}\n");
    Job job = JobReader.read(file);
    PreparedRun prepared = PreparedRun.prepare(job, Map.of());
    estimate = RunEstimate.of(prepared, 1000, List.of(), "none", Set.of());
    assertEquals(12, prepared.totalCells(), "2 conversations x 3 turns x 2 trials");
    assertEquals("2 conversations (6 turns)", prepared.describeCases());
    BenchmarkRun.execute(SparkTestSession.get(), prepared, new PrintStream(OutputStream.nullOutputStream()), 0);
    this.job = job;
    return SparkTestSession.get().read().parquet(job.output().toString()).where("run_id = '" + runId + "'")
        .orderBy("case_id", "trial", "turn").collectAsList();
  }

  /** The messages of a body as "role: content" lines. */
  private static List<String> messages(JsonNode body) {
    List<String> out = new ArrayList<>();
    for (JsonNode m : body.path("messages")) out.add(m.path("role").asText() + ": " + m.path("content").asText());
    return out;
  }

  private List<List<String>> sent() {
    List<List<String>> out = new ArrayList<>();
    for (JsonNode b : bodies) out.add(messages(b));
    return out;
  }

  @Test
  void eachTurnCarriesTheEarlierTurnsWithTheModelsOwnReplies() throws IOException {
    List<Row> rows = run("own", "own");
    List<List<String>> sent = sent();
    List<String> a3 = List.of("system: Keep count.", "user: Start with 5.", "assistant: reply 2 to Start with 5.",
        "user: Add 2.", "assistant: reply 4 to Add 2.", "user: Add 3.");
    // Two trials of each turn of conversation a, each with exactly the turns before it.
    for (int turn = 1; turn <= 3; turn++) {
      List<String> expected = a3.subList(0, 2 * turn);
      assertEquals(2, sent.stream().filter(expected::equals).count(), "turn " + turn + " of a, sent " + sent);
    }
    // Conversation b: turn 1 twice, turn 2 (FAIL) twice, turn 3 never.
    assertEquals(2, sent.stream().filter(List.of("system: Keep count.", "user: Start with 1.")::equals).count());
    assertEquals(2, sent.stream().filter(m -> m.get(m.size() - 1).equals("user: FAIL")).count());
    assertEquals(10, sent.size(), "3 + 2 turns sent per trial");

    assertEquals(12, rows.size(), "2 conversations x 3 turns x 2 trials");
    List<String> table = new ArrayList<>();
    for (Row r : rows) {
      table.add(r.getAs("case_id") + " " + r.getAs("conversation_id") + " t" + r.getAs("turn") + " " + r.getAs("status")
          + " " + r.getAs("extracted") + " / " + r.getAs("expected_text"));
    }
    assertEquals(List.of(
        "a a t1 ok Start with 5. / 5", "a a t2 ok Add 2. / Add 2.", "a a t3 ok Add 3. / 10",
        "a a t1 ok Start with 5. / 5", "a a t2 ok Add 2. / Add 2.", "a a t3 ok Add 3. / 10",
        "b b t1 ok Start with 1. / 1", "b b t2 http_error null / 2", "b b t3 not_sent null / 3",
        "b b t1 ok Start with 1. / 1", "b b t2 http_error null / 2", "b b t3 not_sent null / 3"), table);
    Row notSent = rows.get(5 + 3);
    assertEquals(0, notSent.<Integer>getAs("attempts"));
    String why = notSent.getAs("error");
    assertTrue(why.startsWith("turn 2 got no answer (http_error)"), why);
    // The estimate counts every turn, each turn's prompt with the turns before it.
    assertEquals(12, estimate.cells());
    // Rescoring with one more scorer judges each turn against its own expected value again.
    Path more = dir.resolve("more.yaml");
    Files.writeString(more, Files.readString(dir.resolve("own.yaml")).replace("[ExactMatch, NonNull]",
        "[ExactMatch, NonNull, {type: ExactMatch, name: again}]"));
    Rescorer.Rescored again = Rescorer.rescore(SparkTestSession.get(), job.output(), "own", "own-again", JobReader.read(more));
    assertEquals(12, again.cells());
    assertEquals(0, again.changed(), "the same primary scores from the stored replies");
    assertEquals("[[12,2.0]]", SparkTestSession.get().sql("SELECT count(*), sum(score) FROM scores WHERE run_id = 'own-again'"
        + " AND scorer = 'again'").collectAsList().toString(), "turn 2 of a right in both trials, by its own expected value");
    // The turns of one trial ran in order.
    for (int i = 1; i < rows.size(); i++) {
      Row before = rows.get(i - 1);
      Row r = rows.get(i);
      if (r.<Integer>getAs("turn") > 1 && r.<Integer>getAs("attempts") > 0) {
        assertTrue(!r.<java.sql.Timestamp>getAs("started_at").before(before.getAs("finished_at")), "turn order at row " + i);
      }
    }
  }

  /** A task retried after its first attempt committed some conversations runs the others, each whole, once. */
  @Test
  void aRetriedTaskCommitsEachConversationWhole() throws IOException {
    SparkSession spark = SparkTestSession.get();
    spark.sparkContext().setLocalProperty(CellPartition.FAIL_FIRST_ATTEMPT_AFTER, "4");
    try {
      run("retried", "own", "commit: {every_cells: 1}\n");
    } finally {
      spark.sparkContext().setLocalProperty(CellPartition.FAIL_FIRST_ATTEMPT_AFTER, null);
    }
    Dataset<Row> rows = spark.read().parquet(dir.resolve("results").toString()).where("run_id = 'retried'")
        .withColumn("file", functions.input_file_name());
    assertEquals(12, rows.count());
    assertEquals(12, rows.select("cell_id").distinct().count());
    // Every conversation's trial sits in one file: its turns were committed together, by one attempt.
    assertEquals(4, rows.groupBy("case_id", "trial").agg(functions.countDistinct("file").as("files"),
        functions.count("*").as("turns")).where("files = 1 AND turns = 3").count());
    assertTrue(rows.where("file LIKE '%-a1-%'").count() > 0, "the second attempt ran what was left");
  }

  /**
   * A turn of tool results answers the calls of the reply before it: the history sends the reply's calls under ids of
   * its own, and each result as a {@code tool} message naming its call; a turn of results after a reply that called no
   * tool is not sent.
   */
  @Test
  void toolResultsAnswerThePreviousRepliesCalls() throws IOException {
    String cases = """
        {"id": "t", "input": {"turns": [{"user": "Look it up.", "expected": "x"}, {"tool": "42", "expected": "42"}, {"user": "Thanks.", "expected": "y"}]}}
        {"id": "u", "input": {"turns": [{"user": "Hello.", "expected": "x"}, {"tool": "42", "expected": "42"}, {"user": "Thanks.", "expected": "y"}]}}
        """;
    List<Row> rows = run("tools", "own", "", cases);
    List<String> afterTheCall = List.of("system: Keep count.", "user: Look it up.",
        "assistant:  calls [{\"id\":\"call_t1_0\",\"type\":\"function\",\"function\":{\"name\":\"lookup\",\"arguments\":\"{\\\"q\\\": \\\"x\\\"}\"}}]",
        "tool: 42 answers call_t1_0");
    List<List<String>> sent = new ArrayList<>();
    for (JsonNode b : bodies) {
      List<String> m = new ArrayList<>();
      for (JsonNode x : b.path("messages")) {
        m.add(x.path("role").asText() + ": " + x.path("content").asText("")
            + (x.has("tool_calls") ? " calls " + x.get("tool_calls") : "")
            + (x.has("tool_call_id") ? " answers " + x.get("tool_call_id").asText() : ""));
      }
      sent.add(m);
    }
    assertEquals(2, sent.stream().filter(afterTheCall::equals).count(), "turn 2 of t in both trials, sent " + sent);
    List<String> table = new ArrayList<>();
    for (Row r : rows) table.add(r.getAs("case_id") + " t" + r.getAs("turn") + " " + r.getAs("status"));
    assertEquals(List.of("t t1 parse_error", "t t1 parse_error", "t t2 ok", "t t2 ok", "t t3 ok", "t t3 ok",
        "u t1 ok", "u t1 ok", "u t2 not_sent", "u t2 not_sent", "u t3 not_sent", "u t3 not_sent"),
        table.stream().sorted().toList());
    String why = rows.stream().filter(r -> "u".equals(r.getAs("case_id")) && r.<Integer>getAs("turn") == 2).findFirst()
        .orElseThrow().getAs("error");
    assertEquals("turn 2 gives 1 tool result, but the reply to turn 1 called 0 tools, so the conversation stopped there", why);
    assertEquals(8, sent.size(), "t: 3 turns, u: 1, in each of 2 trials");
  }

  /** --retry-failed runs a conversation's trial with a failed turn again from its first turn, never a turn alone. */
  @Test
  void retryingFailedCellsRunsTheirConversationsAgainWhole() throws IOException {
    run("again", "own");
    bodies.clear();
    BenchmarkRun.execute(SparkTestSession.get(), PreparedRun.prepare(job, Map.of(), new PreparedRun.Resume(true)),
        new PrintStream(OutputStream.nullOutputStream()), 0);
    // b failed at turn 2 in both trials: its turns 1 and 2 are sent again, a's are not.
    List<List<String>> sent = sent();
    assertEquals(4, sent.size(), "b's turns 1 and 2, twice: " + sent);
    assertEquals(2, sent.stream().filter(List.of("system: Keep count.", "user: Start with 1.")::equals).count());
    Dataset<Row> rows = SparkTestSession.get().read().parquet(dir.resolve("results").toString()).where("run_id = 'again'");
    assertEquals(12, rows.count());
    assertEquals(12, rows.select("cell_id").distinct().count());
    assertEquals("[[b,1,ok], [b,2,http_error], [b,3,not_sent]]", rows.where("trial = 1 AND case_id = 'b'")
        .select("case_id", "turn", "status").orderBy("turn").collectAsList().toString());
  }

  @Test
  void recordedHistorySendsTheCasesReplies() throws IOException {
    List<Row> rows = run("recorded", "recorded");
    List<List<String>> sent = sent();
    List<String> a3 = List.of("system: Keep count.", "user: Start with 5.", "assistant: rec a1", "user: Add 2.",
        "assistant: rec a2", "user: Add 3.");
    for (int turn = 1; turn <= 3; turn++) assertEquals(2, sent.stream().filter(a3.subList(0, 2 * turn)::equals).count());
    // A failed turn does not stop a recorded conversation: its next turn carries the recorded reply.
    assertEquals(2, sent.stream().filter(List.of("system: Keep count.", "user: Start with 1.", "assistant: rec b1",
        "user: FAIL", "assistant: rec b2", "user: Add 1.")::equals).count());
    assertEquals(12, sent.size());
    assertEquals(12, rows.size());
  }
}
