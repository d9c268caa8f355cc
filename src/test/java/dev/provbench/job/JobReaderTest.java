package dev.provbench.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.provbench.input.BadInputException;
import dev.provbench.input.StoragePath;
import dev.provbench.task.ConversationHistory;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JobReaderTest {
  private static final String GOOD = """
      dataset: cases.jsonl
      task: {template: judge.yaml}
      providers:
        - name: P1
          base_url: https://api.example.com/v1/
          api_key_env: P1_KEY
          models:
            - id: accounts/x/models/llama-v3p1-70b-instruct
              price: {input_per_1m: 0.9, output_per_1m: 0.9}
            - {id: Meta-Llama-3.1-405B-Instruct-Turbo, concurrency: 5}
        - name: vLLM
          base_url: http://127.0.0.1:8000/v1
          models: [{id: my-model, size: 8B, cost_per_hour: 27}]
      """;

  @TempDir
  Path dir;

  private JobFolder folder;

  @BeforeEach
  void files() {
    folder = new JobFolder(dir);
  }

  private Job read(String yaml) throws Exception {
    return folder.read(yaml);
  }

  /** One line per bad job: the YAML after a change, and the exact message after the file name. */
  private void rejects(String yaml, String message) {
    folder.rejects(yaml, message);
  }

  @Test
  void readsDefaultsAndInfersSizes() throws Exception {
    Job job = read(GOOD);
    assertEquals("job", job.name());
    assertEquals(3, job.trials());
    assertEquals(Timeouts.DEFAULTS, job.timeouts());
    assertEquals(RetryPolicy.DEFAULTS, job.retry());
    assertEquals(StoragePath.local(dir.resolve("results")), job.output());
    assertEquals("https://api.example.com/v1", job.providers().get(0).baseUrl());
    assertEquals("70b", job.providers().get(0).models().get(0).size());
    assertEquals(3, job.providers().get(0).models().get(0).concurrency());
    assertEquals("405b", job.providers().get(0).models().get(1).size());
    assertEquals(5, job.providers().get(0).models().get(1).concurrency());
    assertEquals("8b", job.providers().get(1).models().get(0).size());
    assertNull(job.providers().get(1).apiKeyEnv());
    assertEquals(0.0009, job.providers().get(0).models().get(0).price().cost(500, 500), 1e-12);
    assertEquals(27.0, job.providers().get(1).models().get(0).costPerHour(), 1e-9);
  }

  @Test
  void taskFieldsLeftOutTakeTheConstants() throws Exception {
    Job job = read(GOOD);
    assertEquals(new TaskSpec(StoragePath.local(dir.resolve("judge.yaml")), TaskSpec.DEFAULT_TEMPERATURE, TaskSpec.DEFAULT_MAX_TOKENS,
        TaskSpec.DEFAULT_STREAM, TaskSpec.DEFAULT_CACHE_BUST), job.task());
    assertEquals(Job.SCORERS, job.scorers());
    assertEquals(Job.DEFAULT_PARTITIONS_PER_MODEL, job.partitionsPerModel());
    assertEquals(CommitPolicy.DEFAULTS, job.commit());
    assertTrue(read(GOOD.replace("{template: judge.yaml}", "{template: judge.yaml, cache_bust: true}")).task().cacheBust());
  }

  /** A cached-input price bills the cached share of the prompt at its own rate; without one, at the input rate. */
  @Test
  void cachedInputPrice() throws Exception {
    Price cached = read(GOOD.replace("input_per_1m: 0.9, output_per_1m: 0.9", "input_per_1m: 0.9, cached_input_per_1m: 0.3,"
        + " output_per_1m: 0.6")).providers().get(0).models().get(0).price();
    assertEquals((600 * 0.9 + 400 * 0.3 + 100 * 0.6) / 1e6, cached.cost(1000, 400, 100), 1e-15);
    assertEquals((1000 * 0.9 + 100 * 0.6) / 1e6, cached.cost(1000, 100), 1e-15);
    assertEquals((1000 * 0.3 + 100 * 0.6) / 1e6, cached.cost(1000, 5000, 100), 1e-15, "never more cached than prompt");
    Price plain = read(GOOD).providers().get(0).models().get(0).price();
    assertEquals(plain.cost(1000, 100), plain.cost(1000, 400, 100), 1e-15);
    rejects(GOOD.replace("input_per_1m: 0.9,", "input_per_1m: 0.9, cached_input_per_1m: -1,"),
        "providers[0].models[0].price.cached_input_per_1m: must be at least 0, got -1. Fix: give US dollars per million"
            + " tokens, zero or more");
  }

  /** A conversation task: its history, its opening messages optional, and what it cannot be combined with. */
  @Test
  void conversationTask() throws Exception {
    String conversation = GOOD.replace("task: {template: judge.yaml}", "task: {type: conversation}\nscorers: [NonNull]");
    Job job = read(conversation);
    assertTrue(job.task().chat().isConversation());
    assertEquals(ConversationHistory.OWN, job.task().chat().history());
    assertEquals(List.of(), job.task().chat().messages());
    assertEquals(ConversationHistory.RECORDED,
        read(conversation.replace("type: conversation", "type: conversation, history: recorded")).task().chat().history());
    assertNull(read(GOOD.replace("task: {template: judge.yaml}", "task: {type: chat, messages: [{role: user, content: hi}]}"
        + "\nscorers: [NonNull]")).task().chat().history(), "a single-turn chat task");
    rejects(GOOD.replace("task: {template: judge.yaml}", "task: {type: chat, history: own, messages: [{role: user, content: hi}]}"
        + "\nscorers: [NonNull]"), "task.history: is not a known field. Fix: remove it; known fields here: cache_bust, extract, max_tokens, messages,"
        + " params, stream, temperature, template, type");
    rejects(conversation.replace("type: conversation", "type: conversatoin"),
        "task.type: unknown task `conversatoin`. Fix: did you mean `conversation`?");
    rejects(conversation + "adaptive: {decisions: [most_accurate]}\n", "adaptive: a conversation task does not run in adaptive"
        + " rounds. Fix: run the conversations as a plain run (remove `adaptive:`), or use `type: chat` for single-turn cases");
  }

  /** The rules read inside each provider and model: URLs, headers, run ids; one line per bad value. */
  @Test
  void providerAndModelRulesNameTheirField() throws Exception {
    rejects(GOOD.replace("api_key_env: P1_KEY", "api_key_env: P1_KEY\n    headers: {X Team: evals}"),
        "providers[0].headers.X Team: is not a valid HTTP header name. Fix: use letters, digits and dashes, e.g. `X-Team`");
    rejects(GOOD.replace("api_key_env: P1_KEY", "api_key_env: P1_KEY\n    headers: {authorization: Bearer x}"),
        "providers[0].headers.authorization: the Authorization header is set from api_key_env. Fix: remove it and set api_key_env");
    rejects(GOOD.replace("https://api.example.com/v1/", "https://me:pw@api.example.com/v1"),
        "providers[0].base_url: must hold no user, password or query. Fix: put the key in the variable named by api_key_env");
    rejects(GOOD.replace("concurrency: 5}", "concurrency: 5, base_url: ftp://x/v1}"), "providers[0].models[1].base_url: `ftp://x/v1`"
        + " is not an http(s) URL with a host. Fix: write it as https://host[:port]/path, e.g. https://api.fireworks.ai/inference/v1");
    rejects(GOOD + "run_id: ../up\n", "run_id: `../up` is not a valid run id."
        + " Fix: use letters, digits, dot, dash and underscore only, starting with a letter or digit");
    rejects(GOOD.replace("{template: judge.yaml}", "{template: judge.yaml, cache_bust: yes please}"),
        "task.cache_bust: must be true or false, got `yes please`. Fix: write true or false");
    assertEquals("https://m.example.com/v1", read(GOOD.replace("concurrency: 5}", "concurrency: 5, base_url: https://m.example.com/v1/}"))
        .providers().get(0).models().get(1).baseUrl());
  }

  @Test
  void inferSizeTable() {
    assertEquals("8b", JobReader.inferSize("accounts/fireworks/models/llama-v3p1-8b-instruct"));
    assertEquals("405b", JobReader.inferSize("meta-llama/Meta-Llama-3.1-405B-Instruct-FP8"));
    assertEquals("70b", JobReader.inferSize("llama3-1-70b"));
    assertEquals("unknown", JobReader.inferSize("gpt-4o"));
  }

  @Test
  void rejectsBadFieldsWithTheFix() throws Exception {
    rejects(GOOD.replace("dataset:", "datset:"), "dataset: is missing, but there is `datset`. Fix: rename `datset` to `dataset`");
    rejects(GOOD.replace("dataset: cases.jsonl\n", ""),
        "dataset: is missing. Fix: name the cases file, e.g. `dataset: ../data/factuality.json`");
    rejects(GOOD + "trails: 3\n", "trails: is not a known field (did you mean `trials`?). Fix: rename it to `trials`");
    rejects(GOOD + "trials: 0\n", "trials: must be at least 1, got 0. Fix: run each case at least once, e.g. `trials: 3`");
    rejects(GOOD.replace("concurrency: 5", "concurrency: 0"), "providers[0].models[1].concurrency: must be at least 1, got 0."
        + " Fix: allow at least one request in flight per model");
    rejects(GOOD.replace("input_per_1m: 0.9", "input_per_1m: -1"), "providers[0].models[0].price.input_per_1m: must be at"
        + " least 0, got -1. Fix: give US dollars per million tokens, zero or more");
    rejects(GOOD.replace("https://api.example.com/v1/", "api.example.com"), "providers[0].base_url: `api.example.com` is not an"
        + " http(s) URL with a host. Fix: write it as https://host[:port]/path, e.g. https://api.fireworks.ai/inference/v1");
    rejects(GOOD.replace("Meta-Llama-3.1-405B-Instruct-Turbo", "accounts/x/models/llama-v3p1-70b-instruct"),
        "providers[0].models[1].id: duplicate model id `accounts/x/models/llama-v3p1-70b-instruct` at this provider."
            + " Fix: list each model once");
    rejects(GOOD.replace("api_key_env: P1_KEY", "api_key_env: sk-live-123"), "providers[0].api_key_env: `sk-live-123` is not an"
        + " environment variable name. Fix: name the variable that holds the key (e.g. FIREWORKS_API_KEY), never the key itself");
    rejects(GOOD.replace("cases.jsonl", "nope.jsonl"), "dataset: file not found: " + dir.resolve("nope.jsonl")
        + ". Fix: check the path; it is relative to the job file's folder");
    rejects(GOOD + "scorers: [CorectScore]\n", "scorers: unknown scorer `CorectScore`. Fix: did you mean `CorrectScore`?");
    rejects("providers: [\n", "invalid YAML at line 1, column 13: while parsing a flow node; expected the node content, but"
        + " found '<stream end>'. Fix: correct the YAML syntax there (indentation, a missing colon or quote)");
  }

  @Test
  void streamOptionsAndTheSpendingCap() throws Exception {
    Job job = read(GOOD);
    assertTrue(job.providers().get(0).streamOptions(), "stream_options is sent unless a provider turns it off");
    assertNull(job.maxCost(), "no spending cap unless one is set");
    Job set = read(GOOD.replace("api_key_env: P1_KEY", "api_key_env: P1_KEY\n    stream_options: false") + "max_cost: 12.5\n");
    assertFalse(set.providers().get(0).streamOptions());
    assertTrue(set.providers().get(1).streamOptions());
    assertEquals(12.5, set.maxCost(), 0);
    assertFalse(set.providers().get(0).withBaseUrl("http://127.0.0.1:1/v1").streamOptions(), "kept at another endpoint");
    rejects(GOOD.replace("api_key_env: P1_KEY", "api_key_env: P1_KEY\n    stream_options: no thanks"),
        "providers[0].stream_options: must be true or false, got `no thanks`. Fix: write true or false");
    rejects(GOOD + "max_cost: -1\n", "max_cost: must be at least 0, got -1. Fix: give the most the run may spend in US"
        + " dollars, e.g. `max_cost: 25`, or leave it out for no cap");
  }

  @Test
  void aMissingKeyIsNamedWithoutReadingIt() throws Exception {
    Job job = read(GOOD);
    BadInputException e = assertThrows(BadInputException.class, () -> JobReader.checkKeys(job, Map.of()));
    assertEquals(dir.resolve("job.yaml") + ": providers[0].api_key_env: environment variable P1_KEY (API key of P1) is not set."
        + " Fix: export P1_KEY=<your key> before running, or remove api_key_env for an endpoint without a key", e.getMessage());
    JobReader.checkKeys(job, Map.of("P1_KEY", "secret"));
  }

  /** One line per key that OkHttp could not send: where the bad character is, never the key. */
  private void rejectsKey(String key, String problem) throws Exception {
    Job job = read(GOOD);
    BadInputException e = assertThrows(BadInputException.class, () -> JobReader.checkKeys(job, Map.of("P1_KEY", key)));
    assertEquals(dir.resolve("job.yaml") + ": providers[0].api_key_env: environment variable P1_KEY (API key of P1) holds "
        + problem + ", which cannot be sent. Fix: export it again without spaces, quotes or line breaks", e.getMessage());
    assertFalse(e.getMessage().contains(key.strip()), "the key is never shown");
  }

  @Test
  void aKeyThatCannotBeSentIsRejectedWithoutShowingIt() throws Exception {
    rejectsKey("sk-abc123\n", "a line break at position 10 of 10");
    rejectsKey(" sk-abc123", "a space or tab at position 1 of 10");
    rejectsKey("sk-abc 123", "a space or tab at position 7 of 10");
    rejectsKey("sk-abc\u00e9123", "a non-ASCII character at position 7 of 10");
    rejectsKey("'sk-abc123'", "a quote at position 1 of 11");
  }
}
