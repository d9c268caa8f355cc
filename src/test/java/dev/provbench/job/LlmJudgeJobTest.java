package dev.provbench.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.provbench.input.BadInputException;
import dev.provbench.run.PreparedRun;
import dev.provbench.score.LlmJudge;
import dev.provbench.score.ScorerCatalog;
import dev.provbench.score.ScorerSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An {@code LLMJudge} scorer as the job reader resolves it, and each bad option refused with its field and fix. */
class LlmJudgeJobTest {
  private static final String JOB = """
      dataset: cases.jsonl
      task:
        type: chat
        messages: [{role: user, content: "{{question}}"}]
      scorers:
        - ExactMatch
        - JUDGE
      providers:
        - name: Hosted
          base_url: https://api.example.com/v1
          api_key_env: HOSTED_KEY
          headers: {X-Team: evals}
          models:
            - {id: small-8b}
            - {id: judge-70b, price: {input_per_1m: 0.9, output_per_1m: 1.2}}
      """;

  @TempDir
  Path dir;

  @BeforeEach
  void files() throws Exception {
    Files.writeString(dir.resolve("cases.jsonl"), "{\"id\": \"c1\", \"input\": {\"question\": \"Capital?\"}, \"expected\": \"Paris\"}\n");
    Files.copy(Path.of("data/templates/factuality.yaml"), dir.resolve("judge.yaml"));
    Files.writeString(dir.resolve("yes-no.mustache"), "Is {{output}} the same as {{expected}}?\n(Y) yes\n(N) no\n");
  }

  private LlmJudge judge(String scorer) throws Exception {
    Path f = dir.resolve("job.yaml");
    Files.writeString(f, JOB.replace("JUDGE", scorer));
    ScorerSpec spec = JobReader.read(f).task().chat().scorers().get(1);
    return ScorerCatalog.judge(spec);
  }

  /** One line per bad scorer: the entry, and the exact message after the file name. */
  private void rejects(String scorer, String message) throws Exception {
    BadInputException e = assertThrows(BadInputException.class, () -> judge(scorer));
    assertEquals(dir.resolve("job.yaml") + ": " + message, e.getMessage());
  }

  @Test
  void aNamedProviderLendsItsEndpointKeyHeadersAndPrice() throws Exception {
    LlmJudge j = judge("{type: LLMJudge, provider: Hosted, model: judge-70b}");
    assertEquals("https://api.example.com/v1", j.baseUrl());
    assertEquals("Hosted", j.provider());
    assertEquals("HOSTED_KEY", j.apiKeyEnv());
    assertEquals(Map.of("X-Team", "evals"), j.headers());
    assertEquals(0.9, j.inputPer1M());
    assertEquals(1.2, j.outputPer1M());
    assertEquals(LlmJudge.DEFAULT_CONCURRENCY, j.concurrency());
    assertEquals(LlmJudge.defaultPrompt(), j.prompt());
    assertEquals(LlmJudge.FACT_CHOICE_SCORES, j.choiceScores());
  }

  @Test
  void aJudgesOwnKeyIsCheckedBeforeAnyRequest() throws Exception {
    Path f = dir.resolve("job.yaml");
    Files.writeString(f, JOB.replace("JUDGE", "{type: LLMJudge, name: judged, base_url: 'http://127.0.0.1:9/v1', api_key_env: J_KEY, model: j}"));
    Job job = JobReader.read(f);
    JobReader.checkKeys(job, Map.of("HOSTED_KEY", "k", "J_KEY", "j"));
    BadInputException e = assertThrows(BadInputException.class, () -> JobReader.checkKeys(job, Map.of("HOSTED_KEY", "k")));
    assertEquals(f + ": scorers[1]: environment variable J_KEY (API key of the LLM judge judged) is not set. Fix: export J_KEY=<your key> before running, or remove api_key_env for an endpoint without a key", e.getMessage());
  }

  @Test
  void anEndpointOfItsOwnAndATemplateFile() throws Exception {
    LlmJudge own = judge("{type: LLMJudge, base_url: 'http://127.0.0.1:9/v1', api_key_env: J_KEY, model: j,"
        + " concurrency: 2, template: yes-no.mustache, choice_scores: {Y: 1, N: 0}}");
    assertEquals("http://127.0.0.1:9/v1", own.baseUrl());
    assertNull(own.provider());
    assertNull(own.inputPer1M());
    assertEquals(2, own.concurrency());
    assertEquals(Map.of("Y", 1.0, "N", 0.0), own.choiceScores());
    LlmJudge yaml = judge("{type: LLMJudge, provider: Hosted, model: small-8b, template: judge.yaml}");
    assertEquals(LlmJudge.defaultPrompt(), yaml.prompt());
    assertNull(yaml.inputPer1M(), "small-8b has no price");
  }

  @Test
  void theShippedExamplePrepares() {
    var run = PreparedRun.prepare(JobReader.read(Path.of("jobs/capitals-judged.yaml")),
        Map.of("FIREWORKS_API_KEY", "unused"));
    LlmJudge j = ScorerCatalog.judge(run.job().task().chat().scorers().get(0));
    assertEquals("https://api.fireworks.ai/inference/v1", j.baseUrl());
    assertEquals("FIREWORKS_API_KEY", j.apiKeyEnv());
    assertEquals(List.of("judge", "names_capital", "NonNull"), run.job().scorers());
  }

  @Test
  void badOptionsAreRefusedBeforeAnyRequest() throws Exception {
    String fix = ". Fix: see the LLMJudge options in the scorer table of docs/JOBS.md";
    rejects("{type: LLMJudge, provider: Hostd, model: m}",
        "scorers[1]: `provider: Hostd` is not one of the job's providers (Hosted). Fix: did you mean `Hosted`?");
    rejects("{type: LLMJudge, provider: Hosted}", "scorers[1]: option `model` is missing: name the judge model, e.g."
        + " `model: gpt-4o-mini`" + fix);
    rejects("{type: LLMJudge, model: m}", "scorers[1]: option `base_url` is missing: name one of the job's providers"
        + " with `provider:`, or give the judge's own `base_url:`" + fix);
    rejects("{type: LLMJudge, provider: Hosted, model: m, concurrency: 0}",
        "scorers[1]: option `concurrency` must be a whole number of at least 1, got 0; e.g. `concurrency: 4`" + fix);
    rejects("{type: LLMJudge, provider: Hosted, model: m, prompt: '{{#output}} unclosed'}",
        "scorers[1]: option `prompt` is not a valid mustache template: Section missing close tag 'output' @ line 1;"
            + " close every {{#section}} with {{/section}}" + fix);
    rejects("{type: LLMJudge, provider: Hosted, model: m, choice_scores: {A: 0.4, B: 0.6, C: 1, D: 0, E: 1, F: 1}}",
        "scorers[1]: option `choice_scores` has `F`, which the prompt does not offer (it offers A, B, C, D, E);"
            + " remove it or add a `(F) …` line to the prompt" + fix);
    rejects("{type: LLMJudge, provider: Hosted, model: m, choice_scores: {A: 0.4, C: 1, D: 0, E: 1}}",
        "scorers[1]: option `choice_scores` has no score for `B`, which the prompt offers; add `B: <score>`" + fix);
    rejects("{type: LLMJudge, provider: Hosted, model: m, choice_scores: {A: 2}}",
        "scorers[1]: option `choice_scores.A` must be a number from 0 to 1, got 2" + fix);
    rejects("{type: LLMJudge, provider: Hosted, base_url: 'http://x/v1', model: m}",
        "scorers[1]: has both `provider` and `base_url`. Fix: keep `provider` to reuse its endpoint, or drop it and give `base_url`");
    rejects("{type: LLMJudge, provider: Hosted, model: m, template: missing.yaml}",
        "scorers[1]: template file not found: " + dir.resolve("missing.yaml") + ". Fix: check the path; it is relative to the"
            + " job file's folder");
    rejects("{type: LLMJudge, provider: Hosted, model: m, template: judge.yaml, prompt: x}",
        "scorers[1]: has both `template` and `prompt`. Fix: keep one: a file with `template`, or the text with `prompt`");
    rejects("{type: LLMJudge, provider: Hosted, model: m, temperature: 0}",
        "scorers[1]: option `temperature` is not one of LLMJudge's (api_key_env, base_url, choice_scores, concurrency,"
            + " headers, max_tokens, model, price, prompt, provider)" + fix);
  }
}
