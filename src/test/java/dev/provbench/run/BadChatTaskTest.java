package dev.provbench.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.provbench.input.BadInputException;
import dev.provbench.job.JobReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.UnaryOperator;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A chat task's bad input is refused while the job is read and prepared, before any request: one change per line,
 * the exact message (file, field, fix), and no request at the server.
 */
class BadChatTaskTest {
  private static final String GOOD = """
      dataset: cases.jsonl
      task:
        type: chat
        messages:
          - {role: system, content: "Reply in JSON."}
          - {role: user, content: "{{question}} ({{meta.source}})"}
        params:
          tools: [{type: function, function: {name: answer, parameters: {type: object}}}]
        extract: {type: json_path, path: $.answer, example: '{"answer": "{{expected}}"}'}
      scorers:
        - {type: ExactMatch, ignore_case: true}
        - NonNull
      providers:
        - name: P
          base_url: BASE
          models: [{id: m1}]
      """;
  private static final String CASES = "{\"id\": \"c1\", \"input\": {\"question\": \"Capital?\", \"meta\": {\"source\": \"atlas\"}}, \"expected\": \"Paris\"}\n"
      + "{\"id\": \"c2\", \"input\": {\"question\": \"River?\", \"meta\": {\"source\": \"atlas\"}}, \"expected\": \"Seine\"}\n";

  @StartStop
  private final MockWebServer server = new MockWebServer();

  @TempDir
  Path dir;

  private void rejects(UnaryOperator<String> jobChange, UnaryOperator<String> casesChange, String message) throws Exception {
    Files.writeString(dir.resolve("cases.jsonl"), casesChange.apply(CASES));
    Path job = dir.resolve("job.yaml");
    Files.writeString(job, jobChange.apply(GOOD.replace("BASE", server.url("/v1").toString())));
    BadInputException e = assertThrows(BadInputException.class, () -> PreparedRun.prepare(JobReader.read(job), Map.of()));
    assertEquals(message.replace("FILE", job.toString()).replace("DATA", dir.resolve("cases.jsonl").toString()), e.getMessage());
    assertEquals(0, server.getRequestCount());
  }

  private void rejects(UnaryOperator<String> jobChange, String message) throws Exception {
    rejects(jobChange, c -> c, message);
  }

  @Test
  void theGoodJobPrepares() throws Exception {
    Files.writeString(dir.resolve("cases.jsonl"), CASES);
    Files.writeString(dir.resolve("job.yaml"), GOOD.replace("BASE", server.url("/v1").toString()));
    assertEquals(2, PreparedRun.prepare(JobReader.read(dir.resolve("job.yaml")), Map.of()).cases().size());
  }

  @Test
  void badInputIsRefusedWithFileFieldAndFix() throws Exception {
    rejects(j -> j.replace("type: json_path", "type: json_pth"),
        "FILE: task.extract.type: unknown extractor `json_pth`. Fix: did you mean `json_path`?");
    rejects(j -> j.replace("type: ExactMatch", "type: ExactMach"),
        "FILE: scorers[0]: unknown scorer `ExactMach`. Fix: did you mean `ExactMatch`?");
    rejects(j -> j.replace("- NonNull", "- NonNul"), "FILE: scorers[1]: unknown scorer `NonNul`. Fix: did you mean `NonNull`?");
    rejects(j -> j.replace("ignore_case: true", "ignore_cas: true"), "FILE: scorers[0]: option `ignore_cas` is not one of"
        + " ExactMatch's (ignore_case, ignore_punctuation, ignore_whitespace). Fix: see the scorer table in docs/JOBS.md for its options");
    rejects(j -> j.replace("type: chat", "type: chatt"), "FILE: task.type: unknown task `chatt`. Fix: did you mean `chat`?");
    rejects(j -> j.replace("role: system", "role: sytem"), "FILE: task.messages[0].role: unknown role `sytem`. Fix: did you mean `system`?");
    rejects(j -> j.replace("path: $.answer", "path: '$.answer[x]'"), "FILE: task.extract.path: cannot read `[x]` in `$.answer[x]`;"
        + " use .key, ['key'] or [0] steps. Fix: write a path such as `$.answer` or `$.items[0].name`");
    rejects(j -> j.replace("path: $.answer", "path: $.result"), "FILE: task.extract: finds nothing in `example` rendered for the"
        + " first case (no value at $.result). Fix: correct the extractor's path or pattern, or the example reply");
    rejects(j -> j.replace("tools: [{type: function, function: {name: answer, parameters: {type: object}}}]",
        "tools: '[{\"type\": \"function\", \"function\": {\"name\": \"answer\", \"parameters\": {\"type\": \"object\",}}}]'"),
        "FILE: task.params.tools: is not valid JSON: not JSON: Unexpected character ('}' (code 125)): was expecting double-quote"
            + " to start field name. Fix: write the tool list as JSON or as YAML");
    rejects(j -> j.replace("{name: answer, parameters: {type: object}}", "{parameters: {type: object}}"),
        "FILE: task.params.tools[0]: must be `{type: function, function: {name: ..., parameters: {...}}}`, got"
            + " {\"type\":\"function\",\"function\":{\"parameters\":{\"type\":\"obje.... Fix: give each tool `type: function` and a `function` with a `name`");
    rejects(j -> j.replace("tools:", "stream: true\n    tools:"), "FILE: task.params.stream: is set by the run."
        + " Fix: remove it; `task.stream` decides streaming");
    rejects(j -> j.replace("tools:", "max_tokens: 10\n    tools:"), "FILE: task.params.max_tokens: has its own field."
        + " Fix: set `task.max_tokens` instead");
    rejects(j -> j.replace("({{meta.source}})", "({{meta.sauce}})"), "FILE: task.messages: case 1 (id c1, DATA: line 1)"
        + " cannot fill the template: No method or field with name 'meta.sauce' on line 1. Fix: add the field to every case's"
        + " input, or change the message");
    rejects(j -> j, c -> c.replace(", \"expected\": \"Seine\"", ""), "FILE: scorers[0]: ExactMatch compares with each case's"
        + " `expected`, but case 2 (id c2, DATA: line 2) has none. Fix: give every case an `expected` value, or use a scorer"
        + " that needs none (NonNull, ValidJSON)");
  }
}
