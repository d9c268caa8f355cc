package dev.provbench.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.provbench.cli.Main;
import dev.provbench.results.ResultSchema;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad input is rejected before any request: each case changes one thing in a job folder that validates,
 * runs {@code provbench run} against a server that counts requests, and expects exit code 2, no request,
 * and exactly this message on stderr (paths shown relative to the job's folder).
 */
class BadInputTest {
  private static final String JOB = """
      name: bad-input
      run_id: r1
      dataset: cases.jsonl
      output: results
      task: {template: judge.yaml, stream: false}
      scorers: [CorrectScore, NonNull]
      trials: 1
      concurrency: 2
      providers:
        - name: P1
          base_url: BASE_URL
          headers: {X-Team: evals}
          models:
            - id: m-8b
              price: {input_per_1m: 0.2, output_per_1m: 0.2}
            - id: m-70b
              cost_per_hour: 27
      """;
  private static final String CASES = """
      {"id": "c1", "input": {"input": "Capital of France?", "output": "Paris", "expected": "Paris"}, "expected": 1}
      {"id": "c2", "input": {"input": "Capital of Italy?", "output": "Milan", "expected": "Rome"}, "expected": 0}
      {"id": "c3", "input": {"input": "Largest planet?", "output": "Jupiter, a gas giant", "expected": "Jupiter"}, "expected": 0.6}
      """;
  private static final String TEMPLATE = """
      prompt: |
        [Question]: {{input}}
        [Expert]: {{expected}}
        [Submission]: {{output}}
      choice_scores: {A: 0.4, B: 0.6, C: 1, D: 0, E: 1}
      """;
  /** A trace of three rows: line 2 has output_length 3, line 3 timestamp 400. */
  private static final String TRACE = """
      {"timestamp": 0, "input_length": 40, "output_length": 2, "hash_ids": [1]}
      {"timestamp": 200, "input_length": 40, "output_length": 3, "hash_ids": [1]}
      {"timestamp": 400, "input_length": 40, "output_length": 4, "hash_ids": [2]}
      """;
  private static final String TURNS = """
      {"id": "t1", "input": {"turns": [{"user": "Start with 5.", "expected": "5", "assistant": "5"}, {"user": "Add 2.", "expected": "7", "assistant": "7"}, {"user": "Add 1.", "expected": "8"}]}}
      """;
  private static final String UNSET_KEY = "PROVBENCH_RELIABILITY_UNSET_KEY";

  @StartStop
  private final MockWebServer server = new MockWebServer();

  @TempDir
  Path root;

  private int caseNumber;
  private final List<String> failures = new ArrayList<>();
  private final StringBuilder doc = new StringBuilder(DocSection.row("bad input", "message (exit code 2, no request sent)"))
      .append(DocSection.row("---", "---"));

  /** One change to a job folder that is otherwise valid. */
  interface Change {
    void apply(Path dir) throws IOException;

    default Change andThen(Change next) {
      return dir -> {
        apply(dir);
        next.apply(dir);
      };
    }
  }

  @BeforeEach
  void answerEverything() {
    server.setDispatcher(new mockwebserver3.Dispatcher() {
      @Override
      public MockResponse dispatch(mockwebserver3.RecordedRequest request) {
        return new MockResponse.Builder().body(Reply.completion(Reply.ANSWER)).build();
      }
    });
  }

  @Test
  void everyBadInputIsRejectedBeforeAnyRequestWithTheFileTheFieldAndTheFix() throws Exception {
    rejects("job file not found", dir -> Files.delete(dir.resolve("job.yaml")),
        "job.yaml: job file not found. Fix: check the path, e.g. jobs/llama31-providers.yaml");
    rejects("invalid YAML", job(j -> j.replace("trials: 1", "trials: [1")),
        "job.yaml: invalid YAML at line 8, column 12: while parsing a flow sequence; expected ',' or ']', but got :."
            + " Fix: correct the YAML syntax there (indentation, a missing colon or quote)");
    rejects("a key given twice", job(j -> j + "trials: 3\n"),
        "job.yaml: invalid YAML at line 18, column 7: Duplicate field 'trials'."
            + " Fix: give `trials` once in that mapping (YAML keeps only the last one)");
    rejects("misspelled optional key", job(j -> j.replace("trials:", "trails:")),
        "job.yaml: trails: is not a known field (did you mean `trials`?). Fix: rename it to `trials`");
    rejects("misspelled required key", job(j -> j.replace("dataset:", "datset:")),
        "job.yaml: dataset: is missing, but there is `datset`. Fix: rename `datset` to `dataset`");
    rejects("misspelled nested key", job(j -> j.replace("models:", "modles:")),
        "job.yaml: providers[0].models: is missing, but there is `modles`. Fix: rename `modles` to `models`");
    rejects("misspelled key in a model", job(j -> j.replace("cost_per_hour:", "cost_per_hr:")),
        "job.yaml: providers[0].models[1].cost_per_hr: is not a known field (did you mean `cost_per_hour`?)."
            + " Fix: rename it to `cost_per_hour`");
    rejects("unknown scorer", job(j -> j.replace("CorrectScore,", "CorectScore,")),
        "job.yaml: scorers: unknown scorer `CorectScore`. Fix: did you mean `CorrectScore`?");
    rejects("missing task", job(j -> j.replace("task: {template: judge.yaml, stream: false}\n", "")),
        "job.yaml: task: is missing. Fix: add `task:` with at least `template: ../data/templates/factuality.yaml`");
    rejects("no providers", job(j -> j.substring(0, j.indexOf("providers:")) + "providers: []\n"),
        "job.yaml: providers: must be a non-empty list, got an empty list. Fix: list at least one provider with name, base_url and models");
    rejects("dataset file missing", job(j -> j.replace("cases.jsonl", "nope.jsonl")),
        "job.yaml: dataset: file not found: nope.jsonl. Fix: check the path; it is relative to the job file's folder");
    rejects("template file missing", job(j -> j.replace("judge.yaml", "nope.yaml")),
        "job.yaml: task.template: file not found: nope.yaml. Fix: check the path; it is relative to the job file's folder");
    rejects("base_url not a URL", baseUrl("api.example.com/v1"),
        "job.yaml: providers[0].base_url: `api.example.com/v1` is not an http(s) URL with a host."
            + " Fix: write it as https://host[:port]/path, e.g. https://api.fireworks.ai/inference/v1");
    rejects("base_url with a key in its query", baseUrl("https://api.example.com/v1?api_key=sk-123"),
        "job.yaml: providers[0].base_url: must hold no user, password or query. Fix: put the key in the variable named by api_key_env");
    rejects("base_url ending in /chat/completions", baseUrl("https://api.example.com/v1/chat/completions"),
        "job.yaml: providers[0].base_url: `https://api.example.com/v1/chat/completions` ends with /chat/completions, which"
            + " provbench appends itself. Fix: end it before /chat/completions, e.g. https://api.together.xyz/v1");
    rejects("api_key_env holding a key", provider("api_key_env: sk-live-123"),
        "job.yaml: providers[0].api_key_env: `sk-live-123` is not an environment variable name."
            + " Fix: name the variable that holds the key (e.g. FIREWORKS_API_KEY), never the key itself");
    rejects("API key variable not set", provider("api_key_env: " + UNSET_KEY),
        "job.yaml: providers[0].api_key_env: environment variable " + UNSET_KEY + " (API key of P1) is not set."
            + " Fix: export " + UNSET_KEY + "=<your key> before running, or remove api_key_env for an endpoint without a key");
    rejects("Authorization in headers", job(j -> j.replace("{X-Team: evals}", "{Authorization: Bearer sk-123}")),
        "job.yaml: providers[0].headers.Authorization: the Authorization header is set from api_key_env."
            + " Fix: remove it and set api_key_env");
    rejects("header value with a line break", job(j -> j.replace("{X-Team: evals}", "{X-Team: \"evals\\nX-Admin: 1\"}")),
        "job.yaml: providers[0].headers.X-Team: value has a character that cannot be sent in an HTTP header (a line break at"
            + " position 6). Fix: use printable ASCII on one line");
    rejects("duplicate provider names", job(j -> j + "  - {name: P1, base_url: http://127.0.0.1:9/v1, models: [{id: x}]}\n"),
        "job.yaml: providers[1].name: duplicate provider name `P1`. Fix: give each provider its own name");
    rejects("duplicate model ids", job(j -> j.replace("id: m-70b", "id: m-8b")),
        "job.yaml: providers[0].models[1].id: duplicate model id `m-8b` at this provider. Fix: list each model once");
    rejects("zero concurrency", job(j -> j.replace("concurrency: 2", "concurrency: 0")),
        "job.yaml: concurrency: must be at least 1, got 0. Fix: allow at least one request in flight per model");
    rejects("negative concurrency of a model", job(j -> j.replace("cost_per_hour: 27", "cost_per_hour: 27\n        concurrency: -2")),
        "job.yaml: providers[0].models[1].concurrency: must be at least 1, got -2. Fix: allow at least one request in flight per model");
    rejects("zero trials", job(j -> j.replace("trials: 1", "trials: 0")),
        "job.yaml: trials: must be at least 1, got 0. Fix: run each case at least once, e.g. `trials: 3`");
    rejects("negative trials", job(j -> j.replace("trials: 1", "trials: -3")),
        "job.yaml: trials: must be at least 1, got -3. Fix: run each case at least once, e.g. `trials: 3`");
    rejects("trials not a number", job(j -> j.replace("trials: 1", "trials: three")),
        "job.yaml: trials: must be a whole number, got `three`. Fix: run each case at least once, e.g. `trials: 3`");
    rejects("negative price", job(j -> j.replace("input_per_1m: 0.2", "input_per_1m: -0.2")),
        "job.yaml: providers[0].models[0].price.input_per_1m: must be at least 0, got -0.2."
            + " Fix: give US dollars per million tokens, zero or more");
    rejects("negative cost per hour", job(j -> j.replace("cost_per_hour: 27", "cost_per_hour: -27")),
        "job.yaml: providers[0].models[1].cost_per_hour: must be at least 0, got -27. Fix: give US dollars per hour, zero or more");
    rejects("both a price and a cost per hour", job(j -> j.replace("cost_per_hour: 27", "cost_per_hour: 27\n        price: {}")),
        "job.yaml: providers[0].models[1].cost_per_hour: a model has either a price list or a cost per hour, not both."
            + " Fix: remove one of them");
    rejects("temperature out of range", job(j -> j.replace("stream: false", "stream: false, temperature: 3")),
        "job.yaml: task.temperature: must be between 0 and 2, got 3. Fix: use a temperature between 0 and 2");
    rejects("no attempt allowed", job(j -> j + "retry: {max_attempts: 0}\n"),
        "job.yaml: retry.max_attempts: must be at least 1, got 0. Fix: allow at least one attempt (1 means no retry)");
    rejects("jitter above 1", job(j -> j + "retry: {jitter: 1.5}\n"),
        "job.yaml: retry.jitter: must be between 0 and 1, got 1.5. Fix: give a share between 0 and 1, e.g. 0.5");
    rejects("negative timeout", job(j -> j + "timeouts: {read_ms: -5}\n"),
        "job.yaml: timeouts.read_ms: must be at least 1, got -5. Fix: give milliseconds, e.g. 60000");
    rejects("more partitions than concurrency", job(j -> j + "partitions_per_model: 3\n"),
        "job.yaml: partitions_per_model: is 3 but model m-8b of P1 allows only 2 in flight."
            + " Fix: use at most as many partitions as the smallest concurrency");
    rejects("unknown adaptive decision", job(j -> j + "adaptive: {decisions: [most_acurate]}\n"),
        "job.yaml: adaptive.decisions: has an unknown decision `most_acurate` (did you mean `most_accurate`?)."
            + " Fix: use one of most_accurate, fastest, equivalent_to");
    rejects("equivalence to an unknown provider", job(j -> j + "adaptive: {decisions: [{equivalent_to: P9}]}\n"),
        "job.yaml: adaptive.decisions: `equivalent_to: P9` names no provider of the job. Fix: use one of P1");
    rejects("adaptive confidence out of range", job(j -> j + "adaptive: {confidence: 1.5}\n"),
        "job.yaml: adaptive.confidence: must be between 0.5 and 0.9999, got 1.5. Fix: write the confidence of each decision,"
            + " e.g. `confidence: 0.95`");
    rejects("audit reference unknown", job(j -> j.replace("trials: 1\n", "") + "audit: {reference: P9}\n"),
        "job.yaml: audit.reference: `P9` names no provider of the job. Fix: use one of P1");
    rejects("audit at temperature 0", job(j -> j.replace("trials: 1\n", "") + "audit: {reference: P1/m-8b, temperature: 0}\n"),
        "job.yaml: audit.temperature: must be above 0, got 0.0. Fix: sample at a temperature above 0, e.g."
            + " `temperature: 1`: at 0 a deployment gives one completion per prompt");
    rejects("invalid run id", args("--run-id", "../up"),
        "--run-id: `../up` is not a valid run id. Fix: use letters, digits, dot, dash and underscore only, starting with a letter or digit");
    rejects("malformed dataset row", cases(c -> c.replace("\"Milan\",", "\"Milan\"")),
        "cases.jsonl: line 2: invalid JSON: Unexpected character ('\"' (code 34)): was expecting comma to separate Object entries."
            + " Fix: write one JSON object per line");
    rejects("case without expected", cases(c -> c.replace(", \"expected\": 0.6}", "}")),
        "cases.jsonl: line 3: expected is missing. Fix: give the gold score as a number, e.g. \"expected\": 0.6");
    rejects("non-numeric expected", cases(c -> c.replace("\"expected\": 0}", "\"expected\": \"wrong\"}")),
        "cases.jsonl: line 2: expected must be a number, got \"wrong\". Fix: give the gold score as a number, e.g. \"expected\": 0.6");
    rejects("infinite expected", cases(c -> c.replace("\"expected\": 0}", "\"expected\": 1e999}")),
        "cases.jsonl: line 2: expected must be a finite number, got Infinity. Fix: give the gold score as a number, e.g. \"expected\": 0.6");
    rejects("case without input", cases(c -> c + "{\"id\": \"c4\", \"expected\": 1}\n"),
        "cases.jsonl: line 4: input is missing. Fix: give the template variables, e.g. \"input\": {\"input\": \"...\","
            + " \"output\": \"...\", \"expected\": \"...\"}");
    rejects("unknown field in a case", cases(c -> c.replace("\"id\": \"c2\"", "\"id\": \"c2\", \"gold\": 0")),
        "cases.jsonl: line 2: unknown field `gold`. Fix: use only id, input, expected, metadata and tags");
    rejects("duplicate case ids", cases(c -> c.replace("\"c3\"", "\"c1\"")),
        "cases.jsonl: case 3: duplicate case id `c1` (first at case 1). Fix: give each case its own id, or remove the repeated case");
    rejects("empty dataset", cases(c -> "\n"), "cases.jsonl: holds no cases. Fix: add at least one case");
    rejects("unknown dataset format", datasetFile("cases.txt", CASES),
        "cases.txt: unknown dataset format. Fix: use a .json array, .jsonl, .csv or .parquet file");
    rejects("JSON dataset not an array", datasetFile("cases.json", "{\"input\": \"q\", \"expected\": 1}"),
        "cases.json: line 1: a .json dataset must be an array of cases. Fix: wrap the cases in [ ... ], or use .jsonl for one case per line");
    rejects("CSV row without expected", datasetFile("cases.csv", "id,input.input,input.output,input.expected,expected\n"
        + "c1,Q?,a,a,1\nc2,Q2?,b,b,\n"),
        "cases.csv: line 3: expected is missing. Fix: give the gold score as a number, e.g. \"expected\": 0.6");
    rejects(".parquet that is not Parquet", datasetFile("cases.parquet", CASES),
        "cases.parquet: is not a Parquet file (it lacks Parquet's magic number)."
            + " Fix: write it again with Spark or pandas, or use .json, .jsonl or .csv");
    rejects("template variable the dataset lacks", template(t -> t.replace("{{output}}", "{{answer}}")),
        "cases.jsonl: case 1 (id c1): the template judge.yaml uses {{answer}} but the case has no `answer` in its input (it has"
            + " expected, input, output). Fix: add `answer` to every case's input, or change the template");
    rejects("template without choice_scores", template(t -> t.substring(0, t.indexOf("choice_scores"))),
        "judge.yaml: choice_scores: is missing. Fix: add `choice_scores:` mapping each choice letter to a score, e.g. `A: 0.4`");
    rejects("misspelled choice_scores", template(t -> t.replace("choice_scores", "choice_score")),
        "judge.yaml: choice_scores: is missing, but there is `choice_score`. Fix: rename `choice_score` to `choice_scores`");
    rejects("non-numeric choice score", template(t -> t.replace("D: 0", "D: zero")),
        "judge.yaml: choice_scores.D: must be a number, got `zero`. Fix: give each choice a numeric score, e.g. `C: 1`");
    rejects("template without a prompt", template(t -> t.replace("prompt:", "promt:")),
        "judge.yaml: prompt: is missing, but there is `promt`. Fix: rename `promt` to `prompt`");
    rejects("unclosed mustache section", template(t -> t.replace("[Question]: {{input}}", "[Question]: {{#input}}")),
        "judge.yaml: prompt: is not a valid mustache template: Section missing close tag 'input' @ line 1."
            + " Fix: close every {{#section}} with {{/section}}");
    rejects("conversation case without turns", conversation("own", CASES),
        "case 1 (id c1, cases.jsonl: line 1): input has no `turns`. Fix: give the conversation as \"input\": {\"turns\":"
            + " [{\"user\": \"...\", \"expected\": \"...\"}, ...]}");
    rejects("conversation turn without user text", conversation("own", TURNS.replace("\"user\": \"Add 2.\"", "\"usr\": \"Add 2.\"")),
        "case 1 (id t1, cases.jsonl: line 1): turns[1]: a turn needs a non-empty `user` text, or `tool` results instead. Fix:"
            + " write each turn as {\"user\": \"...\"}, or {\"tool\": \"...\"} to answer the previous reply's tool call");
    rejects("recorded tool results without the recorded calls", conversation("recorded", TURNS.replace("{\"user\": \"Add 2.\"",
        "{\"tool\": \"2\"")),
        "job.yaml: task.history: is `recorded`, but case 1 (id t1, cases.jsonl: line 1): turns[1] answers the reply recorded"
            + " in turns[0]: turn 2 gives 1 tool result, but the reply to turn 1 called 0 tools. Fix: record that reply's calls"
            + " in turns[0] as \"assistant_tool_calls\": [{\"name\": ..., \"arguments\": ...}], one per result");
    rejects("recorded history without a recorded reply", conversation("recorded", TURNS.replace(", \"assistant\": \"7\"", "")),
        "job.yaml: task.history: is `recorded`, but case 1 (id t1, cases.jsonl: line 1): turns[1] has no `assistant` reply."
            + " Fix: give every turn but the last its recorded \"assistant\" reply, or use `history: own`");
    rejects("unknown conversation history", conversation("mine", TURNS),
        "job.yaml: task.history: unknown history `mine`. Fix: use `own` (each turn carries the model's own earlier replies)"
            + " or `recorded` (the case's `assistant` replies)");
    rejects("conversation task on a load ladder", edit("job.yaml", j -> j + "load: {concurrency: [1, 2]}\n").andThen(conversation("own", TURNS)),
        "job.yaml: load: a conversation task does not climb a load ladder. Fix: run the conversations as a plain run (remove"
            + " `load:`), or use `type: chat` for single-turn cases");
    rejects("output folder blocked by a file", outputBlockedByAFile(),
        "results: output is a file, not a folder. Fix: remove the file or choose another `output` or --out");
    rejects("results of an incompatible version", file("results/_provbench.json", "{\"format\": 99}\n"),
        "results/_provbench.json: results format 99 cannot be used by this version (format " + ResultSchema.FORMAT_VERSION + "). Fix: write to a new output folder with --out");
    rejects("run id that already has results", file("results/run_id=r1/part-0.parquet", ""),
        "results/run_id=r1: run `r1` already has results here. Fix: choose another --run-id or --out folder, or finish it with --resume r1");

    rejects("trace with a load ladder", trace(j -> j + "load: {concurrency: [1, 2]}\n", TRACE),
        "job.yaml: load: cannot be given with `trace`. Fix: a trace replay sets its own arrivals; run the `load` section in"
            + " a job of its own");
    rejects("trace with trials above 1", trace(j -> j.replace("trials: 1", "trials: 3"), TRACE),
        "job.yaml: trials: must be 1 with `trace` (each row is sent once per deployment). Fix: remove `trials`; to replay"
            + " the trace again, run the job again under another run id");
    rejects("trace with an unknown prompts mode", trace(j -> j.replace("prompts: synthetic", "prompts: real"), TRACE),
        "job.yaml: trace.prompts: must be `synthetic` or `cases`, got `real`. Fix: write `prompts: synthetic` (text built"
            + " to the trace's lengths and shared blocks) or `prompts: cases` (the dataset's)");
    rejects("trace of cases without a dataset", trace(j -> j.replace("prompts: synthetic", "prompts: cases"), TRACE),
        "job.yaml: trace.prompts: `cases` takes the prompts from the job's dataset, but it has none. Fix: add `dataset:"
            + " cases.jsonl`, or write `prompts: synthetic`");
    rejects("trace file missing", trace(j -> j.replace("file: trace.jsonl", "file: nope.jsonl"), TRACE),
        "job.yaml: trace.file: file not found: nope.jsonl. Fix: check the path; it is relative to the job file's folder");
    rejects("trace out of timestamp order", trace(j -> j, TRACE.replace("\"timestamp\": 400", "\"timestamp\": 100")),
        "trace.jsonl: line 3: timestamp: 100 is before the previous row's 200. Fix: sort the trace by timestamp (ms from"
            + " its start), e.g. `sort -n` on the field");
    rejects("trace row with a negative length", trace(j -> j, TRACE.replace("\"output_length\": 3,", "\"output_length\": -3,")),
        "trace.jsonl: line 2: output_length: must be from 1 to 2147483647, got -3. Fix: give the answer's tokens, at least 1,"
            + " e.g. \"output_length\": 52");
    rejects("trace row without input_length", trace(j -> j, TRACE.replace("\"input_length\": 40, ", "")),
        "trace.jsonl: line 1: input_length: is missing. Fix: give the prompt's tokens, at least 1, e.g. \"input_length\": 6955");
    assertEquals(0, server.getRequestCount(), "no request was sent for any bad input");
    assertTrue(failures.isEmpty(), failures.size() + " cases differ:\n" + String.join("\n", failures));
    DocSection.check("bad-input", doc.toString());
  }

  @Test
  void theUnchangedJobFolderIsValid() throws Exception {
    Path dir = jobFolder();
    assertEquals(0, Main.execute("validate", dir.resolve("job.yaml").toString()));
    assertEquals(0, server.getRequestCount());
  }

  /** Makes a fresh valid job folder, applies the change, runs {@code provbench run} and compares. */
  private void rejects(String name, Change change, String message) throws IOException {
    Path dir = jobFolder();
    change.apply(dir);
    List<String> args = new ArrayList<>(List.of("run", dir.resolve("job.yaml").toString(), "--progress-seconds", "0"));
    if (Files.exists(dir.resolve("args"))) args.addAll(Files.readAllLines(dir.resolve("args")));
    int before = server.getRequestCount();
    CliRun run = CliRun.of(args.toArray(String[]::new));
    int code = run.exitCode();
    String shown = run.stderr().strip().replace(dir + "/", "").replace(dir.toString(), ".");
    if (code != Main.EXIT_BAD_INPUT || !shown.equals("error: " + message) || server.getRequestCount() != before) {
      failures.add(name + ": exit " + code + ", requests " + (server.getRequestCount() - before) + "\n  expected: error: "
          + message + "\n  actual:   " + shown);
    }
    doc.append(DocSection.row(name, "`` " + message + " ``"));
  }

  private Path jobFolder() throws IOException {
    Path dir = root.resolve("case" + ++caseNumber);
    Files.createDirectories(dir);
    Files.writeString(dir.resolve("job.yaml"), JOB.replace("BASE_URL", server.url("/v1").toString().replaceAll("/$", "")));
    Files.writeString(dir.resolve("cases.jsonl"), CASES);
    Files.writeString(dir.resolve("judge.yaml"), TEMPLATE);
    return dir;
  }

  private static Change edit(String file, UnaryOperator<String> change) {
    return dir -> Files.writeString(dir.resolve(file), change.apply(Files.readString(dir.resolve(file))));
  }

  private static Change job(UnaryOperator<String> change) {
    return edit("job.yaml", change);
  }

  private static Change cases(UnaryOperator<String> change) {
    return edit("cases.jsonl", change);
  }

  private static Change template(UnaryOperator<String> change) {
    return edit("judge.yaml", change);
  }

  /**
   * The job made a trace replay of {@code traceText} (a chat task of {@code {{prompt}}}, no dataset), then changed.
   */
  private static Change trace(UnaryOperator<String> change, String traceText) {
    return dir -> {
      Files.writeString(dir.resolve("trace.jsonl"), traceText);
      job(j -> change.apply(j.replace("dataset: cases.jsonl\n", "")
          .replace("task: {template: judge.yaml, stream: false}", "task: {type: chat, stream: false, messages: [{role: user,"
              + " content: '{{prompt}}'}]}\ntrace: {file: trace.jsonl, prompts: synthetic}")
          .replace("scorers: [CorrectScore, NonNull]", "scorers: [NonNull]"))).apply(dir);
    };
  }

  /** The job as a conversation task with {@code history}, over {@code cases}. */
  private static Change conversation(String history, String cases) {
    return job(j -> j.replace("task: {template: judge.yaml, stream: false}", "task: {type: conversation, history: " + history
        + ", stream: false, extract: {type: regex, pattern: '(\\d+)'}}").replace("[CorrectScore, NonNull]", "[ExactMatch, NonNull]"))
        .andThen(cases(c -> cases));
  }

  private static Change baseUrl(String url) {
    return job(j -> j.replaceAll("base_url: \\S+", "base_url: " + url));
  }

  private static Change provider(String line) {
    return job(j -> j.replace("    headers:", "    " + line + "\n    headers:"));
  }

  private static Change file(String name, String text) {
    return dir -> {
      Files.createDirectories(dir.resolve(name).getParent());
      Files.writeString(dir.resolve(name), text);
    };
  }

  private static Change datasetFile(String name, String text) {
    return dir -> {
      Files.writeString(dir.resolve(name), text);
      job(j -> j.replace("cases.jsonl", name)).apply(dir);
    };
  }

  private static Change args(String... args) {
    return dir -> Files.write(dir.resolve("args"), List.of(args));
  }

  private static Change outputBlockedByAFile() {
    return dir -> Files.writeString(dir.resolve("results"), "a file where the results folder should be\n");
  }
}
