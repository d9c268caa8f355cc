package dev.provbench.job;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.provbench.input.YamlFields;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the job's optional {@code audit} section into an {@link AuditPlan} (null when absent) and adds the request fields
 * it asks for to the job's models. Stateless.
 */
final class AuditReader {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String REFERENCE_FIX = "name the reference deployment as `PROVIDER` or `PROVIDER/MODEL`, e.g."
      + " `reference: Self-hosted vLLM/meta-llama/Llama-3.1-405B-Instruct`";

  private static final String TOP_FIX = "ask for 1 to " + AuditPlan.MAX_TOP_LOGPROBS
      + " alternatives per position, e.g. `top_logprobs: 5`";

  private AuditReader() {}

  static AuditPlan read(YamlFields f, List<ProviderSpec> providers, LoadPlan load, AdaptivePlan adaptive) {
    YamlFields a = f.object("audit");
    if (a == null) return null;
    if (load != null) throw f.error("audit", "cannot be given with `load`", "an audit samples at one load; remove one");
    if (adaptive != null) {
      throw f.error("audit", "cannot be given with `adaptive`", "an audit asks every prompt its samples; remove one");
    }
    if (f.has("trials")) {
      throw f.error("trials", "cannot be given with `audit`",
          "remove `trials`: `audit.samples` is how many times each prompt is asked");
    }
    ModelRef reference = reference(a, providers);
    int samples = a.integer("samples", AuditPlan.DEFAULT_SAMPLES, 2,
        "ask each prompt at least twice per deployment, e.g. `samples: 10`");
    double temperature = a.number("temperature", AuditPlan.DEFAULT_TEMPERATURE, 0, 2,
        "sample at a temperature above 0, e.g. `temperature: 1`");
    if (temperature <= 0) {
      throw a.error("temperature", "must be above 0, got " + temperature,
          "sample at a temperature above 0, e.g. `temperature: 1`: at 0 a deployment gives one completion per prompt");
    }
    int maxTokens = a.integer("max_tokens", AuditPlan.DEFAULT_MAX_TOKENS, 1, "allow at least one token, e.g. `max_tokens: 64`");
    boolean logprobs = a.bool("logprobs", AuditPlan.DEFAULT_LOGPROBS);
    int top = a.integer("top_logprobs", AuditPlan.DEFAULT_TOP_LOGPROBS, 1, TOP_FIX);
    if (top > AuditPlan.MAX_TOP_LOGPROBS) {
      throw a.error("top_logprobs", "must be at most " + AuditPlan.MAX_TOP_LOGPROBS + ", got " + top, TOP_FIX);
    }
    if (a.has("top_logprobs") && !logprobs) {
      throw a.error("top_logprobs", "is sent only with `logprobs: true`", "add `logprobs: true` or remove `top_logprobs`");
    }
    a.finish();
    return new AuditPlan(reference.provider(), reference.model(), samples, temperature, maxTokens, logprobs, top);
  }

  /**
   * The providers with the audit's request fields ({@link AuditPlan#requestFields}) added to every model's own, so
   * every request of the run, its estimate and {@code check} asks the same; the providers as they are when the audit
   * adds none. A model's {@code request} or the chat task's {@code params} naming one of them is refused: the two would
   * disagree about what the audit asked.
   */
  static List<ProviderSpec> withRequestFields(YamlFields f, AuditPlan audit, List<ProviderSpec> providers, TaskSpec task) {
    if (audit == null || audit.requestFields().isEmpty()) return providers;
    for (String field : audit.requestFields().keySet()) {
      if (task.isChat() && task.chat().paramsJson().has(field)) {
        throw f.error("task.params." + field, "is set by `audit.logprobs`", "remove it from the task's `params`");
      }
    }
    List<ProviderSpec> out = new ArrayList<>();
    for (int p = 0; p < providers.size(); p++) {
      ProviderSpec provider = providers.get(p);
      List<ModelSpec> models = new ArrayList<>();
      for (int m = 0; m < provider.models().size(); m++) {
        ModelSpec model = provider.models().get(m);
        ObjectNode fields = ownFields(model);
        for (Map.Entry<String, Object> e : audit.requestFields().entrySet()) {
          if (fields.has(e.getKey())) {
            throw f.error("providers[" + p + "].models[" + m + "].request." + e.getKey(), "is set by `audit.logprobs`",
                "remove it from the model's `request`");
          }
          fields.set(e.getKey(), JSON.valueToTree(e.getValue()));
        }
        models.add(new ModelSpec(model.id(), model.size(), model.price(), model.costPerHour(), model.concurrency(),
            model.baseUrl(), fields.toString()));
      }
      out.add(new ProviderSpec(provider.name(), provider.baseUrl(), provider.apiKeyEnv(), provider.headers(), models,
          provider.rateLimit(), provider.streamOptions()));
    }
    return out;
  }

  private static ObjectNode ownFields(ModelSpec model) {
    if (model.request() == null) return JSON.createObjectNode();
    try {
      return (ObjectNode) JSON.readTree(model.request());
    } catch (IOException e) {
      throw new UncheckedIOException("model " + model.id() + ": request fields are not JSON", e);
    }
  }

  private record ModelRef(String provider, String model) {}

  /** {@code PROVIDER} (serving one model) or {@code PROVIDER/MODEL}; model ids may hold slashes themselves. */
  private static ModelRef reference(YamlFields a, List<ProviderSpec> providers) {
    String named = a.requiredString("reference", REFERENCE_FIX);
    List<String> names = providers.stream().map(ProviderSpec::name).toList();
    Optional<ProviderSpec> whole = providers.stream().filter(p -> p.name().equals(named)).findFirst();
    if (whole.isPresent()) {
      List<ModelSpec> models = whole.get().models();
      if (models.size() != 1) {
        throw a.error("reference", "`" + named + "` serves " + models.size() + " models",
            "name one: `reference: " + named + "/" + models.get(0).id() + "`");
      }
      return new ModelRef(named, models.get(0).id());
    }
    ProviderSpec provider = providers.stream().filter(p -> named.startsWith(p.name() + "/")).findFirst()
        .orElseThrow(() -> a.error("reference", "`" + named + "` names no provider of the job",
            "use one of " + String.join(", ", names)));
    String model = named.substring(provider.name().length() + 1);
    if (provider.models().stream().noneMatch(m -> m.id().equals(model))) {
      throw a.error("reference", "`" + model + "` is not a model of " + provider.name(), "use one of "
          + String.join(", ", provider.models().stream().map(ModelSpec::id).toList()));
    }
    return new ModelRef(provider.name(), model);
  }
}
