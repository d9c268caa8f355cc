package dev.provbench.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The job's {@code audit} section: defaults, what it sets of the run, and one line per bad section with its message. */
class AuditReaderTest {
  private static final String JOB = """
      dataset: cases.jsonl
      task: {template: judge.yaml}
      providers:
        - {name: Ref, base_url: http://127.0.0.1:1/v1, models: [{id: org/m-405b}]}
        - {name: Two, base_url: http://127.0.0.1:2/v1, models: [{id: a}, {id: b}]}
      """;

  @TempDir
  Path dir;

  private JobFolder folder;

  @BeforeEach
  void files() {
    folder = new JobFolder(dir);
  }

  private Job read(String more) throws Exception {
    return folder.read(JOB + more);
  }

  private void rejects(String more, String message) {
    folder.rejects(JOB + more, message);
  }

  @Test
  void defaultsAndWhatItSetsOfTheRun() throws Exception {
    assertNull(read("").audit());
    Job job = read("audit: {reference: Ref}\n");
    assertEquals(new AuditPlan("Ref", "org/m-405b", 10, 1.0, 64), job.audit());
    assertEquals("Ref/org/m-405b", job.audit().reference());
    assertEquals(10, job.trials(), "samples are the trials");
    assertEquals(1.0, job.task().temperature());
    assertEquals(64, job.task().maxTokens());
    Job named = read("audit: {reference: Two/b, samples: 4, temperature: 0.7, max_tokens: 32}\n");
    assertEquals(new AuditPlan("Two", "b", 4, 0.7, 32), named.audit());
    assertEquals(4, named.trials());
    assertNull(named.providers().get(0).models().get(0).request(), "no fields added without logprobs");
  }

  @Test
  void logprobsAreAskedOfEveryModel() throws Exception {
    Job job = read("audit: {reference: Ref, logprobs: true}\n");
    assertEquals(new AuditPlan("Ref", "org/m-405b", 10, 1.0, 64, true, 5), job.audit());
    for (ProviderSpec p : job.providers()) {
      for (ModelSpec m : p.models()) assertEquals("{\"logprobs\":true,\"top_logprobs\":5}", m.request(), m.id());
    }
    assertEquals(20, read("audit: {reference: Ref, logprobs: true, top_logprobs: 20}\n").audit().topLogprobs());
  }

  @Test
  void aModelsOwnLogprobsFieldIsRefused() {
    folder.rejects(JOB.replace("{id: b}", "{id: b, request: {top_logprobs: 2}}") + "audit: {reference: Ref, logprobs: true}\n",
        "providers[1].models[1].request.top_logprobs: is set by `audit.logprobs`. Fix: remove it from the model's `request`");
  }

  @Test
  void theExampleOfTheDocsStatesTheDefaults() throws Exception {
    String doc = Files.readString(Path.of("docs/JOBS.md"));
    int section = doc.indexOf("### Fidelity audit");
    int from = doc.indexOf("```yaml\n", section) + "```yaml\n".length();
    String example = doc.substring(from, doc.indexOf("```", from)).replaceFirst("reference: .*", "reference: Ref");
    assertEquals(new AuditPlan("Ref", "org/m-405b", AuditPlan.DEFAULT_SAMPLES, AuditPlan.DEFAULT_TEMPERATURE,
        AuditPlan.DEFAULT_MAX_TOKENS), read(example).audit());
  }

  @Test
  void badSections() throws Exception {
    rejects("audit: {samples: 4}\n", "audit.reference: is missing. Fix: name the reference deployment as `PROVIDER` or"
        + " `PROVIDER/MODEL`, e.g. `reference: Self-hosted vLLM/meta-llama/Llama-3.1-405B-Instruct`");
    rejects("audit: {reference: Nobody}\n", "audit.reference: `Nobody` names no provider of the job. Fix: use one of Ref, Two");
    rejects("audit: {reference: Two}\n", "audit.reference: `Two` serves 2 models. Fix: name one: `reference: Two/a`");
    rejects("audit: {reference: Two/c}\n", "audit.reference: `c` is not a model of Two. Fix: use one of a, b");
    rejects("audit: {reference: Ref, samples: 1}\n",
        "audit.samples: must be at least 2, got 1. Fix: ask each prompt at least twice per deployment, e.g. `samples: 10`");
    rejects("audit: {reference: Ref, temperature: 0}\n", "audit.temperature: must be above 0, got 0.0. Fix: sample at a"
        + " temperature above 0, e.g. `temperature: 1`: at 0 a deployment gives one completion per prompt");
    rejects("trials: 3\naudit: {reference: Ref}\n", "trials: cannot be given with `audit`. Fix: remove `trials`:"
        + " `audit.samples` is how many times each prompt is asked");
    rejects("audit: {reference: Ref, logprobs: yes please}\n",
        "audit.logprobs: must be true or false, got `yes please`. Fix: write true or false");
    rejects("audit: {reference: Ref, logprobs: true, top_logprobs: 21}\n", "audit.top_logprobs: must be at most 20, got 21."
        + " Fix: ask for 1 to 20 alternatives per position, e.g. `top_logprobs: 5`");
    rejects("audit: {reference: Ref, logprobs: true, top_logprobs: 0}\n", "audit.top_logprobs: must be at least 1, got 0."
        + " Fix: ask for 1 to 20 alternatives per position, e.g. `top_logprobs: 5`");
    rejects("audit: {reference: Ref, top_logprobs: 3}\n", "audit.top_logprobs: is sent only with `logprobs: true`."
        + " Fix: add `logprobs: true` or remove `top_logprobs`");
    rejects("audit: {reference: Ref, sample: 3}\n",
        "audit.sample: is not a known field (did you mean `samples`?). Fix: rename it to `samples`");
  }
}
