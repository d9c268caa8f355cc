package dev.provbench.job;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.provbench.input.BadInputException;
import dev.provbench.input.Storage;
import dev.provbench.input.StoragePath;
import dev.provbench.input.YamlFields;
import dev.provbench.score.LlmJudge;
import dev.provbench.score.ScorerCatalog;
import dev.provbench.score.ScorerSpec;
import dev.provbench.task.JudgeTemplate;
import java.io.IOException;
import java.util.List;

/**
 * Turns an {@code LLMJudge} scorer as a job writes it into the self-contained options executors read
 * ({@link LlmJudge}'s), and checks them before any request. Written options beyond {@link LlmJudge}'s:
 * <ul>
 *   <li>{@code provider}: one of the job's providers; the judge reuses its {@code base_url}, {@code api_key_env} and
 *       {@code headers}, and, when it lists the judge's model, that model's own {@code base_url} and {@code price}.
 *       Kept in the options, so a run that moves the provider (e.g. onto the simulated providers) moves the judge
 *       too. Excludes {@code base_url}, {@code api_key_env} and {@code headers}.</li>
 *   <li>{@code template}: a file beside the job: a judge template YAML ({@code prompt} and {@code choice_scores}, as
 *       {@code data/templates/factuality.yaml}), or any other file holding the mustache prompt itself. Excludes
 *       {@code prompt}.</li>
 * </ul>
 * Stateless.
 */
final class JudgeOptions {
  static final String PROVIDER = "provider";
  private static final ObjectMapper JSON = new ObjectMapper();

  private JudgeOptions() {}

  static ScorerSpec resolve(YamlFields job, String key, ScorerSpec spec, List<ProviderSpec> providers, StoragePath dir) {
    ObjectNode o;
    try {
      o = (ObjectNode) JSON.readTree(spec.options());
    } catch (IOException e) {
      throw job.error(key, "options are not JSON: " + e.getMessage(), "write the scorer as `{type: LLMJudge, model: …}`");
    }
    if (o.has(PROVIDER)) withProvider(job, key, o, provider(job, key, o.get(PROVIDER).asText(), providers));
    if (o.has("template")) template(job, key, o, dir.resolve(o.remove("template").asText()));
    ScorerSpec resolved = new ScorerSpec(spec.type(), spec.name(), o.toString());
    try {
      ScorerCatalog.judge(resolved);
    } catch (IllegalArgumentException e) {
      throw job.error(key, e.getMessage(), "see the LLMJudge options in the scorer table of docs/JOBS.md");
    }
    return resolved;
  }

  private static ProviderSpec provider(YamlFields job, String key, String name, List<ProviderSpec> providers) {
    for (ProviderSpec p : providers) if (p.name().equals(name)) return p;
    List<String> names = providers.stream().map(ProviderSpec::name).toList();
    String near = YamlFields.nearest(name, names);
    throw job.error(key, "`provider: " + name + "` is not one of the job's providers (" + String.join(", ", names) + ")",
        near != null ? "did you mean `" + near + "`?" : "name a provider under `providers:`, or give the judge's own `base_url`");
  }

  private static void withProvider(YamlFields job, String key, ObjectNode o, ProviderSpec p) {
    for (String own : List.of("base_url", "api_key_env", "headers")) {
      if (o.has(own)) {
        throw job.error(key, "has both `provider` and `" + own + "`", "keep `provider` to reuse its endpoint, or drop it and give `base_url`");
      }
    }
    ModelSpec model = p.models().stream().filter(m -> m.id().equals(o.path("model").asText())).findFirst().orElse(null);
    o.put("base_url", model != null && model.baseUrl() != null ? model.baseUrl() : p.baseUrl());
    if (p.apiKeyEnv() != null) o.put("api_key_env", p.apiKeyEnv());
    if (!p.headers().isEmpty()) o.set("headers", JSON.valueToTree(p.headers()));
    if (!o.has("price") && model != null && model.price() != null) {
      o.putObject("price").put("input_per_1m", model.price().inputPer1M()).put("output_per_1m", model.price().outputPer1M());
    }
  }

  private static void template(YamlFields job, String key, ObjectNode o, StoragePath file) {
    if (o.has("prompt")) throw job.error(key, "has both `template` and `prompt`", "keep one: a file with `template`, or the text with `prompt`");
    if (!Storage.isFile(file)) {
      throw job.error(key, "template file not found: " + file.normalize(), "check the path; it is relative to the job file's folder");
    }
    String name = file.fileName();
    if (name.endsWith(".yaml") || name.endsWith(".yml")) {
      JudgeTemplate t = JudgeTemplate.load(file);
      o.put("prompt", t.prompt());
      if (!o.has("choice_scores")) o.set("choice_scores", JSON.valueToTree(t.choiceScores()));
      return;
    }
    try {
      o.put("prompt", Storage.readString(file));
    } catch (IOException e) {
      throw new BadInputException(job.where(key), "template cannot be read: " + e.getMessage(), "check the `template` path", e);
    }
  }
}
