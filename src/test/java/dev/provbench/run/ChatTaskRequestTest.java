package dev.provbench.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.provbench.job.JobReader;
import dev.provbench.results.CellResult;
import dev.provbench.results.CellScore;
import dev.provbench.results.CellStatus;
import dev.provbench.task.SelectChoiceTool;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A chat task and the judge's native tool mode over real HTTP: what each cell sends (rendered messages, request fields
 * passed through, a model's own fields over them) and what its row says about the reply.
 */
class ChatTaskRequestTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @StartStop
  private final MockWebServer server = new MockWebServer();

  @TempDir
  Path dir;

  private static final String CHAT_TASK = """
      task:
        type: chat
        stream: false
        max_tokens: 300
        messages:
          - {role: system, content: "Answer in JSON."}
          - role: user
            content: "Q: {{question}} (source: {{meta.source}}) tags:{{#meta.tags}} [{{.}}]{{/meta.tags}}"
          - {role: assistant, content: "Understood."}
          - {role: user, content: "Go."}
        params:
          top_p: 0.9
          stop: [END]
          seed: 7
          reasoning_effort: low
          response_format: {type: json_schema, json_schema: {name: answer, schema: {type: object, properties: {answer: {type: string}}}}}
          tools: [{type: function, function: {name: lookup, parameters: {type: object, properties: {city: {type: string}}}}}]
          tool_choice: auto
        extract: {type: json_path, path: $.answer}
      scorers:
        - {type: ExactMatch, ignore_case: true}
        - Levenshtein
        - NonNull
      """;

  /** Runs the job's first case on each model in turn against the mock server; one reply per model. */
  private List<CellResult> run(String expected, String task, String models, String... replies) throws Exception {
    Files.writeString(dir.resolve("cases.jsonl"), "{\"id\": \"c1\", \"input\": {\"question\": \"Capital of France?\", "
        + "\"meta\": {\"source\": \"atlas & co\", \"tags\": [\"geo\", \"eu\"]}, \"input\": \"Capital of France?\", "
        + "\"output\": \"Paris\", \"expected\": \"Paris\"}, \"expected\": " + expected + "}\n");
    Files.copy(Path.of("data/templates/factuality.yaml"), dir.resolve("judge.yaml"));
    Path job = dir.resolve("job.yaml");
    Files.writeString(job, "dataset: cases.jsonl\noutput: results\n" + task + "providers:\n  - name: P\n    base_url: "
        + server.url("/v1").toString().replaceAll("/$", "") + "\n    models:\n" + models);
    for (String r : replies) server.enqueue(new MockResponse.Builder().setHeader("Content-Type", "application/json").body(r).build());
    PreparedRun run = PreparedRun.prepare(JobReader.read(job), Map.of());
    List<CellResult> out = new ArrayList<>();
    for (PartitionSpec part : run.spec().partitions()) {
      out.add(new CellRunner(run.spec(), part, null).run(new Cell("cell-" + part.model(), 0, 1), run.cases().get(0)));
    }
    return out;
  }

  private static String completion(String message) {
    return "{\"id\": \"r1\", \"choices\": [{\"index\": 0, \"message\": " + message + ", \"finish_reason\": \"stop\"}],"
        + " \"usage\": {\"prompt_tokens\": 50, \"completion_tokens\": 9}}";
  }

  private JsonNode body() throws Exception {
    RecordedRequest r = server.takeRequest();
    return JSON.readTree(r.getBody().utf8());
  }

  @Test
  void aChatTaskSendsItsMessagesAndFieldsAndScoresTheExtractedAnswer() throws Exception {
    String reply = completion("{\"role\": \"assistant\", \"content\": \"<think>France's capital.</think>{\\\"answer\\\": \\\"Paris\\\"}\"}");
    List<CellResult> rows = run("\"paris\"", CHAT_TASK, """
              - id: m1
              - id: m2
                request: {max_tokens: 50, stop: ["\\n"], tool_choice: null, temperature: 0.7}
        """, reply, reply);

    JsonNode first = body();
    assertEquals("m1", first.get("model").asText());
    assertEquals(JSON.readTree("""
        [{"role": "system", "content": "Answer in JSON."},
         {"role": "user", "content": "Q: Capital of France? (source: atlas & co) tags: [geo] [eu]"},
         {"role": "assistant", "content": "Understood."},
         {"role": "user", "content": "Go."}]"""), first.get("messages"));
    assertEquals(300, first.get("max_tokens").asInt());
    assertEquals(0.9, first.get("top_p").asDouble());
    assertEquals("[\"END\"]", first.get("stop").toString());
    assertEquals(7, first.get("seed").asInt());
    assertEquals("low", first.get("reasoning_effort").asText());
    assertEquals("json_schema", first.at("/response_format/type").asText());
    assertEquals("lookup", first.at("/tools/0/function/name").asText());
    assertEquals("auto", first.get("tool_choice").asText());
    assertFalse(first.get("stream").asBoolean());

    JsonNode second = body();
    assertEquals(50, second.get("max_tokens").asInt());
    assertEquals("[\"\\n\"]", second.get("stop").toString());
    assertFalse(second.has("tool_choice"), "a model's null removes the field");
    assertEquals(0.7, second.get("temperature").asDouble());
    assertEquals("lookup", second.at("/tools/0/function/name").asText());

    CellResult row = rows.get(0);
    assertEquals(CellStatus.OK, row.outcome().status());
    assertEquals("Paris", row.reading().extracted());
    assertEquals("paris", row.setup().expectedText());
    assertEquals(1.0, row.scoring().correctScore());
    assertEquals(1.0, row.scoring().nonNull());
    assertEquals(List.of(new CellScore("ExactMatch", 1, null), new CellScore("Levenshtein", 0.8, null), new CellScore("NonNull", 1, null)),
        row.scoring().scores());
    assertEquals("France's capital.", row.answer().reasoning());
    assertEquals("{\"answer\": \"Paris\"}", row.answer().response());
    assertEquals(null, row.reading().output(), "a text answer has no numeric output");
  }

  @Test
  void anAnswerTheExtractorCannotReadIsAParseErrorScoredZero() throws Exception {
    CellResult row = run("\"paris\"", CHAT_TASK, "      - id: m1\n", completion("{\"role\": \"assistant\", \"content\": \"Paris\"}")).get(0);
    assertEquals(CellStatus.PARSE_ERROR, row.outcome().status());
    assertEquals("the reply holds no JSON", row.outcome().error());
    assertEquals(0.0, row.scoring().correctScore());
    assertEquals(List.of(0.0, 0.0, 0.0), row.scoring().scores().stream().map(CellScore::score).toList());
  }

  @Test
  void theJudgeInNativeModeSendsToolsAndReadsToolCalls() throws Exception {
    String reply = completion("{\"role\": \"assistant\", \"content\": null, \"reasoning_content\": \"Same facts.\", \"tool_calls\": [{\"id\": \"call_1\","
        + " \"type\": \"function\", \"function\": {\"name\": \"select_choice\", \"arguments\": \"{\\\"reasons\\\": \\\"same\\\", \\\"choice\\\": \\\"C\\\"}\"}}]}");
    CellResult row = run("1", "task: {template: judge.yaml, tool_mode: native, stream: false}\n", "      - id: m1\n", reply)
        .get(0);
    JsonNode sent = body();
    assertEquals(SelectChoiceTool.NATIVE_SYSTEM, sent.at("/messages/0/content").asText());
    assertEquals("select_choice", sent.at("/tools/0/function/name").asText());
    assertEquals("[\"A\",\"B\",\"C\",\"D\",\"E\"]", sent.at("/tools/0/function/parameters/properties/choice/enum").toString());
    assertEquals("select_choice", sent.at("/tool_choice/function/name").asText());
    assertEquals(CellStatus.OK, row.outcome().status());
    assertEquals(1.0, row.reading().output());
    assertEquals("C", row.reading().extracted());
    assertEquals("Same facts.", row.answer().reasoning());
  }
}
