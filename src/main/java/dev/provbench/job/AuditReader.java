package dev.provbench.job;

import dev.provbench.input.YamlFields;
import java.util.List;
import java.util.Optional;

/** Reads the job's optional {@code audit} section into an {@link AuditPlan}; null when absent. Stateless. */
final class AuditReader {
  private static final String REFERENCE_FIX = "name the reference deployment as `PROVIDER` or `PROVIDER/MODEL`, e.g."
      + " `reference: Self-hosted vLLM/meta-llama/Llama-3.1-405B-Instruct`";

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
    a.finish();
    return new AuditPlan(reference.provider(), reference.model(), samples, temperature, maxTokens);
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
